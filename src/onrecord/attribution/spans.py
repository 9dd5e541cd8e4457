"""Character-span helpers: trimming, widening over quotes, and telling direct from mixed speech."""

from __future__ import annotations

import re

from onrecord.attribution.quotes import Quote, after

Span = tuple[int, int]

_LEADING = " \t\r\n,;:—–-"
_TRAILING = " \t\r\n,;:—–-."
_CLOSERS = "”’\"'»"
_SINGLE_MARKS = "‘'"
_WORD = re.compile(r"\w+")


def trim(text: str, span: Span) -> Span:
    """Drop surrounding whitespace and dangling punctuation, keeping a closing quote's inside."""
    start, end = span
    while start < end and text[start] in _LEADING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def drop_complementizer(text: str, span: Span) -> Span:
    """'that he was ...' -> 'he was ...' (the contract keeps the complementizer out)."""
    start, end = span
    if text[start:start + 5].lower() == "that " and end - start > 5:
        return trim(text, (start + 5, end))
    return span


def widen_over_quotes(span: Span, quotes: list[Quote]) -> Span:
    """Stretch a span so that no quotation is cut in half."""
    start, end = span
    for q in after(quotes, start):
        if q.start >= end:
            break
        if q.start < start < q.end or (q.start < start and q.end > start):
            start = min(start, q.start)
        if q.start < end < q.end:
            end = q.end
    return start, end


def contains_quote(span: Span, quotes: list[Quote], text: str, *, min_words: int = 2) -> bool:
    """Whether a double-marked quotation of ``min_words`` words or more lies inside the span.

    Single marks and one-word quotes are mostly scare quotes and titles, not speech."""
    start, end = span
    for q in after(quotes, start):
        if q.start >= end:
            return False
        if (q.start >= start and q.end <= end and text[q.start] not in _SINGLE_MARKS
                and len(_WORD.findall(text[q.start:q.end])) >= min_words):
            return True
    return False


def is_whole_quote(span: Span, quotes: list[Quote], text: str) -> bool:
    """Whether the span is one quotation (give or take punctuation around it)."""
    start, end = span
    for q in after(quotes, start - 2):
        if q.start > start + 1:
            return False
        if abs(q.start - start) <= 1 and q.end >= end - 1:
            return not text[q.end:end].strip(" .,;:")
    return False


def statement_kind(span: Span, quotes: list[Quote], text: str) -> str:
    """direct (all quoted), mixed (a quote of two words or more inside), or indirect."""
    if is_whole_quote(span, quotes, text):
        return "direct"
    if contains_quote(span, quotes, text):
        return "mixed"
    return "indirect"


_EMPTY_WORDS = {"but", "and", "or", "so", "yet", "however", "also", "still", "then"}


def is_empty(text: str, span: Span) -> bool:
    """A 'content' that says nothing: only connectives ('But'). (A pronoun content such as
    'which' or 'it' stays: it points at what was said.)"""
    words = _WORD.findall(text[span[0]:span[1]].lower())
    return not words or all(w in _EMPTY_WORDS for w in words)
