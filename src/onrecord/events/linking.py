"""Event participants as records: text spans tied to the article's canonical entities, with
the country and sector of the actor (``actors_registry``)."""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.events.actors_registry import actor_country, actor_sector
from onrecord.records import Article, Entity, EventActor, Speaker


def event_actor(article: Article, span: Span) -> EventActor:
    """A parse phrase as an actor, linked to the entity one of whose mentions covers its head."""
    head = span.root
    entity = _entity_at(article, head.idx, head.idx + len(head))
    return _actor(span.start_char, span.end_char, span.text, entity)


def speaker_actor(article: Article, speaker: Speaker) -> EventActor:
    """A statement's speaker as an actor (its resolved entity, when there is one)."""
    entity = next((e for e in article.entities if e.id == speaker.entity), None) if speaker.entity else None
    return _actor(speaker.start, speaker.end, speaker.text, entity, speaker.name)


def _actor(start: int, end: int, text: str, entity: Entity | None, name: str | None = None) -> EventActor:
    name = name or (entity.name if entity else None)
    described = " ".join(x for x in (text, name) if x)
    return EventActor(start, end, text, entity.id if entity else None, name,
                      actor_country(described), actor_sector(text, entity.type if entity else None))


def _entity_at(article: Article, start: int, end: int) -> Entity | None:
    for entity in article.entities:
        if any(m.start <= start and end <= m.end for m in entity.mentions):
            return entity
    return None
