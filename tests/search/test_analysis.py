"""Language analysis for search: tokenising, folding and stemming per language,
checked on real sentences and through a real on-disk Whoosh index."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import index
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser

from directory.search import analysis
from directory.search.analysis import (LANGUAGE_FIELDS, analyzer_for, detect_query_languages,
                                       detect_script, normalise_text)

ROOT = Path(__file__).resolve().parents[2]


def tokens(locale, text, **kw):
    return [t.text for t in analyzer_for(locale)(text, **kw)]


def search(tmp_path, family, docs, query, field_kw=None):
    """Index ``docs`` ({id: text}) with the family's analyser on disk, reopen
    the index from disk (the schema, analysers included, is unpickled) and
    return the ids matching ``query`` parsed by Whoosh's QueryParser."""
    ix_dir = tmp_path / f"ix_{family}"
    ix_dir.mkdir(exist_ok=True)
    schema = Schema(id=ID(stored=True, unique=True),
                    body=TEXT(analyzer=analyzer_for(family), stored=True, **(field_kw or {})))
    ix = index.create_in(str(ix_dir), schema)
    with ix.writer() as w:
        for key, text in docs.items():
            w.add_document(id=key, body=normalise_text(text))
    ix = index.open_dir(str(ix_dir))
    with ix.searcher() as s:
        q = QueryParser("body", ix.schema).parse(normalise_text(query))
        return sorted(hit["id"] for hit in s.search(q, limit=None))


# ------------------------------------------------------------------ Gujarati
def test_gujarati_vowel_signs_stay_inside_words():
    # "અને" (and) is deliberately kept: see the indic analyser's comment.
    assert tokens("gu", "યોગ વર્ગ અને ભોજન ક્લબ") == ["યોગ", "વર્ગ", "અને", "ભોજન", "ક્લબ"]


def test_gujarati_attached_postpositions_are_stripped_from_nouns():
    assert tokens("gu", "ક્લબમાં") == ["ક્લબ"]
    assert tokens("gu", "ક્લબમાંથી સમાજની") == ["ક્લબ", "સમાજ"]


def test_gujarati_short_words_that_merely_end_like_a_suffix_are_left_alone():
    assert tokens("gu", "અને") == ["અને"]


def test_gujarati_decomposed_digits_and_zero_width_joiners_index_alike():
    word = "ક્લબ"
    with_zwj = word.replace("્", "્\u200d")
    assert tokens("gu", with_zwj) == tokens("gu", word)
    assert tokens("gu", "૧૦ વાગ્યે") == ["10", "વાગ્યે"]


def test_gujarati_in_the_club_finds_a_club_listing(tmp_path):
    docs = {"lunch": "યોગ વર્ગ અને ભોજન ક્લબ", "other": "બાળકો માટે રમતો"}
    assert search(tmp_path, "indic", docs, "ક્લબમાં") == ["lunch"]


# -------------------------------------------------------------------- English
def test_english_stems_folds_accents_and_drops_stop_words():
    assert tokens("en", "The Children's Café runs Yoga classes for seniors") == [
        "children", "cafe", "run", "yoga", "class", "senior"]


def test_english_keeps_single_digits_such_as_five_a_side():
    assert tokens("en", "5 a side football") == ["5", "side", "footbal"]


# --------------------------------------------------------------------- Polish
@pytest.mark.parametrize("form", ["joga", "jogi", "jogę", "jodze", "jogą"])
def test_polish_stemmer_maps_the_cases_of_yoga_together(form):
    assert tokens("pl", form) == tokens("pl", "joga")


@pytest.mark.parametrize("group", [("zajęcia", "zajęciach", "zajęć"),
                                   ("seniorów", "seniorzy", "senior", "seniorami")])
def test_polish_stemmer_maps_classes_and_seniors_together(group):
    assert len({tuple(tokens("pl", w)) for w in group}) == 1


def test_polish_stop_words_are_dropped():
    assert tokens("pl", "Zajęcia jogi dla seniorów w klubie") == tokens("pl", "zajęcia joga senior klub")


