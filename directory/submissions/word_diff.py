"""Which words of a text changed: a moderator sees the one sentence a group added marked,
not the whole paragraph struck out and written again.

No Flask: returns runs of words, each marked kept or changed, for the template to mark up.
"""
from __future__ import annotations

import difflib
import re

TOKEN = re.compile(r"\s+|[^\s]+")


def word_runs(before: str, after: str) -> tuple[list[tuple[bool, str]], list[tuple[bool, str]]]:
    """(runs of ``before``, runs of ``after``), each run (changed?, text). Whitespace travels
    with the words around it, so joining a side's runs gives back its text exactly."""
    old, new = TOKEN.findall(before), TOKEN.findall(after)
    old_runs: list[tuple[bool, str]] = []
    new_runs: list[tuple[bool, str]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        changed = op != "equal"
        if a2 > a1:
            _append(old_runs, changed, "".join(old[a1:a2]))
        if b2 > b1:
            _append(new_runs, changed, "".join(new[b1:b2]))
    return old_runs, new_runs


def _append(runs: list[tuple[bool, str]], changed: bool, text: str) -> None:
    if runs and runs[-1][0] == changed:
        runs[-1] = (changed, runs[-1][1] + text)
    else:
        runs.append((changed, text))


def is_prose(value: object) -> bool:
    """Text worth comparing word by word: more than one word (a code or a time is not)."""
    return isinstance(value, str) and len(value.split()) > 1
