"""Take the README's screenshots: the public pages in headless Chromium, saved to docs/screenshots/.

    .venv/bin/python scripts/screenshots.py            # instance/ database if there is one, else a seeded temp one
    .venv/bin/python scripts/screenshots.py --seed     # always a freshly seeded temporary database

Needs Chromium at /usr/bin/chromium and the Noto fonts (``bash scripts/install-browser.sh``)
and compiled catalogues (``make translations``). The app is served on 127.0.0.1 on a free port
for as long as the script runs; the browser may fetch nothing but that server.
"""
from __future__ import annotations

import argparse
import logging
import re
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1200, "height": 1500}  # tall enough to show the categories and first results
LUNCH_CLUB = "eeb39e88-ea4a-5e25-86ac-d5a5175c418b"  # the Gujarati lunch club in the sample data

# file name -> path on the site: one of each public page, each in a different language.
# Cropped to the viewport so each PNG stays small (the tests save full pages to test-artefacts/).
SHOTS = {
    "home-gu.png": "/gu/",
    "results-pl.png": "/pl/search?q=klub+obiadowy&postcode=LE4+5AA&distance=3",
    "listing-zh-hans.png": f"/zh-hans/services/{LUNCH_CLUB}",
    "print-ur.png": f"/ur/services/{LUNCH_CLUB}/print",
    "category-en.png": "/en/categories/lunch-club",
}


def make_app(use_seed: bool, workdir: Path):
    from directory import create_app
    from directory.search import rebuild_index

    instance_db = ROOT / "instance" / "directory.sqlite3"
    if not use_seed and instance_db.exists():
        print(f"using {instance_db}")
        app = create_app({"DATABASE_URL": f"sqlite:///{instance_db}", "INDEX_DIR": str(ROOT / "instance" / "index"),
                          "INSTANCE_DIR": str(ROOT / "instance")})
        if not app.extensions["directory.search"].store.exists():
            rebuild_index(app.extensions["directory.db"], app.extensions["directory.search"].store)
        return app

    from directory.db import Database
    from directory.schema import upgrade_database
    from directory.seed import seed_directory

    print("using a freshly seeded temporary database")
    url = f"sqlite:///{workdir / 'directory.sqlite3'}"
    database = Database(url)
    upgrade_database(database)
    with database.session() as session:
        seed_directory(session, ROOT / "seed_data")
    database.dispose()
    app = create_app({"DATABASE_URL": url, "INDEX_DIR": str(workdir / "index"), "INSTANCE_DIR": str(workdir)})
    rebuild_index(app.extensions["directory.db"], app.extensions["directory.search"].store)
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", action="store_true", help="use a freshly seeded temporary database")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"folder for the PNGs (default {OUTPUT})")
    args = parser.parse_args(argv)

    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: run `bash scripts/install-browser.sh` first", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="signpost-shots-") as workdir:
        app = make_app(args.seed, Path(workdir))
        server = make_server("127.0.0.1", 0, app, threaded=True)
        base = f"http://127.0.0.1:{server.server_port}"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport=VIEWPORT)
                # Nothing leaves this machine: map tiles and any other outside request are refused.
                context.route(re.compile(rf"^(?!{re.escape(base)}/)"), lambda route: route.abort())
                page = context.new_page()
                for name, path in SHOTS.items():
                    response = page.goto(base + path, wait_until="networkidle")
                    if response is None or response.status != 200:
                        print(f"{path}: HTTP {response.status if response else '?'}", file=sys.stderr)
                        return 1
                    page.evaluate("document.fonts.ready")
                    target = args.output / name
                    page.screenshot(path=str(target), full_page=False)
                    print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}  ({path})")
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
            app.extensions["directory.index_sync"].stop()  # its follower may be writing into workdir
            app.extensions["directory.search"].close()
            app.extensions["directory.db"].dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
