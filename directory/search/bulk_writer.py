"""A Whoosh segment writer for full rebuilds: postings gathered per term, written per term.

Why: Whoosh's own ``SegmentWriter`` puts every posting into a pool as a
``(field, term, docnum, weight, value)`` tuple, sorts all of them (spilling sorted runs to
disk when they exceed its memory limit, then merging them), and hands them one at a time
to the codec, which checks and appends each. At 50,000 listings that is millions of tuples
made, pickled, sorted, merged and walked in Python; and the same descriptions, venue names
and taxonomy words are analysed again for every listing and place that repeats them.

Here a rebuild, which adds documents in order into an empty segment, analyses each distinct
``(field, value)`` once (while it fits ``ANALYSIS_CACHE_VALUES``), appends a document's
number to an array per term (already in ascending order, so nothing is sorted but the term
list), and at commit gives the codec's postings writer a whole block at a time. Stored
fields, field lengths, columns and vectors still go through Whoosh's per-document writer
unchanged, and the codec writes its own block format, term table and segment files: what
comes out is an ordinary Whoosh segment that Whoosh's searcher (and ours) read as any other.

Nothing forks: the old parallel rebuild used Whoosh's MpWriter, which forks from a process
that may run threads (a server), the deadlock risk Python warns about.
"""
from __future__ import annotations

from array import array

import numpy as np
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

ANALYSIS_CACHE_VALUES = 50_000  # distinct (field, value) pairs remembered; then the memo starts afresh
_QUANTISED_LENGTH = [byte_to_length(byte) if byte else 0 for byte in range(256)]


class _TermPostings:
    """One term's postings in document order: numbers, weights and encoded values."""

    __slots__ = ("docnums", "weights", "values")

    def __init__(self):
        self.docnums = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []


