"""Whether a group's own words say more than the structured facts already shown beside them.

Why: a listing carries most facts twice, once as ORUK structure (cost options, minimum age,
how to join, the schedule's days and times) and once in the group's free text
("£3.00 per session, £2.00 concessions", "Everyone aged 50 and over", "Just turn up").
Showing both made a listing read "Just turn up — Just turn up". The structured fact is
shown in the reader's language; the free text only when it has a word the structured
facts (in English, the listing's language and the reader's) do not.

No Flask here: callers pass the texts already rendered.
"""
from __future__ import annotations

import re

WORD = re.compile(r"\w+")
# Words that join facts without adding one ("12:00 to 14:00", "aged 50 and over", "od 12 do 14").
CONNECTIVES = frozenset("""
    a an and or of on at to from until till the in for per with by is are
    i lub w we na od do z za
""".split())


def _stem(word: str) -> str:
    """Plural and singular count as the same word ("concessions" is "concession")."""
    if word.isascii() and len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words_of(text: str | None) -> set[str]:
    """The words and numbers of a text, case-folded, connectives left out ("12:00" is 12, 00)."""
    return {_stem(word) for word in WORD.findall((text or "").casefold()) if word not in CONNECTIVES}


def says_more(text: str | None, *already_said: str | None) -> bool:
    """True when ``text`` has a word none of ``already_said`` has; False for empty text."""
    words = words_of(text)
    if not words:
        return False
    said: set[str] = set()
    for other in already_said:
        said |= words_of(other)
    return not words <= said
