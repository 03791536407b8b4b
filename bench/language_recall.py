"""Recall of a multilingual feed imported into a fresh instance (issue 13): native-language
recall@5 and cross-lingual recall@5.

The same steps a council would take, on a temporary SQLite file and index folder:
``directory init`` → ``directory import feed.json`` (tests/multilingual_feed.py: Gujarati,
Polish, Simplified and Traditional Chinese and English listings, no language field anywhere,
categories from another taxonomy) → ``directory reindex``; then each query of the feed module
through ``GET /api/services?text=…`` with the query's language as Accept-Language.

    .venv/bin/python bench/language_recall.py

Prints one line per query (hit rank or "missed") and the two figures. Never part of the suite;
tests/test_import_languages.py asserts the same queries.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run(folder: Path) -> tuple[int, int, int, int]:
    os.environ["DIRECTORY_DATABASE_URL"] = f"sqlite:///{folder / 'directory.sqlite3'}"
    os.environ["DIRECTORY_INDEX_DIR"] = str(folder / "index")
    os.environ["DIRECTORY_INDEX_FOLLOW"] = "0"
    from click.testing import CliRunner

    from directory import create_app
    from directory.cli import main
    from tests.multilingual_feed import CROSS_LINGUAL_QUERIES, FEED, NATIVE_QUERIES, service_id

    feed = folder / "feed.json"
    feed.write_text(json.dumps(FEED, ensure_ascii=False), encoding="utf-8")
    runner = CliRunner()
    for args in (["init"], ["import", str(feed)], ["reindex"]):
        result = runner.invoke(main, args)
        print(f"$ directory {' '.join(args)} → exit {result.exit_code}: {result.output.strip().splitlines()[-1:]}")
    app = create_app({"TESTING": True, "SECRET_KEY": "bench"})
    client = app.test_client()

    def found(queries) -> int:
        hits = 0
        for query, lang, slug in queries:
            answer = client.get("/api/services", query_string={"text": query, "per_page": 5},
                                headers={"Accept-Language": lang})
            ids = [item["id"] for item in answer.get_json().get("contents", [])] if answer.status_code == 200 else []
            rank = ids.index(service_id(slug)) + 1 if service_id(slug) in ids else None
            hits += rank is not None
            print(f"  {query!r:16} ({lang:7}) → {slug:22} {'rank ' + str(rank) if rank else 'missed'}")
        return hits

    print("native:")
    native = found(NATIVE_QUERIES)
    print("cross-lingual:")
    cross = found(CROSS_LINGUAL_QUERIES)
    return native, len(NATIVE_QUERIES), cross, len(CROSS_LINGUAL_QUERIES)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as temporary:
        native, native_total, cross, cross_total = run(Path(temporary))
    print(f"native recall@5 {native}/{native_total}; cross-lingual recall@5 {cross}/{cross_total}")
