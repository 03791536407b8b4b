"""Alembic migrations, run by ``directory init`` (see ``directory.schema``)."""
