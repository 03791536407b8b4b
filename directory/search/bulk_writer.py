"""A Whoosh segment writer for full rebuilds: postings gathered per value, written per term.

Why: Whoosh's own ``SegmentWriter`` puts every posting into a pool as a
``(field, term, docnum, weight, value)`` tuple, sorts all of them (spilling sorted runs to
disk when they exceed its memory limit, then merging them), and hands them one at a time
to the codec, which checks and appends each. At 50,000 listings that is millions of tuples
made, pickled, sorted, merged and walked in Python; and the same descriptions, venue names
and taxonomy words are analysed again for every listing and place that repeats them.

Here a rebuild, which adds documents in order into an empty segment, analyses each distinct
``(field, value)`` once (while it fits ``ANALYSIS_CACHE_VALUES``) and keeps its postings
once; a document then costs one appended (value, document) pair per field, not one append
per posting (~180 a listing, the larger part of a rebuild's Python time). At commit numpy
expands the pairs into postings, field by field, and a stable sort by term leaves each
term's documents ascending; the codec's postings writer is given a whole block at a time. Stored
fields, field lengths, columns and vectors still go through Whoosh's per-document writer
unchanged, and the codec writes its own block format, term table and segment files: what
comes out is an ordinary Whoosh segment that Whoosh's searcher (and ours) read as any other.

Nothing forks: the old parallel rebuild used Whoosh's MpWriter, which forks from a process
that may run threads (a server), the deadlock risk Python warns about. A large rebuild runs
several of these writers in fresh interpreters instead, one segment each (rebuild_shares.py).
"""
from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable

import numpy as np
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

ANALYSIS_CACHE_VALUES = 50_000  # distinct (field, value) pairs remembered; then the memo starts afresh
_QUANTISED_LENGTH = [byte_to_length(byte) if byte else 0 for byte in range(256)]


class _ValuePostings:
    """The postings of every distinct analysed value, end to end (one run per value): term
    numbers, weights and term frequencies, and where each value's run starts and how long
    it is. A document that has the value then costs one appended pair (value, document)."""

    def __init__(self):
        self.terms = array("I")
        self.weights = array("f")
        self.frequencies = array("I")  # the value Whoosh's Frequency format encodes (0: none)
        self.starts = array("Q")
        self.counts = array("I")

    def add(self, postings: list[tuple[int, float, int]]) -> int:
        number = len(self.starts)
        self.starts.append(len(self.terms))
        self.counts.append(len(postings))
        for term, weight, frequency in postings:
            self.terms.append(term)
            self.weights.append(weight)
            self.frequencies.append(frequency)
        return number

    def expand(self, values: np.ndarray, docnums: np.ndarray):
        """For occurrences (value, document), every posting they stand for: (terms, docnums,
        weights, frequencies), in the order of the occurrences."""
        counts = np.frombuffer(self.counts, dtype=np.uint32)[values].astype(np.int64)
        starts = np.frombuffer(self.starts, dtype=np.uint64)[values].astype(np.int64)
        ends = np.cumsum(counts)
        at = np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64) + np.repeat(starts - (ends - counts), counts)
        return (np.frombuffer(self.terms, dtype=np.uint32)[at], np.repeat(docnums, counts),
                np.frombuffer(self.weights, dtype=np.float32)[at], np.frombuffer(self.frequencies, dtype=np.uint32)[at])


