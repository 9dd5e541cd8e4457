"""Typed links with their evidence in words, from candidates (pure functions)."""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.crosslinks.candidates import Candidate
from onrecord.crosslinks.linktypes import claim_type, polarity_words, reply_type
from onrecord.crosslinks.words import Bag

MAX_SHARED_SHOWN = 8


@dataclass(frozen=True, slots=True)
class Link:
    """One row of ``cross_links``."""

    from_id: int
    to_id: int
    type: str
    basis: str
    evidence_kind: str
    evidence: str
    score: float


def _shared(words: tuple[str, ...]) -> str:
    shown = ", ".join(words[:MAX_SHARED_SHOWN])
    return shown + (f" (+{len(words) - MAX_SHARED_SHOWN})" if len(words) > MAX_SHARED_SHOWN else "")


def reply_link(c: Candidate, source_bag: Bag, reply_kind: str | None = None) -> Link:
    """A reply candidate typed: ``reply_kind`` is the type found inside the article (replies
    table); a reply to a named report is typed from its own cue and content."""
    typ = reply_kind or reply_type(c.source, source_bag)
    if c.retort:
        answered = f"{c.named}, whom it \"{c.retort}\" at"
    elif c.named:
        answered = f"the {c.named} report it names"
    else:
        answered = f"{c.via.speaker or 'a statement'} in its own article"
    if c.kind == "reply+quote":
        how = "that statement's quote group appears here"
    else:
        how = f"{c.target.speaker}'s statement here shares: {_shared(c.shared)}"
    text = f"reply: \"{c.source.cue}\" ({c.source.cue_class or 'no class'}) answers {answered}; {how}"
    return Link(c.source.id, c.target.id, typ, "reply", c.kind, text, round(c.score, 3))


def claim_link(c: Candidate, source_bag: Bag, target_bag: Bag) -> Link | None:
    """A claim candidate typed (None when either statement takes no side)."""
    typ = claim_type(c.source, source_bag, c.target, target_bag)
    if typ is None:
        return None
    how = "same quote group" if c.kind == "claim+quote" else f"shared: {_shared(c.shared)}"
    text = (f"claim: {c.source.speaker} \"{c.source.cue}\" {polarity_words(c.source, source_bag)}; "
            f"{c.target.speaker} \"{c.target.cue}\" {polarity_words(c.target, target_bag)}; {how}")
    return Link(c.source.id, c.target.id, typ, "claim", c.kind, text, round(c.score, 3))
