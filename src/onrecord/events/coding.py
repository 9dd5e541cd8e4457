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
from spacy.tokens import Doc, Span, Token

from onrecord.events.aux import aux_modes
from onrecord.events.choice import choose_type
from onrecord.events.dates import date_range, event_time
from onrecord.events.linking import event_actor, speaker_actor
from onrecord.events.modes import choose_contexts, choose_modes
from onrecord.events.ontology import is_verbal
from onrecord.events.conditions import conditions
from onrecord.events.participants import members, participants, party
from onrecord.events.places import event_place
from onrecord.events.units import Unit, coding_units
from onrecord.records import Article, Event, Statement, TextSpan
from onrecord.roles.predict import default_ranker


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
    actors, recipients, reporters = _participants(doc, article, unit, trigger, event_type)
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


def _participants(doc: Doc, article: Article, unit: Unit, trigger: Token, event_type: str):
    """(actors, recipients, reported_by) of the event."""
    chain = tuple(_who(s) for s in unit.reporters)
    actor_spans, recipient_spans = _roles(doc, trigger, event_type)
    recipient_spans = [r for r in recipient_spans if not any(_overlaps(r, a) for a in actor_spans)]
    if statement_speaker := (unit.statement.speaker if unit.statement else None):
        recipient_spans = [r for r in recipient_spans
                           if not (r.start_char < statement_speaker.end and statement_speaker.start < r.end_char)]
    recipients = tuple(event_actor(article, s) for s in recipient_spans)
    statement = unit.statement
    if statement is None:
        actors = tuple(event_actor(article, s) for s in actor_spans)
        return actors, _mutual(event_type, actors, recipients), chain
    said = _said(unit, trigger) or (is_verbal(event_type) and not actor_spans)
    if said and statement.speaker is not None:
        replied = _replied_speakers(article, statement)
        if not recipients and not replied:  # "said they will release two prisoners"
            recipients = tuple(event_actor(article, s) for s in _content_recipients(doc, statement))
        actors = _speaker_members(doc, article, statement)
        return actors, _mutual(event_type, actors, replied or recipients), chain
    actors = tuple(event_actor(article, s) for s in actor_spans)
    return actors, _mutual(event_type, actors, recipients), chain + ((_who(statement),) if statement.speaker else ())


MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
"""Types whose compound actor acts with itself ("India and Pakistan agreed"): each member is
the others' recipient, as PLOVER codes them (a place in the clause is the event's place)."""


def _mutual(event_type: str, actors: tuple, recipients: tuple) -> tuple:
    if event_type in MUTUAL and len(actors) > 1:
        return actors[1:] + actors[:1]
    return recipients


def _speaker_members(doc: Doc, article: Article, statement: Statement) -> tuple:
    """The speaker as actors: one per member of a coordinated speaker ("India and Pakistan")."""
    speaker = statement.speaker
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is not None and any(c.dep_ == "conj" for c in span.root.children):
        spans = members(doc, span.root)
        if len(spans) > 1 and all(speaker.start <= m.start_char and m.end_char <= speaker.end for m in spans):
            return tuple(event_actor(article, m) for m in spans)
    return (speaker_actor(article, speaker),)


def _roles(doc: Doc, trigger: Token, event_type: str) -> tuple[list[Span], list[Span]]:
    """(actor phrases, recipient phrases): the learned ranker's heads (``onrecord.roles``),
    the parse rules' where it is unsure."""
    rule_actors, rule_recipients = participants(doc, trigger)
    actor, recipient = default_ranker().roles(trigger, event_type)
    actors = members(doc, actor) if actor is not None else rule_actors
    recipients = members(doc, recipient) if recipient is not None else rule_recipients
    return actors, recipients


def _content_recipients(doc: Doc, statement: Statement) -> list[Span]:
    """Whom a statement is about: its content's subject when that is another party ("said
    Qatar must mediate", "said Iran had violated the deal"), else the content's own recipient
    ("said they will release two prisoners")."""
    content = doc.char_span(statement.content.start, statement.content.end, alignment_mode="expand")
    if content is None:
        return []
    speaker = statement.speaker
    subjects = [c for c in content.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
                and party(c) and not (speaker and speaker.start <= c.idx < speaker.end)]
    if subjects:
        return members(doc, subjects[0])
    return participants(doc, content.root)[1]


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _replied_speakers(article: Article, statement: Statement):
    out = []
    for reply in statement.replies_to:
        try:
            target = article.statement(reply.statement)
        except KeyError:
            continue
        if target.speaker is not None:
            out.append(speaker_actor(article, target.speaker))
    return tuple(out)


def _who(statement: Statement) -> str:
    speaker = statement.speaker
    return (speaker.name or speaker.text) if speaker else "?"


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
