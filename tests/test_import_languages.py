"""A real multilingual ORUK feed on a fresh instance (issue 13): `directory init`, no seed,
`directory import`, `directory reindex`, then search in each listing's own language and
across languages through its category.

The feed (tests/multilingual_feed.py) says nowhere which language a listing is in, and its
categories come from another directory's taxonomy. bench/language_recall.py prints the same
queries' ranks (before this work: native 10/16, cross-lingual 0/4).
"""
import json
import re
import shutil

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from directory import create_app
from directory.cli import main
from directory.models import Attribute, Service, TaxonomyTerm
from directory.models.taxonomy import TaxonomyTermTranslation

from .multilingual_feed import CROSS_LINGUAL_QUERIES, EXPECTED_LOCALES, FEED, NATIVE_QUERIES, service_id

SLUGS = ("en", "gu", "pl", "zh-hans", "zh-hant", "ur")


def _cli(url: str, index_dir, *args, **env) -> str:
    result = CliRunner().invoke(main, [str(arg) for arg in args],  # output holds stdout and stderr
                                env={"DIRECTORY_DATABASE_URL": url, "DIRECTORY_INDEX_DIR": str(index_dir),
                                     "DIRECTORY_INDEX_FOLLOW": "0", **env})
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.fixture(scope="module")
def fresh_instance(backend, templates, tmp_path_factory):
    """An instance set up as a council would: init (no seed), import the feed, reindex."""
    folder = tmp_path_factory.mktemp("languages")
    url = templates.new_database(backend, seeded=False, folder=folder)
    feed = folder / "feed.json"
    feed.write_text(json.dumps(FEED, ensure_ascii=False), encoding="utf-8")
    outputs = [_cli(url, folder / "index", *args) for args in (["init"], ["import", feed], ["reindex"])]
    app = create_app({"TESTING": True, "DATABASE_URL": url, "INDEX_DIR": str(folder / "index"),
                      "SECRET_KEY": "test-secret", "INSTANCE_DIR": str(folder)})
    app.config["CLI_OUTPUT"] = outputs
    yield app
    app.extensions["directory.search"].close()
    app.extensions["directory.db"].dispose()
    templates.release(url)


@pytest.fixture
def fresh(fresh_instance):
    return fresh_instance.test_client()


def _top5(client, query: str, lang: str) -> list[str]:
    answer = client.get("/api/services", query_string={"text": query, "per_page": 5},
                        headers={"Accept-Language": lang})
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return [item["id"] for item in answer.get_json()["contents"]]


def test_init_loads_the_multilingual_taxonomy_and_postcodes_without_listings(fresh_instance):
    init_output = fresh_instance.config["CLI_OUTPUT"][0]
    assert re.search(r"Reference data loaded: \d+ taxonomy terms in every locale, \d+ postcodes", init_output)
    with fresh_instance.extensions["directory.db"].session() as session:
        yoga = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == "yoga"))
        assert {item.locale: item.name for item in yoga.translations}.items() >= {"gu": "યોગ", "pl": "Joga", "zh_Hans": "瑜伽"}.items()
        assert session.scalar(select(func.count()).select_from(Service)) == len(FEED)  # only the feed's


def test_each_listing_is_stored_in_the_language_it_is_written_in(fresh_instance):
    with fresh_instance.extensions["directory.db"].session() as session:
        stored = dict(session.execute(select(Service.id, Service.locale)).all())
    assert {slug: stored[service_id(slug)] for slug in EXPECTED_LOCALES} == EXPECTED_LOCALES


@pytest.mark.parametrize("query, lang, slug", NATIVE_QUERIES, ids=[q for q, _, _ in NATIVE_QUERIES])
def test_a_native_query_finds_its_listing_in_the_top_five(fresh, query, lang, slug):
    assert service_id(slug) in _top5(fresh, query, lang)


@pytest.mark.parametrize("query, lang, slug", CROSS_LINGUAL_QUERIES, ids=[q for q, _, _ in CROSS_LINGUAL_QUERIES])
def test_a_query_in_another_language_finds_an_english_listing_through_its_category(fresh, query, lang, slug):
    assert service_id(slug) in _top5(fresh, query, lang)


def test_imported_terms_are_matched_to_the_built_in_multilingual_terms(fresh_instance):
    with fresh_instance.extensions["directory.db"].session() as session:
        codes = {service_id: code for service_id, code in session.execute(
            select(Attribute.link_id, TaxonomyTerm.code).join(TaxonomyTerm, TaxonomyTerm.id == Attribute.taxonomy_term_id))}
        created = session.scalars(select(TaxonomyTerm.code).where(TaxonomyTerm.taxonomy_id.is_not(None),
                                                                 TaxonomyTerm.language.is_(None))).all()
    assert codes[service_id("luncheon-club")] == codes[service_id("obiad-w-parafii")] == "lunch-club"
    assert codes[service_id("bhojan-club")] == "lunch-club"            # "Lunch and social clubs"
    assert codes[service_id("chair-yoga")] == "yoga"                   # "Yoga classes"
    assert codes[service_id("benefits")] == "benefits-advice"          # "Welfare benefits advice"
    assert codes[service_id("woodwork")] == "mens-shed"                # "Mens Sheds"
    assert codes[service_id("spotkania-przy-kawie")] == "coffee-morning"
    assert codes[service_id("yi-gong")] == "volunteering"
    assert codes[service_id("chess")] == "chess-and-draughts"          # no match: a new term of its own
    assert created == ["chess-and-draughts"]


