"""Our reader of Stempel's Polish table stems exactly as pystempel's own reader does."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
import regex
from pystempel import Stemmer
from pystempel.streams import DataInputStream

from directory.search.stempel_table import load_polimorf, polimorf_table_bytes, read_table

ROOT = Path(__file__).resolve().parents[2]
POLISH_CATALOGUE = ROOT / "directory" / "i18n" / "translations" / "pl" / "LC_MESSAGES" / "messages.po"


def polish_words() -> list[str]:
    """Every word of the Polish interface: real, inflected Polish, over 800 forms."""
    text = POLISH_CATALOGUE.read_text(encoding="utf-8")
    translated = " ".join(regex.findall(r'^msgstr(?:\[\d\])? "(.*)"$', text, flags=regex.M))
    words = {word.lower() for word in regex.findall(r"\p{L}+", translated)}
    return sorted(words)


@pytest.fixture(scope="module")
def both_readers() -> tuple[Stemmer, Stemmer]:
    data = polimorf_table_bytes()
    return read_table(data), Stemmer.from_stream(DataInputStream(io.BytesIO(data)))


def test_every_word_of_the_polish_interface_gets_the_same_stem_from_both_readers(both_readers):
    ours, pystempels = both_readers
    words = polish_words()
    assert len(words) > 800
    assert {"zajęcia", "spotkania", "grupy"} <= set(words)
    different = {word: (ours(word), pystempels(word)) for word in words if ours(word) != pystempels(word)}
    assert not different


def test_words_pystempel_cannot_place_get_its_answer_too(both_readers):
    ours, pystempels = both_readers
    for word in ["", "x", "qqqqqqqq", "zajeciativus", "ćwiczeniach", "żółć", "Łódź", "1234", "ab-cd"]:
        if not word:
            continue
        assert ours(word) == pystempels(word), word


def test_rows_are_decoded_only_when_a_lookup_reaches_them():
    stemmer = read_table(polimorf_table_bytes())
    tries = stemmer.stemmer_trie.tries
    rows = sum(len(trie.rows) for trie in tries)
    assert rows > 30_000
    assert stemmer("spotkaniach") == "spotkanie"
    decoded = sum(1 for trie in tries for row in trie.rows._rows if row is not None)
    assert 0 < decoded < 200


def test_a_table_of_another_shape_is_refused_not_misread():
    data = polimorf_table_bytes()
    with pytest.raises(ValueError, match="left unread"):
        read_table(data + b"\x00\x00\x00\x00")


def test_the_shipped_table_loads_through_our_reader():
    stemmer = load_polimorf()
    assert type(stemmer.stemmer_trie.tries[0].rows).__name__ == "_RowsDecodedWhenVisited"
    assert stemmer("seniorów") == "senior"
