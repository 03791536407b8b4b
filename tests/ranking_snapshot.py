"""A fixed set of searches over the sample directory, and what they answer.

Why: caching and prepared representations must change how fast an answer comes, never the
answer. ``collect`` runs each query through the search engine (ids in order, scores,
distances, explanations, facets) and through the JSON API over HTTP (the whole body), and
``tests/search/test_ranking_snapshot.py`` compares that with ``tests/data/ranking_snapshot.json``,
made by this module from the code as it was *before* the caches existed::

    .venv/bin/python -m tests.ranking_snapshot      # rewrites tests/data/ranking_snapshot.json

The day is fixed (``SNAPSHOT_DAY``): a listing not confirmed for six months ranks lower, so
the ranking of dated sample listings would otherwise drift with the calendar.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

SNAPSHOT_FILE = Path(__file__).resolve().parent / "data" / "ranking_snapshot.json"
SNAPSHOT_DAY = dt.date(2026, 12, 6)

# (text, postcode, (lat, lon), radius_m, filters, languages, locale, page)
ENGINE_QUERIES = [
    ("lunch club", None, None, None, {}, [], "en", 1),
    ("yoga", None, None, None, {}, [], "en", 1),
    ("yoga", "LE4 6LF", None, 5000, {}, [], "en", 1),
    ("befriending", None, (52.6480, -1.1160), 3000, {}, [], "en", 1),
    ("", "LE5 3SH", None, 2000, {}, [], "en", 1),
    ("", None, (52.6390, -1.1300), 1500, {"cost": ["free"]}, [], "en", 1),
    ("", None, None, None, {"language": ["gu"]}, ["gu"], "gu", 1),
    ("યોગ", None, None, None, {}, ["gu"], "gu", 1),
    ("ભોજન", "LE4 6LF", None, 5000, {}, ["gu"], "gu", 1),
    ("joga", None, None, None, {}, ["pl"], "pl", 1),
    ("klub", None, (52.6350, -1.1000), 5000, {}, ["pl"], "pl", 1),
    ("瑜伽", None, None, None, {}, ["zh"], "zh_Hans", 1),
    ("午餐", None, None, None, {}, ["zh"], "zh_Hant", 1),
    ("exercise", None, None, None, {"access": ["step_free"]}, [], "en", 1),
    ("advice", None, None, None, {}, [], "en", 2),
    ("walk", "LE4", None, 3000, {}, [], "en", 1),
    ("lunch clb", None, None, None, {}, [], "en", 1),  # a typo: the loose fallback
    ("", None, None, None, {"day": ["tu"], "time": ["morning"]}, [], "en", 1),
    ("tea", None, None, None, {"status": ["active"]}, [], "en", 1),
    ("", None, (52.6480, -1.1160), 8000, {"gender": ["women_only"], "access": ["step_free", "bus_route"]}, [], "en", 1),
]

API_QUERIES = [
    "/api/services?search=lunch%20club",
    "/api/services?search=yoga&postcode=LE4%206LF&proximity=5000",
    "/api/services?lat=52.6480&lon=-1.1160&proximity=3000",
    "/api/services?lat=52.6390&lon=-1.1300&proximity=1500&per_page=20",
    "/api/services?search=%E0%AA%AF%E0%AB%8B%E0%AA%97&locale=gu",
    "/api/services?search=joga&language=pl",
    "/api/services?search=%E7%91%9C%E4%BC%BD&locale=zh_Hans",
    "/api/services?search=advice&page=2&per_page=5",
    "/api/services?search=exercise&full=true",
    "/api/services?postcode=LE5%203SH&proximity=2000&full=true&locale=pl",
    "/api/services?search=walk&day=tuesday",
    "/api/services?access=step_free&cost=free&lat=52.6480&lon=-1.1160&proximity=4000",
    "/api/services?search=lunch%20clb",
    "/api/services?lat=52.6350&lon=-1.1000&proximity=5000&search=club&per_page=50",
]
API_HEADER_QUERIES = [  # (path, Accept-Language)
    ("/api/services?search=lunch", "gu"),
    ("/api/services?lat=52.6480&lon=-1.1160&proximity=3000", "zh-Hant"),
]


def _engine_answers(app) -> list[dict]:
    from directory.discovery import locate
    from directory.search import SearchRequest

    engine = app.extensions["directory.search"]
    database = app.extensions["directory.db"]
    answers = []
    with database.session() as session:
        for text, postcode, point, radius, filters, languages, locale, page in ENGINE_QUERIES:
            located = locate(session, postcode, *(point or (None, None)))
            request = SearchRequest(text=text, point=located.point if located else None, radius_m=radius,
                                    filters={name: list(values) for name, values in filters.items()},
                                    languages=list(languages), locale=locale, page=page, per_page=10)
            results = engine.search(request)
            answers.append({
                "query": [text, postcode, list(point) if point else None, radius, filters, languages, locale, page],
                "total": results.total, "used_fallback": results.used_fallback, "facets": results.facets,
                "hits": [{"id": hit.service_id, "score": round(hit.score, 9),
                          "distance_m": None if hit.distance_m is None else round(hit.distance_m, 3),
                          "explanation": json.loads(json.dumps(hit.explanation.as_dict(), default=str))}
                         for hit in results.hits],
            })
    return answers


def _api_answers(app) -> list[dict]:
    client = app.test_client()
    answers = []
    for path, accept in [(path, None) for path in API_QUERIES] + API_HEADER_QUERIES:
        response = client.get(path, headers={"Accept-Language": accept} if accept else {})
        answers.append({"path": path, "accept_language": accept, "status": response.status_code,
                        "body": response.get_json()})
    return answers


def collect(app) -> dict:
    """Every answer of the fixed query set on ``app`` (its engine's day pinned)."""
    engine = app.extensions["directory.search"]
    engine._today = lambda: SNAPSHOT_DAY
    return {"day": SNAPSHOT_DAY.isoformat(), "engine": _engine_answers(app), "api": _api_answers(app)}


def comparable(value):
    """``value`` without what differs from one seeding of the sample directory to the next:
    ``last_modified`` (when it was seeded) and the ids of category links (attributes, which
    the seed files do not name, get fresh random ids, and are listed in id order)."""
    if isinstance(value, dict):
        attribute = "link_entity" in value and "taxonomy_term_id" in value
        kept = {key: comparable(item) for key, item in value.items()
                if key != "last_modified" and not (attribute and key == "id")}
        if isinstance(kept.get("attributes"), list):
            kept["attributes"] = sorted(kept["attributes"], key=lambda item: str(item.get("taxonomy_term_id")))
        return kept
    if isinstance(value, list):
        return [comparable(item) for item in value]
    return value


def main() -> int:
    from directory import create_app
    from directory.db import Database
    from directory.schema import upgrade_database
    from directory.search import IndexStore, rebuild_index
    from directory.seed import seed_directory

    seed_dir = Path(__file__).resolve().parent.parent / "seed_data"
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/directory.sqlite3"
        database = Database(url)
        upgrade_database(database)
        with database.session() as session:
            seed_directory(session, seed_dir)
        rebuild_index(database, IndexStore(Path(folder) / "index"))
        database.dispose()
        app = create_app({"TESTING": True, "DATABASE_URL": url, "INDEX_DIR": str(Path(folder) / "index"),
                          "SECRET_KEY": "snapshot", "INSTANCE_DIR": folder, "API_RATE_LIMIT": "100000 per minute"})
        snapshot = collect(app)
        app.extensions["directory.search"].close()
        app.extensions["directory.db"].dispose()
    SNAPSHOT_FILE.write_text(json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                             encoding="utf-8")
    print(f"wrote {SNAPSHOT_FILE}: {len(snapshot['engine'])} engine queries, {len(snapshot['api'])} API queries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
