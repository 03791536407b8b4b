"""The sample directory loads completely, idempotently, and meets the issue's minimums."""
from collections import Counter

import pytest
from sqlalchemy import func, select

from directory.cli import main
from directory.models import Attribute, Location, Postcode, Service, ServiceTranslation, TaxonomyTerm

TABLES = (Service, Location, ServiceTranslation, Attribute, TaxonomyTerm, Postcode)


def counts(db) -> dict:
    with db.session() as session:
        return {model.__name__: session.scalar(select(func.count()).select_from(model)) for model in TABLES}


def test_seeding_twice_produces_no_duplicates(seeded_db):
    first = counts(seeded_db)
    from directory.seed import seed_directory
    from tests.conftest import SEED_DIR

    with seeded_db.session() as session:
        seed_directory(session, SEED_DIR)
    assert counts(seeded_db) == first


def test_sample_directory_meets_the_minimums(seeded_db):
    with seeded_db.session() as session:
        services = session.scalars(select(Service)).all()
        written_in = Counter()
        for service in services:
            for locale in service.texts_by_locale():
                written_in[locale.split("_")[0]] += 1
        assert len(services) >= 150
        assert written_in["gu"] >= 30 and written_in["pl"] >= 15 and written_in["zh"] >= 15
        terms = session.scalars(select(TaxonomyTerm)).all()
        assert len(terms) >= 40
        assert all({"gu", "pl", "zh_Hans", "zh_Hant", "ur"} <= {t.locale for t in term.translations} for term in terms)
        used = set(session.scalars(select(Attribute.taxonomy_term_id)))
        top_level = {term.id for term in terms if term.parent_id is None}
        assert top_level <= used | {term.parent_id for term in terms if term.id in used}


def test_every_located_listing_is_inside_leicester(seeded_db):
    with seeded_db.session() as session:
        for latitude, longitude in session.execute(select(Location.latitude, Location.longitude)):
            assert 52.58 < latitude < 52.69 and -1.20 < longitude < -1.03


@pytest.fixture
def cli_env(monkeypatch, database_url, tmp_path):
    monkeypatch.setenv("DIRECTORY_DATABASE_URL", database_url)
    monkeypatch.setenv("DIRECTORY_INDEX_DIR", str(tmp_path / "cli-index"))


def test_cli_seeds_and_reindexes_with_one_line_summaries(cli_env, runner, tmp_path):
    result = runner.invoke(main, ["seed"])
    assert result.exit_code == 0, result.output
    assert "Seeded 1" in result.output and "taxonomy terms" in result.output
    result = runner.invoke(main, ["reindex"])
    assert result.exit_code == 0, result.output
    assert "Indexed" in result.output and str(tmp_path / "cli-index") in result.output


def test_cli_refuses_a_broken_seed_folder_cleanly(cli_env, runner, tmp_path):
    broken = tmp_path / "broken"
    (broken / "services").mkdir(parents=True)
    (broken / "taxonomy.json").write_text('{"taxonomy": {"id": "t", "name": "T"}, "terms": []}')
    (broken / "services" / "a.json").write_text('[{"name": "No organisation"}]')
    result = runner.invoke(main, ["seed", "--seed-dir", str(broken)])
    assert result.exit_code != 0 and "a.json[0].organization" in result.output


def test_create_moderator_makes_an_account_with_a_hashed_password(cli_env, runner, db):
    from directory.models import Account

    result = runner.invoke(main, ["create-moderator", "--email", "Mod@Example.org", "--role", "connector",
                                  "--password", "a long enough secret"])
    assert result.exit_code == 0, result.output
    with db.session() as session:
        account = session.scalar(select(Account))
        assert account.email == "mod@example.org" and account.role == "connector"
        assert "a long enough secret" not in account.password_hash and account.check_password("a long enough secret")
