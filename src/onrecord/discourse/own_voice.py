"""Own voice: the outlet's unattributed, checkable factual assertions."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from onrecord.doctext import doc_text
from onrecord.records import Statement, TextSpan

_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_CHECKABLE_ENTS = {"GPE", "ORG", "PERSON", "NORP", "DATE", "CARDINAL", "PERCENT", "MONEY",
                   "LOC", "FAC", "EVENT", "LAW", "QUANTITY"}
_PERSONAL_VOICE = {"i", "we", "you", "me", "us", "my", "our", "your"}
_QUOTE_MARKS = set("“”\"«»")
_MIN_WORDS = 6


def find_own_voice(doc: Doc, statements: Sequence[Statement]) -> list[TextSpan]:
    """Sentences no statement covers that make a checkable claim in the outlet's voice."""
    covered = _covered_spans(statements)
    starts = [s for s, _ in covered]
    reach = list(itertools.accumulate((e for _, e in covered), max))
    found = []
    for sent in doc.sents:
        start, end = _trimmed(sent)
        if end <= start or _overlaps_any(start, end, starts, reach):
            continue
        if _is_assertion(sent):
            found.append(TextSpan(start, end, doc_text(doc)[start:end]))
    return found


def _overlaps_any(start: int, end: int, starts: list[int], reach: list[int]) -> bool:
    """Whether [start, end) meets a covered span (spans sorted by start; reach = running max end)."""
    i = bisect.bisect_left(starts, end) - 1
    return i >= 0 and reach[i] > start


def _covered_spans(statements: Sequence[Statement]) -> list[tuple[int, int]]:
    spans = []
    for st in statements:
        for part in (st.speaker, st.cue, st.content, st.content2):
            if part is not None:
                spans.append((part.start, part.end))
    return sorted(spans)


def _trimmed(sent: Span) -> tuple[int, int]:
    text = sent.text
    stripped = text.strip()
    if not stripped:
        return 0, 0
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, start + len(stripped)


def _is_assertion(sent: Span) -> bool:
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if len(words) < _MIN_WORDS or sent.text.rstrip().endswith("?"):
        return False
    if any(ch in _QUOTE_MARKS for ch in sent.text):
        return False
    if words[0].lower_ in _PERSONAL_VOICE or sent.root.tag_ == "VB":
        return False
    if not any(t.tag_ in _FINITE_TAGS for t in sent):
        return False
    return any(t.ent_type_ in _CHECKABLE_ENTS for t in sent)
