"""The same query set answers exactly as before the caches, with them on and off.

``tests/data/ranking_snapshot.json`` was made by ``tests/ranking_snapshot.py`` from the code
before the page cache and the prepared API objects existed: the results, their order and
scores, the facets and the API's whole bodies must not move (but for ``last_modified``, the
moment the sample directory was seeded). Each round asks every query
of the set: with the page cache off (the listings shaped through the ORM, then from the
prepared objects), and on (made, then served from the cache)."""
from __future__ import annotations

import json

import pytest

from tests.ranking_snapshot import SNAPSHOT_FILE, collect, comparable


@pytest.fixture(scope="module")
def snapshot() -> dict:
    return comparable(json.loads(SNAPSHOT_FILE.read_text(encoding="utf-8")))


def _rounds(app):
    app.extensions.pop("directory.api_services", None)  # nothing prepared yet
    app.config["PAGE_CACHE"] = False
    yield "uncached, listings loaded through the ORM"
    yield "uncached, listings from prepared objects"
    app.config["PAGE_CACHE"] = True
    yield "page cache on, answers made and kept"
    yield "page cache on, answers served from the cache"


def test_results_ranking_and_facets_are_those_of_the_snapshot_with_caches_on_and_off(api_app, snapshot):
    for round_name in _rounds(api_app):
        answers = comparable(collect(api_app))
        for made, expected in zip(answers["engine"], snapshot["engine"], strict=True):
            assert made == expected, (round_name, expected["query"])
        for made, expected in zip(answers["api"], snapshot["api"], strict=True):
            assert made == expected, (round_name, expected["path"], expected["accept_language"])
