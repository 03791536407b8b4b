"""Terms of other schemes matched to the built-in multilingual taxonomy
(directory.taxonomy_matching), and stable codes for terms that match nothing."""
import pytest
from sqlalchemy import select

from directory.models import TaxonomyTerm
from directory.reference import load_reference_data
from directory.taxonomy_matching import TermIndex, code_for_new_term, slug, term_key, unique_code

from .conftest import SEED_DIR


@pytest.mark.parametrize("a, b", [
    ("Luncheon Clubs", "Lunch club"), ("lunch-club", "Lunch Club"), ("Befriending services", "befriending service"),
    ("Men's Sheds", "mens shed"), ("Pop-in Café", "pop in cafe"), ("Arts & Crafts", "arts and crafts"),
    ("Charities", "charity"), ("Tai-Chi", "tai chi"),
])
def test_case_punctuation_plurals_and_variants_do_not_matter(a, b):
    assert term_key(a) == term_key(b)


def test_other_scripts_keep_their_marks():
    assert term_key("યોગ") == "યોગ" and term_key("યોગ") != term_key("યગ")


@pytest.fixture
def terms(db):
    with db.session() as session:
        load_reference_data(session, SEED_DIR)
    with db.session() as session:
        codes = {term.id: term.code for term in session.scalars(select(TaxonomyTerm))}
        yield TermIndex.from_session(session), codes


@pytest.fixture
def index(terms):
    found, codes = terms
    return lambda name: codes.get(found.match(name))


@pytest.mark.parametrize("name, code", [
    ("Luncheon club", "lunch-club"), ("Luncheon Clubs", "lunch-club"), ("Yoga classes", "yoga"),
    ("Foodbanks", "food-bank"), ("Welfare Benefits Advice", "benefits-advice"), ("Befriending Service", "befriending"),
    ("Digital inclusion", "digital-skills"), ("Walking groups", "walking-group"),
    ("Klub obiadowy", "lunch-club"), ("ભોજન ક્લબ", "lunch-club"), ("午餐會", "lunch-club"), ("瑜伽", "yoga"),
    ("لنچ کلب", "lunch-club"), ("JOGA", "yoga"),
])
def test_names_and_synonyms_in_any_language_find_the_built_in_term(index, name, code):
    assert index(name) == code


@pytest.mark.parametrize("name", ["Chess and draughts", "Bell ringing", "health-checkss"])
def test_a_name_the_taxonomy_does_not_know_matches_nothing(index, name):
    assert index(name) is None


def test_a_code_is_matched_only_as_written_ignoring_case(terms):
    found, codes = terms
    assert codes[found.match_code("health-checks")] == "health-checks"
    assert codes[found.match_code("Health-Check")] == "health-check"
    assert found.match_code("health-checkss") is None


def test_a_code_like_name_is_not_made_singular(index):
    assert index("food-banks") is None and index("food-bank") == "food-bank"


def test_unmatched_terms_get_a_stable_de_duplicated_code(db):
    with db.session() as session:
        assert slug("Chess & Draughts!") == "chess-draughts"
        assert slug("ગરબા વર્ગ") == "ગરબા-વર્ગ"
        assert unique_code(session, "Chess & Draughts") == "chess-draughts"
        session.add(TaxonomyTerm(id="t1", code="chess-draughts", name="Chess & Draughts"))
        session.flush()
        assert unique_code(session, "Chess & Draughts") == "chess-draughts-2"
        assert unique_code(session, "!!!") == "term"


def test_a_new_term_keeps_its_feed_code_when_it_is_free(db):
    with db.session() as session:
        session.add(TaxonomyTerm(id="t1", code="EXE-01", name="Exercise"))
        session.flush()
        assert code_for_new_term(session, "LGA:1234", "Bell ringing") == "LGA:1234"
        assert code_for_new_term(session, "EXE-01", "Bell ringing") == "bell-ringing"   # taken
        assert code_for_new_term(session, "a/b", "Bell ringing") == "bell-ringing"     # not a page address
        assert code_for_new_term(session, None, "Bell ringing") == "bell-ringing"
