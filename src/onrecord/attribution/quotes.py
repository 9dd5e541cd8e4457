"""Quotation spans: straight, curly and single marks, across sentences and paragraphs.

A quote may run over several paragraphs when each new paragraph re-opens it (the
newswire convention).  An unmatched mark is dropped at the end of its paragraph,
so one stray mark never spoils the rest of the article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

OPENERS = {"“": "”", "„": "”", "«": "»", "‘": "’"}
MAX_QUOTE_CHARS = 5000


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage; ``start``/``end`` include the marks."""

    start: int
    end: int


class QuoteList(list):
    """Quotes in text order (disjoint), with their end offsets kept for bisection."""

    def from_position(self, pos: int) -> int:
        """Index of the first quote that ends after ``pos``."""
        ends = self.__dict__.get("_ends")
        if ends is None or len(ends) != len(self):
            ends = self.__dict__["_ends"] = [q.end for q in self]
        return bisect.bisect_right(ends, pos)


def after(quotes: list[Quote], pos: int) -> list[Quote]:
    """The quotes that end after ``pos``, in order (a cheap slice for a QuoteList)."""
    if isinstance(quotes, QuoteList):
        return quotes[quotes.from_position(pos):]
    return [q for q in quotes if q.end > pos]


def find_quotes(text: str) -> "QuoteList":
    """All quotations in ``text``, outermost only, in order."""
    quotes = QuoteList()
    pending: tuple[int, str] | None = None
    paragraph_start = 0
    skip = False
    for i, ch in enumerate(text):
        if skip:
            skip = False
            continue
        if ch == "'" and text[i + 1:i + 2] == "'":
            ch, skip = '"', True  # typewriter double quote written as two single marks: ''...''
            if pending is None:
                pending = (i, "''")
                continue
            if pending[1] == "''":
                quotes.append(Quote(pending[0], i + 2))
                pending = None
            continue
        if ch == "\n":
            pending, paragraph_start = _at_paragraph_break(text, i, pending, paragraph_start)
            continue
        if pending is None:
            closer = _opening_mark(text, i)
            if closer:
                pending = (i, closer)
            continue
        start, closer = pending
        if _closes(text, i, closer):
            if i + 1 - start <= MAX_QUOTE_CHARS:
                quotes.append(Quote(start, i + 1))
            pending = None
    return quotes


def _at_paragraph_break(text: str, i: int, pending: tuple[int, str] | None,
                        paragraph_start: int) -> tuple[tuple[int, str] | None, int]:
    """A quote open at a paragraph end carries over only if the next paragraph re-opens it."""
    if pending is None:
        return None, i + 1
    j = i + 1
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j] in (pending[1], *OPENERS, '"') and _opening_mark(text, j):
        return pending, i + 1  # multi-paragraph quote: keep the original opening
    return None, i + 1


def _opening_mark(text: str, i: int) -> str | None:
    """The closing mark to look for if ``text[i]`` opens a quote, else None."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "‘" or ch == "'":
        # a single mark opens only at a word start: not an apostrophe (rock 'n' roll aside)
        if (before.isspace() or before in "([{—–-\"“") and (after.isalnum() or after in "“\""):
            return "’" if ch == "‘" else "'"
        return None
    if ch in OPENERS:
        return OPENERS[ch]
    if ch == "”" and (before.isspace() or i == 0) and after.isalnum():
        return "”"  # a closing mark typed where an opening one belongs, at a paragraph start
    if ch == '"':
        return '"' if not after.isspace() or before.isspace() else None
    return None


_INTERCHANGEABLE = {"”": '"', '"': "”"}  # '“no evidence" yet': marks typed from two keyboards


def _closes(text: str, i: int, closer: str) -> bool:
    ch = text[i]
    if ch != closer:
        if _INTERCHANGEABLE.get(closer) != ch:
            return False
        after = text[i + 1] if i + 1 < len(text) else " "
        return i > 0 and not text[i - 1].isspace() and not after.isalnum()
    if closer in ("’", "'"):
        after = text[i + 1] if i + 1 < len(text) else " "
        return not after.isalnum()  # "Zelensky’s" is an apostrophe, not a closing mark
    return True
