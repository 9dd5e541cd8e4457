"""Verb frames: a reporting verb with its source and content."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.attribution.boundaries import (
    extend_to_sentence_start, finish_content, without_opener,
)
from onrecord.attribution.contents import clause_content, interrupted_clause, quote_beside
from onrecord.attribution.cues import match_verb_cue
from onrecord.attribution.frame import Frame
from onrecord.attribution.quotes import Quote
from onrecord.attribution.sources import source_of
from onrecord.attribution.spans import Span, is_empty
from onrecord.lexicons import Lexicon

_NO_QUOTE_FRAMES = ("belief", "intent")  # a mental state or an aim is no quotation's cue


def verb_frame(tok: Token, text: str, quotes: list[Quote], lexicon: Lexicon,
               taken: set[Span]) -> Frame | None:
    """The frame of the reporting verb at ``tok``, or None (not a cue, or no content found)."""
    cue = match_verb_cue(tok, lexicon)
    if cue is None:
        return None
    source_head, source = source_of(cue.head)
    around = interrupted_clause(cue, text)
    if around is not None:
        content, content2 = (finish_content(p, text, quotes) if p else None for p in around)
        content = without_opener(tok.doc, content, text)
        return Frame(cue, source, source_head, content, content2)
    content = clause_content(cue)
    if content is None and cue.entry.frame not in _NO_QUOTE_FRAMES:
        content = quote_beside(cue, source, quotes, text, taken)
    if content is None:
        return None
    content = finish_content(content, text, quotes, doc=tok.doc)
    if content[1] <= cue.start:
        content = extend_to_sentence_start(cue.head, content, text)
    if content[1] - content[0] < 2 or _overlaps(content, (cue.start, cue.end)) or is_empty(text, content):
        return None
    return Frame(cue, source, source_head, content)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
