"""Frozen, typed records of the ``onrecord.article/1`` contract.

Every offset is a character offset into ``Article.text``.  ``to_dict`` gives the
JSON contract; ``Article.from_dict`` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "onrecord.article/1"

EntityType = Literal["person", "organization", "media", "place", "group", "document", "other"]
ResolutionMethod = Literal["name", "surname", "role", "pronoun", "quote-first-person", "description",
                           "document-author", "registry", "group"]
StatementKind = Literal["direct", "indirect", "mixed"]
ReplyType = Literal["rejects", "confirms", "responds"]
Granularity = Literal["day", "week", "month", "year"]
AuxMode = Literal["negation", "hypothetical", "future", "historical"]
ModalityKind = Literal["speech", "finding", "document", "intent"]
MODALITY_FLAGS = ("negated", "hypothetical", "future", "question")


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the article text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TextSpan":
        return cls(start=d["start"], end=d["end"], text=d["text"])


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement is attributed to, as written and as resolved, with the evidence:
    how it was resolved, the mention it was resolved through, and a confidence."""

    start: int
    end: int
    text: str
    entity: str | None = None
    name: str | None = None
    resolution: ResolutionMethod | None = None
    antecedent: TextSpan | None = None
    confidence: float | None = None
    members: tuple[str, ...] = ()  # entity ids of every member of a compound speaker

    def to_dict(self) -> dict[str, Any]:
        d = {"text": self.text, "start": self.start, "end": self.end,
             "entity": self.entity, "name": self.name, "resolution": self.resolution,
             "antecedent": self.antecedent.to_dict() if self.antecedent else None,
             "confidence": self.confidence}
        if self.members:
            d["members"] = list(self.members)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Speaker":
        antecedent = d.get("antecedent")
        return cls(d["start"], d["end"], d["text"], d.get("entity"), d.get("name"),
                   d.get("resolution"), TextSpan.from_dict(antecedent) if antecedent else None,
                   d.get("confidence"), tuple(d.get("members", ())))


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that mark the attribution, with the lemma and its framing class."""

    start: int
    end: int
    text: str
    lemma: str
    cls: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "lemma": self.lemma, "class": self.cls}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Cue":
        return cls(d["start"], d["end"], d["text"], d["lemma"], d["class"])


@dataclass(frozen=True, slots=True)
class TimeRef:
    """When a statement was made, resolved against the publication date."""

    text: str
    value: str | None
    granularity: Granularity | None
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "granularity": self.granularity,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TimeRef":
        return cls(d["text"], d.get("value"), d.get("granularity"),
                   d.get("start", -1), d.get("end", -1))


@dataclass(frozen=True, slots=True)
class Reply:
    """A link from a statement to the earlier statement it answers."""

    statement: str
    type: ReplyType

    def to_dict(self) -> dict[str, Any]:
        return {"statement": self.statement, "type": self.type}


@dataclass(frozen=True, slots=True)
class Modality:
    """How a statement is framed (``onrecord.modality``): a negated cue ("did not say"), a
    hypothetical or conditional one ("would say", "if asked, he said"), a future one ("will
    say", "is expected to announce"), a question content; and what speaks: ``speech`` (a person
    or organisation), ``finding`` (a poll, study, report, data), ``document`` (a letter's or
    filing's wording), ``intent`` (a stated intent: "plans to", "wants to")."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    question: bool = False
    kind: ModalityKind = "speech"

    def flags(self) -> tuple[str, ...]:
        """The flags that hold, in ``MODALITY_FLAGS`` order."""
        return tuple(f for f in MODALITY_FLAGS if getattr(self, f))

    def to_dict(self) -> dict[str, Any]:
        return {"negated": self.negated, "hypothetical": self.hypothetical, "future": self.future,
                "question": self.question, "kind": self.kind}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Modality":
        return cls(bool(d.get("negated", False)), bool(d.get("hypothetical", False)),
                   bool(d.get("future", False)), bool(d.get("question", False)), d.get("kind", "speech"))


@dataclass(frozen=True, slots=True)
class Statement:
    """One attribution: speaker -> cue -> content."""

    id: str
    speaker: Speaker | None
    cue: Cue
    content: TextSpan
    kind: StatementKind
    content2: TextSpan | None = None
    parent: str | None = None
    time: TimeRef | None = None
    replies_to: tuple[Reply, ...] = ()
    modality: Modality | None = None
    """Set by the engine (``onrecord.modality``); None in statements built without it."""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
        }
        if self.content2 is not None:
            d["content2"] = self.content2.to_dict()
        d.update({
            "kind": self.kind,
            "parent": self.parent,
            "time": self.time.to_dict() if self.time else None,
            "replies_to": [r.to_dict() for r in self.replies_to],
        })
        if self.modality is not None:
            d["modality"] = self.modality.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Statement":
        return cls(
            id=d["id"],
            speaker=Speaker.from_dict(d["speaker"]) if d.get("speaker") else None,
            cue=Cue.from_dict(d["cue"]),
            content=TextSpan.from_dict(d["content"]),
            kind=d["kind"],
            content2=TextSpan.from_dict(d["content2"]) if d.get("content2") else None,
            parent=d.get("parent"),
            time=TimeRef.from_dict(d["time"]) if d.get("time") else None,
            replies_to=tuple(Reply(r["statement"], r["type"]) for r in d.get("replies_to", [])),
            modality=Modality.from_dict(d["modality"]) if d.get("modality") else None,
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical speaker or referent within one article, with all its mentions."""

    id: str
    name: str
    type: EntityType
    mentions: tuple[TextSpan, ...] = ()
    registry: str | None = None  # the entity registry's id (a Wikidata QID where known)

    def to_dict(self) -> dict[str, Any]:
        d = {"id": self.id, "name": self.name, "type": self.type,
             "mentions": [m.to_dict() for m in self.mentions]}
        if self.registry:
            d["registry"] = self.registry
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Entity":
        return cls(d["id"], d["name"], d["type"],
                   tuple(TextSpan.from_dict(m) for m in d.get("mentions", [])), d.get("registry"))


@dataclass(frozen=True, slots=True)
class EventActor:
    """An actor or recipient of an event: the words in the text and, where resolved, the
    article's canonical entity with its country and sector (``onrecord.events.registry``)."""

    start: int
    end: int
    text: str
    entity: str | None = None
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3, as POLECAT
    sector: str | None = None  # government, military, rebel, party, media, business, ngo, igo, civilian ...

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "entity": self.entity,
                "name": self.name, "country": self.country, "sector": self.sector}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "EventActor":
        return cls(d["start"], d["end"], d["text"], d.get("entity"), d.get("name"),
                   d.get("country"), d.get("sector"))


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, as written and as its gazetteer (GeoNames) entry."""

    start: int
    end: int
    text: str
    geonameid: int | None = None
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature: str | None = None  # "country", "admin1" or "city"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "geonameid": self.geonameid,
                "name": self.name, "country": self.country, "admin1": self.admin1,
                "latitude": self.latitude, "longitude": self.longitude, "feature": self.feature}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Place":
        return cls(d["start"], d["end"], d["text"], d.get("geonameid"), d.get("name"), d.get("country"),
                   d.get("admin1"), d.get("latitude"), d.get("longitude"), d.get("feature"))


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event record whose every field points at the text.

    ``trigger`` is the event text, ``sentence`` the sentence it was coded from; ``statement``
    the statement it comes from (a verbal event, or a material event reported inside one's
    content); ``reported_by`` the provenance chain, outermost first (entity ids or names:
    "according to Bloomberg" -> the event is Bloomberg's report, not the outlet's own claim).
    ``date`` is the event's time where the text gives it, else the publication date with
    ``date_from == "published"``."""

    id: str
    type: str
    trigger: TextSpan
    sentence: TextSpan
    actors: tuple[EventActor, ...] = ()
    recipients: tuple[EventActor, ...] = ()
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    aux: tuple[AuxMode, ...] = ()
    place: Place | None = None
    date: str | None = None
    date_from: Literal["text", "published"] | None = None
    statement: str | None = None
    reported_by: tuple[str, ...] = ()
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "mode": list(self.mode), "context": list(self.context),
                "aux": list(self.aux), "trigger": self.trigger.to_dict(), "sentence": self.sentence.to_dict(),
                "actors": [a.to_dict() for a in self.actors],
                "recipients": [r.to_dict() for r in self.recipients],
                "place": self.place.to_dict() if self.place else None,
                "date": self.date, "date_from": self.date_from, "statement": self.statement,
                "reported_by": list(self.reported_by), "confidence": self.confidence}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        return cls(
            id=d["id"], type=d["type"], trigger=TextSpan.from_dict(d["trigger"]),
            sentence=TextSpan.from_dict(d["sentence"]),
            actors=tuple(EventActor.from_dict(a) for a in d.get("actors", [])),
            recipients=tuple(EventActor.from_dict(r) for r in d.get("recipients", [])),
            mode=tuple(d.get("mode", ())), context=tuple(d.get("context", ())), aux=tuple(d.get("aux", ())),
            place=Place.from_dict(d["place"]) if d.get("place") else None,
            date=d.get("date"), date_from=d.get("date_from"), statement=d.get("statement"),
            reported_by=tuple(d.get("reported_by", ())), confidence=d.get("confidence"))


