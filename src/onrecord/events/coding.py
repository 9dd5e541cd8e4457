"""Event coding: an article's statements and sentences -> PLOVER event records.

Verbal events (REJECT, ACCUSE, REQUEST ...) are the speaker's statements: the speaker is the
actor, the statement it replies to (or the cue's object) the recipient. Material events
(ASSAULT, PROTEST, AID ...) come from the outlet's own sentences and from statement contents,
with the provenance chain of the statements that report them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
from spacy.tokens import Doc, Token

from onrecord.events.aux import aux_modes
from onrecord.events.choice import choose_type
from onrecord.events.dates import date_range, event_time
from onrecord.events.linking import event_actor
from onrecord.events.modes import choose_contexts, choose_modes
from onrecord.events.ontology import is_verbal
from onrecord.events.conditions import conditions
from onrecord.events.participants import members
from onrecord.events.parties import event_parties
from onrecord.events.places import event_place
from onrecord.events.units import Unit, coding_units
from onrecord.records import Article, Event, Statement, TextSpan


def code_events(doc: Doc, article: Article, coder, published: date | None) -> tuple[Event, ...]:
    """Every event the article reports, numbered ev1... in text order."""
    units = coding_units(doc, article)
    if not units:
        return ()
    probabilities = coder.probabilities([u.text(doc) for u in units])
    events = []
    for unit, p in zip(units, probabilities):
        event = _event(doc, article, unit, p, published)
        if event is not None:
            events.append(event)
            if is_verbal(event.type) and unit.statement and not unit.reporting:
                events.extend(_demands(doc, article, unit, event, published))
    events.sort(key=lambda e: (e.trigger.start, e.type))
    return tuple(_numbered(e, n) for n, e in enumerate(_distinct(events), 1))


def _event(doc: Doc, article: Article, unit: Unit, probabilities: np.ndarray,
           published: date | None) -> Event | None:
    chosen = choose_type(probabilities, unit.proposed(), unit.decisive())
    if chosen is None:
        return None
    event_type, confidence = chosen
    trigger = _trigger(doc, unit, event_type)
    actors, recipients, reporters = event_parties(doc, article, unit, trigger, event_type, _said(unit, trigger))
    time = unit.statement.time if _said(unit, trigger) and unit.statement.time else None
    if time is None or not time.value:
        excluded = [(c.start, c.end) for c in _contents(unit.statement)] if _said(unit, trigger) else []
        time = event_time(doc, trigger, published, excluded)
    value = time.value if time else (published.isoformat() if published else None)
    text = unit.text(doc)
    lemmas = [t.lemma_.lower() for t in doc.char_span(unit.start, unit.end, alignment_mode="expand")]
    return Event(
        id="", type=event_type,
        trigger=TextSpan(trigger.idx, trigger.idx + len(trigger), trigger.text),
        sentence=TextSpan(unit.sentence.start_char, unit.sentence.end_char, unit.sentence.text),
        actors=actors, recipients=recipients,
        mode=choose_modes(event_type, text, lemmas), context=choose_contexts(unit.sentence.text, lemmas),
        aux=aux_modes(trigger, date_range(value), published),
        place=event_place(doc, unit.sentence, (trigger.idx, trigger.idx + len(trigger))),
        date=value, date_from=("text" if time else "published") if value else None,
        statement=unit.statement.id if unit.statement else None,
        reported_by=reporters, confidence=None if confidence is None else round(confidence, 3))


def _demands(doc: Doc, article: Article, unit: Unit, said: Event, published: date | None) -> list[Event]:
    """The REQUESTs a statement's conditions make of another party (``conditions``)."""
    out = []
    for verb, subject in conditions(doc, unit.statement):
        clause = doc[verb.left_edge.i:verb.right_edge.i + 1]
        lemmas = [t.lemma_.lower() for t in clause]
        out.append(replace(
            said, type="REQUEST", trigger=TextSpan(verb.idx, verb.idx + len(verb), verb.text),
            recipients=tuple(event_actor(article, m) for m in members(doc, subject)),
            mode=choose_modes("REQUEST", clause.text, lemmas), confidence=None,
            aux=tuple(a for a in said.aux if a != "hypothetical")))
    return out


def _trigger(doc: Doc, unit: Unit, event_type: str) -> Token:
    """The word the event is coded from: the trigger proposing the type nearest the cue (or
    the sentence's root), else the cue, else the root."""
    anchor = _anchor(doc, unit)
    fitting = [t.head(doc) for t in unit.triggers if event_type in t.types]
    if unit.reporting:
        fitting = [t for t in fitting if _inside(t, _contents(unit.statement))]
    if fitting:
        return min(fitting, key=lambda t: abs(t.i - anchor.i))
    return anchor


def _anchor(doc: Doc, unit: Unit) -> Token:
    """The unit's own predicate: the cue, a reporter's content's main verb, or the sentence root."""
    if unit.statement is None:
        return unit.sentence.root
    if unit.reporting:
        content = unit.statement.content
        return doc.char_span(content.start, content.end, alignment_mode="expand").root
    return _cue_token(doc, unit.statement)


def _cue_token(doc: Doc, statement: Statement) -> Token:
    return doc.char_span(statement.cue.start, statement.cue.end, alignment_mode="expand").root


def _said(unit: Unit, trigger: Token) -> bool:
    """Whether the event is the act of saying itself (the trigger is the statement's cue or
    its content has no subject of its own)."""
    if unit.statement is None or unit.reporting:
        return False
    cue = unit.statement.cue
    return cue.start <= trigger.idx < cue.end or not _inside(trigger, _contents(unit.statement))


def _contents(statement: Statement | None) -> list[TextSpan]:
    return [c for c in (statement.content, statement.content2) if c] if statement else []


def _inside(token: Token, spans: list[TextSpan]) -> bool:
    return any(s.start <= token.idx < s.end for s in spans)


def _distinct(events: list[Event]) -> list[Event]:
    """One event per (type, trigger): a nested statement and its parent reading the same words
    code the same event once, with the more confident record kept."""
    best: dict[tuple[str, int], Event] = {}
    for e in events:
        key = (e.type, e.trigger.start)
        if key not in best or (e.confidence or 0) > (best[key].confidence or 0):
            best[key] = e
    return [e for e in events if best[(e.type, e.trigger.start)] is e]


def _numbered(event: Event, n: int) -> Event:
    return replace(event, id=f"ev{n}")
