"""The SQL statements an engine runs inside a block, for tests that count queries."""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.engine import Engine


@contextmanager
def recorded_statements(engine: Engine):
    """Yield a list that receives each statement's SQL text as the engine sends it."""
    statements: list[str] = []

    def record(_connection, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
