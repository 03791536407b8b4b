"""Take what a process loaded to keep (analysers' tables, index columns, caches) out of the
garbage collector's sight.

The Polish stemmer's tables, jieba's dictionary and the index's columns are millions of
objects that live as long as the process. Every full collection walked them all, and so did
the last one, at exit: under load a gunicorn worker told to stop spent 30 s in
``gc_collect_main`` after "Worker exiting" (seen with py-spy), holding up the master's
shutdown. ``gc.freeze()`` moves everything alive now into a generation that no collection
visits; done in the master before the fork it also keeps those pages shared between workers
(copy-on-write), as CPython's documentation of ``gc.freeze`` recommends.
"""
from __future__ import annotations

import gc


def freeze_long_lived() -> None:
    """Collect what is already garbage, then freeze the rest (call after loading, once)."""
    gc.collect()
    gc.freeze()
