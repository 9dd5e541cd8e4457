"""Noun frames: a reporting noun with its owner and its that-clause ("Trump's claim that ...")."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.attribution.boundaries import finish_content
from onrecord.attribution.cues import CueMatch
from onrecord.attribution.frame import Frame
from onrecord.attribution.quotes import Quote
from onrecord.attribution.sources import source_span
from onrecord.lexicons import Lexicon

_CLAUSE_DEPS = ("acl", "ccomp", "relcl")


def noun_frame(tok: Token, text: str, quotes: list[Quote], lexicon: Lexicon) -> Frame | None:
    """The frame of a reporting noun followed by a that-clause, or None."""
    if tok.pos_ != "NOUN":
        return None
    entry = lexicon.nouns.get(tok.lemma_.lower())
    if entry is None:
        return None
    clause = next((c for c in tok.rights if c.dep_ in _CLAUSE_DEPS and _opens_with_that(c)), None)
    if clause is None:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    content = finish_content((clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)),
                             text, quotes, doc=tok.doc)
    if content[1] - content[0] < 2:
        return None
    cue = CueMatch(tok, entry, tok.idx, tok.idx + len(tok.text), None)
    source = source_span(owner) if owner is not None else None
    return Frame(cue, source, owner, content)


def _opens_with_that(clause: Token) -> bool:
    """'claim that taxes rose' (a complement), not 'the claim that he made' (a relative clause)."""
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark"