class BulkSegmentWriter(SegmentWriter):
    """Whoosh's segment writer with its posting pool replaced by per-value postings.

    Only for filling a new segment from nothing (a rebuild): deletions, ``update_document``
    and merging other segments' documents are what the ordinary writer is for.
    """

    def __init__(self, index, **kwargs):
        super().__init__(index, **kwargs)
        self._term_numbers: dict[tuple[str, bytes], int] = {}
        self._term_keys: list[tuple[str, bytes]] = []
        self._values = _ValuePostings()
        self._analysed: dict[tuple[str, object], tuple[int, int]] = {}  # (field, value) -> (value number, length)
        self._occurrences: dict[str, tuple[array, array]] = {}  # field -> (value numbers, docnums)
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

    def add_listings(self, documents: Iterable[tuple[str, list[dict]]], version: int | None,
                     progress: Callable[[int], None] | None = None) -> tuple[int, int]:
        """Add the documents of each (service id, documents), every one stamped with
        ``version`` (the change-log seq the rebuild read at); (listings, documents) added.
        ``progress`` hears of each listing."""
        services = count = 0
        for _service_id, service_documents in documents:
            for document in service_documents:
                self.add_document(**document, version=version)
                count += 1
            services += 1
            if progress:
                progress(1)
        return services, count

    def _index_value(self, name: str, field, value, docnum: int) -> int:
        """Note that this document has ``value`` (its postings are expanded at commit); its length."""
        key = (name, value) if isinstance(value, str) else None
        analysed = self._analysed.get(key) if key else None
        if analysed is None:
            analysed = self._analyse(name, field, value)
            if key:
                if len(self._analysed) >= ANALYSIS_CACHE_VALUES:
                    self._analysed.clear()
                self._analysed[key] = analysed
        value_number, length = analysed
        occurrences = self._occurrences.get(name)
        if occurrences is None:
            occurrences = self._occurrences[name] = (array("I"), array("I"))
        occurrences[0].append(value_number)
        occurrences[1].append(docnum)
        if length:
            lengths = self._lengths.get(name)
            if lengths is None:
                lengths = self._lengths[name] = array("I")
            lengths.extend([0] * (docnum + 1 - len(lengths)))
            lengths[docnum] = _QUANTISED_LENGTH[length_to_byte(length)]
        return length

    def _analyse(self, name: str, field, value) -> tuple[int, int]:
        if field.separate_spelling():
            raise ValueError(f"field {name!r} keeps a separate spelling field: use Whoosh's own writer")
        numbers, keys = self._term_numbers, self._term_keys
        postings, length = [], 0
        for btext, freq, weight, vbytes in field.index(value):
            if field.scorable:
                length += freq
            if vbytes and len(vbytes) != 4:
                raise ValueError(f"field {name!r} stores postings values other than a frequency: use Whoosh's writer")
            number = numbers.get((name, btext))
            if number is None:
                number = numbers[(name, btext)] = len(keys)
                keys.append((name, btext))
            postings.append((number, weight, int.from_bytes(vbytes, "big") if vbytes else 0))
        return self._values.add(postings), length

    # ---- writing the segment -----------------------------------------------
    def _flush_segment(self):
        self.perdocwriter.close()
        fieldwriter, schema, keys = self.fieldwriter, self.schema, self._term_keys
        # Each term's place in the order the codec wants them written: by field, then text.
        rank = np.empty(len(keys), dtype=np.int64)
        rank[sorted(range(len(keys)), key=keys.__getitem__)] = np.arange(len(keys))
        for name in sorted(self._occurrences):
            value_numbers, docnums = self._occurrences.pop(name)
            terms, docs, weights, frequencies = self._values.expand(
                np.frombuffer(value_numbers, dtype=np.uint32), np.frombuffer(docnums, dtype=np.uint32))
            # Occurrences came in document order, so a stable sort by term keeps each term's
            # documents ascending; a document has one value per field, so none repeats.
            if not len(terms):  # only values with no words (empty text)
                continue
            order = np.argsort(rank[terms], kind="stable")
            terms, docs, weights, frequencies = terms[order], docs[order], weights[order], frequencies[order]
            firsts = np.flatnonzero(np.diff(terms.astype(np.int64), prepend=-1) != 0)
            field = schema[name]
            with_values = field.format.fixed_value_size() == 4
            fieldwriter.start_field(name, field)
            lengths = self._field_lengths(name)
            for first, last in zip(firsts.tolist(), [*firsts[1:].tolist(), len(terms)]):
                fieldwriter.start_term(keys[int(terms[first])][1])
                _write_postings(fieldwriter._postwriter, docs[first:last], weights[first:last],
                                frequencies[first:last] if with_values else None, lengths)
                fieldwriter.finish_term()
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
        self._term_numbers.clear()
        self._analysed.clear()
        self._occurrences.clear()
        super().cancel()


def _write_postings(writer, docnums: np.ndarray, weights: np.ndarray, frequencies: np.ndarray | None,
                    lengths: np.ndarray | None) -> None:
    """Fill the codec's postings writer a block at a time, with the statistics its
    ``add_posting`` would have gathered one posting at a time, and let it encode and
    write each block itself (``_write_block``; ``finish_postings`` writes the last).
    The block's values (each posting's frequency, as Whoosh's Frequency format encodes it)
    are handed over already joined, which is what the codec makes of them."""
    limit = writer._blocklimit
    term_lengths = lengths[docnums] if lengths is not None else None
    for start in range(0, len(docnums), limit):
        if start:
            writer._write_block()
        end = start + limit
        writer._ids = array("I", docnums[start:end].tolist())
        writer._weights = block_weights = weights[start:end].tolist()
        writer._values = [frequencies[start:end].astype(">u4").tobytes()] if frequencies is not None else []
        writer._maxweight = max(0, max(block_weights))
        if term_lengths is not None:
            block = term_lengths[start:end]
            present = block[block > 0]
            writer._minlength = int(present.min()) if len(present) else None
            writer._maxlength = int(block.max())
