"""Anchoring: the time expression that dates a statement, found in its cue's clause.

Times inside the content ("... in Washington last month") date what was said about,
not the saying, so the content and the speaker are left out of the search.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from onrecord.doctext import doc_text
from onrecord.attribution.frame import Frame
from onrecord.records import TimeRef
from onrecord.temporal.finder import find_expressions
from onrecord.temporal.resolver import time_ref

_FUTURE_AUX = {"will", "shall", "'ll"}


def statement_time(doc: Doc, frame: Frame, published: date | None) -> TimeRef | None:
    """The resolved time of the act of saying, or None when the text gives none."""
    verb = frame.cue.head
    excluded = [s for s in (frame.content, frame.content2, frame.source) if s is not None]
    best: tuple[int, int, int, str] | None = None
    for run_start, run_end in _runs(doc, verb, excluded):
        for s, e, expr in find_expressions(doc_text(doc)[run_start:run_end]):
            start, end = run_start + s, run_start + e
            distance = min(abs(start - frame.cue.end), abs(frame.cue.start - end))
            if best is None or distance < best[0]:
                best = (distance, start, end, expr)
    if best is None:
        return None
    _, start, end, expr = best
    return time_ref(expr, published, past=not _is_future(verb), start=start, end=end)


def _runs(doc: Doc, verb: Token, excluded: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Contiguous character runs of the verb's clause that lie outside the excluded spans."""
    runs: list[tuple[int, int]] = []
    for tok in doc[verb.left_edge.i:verb.right_edge.i + 1]:
        start, end = tok.idx, tok.idx + len(tok.text)
        if any(s <= start < e for s, e in excluded):
            continue
        if runs and start - runs[-1][1] <= 1:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def _is_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children)
