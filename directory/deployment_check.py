"""``directory check``: what this deployment lacks, each with its fix.

An installation can look complete and still serve a broken site: every page in English
because no catalogue was compiled, no map because static/vendor was never built, sessions
lost on restart because the secret key is random, searches missing new listings because
the index is behind the change log. Each check here looks at the real thing (the files the
app will serve, the database it will use, the index folder it will read) and says how to
put it right. Checks never change anything: a missing SQLite file is reported, not created.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from sqlalchemy.exc import SQLAlchemyError

from .connect.pdf import pdf_problem
from .db import Database
from .i18n.locales import CATALOGUE_DIR, DEFAULT, SITE_LOCALES
from .package_data import PACKAGED
from .schema import unapplied_heads
from .search.applier import index_health
from .search.indexer import IndexStore
from .serving import MissingSecretKey, production_secret_key
from .web.public.icons import icon_table

# Words of the placeholders people paste from examples ("change-me-in-production", …);
# none of them turns up in a key made by secrets.token_hex or token_urlsafe.
PLACEHOLDER_WORDS = ("change", "replace", "example", "default", "secret", "insecure", "password")
# What the pages load from static/vendor besides the category icons (scripts/build-assets.sh).
VENDORED = ("leaflet/leaflet.js", "leaflet/leaflet.css", "markercluster/leaflet.markercluster.js",
            "markercluster/MarkerCluster.css", "fonts/fonts.css")
NEW_SECRET = "export DIRECTORY_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')"


@dataclass(frozen=True)
class Finding:
    subject: str
    ok: bool
    detail: str
    fix: str = ""


def check_deployment(app: Flask, environ: Mapping[str, str] = os.environ) -> list[Finding]:
    """Every finding for this app's configuration, in the order a deployment is put right."""
    database = app.extensions["directory.db"]
    findings = [secret_key_finding(environ), database_finding(database)]
    findings.append(index_finding(database, app.extensions["directory.search"].store) if findings[-1].ok else
                    Finding("search index", False, "not compared with the change log: the database is not usable",
                            "put the database right first"))
    return findings + [catalogue_finding(CATALOGUE_DIR), vendored_finding(Path(app.static_folder)), pdf_finding()]


def secret_key_finding(environ: Mapping[str, str]) -> Finding:
    try:
        key = production_secret_key(environ)
    except MissingSecretKey as error:
        return Finding("secret key", False, str(error).split(". ")[0], NEW_SECRET)
    if any(word in key.lower() for word in PLACEHOLDER_WORDS):
        return Finding("secret key", False, "DIRECTORY_SECRET_KEY looks like a placeholder, not a random key",
                       NEW_SECRET)
    return Finding("secret key", True, "DIRECTORY_SECRET_KEY is set")


def database_finding(database: Database) -> Finding:
    url = database.engine.url
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") \
            and not Path(url.database).is_file():
        return Finding("database", False, f"no SQLite file at {url.database}",
                       "run `directory init` (or set DIRECTORY_DATABASE_URL to the live database)")
    try:
        missing = unapplied_heads(database)
    except SQLAlchemyError as error:
        reason = str(error.orig if getattr(error, "orig", None) else error).strip().splitlines()[0]
        return Finding("database", False, f"{shown} is not reachable ({reason})",
                       "start the database server, or set DIRECTORY_DATABASE_URL to one that answers")
    if missing:
        return Finding("database", False, f"{shown} is not migrated to head (lacks {', '.join(sorted(missing))})",
                       "run `directory init` (it migrates and keeps every listing)")
    return Finding("database", True, f"{shown} answers and is migrated to head")


def index_finding(database: Database, store: IndexStore) -> Finding:
    report = index_health(database, store)
    if not report["index"]["exists"]:
        return Finding("search index", False, f"no index in {store.root}", "run `directory reindex`")
    if not report["database"]["reachable"]:
        return Finding("search index", False, "the change log could not be read", "run `directory init`")
    if not report.get("in_step"):
        index, active = report["index"].get("listings"), report["database"]["active_listings"]
        return Finding("search index", False,
                       f"{report['lag']} changes behind the change log; {index} listings indexed of {active}",
                       "run `directory reindex`, or keep a server or `directory sync-index` running")
    return Finding("search index", True, f"in step with the change log ({report['index']['listings']} listings)")


def catalogue_finding(catalogues: Path) -> Finding:
    locales = [site_locale.code for site_locale in SITE_LOCALES if site_locale != DEFAULT]
    missing = [code for code in locales if not (catalogues / code / "LC_MESSAGES" / "messages.mo").is_file()]
    if missing:
        return Finding("catalogues", False, f"not compiled for {', '.join(missing)}: those pages are in English",
                       f"run `pybabel compile -d {catalogues}` (`make translations` in a checkout)")
    return Finding("catalogues", True, f"compiled for {', '.join(locales)}")


def vendored_finding(static: Path) -> Finding:
    table = icon_table()
    icons = sorted({table["default"], *table["categories"].values()})
    wanted = [*VENDORED, *(f"icons/{name}.svg" for name in icons)]
    missing = [name for name in wanted if not (static / "vendor" / name).is_file()]
    if missing:
        installed = PACKAGED in static.parts
        fix = ("install a wheel built where npm is available (the build runs scripts/build-assets.sh)" if installed
               else "run `make assets` (scripts/build-assets.sh; needs npm)")
        return Finding("vendored static files", False,
                       f"{len(missing)} missing from {static / 'vendor'} (first: {missing[0]}): no map, fonts or icons",
                       fix)
    return Finding("vendored static files", True, f"Leaflet, marker clusters, fonts and {len(icons)} icons present")


def pdf_finding() -> Finding:
    problem = pdf_problem()
    if problem:
        return Finding("PDF (WeasyPrint)", False, problem.rsplit("; run", 1)[0],
                       "run scripts/install-pdf-deps.sh (Pango and the Noto fonts); "
                       "until then the pages offer the browser's print instead")
    return Finding("PDF (WeasyPrint)", True, "WeasyPrint and its system libraries load")
