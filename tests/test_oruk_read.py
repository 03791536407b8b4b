"""ORUK dicts become models: upsert by id, NFC text, clear errors naming the field."""
import unicodedata

import pytest
from sqlalchemy import func, select

from directory.models import Location, Service, ServiceTranslation, TaxonomyTerm
from directory.oruk.read import InvalidRecord, upsert_service

from .listings import CHINESE_TAI_CHI, GUJARATI_LUNCH_CLUB, POLISH_YOGA, TRADITIONAL_TAI_CHI, service


@pytest.mark.parametrize("text, locale", [(GUJARATI_LUNCH_CLUB, "gu"), (POLISH_YOGA, "pl"),
                                          (CHINESE_TAI_CHI, "zh_Hans"), (TRADITIONAL_TAI_CHI, "zh_Hant")])
def test_real_sentences_round_trip_through_the_database_unchanged(taxonomy_db, text, locale):
    data = service(f"rt-{locale}", text, locale=locale)
    with taxonomy_db.session() as session:
        upsert_service(session, data)
    with taxonomy_db.session() as session:
        stored = session.get(Service, data["id"])
        assert (stored.name, stored.description, stored.locale) == (text["name"], text["description"], locale)


def test_decomposed_input_is_stored_nfc_normalised(taxonomy_db):
    decomposed = {k: unicodedata.normalize("NFD", v) for k, v in POLISH_YOGA.items()}
    assert decomposed["name"] != POLISH_YOGA["name"]
    data = service("nfd", decomposed, locale="pl")
    with taxonomy_db.session() as session:
        upsert_service(session, data)
    with taxonomy_db.session() as session:
        assert session.get(Service, data["id"]).name == POLISH_YOGA["name"]


def test_upserting_twice_leaves_one_copy_of_everything(taxonomy_db):
    data = service("twice", POLISH_YOGA, locale="pl", translations={"en": {"name": "Yoga for older people"}})
    for _ in range(2):
        with taxonomy_db.session() as session:
            upsert_service(session, data)
    with taxonomy_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Service)) == 1
        assert session.scalar(select(func.count()).select_from(Location)) == 1
        assert session.scalar(select(func.count()).select_from(ServiceTranslation)) == 1
        stored = session.get(Service, data["id"])
        assert [term.code for term in stored.taxonomy_terms] == ["exercise"]


def test_taxonomy_terms_carry_names_in_every_locale(taxonomy_db):
    with taxonomy_db.session() as session:
        yoga = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == "yoga"))
        assert yoga.name_in("gu") == "યોગ" and yoga.name_in("zh_Hant") == "瑜伽"
        assert yoga.parent.code == "exercise"
        assert {"jogi", "瑜珈", "Joga", "Yoga"} <= set(yoga.all_words())


@pytest.mark.parametrize("change, field", [
    ({"name": ""}, "service.name"),
    ({"gender": "anyone"}, "service.gender"),
    ({"attributes": [{"taxonomy_term": {"code": "no-such-term"}}]}, "service.attributes[0]"),
    ({"schedules": [{"freq": "WEEKLY", "byday": "XY"}]}, "service.schedules[0].byday"),
    ({"cost_options": [{"amount": "-3"}]}, "service.cost_options[0].amount"),
])
def test_bad_fields_are_reported_by_name(taxonomy_db, change, field):
    data = service("bad", POLISH_YOGA, locale="pl", **change)
    with pytest.raises(InvalidRecord) as error, taxonomy_db.session() as session:
        upsert_service(session, data)
    assert error.value.path == field


def test_latitude_out_of_range_is_rejected(taxonomy_db):
    data = service("lat", POLISH_YOGA, locale="pl", latitude=200)
    with pytest.raises(InvalidRecord, match="latitude"), taxonomy_db.session() as session:
        upsert_service(session, data)
