"""Coding units: the stretches of an article the event coder reads.

One unit per statement (its speaker, cue and content: what was said, a verbal event, or a
material event reported in it) and one per sentence that holds no cue but proposes an event
(the outlet's own sentences, or further sentences of a statement's content).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from onrecord.doctext import doc_text
from onrecord.events.triggers import Trigger, find_triggers
from onrecord.records import Article, Statement

REPLY_TYPES = {"rejects": frozenset({"REJECT"}), "confirms": frozenset({"AGREE", "SUPPORT"}),
               "responds": frozenset()}
CUE_CLASSES = Path(__file__).parent / "data" / "cue_classes.tsv"
REPORTING_SPEAKERS = {"media"}
"""Entity types whose statements report events rather than being them."""


@lru_cache(maxsize=1)
def cue_classes() -> dict[str, tuple[frozenset[str], bool]]:
    """Cue class -> (the types it proposes, whether its speaker only reports)."""
    out = {}
    for line in CUE_CLASSES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("cue_class\t"):
            cls, proposes, reporting = line.split("\t")
            out[cls] = (frozenset(proposes.split()) - {"-"}, reporting == "yes")
    return out


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
    cue_types: frozenset[str] = frozenset()  # what the statement's own verb (its cue) proposes
    reporting: bool = False  # the speaker reports the event (a news outlet, "according to")

    def text(self, doc: Doc) -> str:
        return doc_text(doc)[self.start:self.end]

    def decisive(self) -> frozenset[str]:
        """Types the statement itself is (its reply link, else its cue): the coder only ranks them."""
        return self.reply_types or self.cue_types

    def proposed(self) -> frozenset[str]:
        """Every type a trigger or a reply link proposes."""
        return frozenset().union(self.reply_types, self.cue_types, *(t.types for t in self.triggers))


def coding_units(doc: Doc, article: Article) -> list[Unit]:
    """Statement units, then cue-free sentence units, in text order within each."""
    by_id = {s.id: s for s in article.statements}
    types = {e.id: e.type for e in article.entities}
    units = [_statement_unit(doc, s, by_id, types) for s in article.statements]
    cue_sentences = {u.sentence.start for u in units}
    for sentence in doc.sents:
        if sentence.start in cue_sentences:
            continue
        triggers = tuple(find_triggers(sentence))
        if triggers:
            units.append(Unit(sentence, sentence.start_char, sentence.end_char, triggers,
                              reporters=_holders(article, sentence.start_char, sentence.end_char, by_id)))
    return [u for u in units if u is not None]


def _statement_unit(doc: Doc, statement: Statement, by_id: dict[str, Statement],
                    entity_types: dict[str, str]) -> Unit:
    """A statement as the coder reads it: speaker, cue and content; a reporter's (a news
    outlet's, "according to") only its content, since the event is the content's."""
    sentence = doc.char_span(statement.cue.start, statement.cue.end, alignment_mode="expand").sent
    proposes, reporting = cue_classes().get(statement.cue.cls, (frozenset(), False))
    speaker = statement.speaker
    reporting = reporting or bool(speaker and entity_types.get(speaker.entity or "") in REPORTING_SPEAKERS)
    contents = [x for x in (statement.content, statement.content2) if x]
    spans = contents if reporting else contents + [statement.cue] + ([speaker] if speaker else [])
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    triggers = tuple(find_triggers(doc.char_span(start, end, alignment_mode="expand")))
    chain = _chain(statement, by_id)
    if reporting:  # what a reporter says proposes no verbal event of its own
        return Unit(sentence, start, end, triggers, statement, chain, reporting=True)
    replies = frozenset().union(*(REPLY_TYPES.get(r.type, frozenset()) for r in statement.replies_to))
    on_cue = [t for t in triggers if doc[t.start].idx < statement.cue.end
              and statement.cue.start < doc[t.end - 1].idx + len(doc[t.end - 1])]
    cue_types = proposes.union(*(t.types for t in on_cue))
    return Unit(sentence, start, end, triggers, statement, chain, replies, cue_types)


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