def test_polish_stempel_tables_ship_inside_the_wheel():
    from importlib.resources import files
    table = files("pystempel.data.polimorf").joinpath("stemmer_polimorf.tbl.gz")
    assert table.is_file() and len(table.read_bytes()) > 1_000_000


@pytest.mark.parametrize("form, expected", [
    ("jogi", "jog"), ("joga", "jog"), ("jogę", "jog"), ("jodze", "jog"),
    ("zajęcia", "zajec"), ("zajecia", "zajec"), ("zajęciach", "zajec"),
    ("seniorów", "senior"), ("seniorzy", "senior"), ("senior", "senior"),
])
def test_polish_folded_analyser_normalises_forms_typed_with_or_without_diacritics(form, expected):
    assert tokens("pl_folded", form) == [expected]


@pytest.mark.parametrize("query", ["zajecia jogi", "zajęcia jogi", "joga", "seniorzy", "zajeciach"])
def test_polish_typed_without_diacritics_finds_the_listing(tmp_path, query):
    docs = {"joga": "Zajęcia jogi dla seniorów", "kawa": "Kawiarnia dla rodziców z dziećmi"}
    assert search(tmp_path, "pl_folded", docs, query) == ["joga"]


@pytest.mark.parametrize("query", ["zajęciach", "jogę", "senior"])
def test_polish_stemmed_field_finds_inflected_queries(tmp_path, query):
    docs = {"joga": "Zajęcia jogi dla seniorów", "kawa": "Kawiarnia dla rodziców z dziećmi"}
    assert search(tmp_path, "pl", docs, query) == ["joga"]


# -------------------------------------------------------------------- Chinese
def test_traditional_and_simplified_tai_chi_produce_the_same_tokens():
    assert tokens("zh_Hant", "太極") == tokens("zh_Hans", "太极") == ["太极"]
    assert tokens("zh-TW", "長者午餐俱樂部") == tokens("zh", "长者午餐俱乐部")


def test_chinese_segmentation_finds_tai_chi_and_the_elderly():
    toks = tokens("zh", "老年人太极班")
    assert "太极" in toks and ("老年人" in toks or "老年" in toks)


def test_chinese_punctuation_and_spaces_are_not_tokens():
    toks = tokens("zh", "太极班，每周三！  欢迎。Zumba 课")
    assert all(t.strip() and t not in "，！。" for t in toks)
    assert "zumba" in toks


def test_traditional_query_finds_simplified_listing_and_highlights_it(tmp_path):
    ix_dir = tmp_path / "zh"
    ix_dir.mkdir()
    schema = Schema(id=ID(stored=True), body=TEXT(analyzer=analyzer_for("zh"), stored=True))
    ix = index.create_in(str(ix_dir), schema)
    with ix.writer() as w:
        w.add_document(id="taichi", body="老年人太极班")
        w.add_document(id="trad", body="每週三長者太極拳")
        w.add_document(id="lunch", body="午餐俱乐部")
    with index.open_dir(str(ix_dir)).searcher() as s:
        hits = s.search(QueryParser("body", schema).parse("太極"))
        assert sorted(h["id"] for h in hits) == ["taichi", "trad"]
        trad = next(h for h in hits if h["id"] == "trad")
        assert "太極" in trad.highlights("body")  # offsets point at the original characters
        assert "<b" in trad.highlights("body")


