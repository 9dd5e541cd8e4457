"""Character spans made of one or more fragments, and how they compare."""

from __future__ import annotations

from collections.abc import Iterable

Fragment = tuple[int, int]
Span = tuple[Fragment, ...]
"""A possibly discontinuous span: character fragments ``(start, end)``, sorted."""


def make_span(fragments: Iterable[Fragment]) -> Span:
    """Fragments sorted and deduplicated; empty fragments dropped."""
    return tuple(sorted({(s, e) for s, e in fragments if e > s}))


def strip_span(span: Span, text: str) -> Span:
    """Each fragment clipped to ``text``, trimmed of surrounding whitespace; empty ones dropped."""
    out = []
    for start, end in span:
        start, end = max(0, start), min(end, len(text))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append((start, end))
    return make_span(out)


def overlap(a: Span, b: Span) -> int:
    """How many characters the two spans share."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def length(span: Span) -> int:
    """Characters covered (fragments are assumed disjoint)."""
    return sum(e - s for s, e in span)


def span_text(span: Span, text: str) -> str:
    """The fragments' text joined by a space, as brat writes it."""
    return " ".join(text[s:e] for s, e in span)
