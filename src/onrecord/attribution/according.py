"""'according to X': the source is X, the content the clause around the phrase."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.attribution.cues import CueMatch
from onrecord.attribution.boundaries import without_opener
from onrecord.attribution.frame import Frame
from onrecord.attribution.sources import source_span
from onrecord.attribution.quotes import Quote
from onrecord.attribution.spans import is_empty, trim, widen_over_quotes


def according_frame(cue: CueMatch, text: str, quotes: list[Quote]) -> Frame | None:
    """The frame of an 'according to' cue, or None when the parse gives no clause around it."""
    source_head = next((c for c in cue.particle.children if c.dep_ == "pobj"), None)
    if source_head is None:
        return None
    clause = _clause_head(cue.head)
    phrase = (cue.head.left_edge.idx, _end(cue.head.right_edge))
    whole = (clause.left_edge.idx, _end(clause.right_edge))
    before = trim(text, (whole[0], phrase[0]))
    after = trim(text, (phrase[1], whole[1]))
    before = without_opener(cue.head.doc, before, text) if before[1] - before[0] > 1 else before
    parts = [widen_over_quotes(p, quotes) for p in (before, after)
             if p[1] - p[0] > 1 and not is_empty(text, p)]
    if not parts:
        return None
    parts.sort(key=lambda p: p[1] - p[0], reverse=True)
    content, content2 = parts[0], (parts[1] if len(parts) > 1 else None)
    if content2 is not None and content2[0] < content[0]:
        content, content2 = content2, content
    return Frame(cue, source_span(source_head), source_head, content, content2)


def _clause_head(tok: Token) -> Token:
    node = tok.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)