class BulkSegmentWriter(SegmentWriter):
    """Whoosh's segment writer with its posting pool replaced by per-term arrays.

    Only for filling a new segment from nothing (a rebuild): deletions, ``update_document``
    and merging other segments' documents are what the ordinary writer is for.
    """

    def __init__(self, index, **kwargs):
        super().__init__(index, **kwargs)
        self._terms: dict[tuple[str, bytes], _TermPostings] = {}
        self._analysed: dict[tuple[str, object], tuple[list[tuple[_TermPostings, float, bytes]], int]] = {}
        self._lengths: dict[str, array] = {}  # field -> each document's quantised length
        if self.segments:
            self.cancel()
            raise ValueError("the bulk writer fills an empty index; update an existing one with index.writer()")

    # ---- adding documents --------------------------------------------------
    def add_document(self, **fields):
        self._check_state()
        schema, perdoc, docnum = self.schema, self.perdocwriter, self.docnum
        names = sorted(name for name in fields if not name.startswith("_"))
        if any(name.startswith("_") and not name.startswith("_stored_") for name in fields):
            raise ValueError("per-document boosts (_boost, _<field>_boost) are not supported by the bulk writer")
        self._check_fields(schema, names)
        perdoc.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = self._index_value(name, field, value, docnum) if field.indexed else 0
                if field.vector:
                    items = sorted((text, weight, vbytes) for text, _freq, weight, vbytes
                                   in field.vector.word_values(value, field.analyzer, mode="index"))
                    perdoc.add_vector_items(name, field, items)
                stored = fields.get(f"_stored_{name}", value)
                perdoc.add_field(name, field, stored if field.stored else None, length)
                if field.column_type and stored is not None:
                    perdoc.add_column_value(name, field.column_type, field.to_column_value(stored))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _index_value(self, name: str, field, value, docnum: int) -> int:
        """Append this document to the postings of every term of ``value``; its length."""
        key = (name, value) if isinstance(value, str) else None
        analysed = self._analysed.get(key) if key else None
        if analysed is None:
            analysed = self._analyse(name, field, value)
            if key:
                if len(self._analysed) >= ANALYSIS_CACHE_VALUES:
                    self._analysed.clear()
                self._analysed[key] = analysed
        postings, length = analysed
        for term, weight, vbytes in postings:
            term.docnums.append(docnum)
            term.weights.append(weight)
            if vbytes:
                term.values.append(vbytes)
        if length:
            lengths = self._lengths.get(name)
            if lengths is None:
                lengths = self._lengths[name] = array("I")
            lengths.extend([0] * (docnum + 1 - len(lengths)))
            lengths[docnum] = _QUANTISED_LENGTH[length_to_byte(length)]
        return length

    def _analyse(self, name: str, field, value):
        if field.separate_spelling():
            raise ValueError(f"field {name!r} keeps a separate spelling field: use Whoosh's own writer")
        terms = self._terms
        postings, length = [], 0
        for btext, freq, weight, vbytes in field.index(value):
            if field.scorable:
                length += freq
            term = terms.get((name, btext))
            if term is None:
                term = terms[(name, btext)] = _TermPostings()
            postings.append((term, weight, vbytes))
        return postings, length

    # ---- writing the segment -----------------------------------------------
    def _flush_segment(self):
        self.perdocwriter.close()
        fieldwriter, schema = self.fieldwriter, self.schema
        current = None
        for name, btext in sorted(self._terms):
            if name != current:
                if current is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(name, schema[name])
                current = name
                lengths = self._field_lengths(name)
            fieldwriter.start_term(btext)
            _write_postings(fieldwriter._postwriter, self._terms.pop((name, btext)), lengths)
            fieldwriter.finish_term()
        if current is not None:
            fieldwriter.finish_field()
        fieldwriter.close()

    def _field_lengths(self, name: str) -> np.ndarray | None:
        """Each document's length of a scorable field as the codec reads it back (0: none)."""
        lengths = self._lengths.get(name)
        if not lengths:
            return None
        lengths.extend([0] * (self.docnum - len(lengths)))
        return np.frombuffer(lengths, dtype=np.uint32)

    # ---- finishing a rebuild written by several processes ---------------------
    def finish_segment(self):
        """Write this writer's segment and return it (None if it was given no documents),
        without listing it in the index yet.

        A rebuild shared between processes (rebuild_shares.py) calls this in every process;
        then the writer that started the rebuild lists all of them with ``commit_segments``.
        The index's temporary folder is shared by all of them, so only that writer removes it.
        """
        self._check_state()
        if self._added:
            return self._finalize_segment()
        self._close_segment()
        return None

    def commit_segments(self, segments: list) -> None:
        """List ``segments`` (this writer's own among them, from ``finish_segment``) in the
        index's table of contents, in the order given, and let go of the index."""
        self._check_state()
        self._commit_toc([segment for segment in segments if segment is not None])
        self._finish()

    def cancel(self):
        self._terms.clear()
        self._analysed.clear()
        super().cancel()


def _write_postings(writer, term: _TermPostings, lengths: np.ndarray | None) -> None:
    """Fill the codec's postings writer a block at a time, with the statistics its
    ``add_posting`` would have gathered one posting at a time, and let it encode and
    write each block itself (``_write_block``; ``finish_postings`` writes the last)."""
    docnums, weights, values = term.docnums, term.weights, term.values
    limit = writer._blocklimit
    if lengths is not None:
        term_lengths = lengths[np.frombuffer(docnums, dtype=np.uint32)]
    for start in range(0, len(docnums), limit):
        if start:
            writer._write_block()
        end = start + limit
        writer._ids = docnums[start:end]
        writer._weights = block_weights = weights[start:end]
        writer._values = values[start:end]
        writer._maxweight = max(0, max(block_weights))
        if lengths is not None:
            block = term_lengths[start:end]
            present = block[block > 0]
            writer._minlength = int(present.min()) if len(present) else None
            writer._maxlength = int(block.max())
