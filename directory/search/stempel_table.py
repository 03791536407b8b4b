"""Stempel's Polish stemming table, ready in milliseconds instead of seconds.

Why: pystempel reads its 11 MB table (Egothor's Java ``DataOutputStream`` format) a field at
a time, through ``struct.unpack`` on one-field ``read`` calls, into 622,768 cell objects kept
in ``SortedDict`` rows: 4.2 s of CPU in every process that analyses Polish — each test worker,
each server worker, each ``directory`` command that indexes. Yet stemming a word visits one
row per letter, so a directory's vocabulary touches a small part of the table.

Here the table is read into pystempel's own ``Trie`` and ``MultiTrie2`` objects and stemmed by
pystempel's ``Stemmer`` as before, but each trie's rows are decoded when a lookup first
visits them (one ``iter_unpack`` over the row's bytes into pystempel's ``Cell`` and ``Row``).
A plain dict serves for a row's cells: lookups only ever ask a row for one character's cell,
and the table lists each row's cells in character order, which a dict keeps. If the table is
not in the expected shape, pystempel's own reader is used.
"""
from __future__ import annotations

import gzip
import struct
from collections.abc import Sequence
from importlib.resources import files

from pystempel import Stemmer

try:
    from pystempel.egothor import Cell, MultiTrie2, Row, Trie
except ImportError:  # pystempel's internals moved: load_polimorf uses pystempel's own reader
    Cell = MultiTrie2 = Row = Trie = None

_INT = struct.Struct(">i")
_SHORT = struct.Struct(">H")
_CELL = struct.Struct(">Hiiii")  # the character, then cmd, cnt, ref, skip (Row.from_stream's order)


class _TableReader:
    """Reads the fields of a Java DataOutputStream from a bytes buffer."""

    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)
        self.at = 0

    def int(self) -> int:
        (value,) = _INT.unpack_from(self.data, self.at)
        self.at += 4
        return value

    def boolean(self) -> bool:
        value = self.data[self.at] != 0
        self.at += 1
        return value

    def utf(self) -> str:
        (length,) = _SHORT.unpack_from(self.data, self.at)
        start = self.at + 2
        self.at = start + length
        return bytes(self.data[start:self.at]).decode("utf-8")

    def row_offsets(self) -> list[int]:
        """Where each of the next rows starts; moves past them without decoding a cell."""
        offsets = []
        for _ in range(self.int()):
            offsets.append(self.at)
            self.at += 4 + self.int() * _CELL.size
        return offsets

    def trie(self) -> Trie:
        forward = self.boolean()
        root = self.int()
        cmds = [self.utf() for _ in range(self.int())]
        rows = _RowsDecodedWhenVisited(self.data, self.row_offsets())
        return Trie(forward=forward, root=root, cmds=cmds, rows=rows)

    def multi_trie(self) -> MultiTrie2:
        table = MultiTrie2()
        table.forward = self.boolean()
        table.BY = self.int()
        table.tries.extend(self.trie() for _ in range(self.int()))
        return table


class _RowsDecodedWhenVisited(Sequence):
    """A trie's rows, each decoded from the table the first time it is asked for. Two threads
    asking for one row at once each decode it; both get equal rows, one is kept."""

    def __init__(self, data: memoryview, offsets: list[int]) -> None:
        self._data = data
        self._offsets = offsets
        self._rows: list[Row | None] = [None] * len(offsets)

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, index):  # an int: Trie asks for one row at a time
        row = self._rows[index]  # IndexError past the end, as a list
        if row is None:
            start = self._offsets[index]
            (count,) = _INT.unpack_from(self._data, start)
            cells = _CELL.iter_unpack(self._data[start + 4:start + 4 + count * _CELL.size])
            row = self._rows[index] = Row({chr(char): Cell(ref=ref, cmd=cmd, cnt=cnt, skip=skip)
                                           for char, cmd, cnt, ref, skip in cells})
        return row


def read_table(data: bytes) -> Stemmer:
    """A ``Stemmer`` from an uncompressed Stempel table (what ``Stemmer.from_stream`` reads)."""
    reader = _TableReader(data)
    method = reader.utf().upper()
    table = reader.multi_trie() if "M" in method else reader.trie()
    if reader.at != len(data):
        raise ValueError(f"Stempel table: {len(data) - reader.at} bytes left unread")
    return Stemmer(table)


def polimorf_table_bytes() -> bytes:
    """The PoliMorf table shipped inside the pystempel wheel (nothing is downloaded)."""
    return gzip.decompress(files("pystempel.data.polimorf").joinpath("stemmer_polimorf.tbl.gz").read_bytes())


def load_polimorf() -> Stemmer:
    data = polimorf_table_bytes()
    if Row is not None:
        try:
            return read_table(data)
        except (struct.error, ValueError, UnicodeDecodeError):  # a table of another shape
            pass
    import io

    from pystempel.streams import DataInputStream

    return Stemmer.from_stream(DataInputStream(io.BytesIO(data)))  # no progress bar without total_bytes


__all__ = ["load_polimorf", "polimorf_table_bytes", "read_table"]