def test_jieba_and_stempel_initialise_without_writing_to_stderr():
    code = ("from directory.search.analysis import analyzer_for as a;"
            "list(a('zh')('老年人太极班')); list(a('pl')('zajęcia'))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""


# ---------------------------------------------------------------- Urdu/Arabic
def test_urdu_yeh_kaf_variants_and_harakat_do_not_block_a_match():
    farsi_forms = tokens("ur", "کتابیں پڑھنے کے لیے")
    assert tokens("ur", "كتابيں پڑھنے كے ليے") == farsi_forms  # Arabic kaf/yeh keyboard
    assert tokens("ur", "کِتابیں پَڑھنے کے لِیے") == farsi_forms  # with harakat


def test_urdu_listing_is_found_without_diacritics(tmp_path):
    docs = {"women": "خواتین کے لیے سلائی کی کلاس", "kids": "بچوں کا کھیل"}
    assert search(tmp_path, "indic", docs, "سِلائی كلاس") == ["women"]


def test_hindi_matras_and_virama_stay_inside_words():
    assert tokens("hi", "बुज़ुर्गों के लिए योग कक्षा") == ["बुज़ुर्गों", "के", "लिए", "योग", "कक्षा"]


# -------------------------------------------------------------------- generic
@pytest.mark.parametrize("text, expected", [
    ("Koox caawin ah oo loogu talagalay waalidiinta", ["koox", "caawin", "ah", "oo", "loogu",
                                                        "talagalay", "waalidiinta"]),
    ("Yaşlılar için yoga", ["yaslılar", "icin", "yoga"]),
    ("Йога для пожилых", ["йога", "для", "пожилых"]),
])
def test_generic_analyser_splits_somali_turkish_and_russian_into_words(text, expected):
    assert tokens("so", text) == expected


def test_generic_analyser_indexes_the_word_before_a_turkish_apostrophe(tmp_path):
    docs = {"ist": "İstanbul'da çay saati", "ba": "Waa ba'an"}
    assert search(tmp_path, "generic", docs, "istanbul") == ["ist"]
    assert search(tmp_path, "generic", docs, "ba'an") == ["ba"]


# ------------------------------------------------------- whoosh integration
ROUND_TRIPS = [
    ("en", "Chair yoga for older adults at the café", "adult cafe", "yoga for older"),
    ("pl", "Zajęcia jogi dla seniorów w klubie", "jogę seniorzy", "zajęcia jogi"),
    ("pl_folded", "Zajęcia jogi dla seniorów w klubie", "zajecia seniorow", "zajecia jogi"),
    ("zh", "每週三下午老年人太極班", "太极", "老年人太极"),
    ("indic", "યોગ વર્ગ અને ભોજન ક્લબ", "ક્લબમાં", "ભોજન ક્લબ"),
    ("indic", "خواتین کے لیے سلائی کی کلاس", "کلاس", "سلائی کی"),
    ("generic", "Koox caawin ah oo loogu talagalay waalidiinta", "caawin", "caawin ah"),
]


@pytest.mark.parametrize("family, doc, query, phrase", ROUND_TRIPS)
def test_each_analyser_round_trips_terms_and_phrases_through_an_on_disk_index(
        tmp_path, family, doc, query, phrase):
    docs = {"hit": doc, "miss": "zzz qqq"}
    assert search(tmp_path, family, docs, query) == ["hit"]
    assert search(tmp_path, family, docs, f'"{phrase}"') == ["hit"]


@pytest.mark.parametrize("family, doc, query, phrase", ROUND_TRIPS)
def test_token_offsets_point_into_the_text_that_was_analysed(family, doc, query, phrase):
    toks = [(t.startchar, t.endchar, t.pos) for t in analyzer_for(family)(doc, chars=True, positions=True)]
    assert toks
    for start, end, _pos in toks:
        assert 0 <= start < end <= len(doc) and doc[start:end].strip()
    assert [p for _s, _e, p in toks] == sorted(p for _s, _e, p in toks)


# ---------------------------------------------------------------- routing
@pytest.mark.parametrize("locale, family", [
    ("en", "en"), ("pl", "pl"), ("pl_folded", "pl_folded"), ("gu", "indic"), ("hi", "indic"),
    ("pa", "indic"), ("bn", "indic"), ("ur", "indic"), ("ar", "indic"), ("zh", "zh"),
    ("zh_Hans", "zh"), ("zh_Hant", "zh"), ("zh-TW", "zh"), ("yue", "zh"), ("so", "generic"),
    ("other", "generic"), (None, "generic"), ("pl_PL", "pl"),
])
def test_analyzer_for_maps_locale_codes_to_cached_family_analysers(locale, family):
    assert analyzer_for(locale) is analyzer_for(family)
    assert family in LANGUAGE_FIELDS


@pytest.mark.parametrize("text, script", [
    ("યોગ વર્ગ", "gujarati"), ("योग कक्षा", "devanagari"), ("ਯੋਗਾ ਕਲਾਸ", "gurmukhi"),
    ("যোগ ক্লাস", "bengali"), ("سلائی کلاس", "arabic"), ("太極", "han"), ("zajęcia", "latin"),
    ("Йога", "other"), ("", "other"), ("!!!", "other"), ("યોગ yoga ક્લબ", "gujarati"),
])
def test_detect_script_counts_letters_per_script(text, script):
    assert detect_script(text) == script


@pytest.mark.parametrize("text, ui, expected", [
    ("zajecia jogi", "pl", ["pl", "en"]),
    ("zajęcia jogi", "en", ["pl", "en"]),
    ("yoga", "en", ["en", "pl"]),
    ("yoga", None, ["en", "pl"]),
    ("太極", "en", ["zh"]),
    ("યોગ", "en", ["gu"]),
    ("سلائی", "ar", ["ar", "ur"]),
    ("سلائی", None, ["ur", "ar"]),
    ("caawin", "so", ["so", "en", "pl"]),
    ("yoga 太极班", "en", ["en", "pl", "zh"]),
    ("老年人太极班 yoga", "pl", ["zh", "pl", "en"]),
])
def test_detect_query_languages_uses_script_first_and_ui_locale_as_tie_break(text, ui, expected):
    assert detect_query_languages(text, ui) == expected


# ----------------------------------------------------------- normalisation
def test_normalise_text_composes_and_strips_invisible_controls_but_keeps_joiners():
    assert normalise_text("cafe\u0301") == "café"
    assert normalise_text("a\x00b\x1bc\u202ed\ufeffe\u00adf") == "abcdef"
    assert normalise_text("line\nnext\ttab") == "line\nnext\ttab"
    assert normalise_text("ક્\u200dલબ 👨\u200d👩\u200d👧") == "ક્\u200dલબ 👨\u200d👩\u200d👧"


def test_normalise_text_survives_lone_surrogates_long_text_and_non_strings():
    assert normalise_text("a\ud800b").encode("utf-8") == "a\ufffdb".encode("utf-8")
    assert len(normalise_text("ą" * 10_000)) == 10_000
    assert normalise_text(None) == "" and normalise_text(42) == "42"


ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=300)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT)
def test_every_analyser_accepts_arbitrary_text_in_index_and_query_mode(text):
    analysis.warm_up()
    for text_in in (text, normalise_text(text)):
        for family in LANGUAGE_FIELDS:
            for mode in ("index", "query"):
                for t in analyzer_for(family)(text_in, positions=True, chars=True, mode=mode):
                    assert isinstance(t.text, str) and t.text
    assert unicodedata.is_normalized("NFC", normalise_text(text))


@settings(max_examples=30, deadline=None)
@given(text=st.text(min_size=0, max_size=60))
def test_arbitrary_normalised_text_can_be_indexed_and_queried(tmp_path_factory, text):
    ix_dir = tmp_path_factory.mktemp("prop")
    schema = Schema(**{f: TEXT(analyzer=analyzer_for(f), stored=True) for f in LANGUAGE_FIELDS})
    ix = index.create_in(str(ix_dir), schema)
    with ix.writer() as w:
        w.add_document(**{f: normalise_text(text) for f in LANGUAGE_FIELDS})
    with ix.searcher() as s:
        for f in LANGUAGE_FIELDS:
            s.search(QueryParser(f, schema).parse(normalise_text(text)))


def test_chinese_field_keeps_non_chinese_words_whole():
    assert tokens("zh", "Zajęcia 太极 ક્લબ Zumba") == ["zajęcia", "太极", "ક્લબ", "zumba"]