def test_every_page_answers_after_the_import_and_a_new_term_has_its_own_page(fresh):
    for slug in SLUGS:
        assert fresh.get(f"/{slug}/").status_code == 200
        assert fresh.get(f"/{slug}/categories/").status_code == 200
    page = fresh.get("/en/categories/chess-and-draughts")
    assert page.status_code == 200 and "Chess and draughts afternoon" in page.get_data(as_text=True)


@pytest.mark.parametrize("slug, lang", [("bhojan-club", "gu"), ("spotkania-przy-kawie", "pl"),
                                        ("tai-chi", "zh-Hant"), ("cha-ju", "zh-Hans")])
def test_listing_and_print_pages_mark_the_text_with_its_language(fresh, slug, lang):
    for path in (f"/en/services/{service_id(slug)}", f"/en/services/{service_id(slug)}/print"):
        html = fresh.get(path).get_data(as_text=True)
        assert re.search(rf'<(?:article|h1)[^>]* lang="{lang}"', html), path


def test_a_listing_shown_on_an_urdu_page_in_english_runs_left_to_right(fresh):
    html = fresh.get(f"/ur/services/{service_id('chair-yoga')}").get_data(as_text=True)
    assert re.search(r'<article class="listing" lang="en-GB" dir="ltr"', html)


# ---- on a database of the test's own -----------------------------------------------------

@pytest.fixture
def cli(database_url, tmp_path):
    return lambda *args, **env: _cli(database_url, tmp_path / "cli-index", *args, **env)


def test_running_init_again_updates_the_taxonomy_and_leaves_listings_alone(cli, db, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(FEED, ensure_ascii=False), encoding="utf-8")
    cli("init")
    cli("import", feed)
    with db.session() as session:
        listings = sorted(session.execute(select(Service.id, Service.name, Service.locale)).all())
        links = sorted(session.execute(select(Attribute.link_id, Attribute.taxonomy_term_id)).all())
        yoga = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == "yoga"))
        yoga.name = "Old name"
        yoga.translation("pl").synonyms = []
    cli("init")
    with db.session() as session:
        assert sorted(session.execute(select(Service.id, Service.name, Service.locale)).all()) == listings
        assert sorted(session.execute(select(Attribute.link_id, Attribute.taxonomy_term_id)).all()) == links
        yoga = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == "yoga"))
        assert yoga.name == "Yoga" and "joga" in yoga.translation("pl").synonyms
        assert session.scalar(select(func.count()).select_from(TaxonomyTermTranslation)
                              .where(TaxonomyTermTranslation.term_id == yoga.id)) == 6  # en gu pl zh_Hans zh_Hant ur, no duplicates


def test_seed_after_init_adds_only_the_sample_listings(cli, db):
    cli("init")
    with db.session() as session:
        terms = session.scalar(select(func.count()).select_from(TaxonomyTerm))
    output = cli("seed")
    assert re.search(r"Seeded \d+ sample services in", output) and "reference data" not in output
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(TaxonomyTerm)) == terms
        assert session.scalar(select(func.count()).select_from(Service)) > 100


def test_pages_do_not_depend_on_a_term_having_a_code(cli, client, db, tmp_path):
    """ORUK makes taxonomy_term.code optional; a term stored without one (an older import)
    is linked by its id."""
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(FEED, ensure_ascii=False), encoding="utf-8")
    cli("init")
    cli("import", feed)
    with db.session() as session:
        chess = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == "chess-and-draughts"))
        chess.code, chess_id = None, chess.id
    for slug in SLUGS:
        assert client.get(f"/{slug}/").status_code == 200
    assert client.get(f"/en/categories/{chess_id}").status_code == 200
    html = client.get(f"/en/services/{service_id('chess')}").get_data(as_text=True)
    assert f'/en/categories/{chess_id}"' in html


def test_seed_data_folder_copy_can_be_given_to_init(cli, db, tmp_path):
    """`--reference-dir` loads another folder's taxonomy and postcodes (a real area's)."""
    from tests.conftest import SEED_DIR

    folder = tmp_path / "reference"
    folder.mkdir()
    shutil.copy(SEED_DIR / "taxonomy.json", folder / "taxonomy.json")
    output = cli("init", "--reference-dir", folder)
    assert "0 postcodes" in output


def test_init_without_reference_data_migrates_and_says_the_taxonomy_was_not_loaded(cli, db, tmp_path):
    output = cli("init", DIRECTORY_SEED_DIR=str(tmp_path))
    assert "Database ready" in output and "the taxonomy was not loaded" in output
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(TaxonomyTerm)) == 0


def test_init_after_an_import_without_it_gives_the_built_in_term_its_code(cli, db, tmp_path):
    """A directory that imported before the taxonomy existed has its own "yoga" term: init
    gives the code to the built-in term and the imported one keeps its listings under "yoga-2"."""
    feed = tmp_path / "feed.json"
    yoga = dict(FEED[10], attributes=[{"taxonomy_term": {"id": "their-yoga", "code": "yoga", "name": "Yoga classes"}}])
    feed.write_text(json.dumps([yoga], ensure_ascii=False), encoding="utf-8")
    cli("import", feed)
    cli("init")
    with db.session() as session:
        theirs = session.get(TaxonomyTerm, "their-yoga")
        ours = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == "yoga"))
        assert theirs.code == "yoga-2" and ours.id != "their-yoga" and ours.translation("gu").name == "યોગ"
        assert session.scalar(select(Attribute.taxonomy_term_id).where(Attribute.link_id == yoga["id"])) == "their-yoga"