@dataclass(frozen=True, slots=True)
class Article:
    """Everything onrecord found in one article."""

    text: str
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    own_voice: tuple[TextSpan, ...] = field(default=())
    mode: str = "fast"
    """What found the attributions: "fast" (rules) or "accurate" (the learned tagger)."""
    events: tuple[Event, ...] = ()
    """PLOVER event records (``onrecord.events``); empty unless events were coded."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "statements": [s.to_dict() for s in self.statements],
            "own_voice": [o.to_dict() for o in self.own_voice],
            "mode": self.mode,
            "events": [e.to_dict() for e in self.events],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        if d.get("schema") != SCHEMA:
            raise ValueError(f"not an {SCHEMA} document (schema={d.get('schema')!r})")
        return cls(
            text=d["text"], id=d.get("id"), title=d.get("title"), outlet=d.get("outlet"),
            published=d.get("published"),
            entities=tuple(Entity.from_dict(e) for e in d.get("entities", [])),
            statements=tuple(Statement.from_dict(s) for s in d.get("statements", [])),
            own_voice=tuple(TextSpan.from_dict(o) for o in d.get("own_voice", [])),
            mode=d.get("mode", "fast"),
            events=tuple(Event.from_dict(e) for e in d.get("events", [])),
        )

    def statement(self, statement_id: str) -> Statement:
        """The statement with this id (KeyError if absent)."""
        for s in self.statements:
            if s.id == statement_id:
                return s
        raise KeyError(statement_id)
