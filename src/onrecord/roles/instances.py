"""Training decisions from PLV: one group of candidates per (sentence, role), labelled by the
gold actor or recipient string (the candidate that heads the gold phrase)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from onrecord.eventcoder.data import CodedSentence
from onrecord.events.triggers import find_triggers
from onrecord.roles.candidates import candidate_heads
from onrecord.roles.features import RuleContext, vector

ROLES = ("actor", "recipient")
PLACEHOLDERS = frozenset({"", "source", "actor", "target", "recipient"})


@dataclass(frozen=True, slots=True)
class Group:
    """One decision: the candidates' feature rows and which of them heads the gold phrase."""

    role: str
    rows: list[list[float]]
    labels: list[int]


def gold_trigger(sentence: Span, event_type: str) -> Token:
    """The trigger proposing the gold type nearest the root, else the root (as at run time)."""
    root = sentence.root
    fitting = [t.head(sentence.doc) for t in find_triggers(sentence) if event_type in t.types]
    return min(fitting, key=lambda t: abs(t.i - root.i)) if fitting else root


def gold_head(doc: Doc, text: str) -> Token | None:
    """The head token of the first occurrence of a gold phrase in the sentence."""
    if text.strip().lower() in PLACEHOLDERS:
        return None
    at = doc.text.find(text)
    if at < 0:
        at = doc.text.lower().find(text.lower())
    if at < 0:
        return None
    span = doc.char_span(at, at + len(text), alignment_mode="expand")
    return span.root if span is not None else None


def groups(rows: Sequence[CodedSentence], docs: Iterable[Doc]) -> Iterator[Group]:
    """Actor and recipient decisions of each sentence whose gold phrase heads a candidate."""
    for row, doc in zip(rows, docs):
        sentence = doc[:]
        trigger = gold_trigger(sentence, row.type)
        candidates = candidate_heads(sentence, trigger)
        if not candidates:
            continue
        rules = RuleContext(trigger)
        features = [vector(trigger, c, row.type, rules, candidates) for c in candidates]
        for role, text in zip(ROLES, (row.source, row.target)):
            head = gold_head(doc, text)
            labels = [int(head is not None and c.i == head.i) for c in candidates]
            if any(labels):
                yield Group(role, features, labels)
