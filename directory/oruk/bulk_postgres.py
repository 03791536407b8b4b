"""The bulk writer's PostgreSQL half: COPY instead of executemany.

Why: an executemany INSERT on PostgreSQL is one statement per row for the server to parse,
plan and answer (psycopg sends them one after another), so a 50,000-service feed went in at
235 services/s against SQLite's 1,246. ``COPY … FROM STDIN`` streams a table's rows of a
batch in one statement.

* Plain inserts (services and every child row) are COPYed straight into their tables: the
  batch writer has already deleted the rows it replaces, so no conflict is possible — the
  same assumption ``bulk._insert`` makes, and a duplicate still fails the import.
* Upserts (organisations and places, shared between services and batches) are COPYed into
  a temporary staging table shaped like the target and moved with one
  ``INSERT … SELECT … ON CONFLICT (id) DO UPDATE``.

Everything runs on the psycopg connection under the session's own transaction (reached
through SQLAlchemy, never a second connection), so a failure still rolls the whole import
back. Staging tables are ``ON COMMIT DROP``: a rollback removes them too.

Values are the ones ``bulk.row_values`` gives the SQLite path (the columns' bind
processors applied), written in COPY's text format by psycopg, which escapes tabs,
newlines and backslashes and sends NULL as ``\\N``.
"""
from __future__ import annotations

from contextlib import contextmanager

import psycopg
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from .bulk import row_values


@contextmanager
def _cursor(session: Session, table: str):
    """A cursor on the psycopg connection under the session's transaction. Its errors are
    raised as SQLAlchemy's (an IntegrityError for a duplicate id…), as statements sent
    through SQLAlchemy would be: the importer reports those and rolls back."""
    try:
        with session.connection().connection.driver_connection.cursor() as cursor:
            yield cursor
    except psycopg.Error as error:
        raise DBAPIError.instance(f"COPY {table}", None, error, psycopg.Error) from error


def _copy(cursor, table: str, keys: tuple, values: list[tuple]) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(keys)}) FROM STDIN") as copy:
        for row in values:
            copy.write_row(row)


def _names(session: Session, model, keys: tuple) -> tuple[str, tuple]:
    preparer = session.get_bind().dialect.identifier_preparer
    return preparer.format_table(model.__table__), tuple(preparer.quote(key) for key in keys)


def insert_rows(session: Session, model, rows: list[dict]) -> None:
    """COPY the rows straight into the model's table."""
    if not rows:
        return
    keys, values = row_values(session.get_bind().dialect, model, rows)
    table, columns = _names(session, model, keys)
    with _cursor(session, table) as cursor:
        _copy(cursor, table, columns, values)


def upsert_rows(session: Session, model, rows: list[dict]) -> None:
    """COPY the rows into a staging table, then insert them or update the rows with their ids."""
    if not rows:
        return
    keys, values = row_values(session.get_bind().dialect, model, rows)
    table, columns = _names(session, model, keys)
    stage = f"import_stage_{model.__table__.name}"
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for key, column in zip(keys, columns) if key != "id")
    with _cursor(session, table) as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} (LIKE {table}) ON COMMIT DROP")
        cursor.execute(f"TRUNCATE {stage}")
        _copy(cursor, stage, columns, values)
        cursor.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM {stage} "
                       f"ON CONFLICT (id) DO UPDATE SET {updates}")


__all__ = ["insert_rows", "upsert_rows"]
