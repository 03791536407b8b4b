"""Migrations create and upgrade the schema on SQLite and PostgreSQL, with no drift."""
from sqlalchemy import inspect

from directory.db import Database
from directory.schema import schema_drift, upgrade_database


def test_init_twice_on_an_existing_database_changes_nothing(db):
    tables_before = set(inspect(db.engine).get_table_names())
    upgrade_database(db)
    assert set(inspect(db.engine).get_table_names()) == tables_before
    assert {"service", "location", "schedule", "taxonomy_term", "service_at_location", "postcode"} <= tables_before


def test_models_and_migrations_have_no_drift(db):
    assert schema_drift(db) == []


def test_init_creates_an_empty_sqlite_file(tmp_path, runner, monkeypatch):
    url = f"sqlite:///{tmp_path / 'fresh' / 'new.sqlite3'}"
    monkeypatch.setenv("DIRECTORY_DATABASE_URL", url)
    from directory.cli import main

    result = runner.invoke(main, ["init"])
    assert result.exit_code == 0, result.output
    assert "service" in inspect(Database(url).engine).get_table_names()
