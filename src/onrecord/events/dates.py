"""When an event happened: a time expression in the trigger's clause, resolved against the
publication date, else the publication date itself (flagged as such)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from onrecord.doctext import doc_text
from onrecord.records import TimeRef
from onrecord.temporal.dates import add_months
from onrecord.temporal.finder import find_expressions
from onrecord.temporal.resolver import time_ref


def event_time(doc: Doc, trigger: Token, published: date | None,
               excluded: list[tuple[int, int]] = ()) -> TimeRef | None:
    """The resolved time expression nearest the trigger within its clause, skipping
    ``excluded`` character spans (a statement's content dates what was said about)."""
    text = doc_text(doc)
    clause = trigger if trigger.dep_ not in ("xcomp",) else trigger.head
    start, end = doc[clause.left_edge.i].idx, doc[clause.right_edge.i].idx + len(doc[clause.right_edge.i])
    best = None
    for s, e, expr in find_expressions(text[start:end]):
        s, e = start + s, start + e
        if any(a <= s < b for a, b in excluded) or not _dates(doc, s, trigger):
            continue
        distance = min(abs(s - trigger.idx), abs(trigger.idx - e))
        if best is None or distance < best[0]:
            best = (distance, s, e, expr)
    if best is None:
        return None
    ref = time_ref(best[3], published, past=True, start=best[1], end=best[2])
    return ref if ref.value else None


def date_range(value: str | None) -> tuple[date, date] | None:
    """First and last day of an ISO day, week, month or year value."""
    if not value:
        return None
    try:
        if "W" in value:
            first = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return first, date.fromisocalendar(int(value[:4]), int(value[6:8]), 7)
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return None
    if len(parts) == 3:
        return date(*parts), date(*parts)
    if len(parts) == 2:
        y, m = add_months(parts[0], parts[1], 1)
        return date(parts[0], parts[1], 1), date.fromordinal(date(y, m, 1).toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _dates(doc: Doc, start: int, trigger: Token) -> bool:
    """Whether the expression at ``start`` belongs to the trigger's own clause: its nearest
    verb up the tree is the trigger's (not a relative or subordinate clause's: "the lands it
    has lost since 2014")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and _verb_of(span.root).i == _verb_of(trigger).i


def _verb_of(token: Token) -> Token:
    """The nearest verb at or above ``token``; the sentence root where there is none."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token
