"""Issue 17, point 14: English "chess" finds a Polish "Szachy…" listing the way "yoga" finds
"joga": the sample taxonomy's chess term carries the word in every language, and a query
naming it reaches listings whose own text uses it in any of them."""
import json
from pathlib import Path

from directory.search import SearchRequest

from ..listings import service

TAXONOMY = json.loads((Path(__file__).resolve().parents[2] / "seed_data" / "taxonomy.json").read_text(encoding="utf-8"))
SZACHY = service("szachy", {"name": "Szachy dla seniorów",
                            "description": "Co czwartek gramy w szachy przy herbacie. Uczymy też początkujących."},
                 locale="pl", term="social-club")
BINGO = service("bingo", {"name": "Friday bingo", "description": "Bingo and a cup of tea."}, term="social-club")


def test_english_chess_finds_the_polish_chess_club_and_not_every_social_club(make_engine):
    engine = make_engine([SZACHY, BINGO], TAXONOMY)
    found = [hit.service_id for hit in engine.search(SearchRequest(text="chess")).hits]
    assert found == [SZACHY["id"]]


def test_chess_in_gujarati_and_chinese_finds_it_too(make_engine):
    engine = make_engine([SZACHY, BINGO], TAXONOMY)
    for text in ("શતરંજ", "国际象棋", "象棋"):
        assert [hit.service_id for hit in engine.search(SearchRequest(text=text)).hits] == [SZACHY["id"]], text
