"""A taxonomy imported with a cycle must not hang a page.

Found by the import property test (tests/test_import_property.py): a schema-shaped feed gave
a term the id "not-a-uuid" and the parent "not-a-uuid", and the category page walked that
term's sub-categories round and round, its list of ids growing, until the run was stopped.
Real app and database (both backends); each request runs in a thread given 30 s, so a
regression fails here instead of hanging the suite."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from directory.models import TaxonomyTerm

GIVE_UP_S = 30.0


def answer_within(client, path: str):
    answered = {}
    thread = threading.Thread(target=lambda: answered.setdefault("response", client.get(path)), daemon=True)
    thread.start()
    thread.join(GIVE_UP_S)
    assert not thread.is_alive(), f"{path} did not answer within {GIVE_UP_S:.0f} s"
    return answered["response"]


def term(session, code: str) -> TaxonomyTerm:
    return session.scalars(select(TaxonomyTerm).where(TaxonomyTerm.code == code)).one()


@pytest.mark.parametrize("cycle", ["its own parent", "two terms each other's parent"])
def test_category_pages_answer_when_the_taxonomy_has_a_cycle(client, indexed, cycle):
    with indexed.session() as session:
        lunch, food = term(session, "lunch-club"), term(session, "food-and-meals")
        assert lunch.parent_id == food.id  # the sample taxonomy, before the cycle
        if cycle == "its own parent":
            lunch.parent_id = lunch.id
        else:
            food.parent_id = lunch.id
    for path in ("/en/categories/lunch-club", "/en/categories/food-and-meals", "/gu/categories/", "/en/"):
        response = answer_within(client, path)
        assert response.status_code == 200, (path, response.status_code)
    lunch_page = answer_within(client, "/en/categories/lunch-club")
    assert lunch_page.status_code == 200 and "/en/services/" in lunch_page.get_data(as_text=True)
