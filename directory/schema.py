"""Create or migrate the database schema with Alembic, and check it for drift."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from .db import Database
from .models import Base

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    return config


def upgrade_database(database: Database) -> None:
    """Bring an empty or existing database to the latest revision (idempotent)."""
    config = alembic_config(database)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")  # several feature branches may add heads


def unapplied_heads(database: Database) -> set[str]:
    """Heads of the migration chain this database has not reached (empty when at head);
    every head when it was never migrated."""
    heads = ScriptDirectory.from_config(alembic_config(database)).get_heads()
    with database.engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return {head for head in heads if head not in current}


def schema_drift(database: Database) -> list:
    """Differences between the models and the migrated database (empty when in step)."""
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)
