"""A real database with real-language listings, a real index on disk, a live engine.

The engine is the app's own (created by ``create_app``, kept in step with the database by
the IndexSync it installs), so these tests exercise exactly what the site runs.
"""
import pytest

from directory.oruk.read import upsert_service
from directory.search import rebuild_index
from directory.seed import load_taxonomy

from ..listings import TAXONOMY


@pytest.fixture
def index_dir(app):
    return app.config["INDEX_DIR"]


@pytest.fixture
def make_engine(app, db):
    """Load listings, build the index, return the app's live search engine."""
    engine = app.extensions["directory.search"]

    def make(listings, taxonomy=TAXONOMY):
        with db.session() as session:
            load_taxonomy(session, taxonomy)
            for data in listings:
                upsert_service(session, data)
        rebuild_index(db, engine.store)
        return engine

    yield make
    engine.close()
