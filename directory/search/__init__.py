"""The search engine: per-language analysis, the Whoosh index, querying and ranking.

Importable and testable with no Flask import. Typical use::

    store = IndexStore(index_dir); rebuild_index(database, store)
    engine = SearchEngine(index_dir)
    IndexSync(database, store, on_update=engine.refresh).install()
    engine.search(SearchRequest(text="યોગ", point=Point(52.65, -1.13), radius_m=3000))
"""
from .engine import Explanation, SearchEngine, SearchHit, SearchResults
from .indexer import IndexMissing, IndexStore
from .query import InvalidSearch, SearchRequest
from .sync import IndexSync, rebuild_index

__all__ = ["Explanation", "IndexMissing", "IndexStore", "IndexSync", "InvalidSearch", "SearchEngine", "SearchHit",
           "SearchRequest", "SearchResults", "rebuild_index"]
