"""Coding units: the stretches of an article the event coder reads.

One unit per statement (its speaker, cue and content: what was said, a verbal event, or a
material event reported in it) and one per sentence that holds no cue but proposes an event
(the outlet's own sentences, or further sentences of a statement's content).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from onrecord.events.triggers import Trigger, find_triggers
from onrecord.records import Article, Statement

REPLY_TYPES = {"rejects": frozenset({"REJECT", "ACCUSE"}), "confirms": frozenset({"AGREE", "SUPPORT"}),
               "responds": frozenset()}


@dataclass(frozen=True, slots=True)
class Unit:
    """What one coding decision reads, and the evidence beside it."""

    sentence: Span
    start: int
    end: int
    triggers: tuple[Trigger, ...]
    statement: Statement | None = None
    reporters: tuple[Statement, ...] = ()  # statements whose content holds the unit, outermost first
    reply_types: frozenset[str] = frozenset()

    def text(self, doc: Doc) -> str:
        return doc.text[self.start:self.end]

    def proposed(self) -> frozenset[str]:
        """Every type a trigger or a reply link proposes."""
        return frozenset().union(self.reply_types, *(t.types for t in self.triggers))


def coding_units(doc: Doc, article: Article) -> list[Unit]:
    """Statement units, then cue-free sentence units, in text order within each."""
    by_id = {s.id: s for s in article.statements}
    units = [_statement_unit(doc, s, by_id) for s in article.statements]
    cue_sentences = {u.sentence.start for u in units}
    for sentence in doc.sents:
        if sentence.start in cue_sentences:
            continue
        triggers = tuple(find_triggers(sentence))
        if triggers:
            units.append(Unit(sentence, sentence.start_char, sentence.end_char, triggers,
                              reporters=_holders(article, sentence.start_char, sentence.end_char, by_id)))
    return [u for u in units if u is not None]


def _statement_unit(doc: Doc, statement: Statement, by_id: dict[str, Statement]) -> Unit:
    sentence = doc.char_span(statement.cue.start, statement.cue.end, alignment_mode="expand").sent
    spans = [statement.cue, statement.content] + [x for x in (statement.speaker, statement.content2) if x]
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    inner = doc.char_span(start, end, alignment_mode="expand")
    replies = frozenset().union(*(REPLY_TYPES.get(r.type, frozenset()) for r in statement.replies_to))
    return Unit(sentence, start, end, tuple(find_triggers(inner)), statement,
                _chain(statement, by_id), replies)


def _chain(statement: Statement, by_id: dict[str, Statement]) -> tuple[Statement, ...]:
    out: list[Statement] = []
    parent = by_id.get(statement.parent) if statement.parent else None
    while parent is not None and parent not in out:
        out.insert(0, parent)
        parent = by_id.get(parent.parent) if parent.parent else None
    return tuple(out)


def _holders(article: Article, start: int, end: int, by_id: dict[str, Statement]) -> tuple[Statement, ...]:
    """The statements whose content covers the sentence, outermost first."""
    holders = [s for s in article.statements
               if any(c and c.start <= start and end <= c.end + 1 for c in (s.content, s.content2))]
    holders.sort(key=lambda s: len(_chain(s, by_id)))
    return tuple(holders)
