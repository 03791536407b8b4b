"""Per-request access to the database session, closed when the request ends."""
from __future__ import annotations

from flask import current_app, g
from sqlalchemy.orm import Session

from ..db import Database
from ..search import SearchEngine


def database() -> Database:
    return current_app.extensions["directory.db"]


def search_engine() -> SearchEngine:
    return current_app.extensions["directory.search"]


def db_session() -> Session:
    """The request's session (created on first use, closed in teardown)."""
    if "db_session" not in g:
        g.db_session = database().sessionmaker()
    return g.db_session


def close_session(_error=None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
