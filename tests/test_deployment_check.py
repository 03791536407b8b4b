"""`directory check` on real instances: each missing part is named with its fix, and the
exit status says whether anything is missing (issue 14).

The instances are real databases (SQLite files, PostgreSQL), real index folders built by
`directory reindex`, real catalogue and static folders with one part taken away.
"""
from __future__ import annotations

import shutil
import sqlite3
import sys

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from directory.cli import main
from directory.connect.pdf import pdf_available
from directory.db import Database
from directory.deployment_check import catalogue_finding, pdf_finding, vendored_finding
from directory.i18n.locales import CATALOGUE_DIR
from directory.models import Service
from directory.package_data import data_folder

from .production.conftest import free_port

SECRET = "3f9c1e0a7b5d4c2e8f6a1b3c5d7e9f0a"


def check(url: str, index_dir, **env) -> tuple[int, str]:
    environment = {"DIRECTORY_DATABASE_URL": url, "DIRECTORY_INDEX_DIR": str(index_dir),
                   "DIRECTORY_INDEX_FOLLOW": "0", "DIRECTORY_SECRET_KEY": SECRET, **env}
    result = CliRunner().invoke(main, ["check"], env=environment)
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def reindex(url: str, index_dir) -> None:
    result = CliRunner().invoke(main, ["reindex"], env={"DIRECTORY_DATABASE_URL": url,
                                                        "DIRECTORY_INDEX_DIR": str(index_dir)})
    assert result.exit_code == 0, result.output


def finding(output: str, subject: str) -> str:
    """The lines of the report about ``subject`` (its status line and its fix)."""
    lines = output.splitlines()
    start = next(number for number, line in enumerate(lines) if line[9:].startswith(subject + ":"))
    return "\n".join(lines[start:start + (2 if lines[start].startswith("MISSING") else 1)])


@pytest.fixture
def seeded_instance(backend, templates, tmp_path):
    """The sample directory, migrated and indexed, as after `make run`."""
    url = templates.new_database(backend, seeded=True, folder=tmp_path)
    shutil.copytree(templates.seeded_index(backend), tmp_path / "index", symlinks=True)  # built once per backend
    return url, tmp_path / "index"


def test_init_then_seed_leave_nothing_missing(backend, templates, tmp_path):
    if not pdf_available():
        pytest.skip("WeasyPrint's system libraries are missing here (scripts/install-pdf-deps.sh)")
    url = templates.new_database(backend, seeded=False, folder=tmp_path)
    for command in ("init", "seed"):  # seed builds the index there is not yet
        result = CliRunner().invoke(main, [command], env={"DIRECTORY_DATABASE_URL": url,
                                                          "DIRECTORY_INDEX_DIR": str(tmp_path / "index")})
        assert result.exit_code == 0, result.output
    status, output = check(url, tmp_path / "index")
    assert status == 0, output
    assert "MISSING" not in output and output.rstrip().endswith("Everything is in place"), output


@pytest.mark.parametrize("key, problem", [(None, "is not set"), ("short", "too short"),
                                          ("change-me-in-production-please", "placeholder")])
def test_a_missing_or_placeholder_secret_key_is_named_with_its_fix(tmp_path, key, problem):
    status, output = check(f"sqlite:///{tmp_path / 'directory.sqlite3'}", tmp_path / "index", DIRECTORY_SECRET_KEY=key)
    report = finding(output, "secret key")
    assert status == 1 and report.startswith("MISSING") and problem in report, output
    assert "fix: export DIRECTORY_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')" in report


def test_a_database_never_migrated_is_named_with_its_fix(tmp_path):
    sqlite3.connect(tmp_path / "empty.sqlite3").close()
    status, output = check(f"sqlite:///{tmp_path / 'empty.sqlite3'}", tmp_path / "index")
    report = finding(output, "database")
    assert status == 1 and "is not migrated to head" in report and "fix: run `directory init`" in report, output
    assert "the database is not usable" in finding(output, "search index"), output


def test_a_missing_sqlite_file_is_reported_not_created(tmp_path):
    status, output = check(f"sqlite:///{tmp_path / 'nowhere.sqlite3'}", tmp_path / "index")
    assert status == 1 and "no SQLite file at" in finding(output, "database"), output
    assert not (tmp_path / "nowhere.sqlite3").exists()


def test_an_unreachable_database_server_is_named_with_its_fix(tmp_path):
    status, output = check(f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/signpost", tmp_path / "index")
    report = finding(output, "database")
    assert status == 1 and "is not reachable" in report and "fix: start the database server" in report, output


def test_a_missing_index_is_named_with_its_fix(backend, templates, tmp_path):
    url = templates.new_database(backend, seeded=True, folder=tmp_path)
    status, output = check(url, tmp_path / "index")
    report = finding(output, "search index")
    assert status == 1 and "no index in" in report and "fix: run `directory reindex`" in report, output


def test_an_index_behind_the_change_log_is_named_with_its_fix(seeded_instance):
    url, index_dir = seeded_instance
    database = Database(url)  # no index applier here: the change is logged, not indexed
    try:
        with database.session() as session:
            service = session.scalars(select(Service).order_by(Service.id)).first()
            service.name = f"{service.name} (renamed)"
    finally:
        database.dispose()
    status, output = check(url, index_dir)
    report = finding(output, "search index")
    assert status == 1 and "1 changes behind the change log" in report and "directory reindex" in report, output
    reindex(url, index_dir)
    assert finding(check(url, index_dir)[1], "search index").startswith("ok"), "reindexing puts it right"


def test_a_locale_without_its_compiled_catalogue_is_named_with_its_fix(tmp_path):
    catalogues = tmp_path / "translations"
    shutil.copytree(CATALOGUE_DIR, catalogues)
    assert catalogue_finding(catalogues).ok, "make translations has compiled every catalogue"
    (catalogues / "gu" / "LC_MESSAGES" / "messages.mo").unlink()
    result = catalogue_finding(catalogues)
    assert not result.ok and result.detail.startswith("not compiled for gu:")
    assert result.fix.startswith(f"run `pybabel compile -d {catalogues}`")


def test_missing_vendored_files_are_named_with_their_fix(tmp_path):
    static = tmp_path / "static"
    shutil.copytree(data_folder("static"), static)
    assert vendored_finding(static).ok, "make assets has vendored Leaflet, the fonts and the icons"
    (static / "vendor" / "leaflet" / "leaflet.js").unlink()
    result = vendored_finding(static)
    assert not result.ok and "first: leaflet/leaflet.js" in result.detail and "make assets" in result.fix


def test_weasyprint_that_cannot_load_is_named_with_its_fix(monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # what a failed import leaves: ImportError on import
    result = pdf_finding()
    assert not result.ok and "WeasyPrint cannot run here" in result.detail
    assert "scripts/install-pdf-deps.sh" in result.fix
