"""Issue 17, point 11: a moderator reads a submission in words — translated field labels and
values, not ORUK paths and codes; an access list in another order is no change; a text
change marks only the words that changed; a new listing has no empty "Before" column."""
from __future__ import annotations

import re

from tests.submit.support import POLISH_WALK, post_listing, submit_and_get_edit_link

from .test_moderation import approve_via_queue, pending

WALK = dict(POLISH_WALK, access=["step_free", "hearing_loop"])
ADDED = " Kijki można pożyczyć na miejscu."


def cells(page: str) -> str:
    return re.search(r'<table class="diff.*?</table>', page, re.S).group(0)


def test_a_new_listing_is_shown_in_words_without_a_before_column(app, seeded_db, moderator_client):
    submit_and_get_edit_link(app.test_client(), WALK)
    table = cells(moderator_client.get(f"/en/moderate/submissions/{pending(seeded_db).id}").get_data(as_text=True))
    assert ">Before<" not in table and "<del>" not in table
    assert "Where · Postcode" in table and "physical addresses" not in table and "postal code" not in table
    for words in ("Step-free access", "Hearing loop", "Every week", "Tuesday", "United Kingdom", "Just turn up",
                  "Everyone welcome", "Nordic walking", "Polish", "Walking group"):
        assert words in table, words
    for code in (">step_free", ">drop_in<", ">WEEKLY<", ">TU<", ">GB<", ">True<", ">walking-group<", ">mixed<"):
        assert code not in table, code


def test_the_same_labels_are_translated_for_a_polish_moderator(app, seeded_db, moderator_client):
    submit_and_get_edit_link(app.test_client(), WALK)
    table = cells(moderator_client.get(f"/pl/moderate/submissions/{pending(seeded_db).id}").get_data(as_text=True))
    assert "Kod pocztowy" in table and "wtorek" in table.lower() and "Co tydzień" in table


def test_an_edit_shows_the_added_sentence_only_and_not_a_reordered_access_list(app, seeded_db, moderator_client):
    group = app.test_client()
    link = submit_and_get_edit_link(group, WALK)
    approve_via_queue(moderator_client, pending(seeded_db).id)
    edited = dict(WALK, access=["hearing_loop", "step_free"], description=WALK["description"] + ADDED)
    post_listing(group, edited, url=f"{link}/edit")
    table = cells(moderator_client.get(f"/en/moderate/submissions/{pending(seeded_db, 'edit').id}")
                  .get_data(as_text=True))
    assert "Access" not in table, "the same access in another order is no change"
    assert ">Before<" in table
    inserted = re.findall(r"<ins>(.*?)</ins>", table, re.S)
    assert inserted == [ADDED], inserted
    assert "<del>" not in table, "nothing was taken away"
    assert "Spacerujemy razem wzdłuż rzeki Soar" in table, "the unchanged words are shown, unmarked"
