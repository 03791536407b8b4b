"""A real database with real-language listings, a real index on disk, a live engine."""
import pytest

from directory.oruk.read import upsert_service
from directory.search import IndexStore, IndexSync, SearchEngine, rebuild_index
from directory.seed import load_taxonomy

from ..listings import TAXONOMY


@pytest.fixture
def index_dir(tmp_path):
    return tmp_path / "index"


@pytest.fixture
def make_engine(db, index_dir):
    """Load listings, build the index, return a live engine kept in step with the DB."""
    engines = []

    def make(listings, taxonomy=TAXONOMY):
        with db.session() as session:
            load_taxonomy(session, taxonomy)
            for data in listings:
                upsert_service(session, data)
        store = IndexStore(index_dir)
        rebuild_index(db, store)
        engine = SearchEngine(index_dir)
        IndexSync(db, store, on_update=engine.refresh).install()
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.close()
