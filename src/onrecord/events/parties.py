"""Who did it and to whom: an event's actors, recipients and reporters, from the learned role
ranker (``onrecord.roles``) with the parse rules beside it, and from the statement it was
coded from (a speaker is the actor of what it says; the statement it replies to, or the
content's subject, its recipient)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from onrecord.events.linking import event_actor, speaker_actor
from onrecord.events.ontology import is_verbal
from onrecord.events.participants import members, participants, party
from onrecord.events.units import Unit
from onrecord.records import Article, Statement
from onrecord.roles.predict import default_ranker


def event_parties(doc: Doc, article: Article, unit: Unit, trigger: Token, event_type: str, said: bool):
    """(actors, recipients, reported_by) of the event; ``said``: the event is the act of saying."""
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
    said = said or (is_verbal(event_type) and not actor_spans)
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
