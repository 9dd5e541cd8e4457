"""Store an article's PLOVER events (``Article.events``) with their actors, recipients and group.

Called by the writer inside the article's own savepoint, after its statements, so an article
and its events are committed together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from onrecord.records import Article, Event, EventActor
from onrecord.store.db import Database
from onrecord.store.entities import is_nameless
from onrecord.store.event_groups import QUADS, assign_group, event_signature, participant_key
from onrecord.store.normalise import name_key

_EVENT_COLUMNS = (
    "article_id", "local_id", "statement_id", "statement_local_id", "type", "quad", "modes", "contexts", "aux",
    "trigger_text", "trigger_start", "trigger_end", "sentence_text", "sentence_start", "sentence_end",
    "place_text", "place_start", "place_end", "place_geonameid", "place_name", "place_country", "place_admin1",
    "place_lat", "place_lon", "place_feature", "date", "date_from", "event_date", "reported_by", "confidence",
    "signature", "group_key")
_INSERT_EVENT = (f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(_EVENT_COLUMNS))}) RETURNING id")
_INSERT_PARTY = ("INSERT INTO event_participants (event_id, role, ordinal, text, start_char, end_char, local_entity, "
                 "entity_id, name, name_key, country, sector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def event_date(ev: Event, published: str | None) -> str | None:
    """The date an event is filtered and grouped by: its coded date, or the article's publication
    date when the date was taken from it (or there is none)."""
    if ev.date_from == "published" or not ev.date:
        return published or ev.date
    return ev.date


def _json_list(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


class _Party:
    """One participant row, resolved to a corpus entity where the article's entity maps to one."""

    def __init__(self, db: Database, actor: EventActor, local_entities: dict[str, int | None]) -> None:
        self.actor = actor
        self.name = actor.name or actor.text
        self.key = name_key(self.name) or None
        eid = local_entities.get(actor.entity) if actor.entity else None
        if eid is None and self.key and not is_nameless(self.key):  # a name the corpus already knows
            found = db.scalar("SELECT entity_id FROM entity_aliases WHERE alias_key = ?", (self.key,))
            eid = int(found) if found is not None else None
        self.entity_id = eid

    @property
    def group_key(self) -> str | None:
        return participant_key(self.entity_id, self.key)

    def row(self, event_id: int, role: str, ordinal: int) -> tuple:
        a = self.actor
        return (event_id, role, ordinal, a.text, a.start, a.end, a.entity, self.entity_id, a.name, self.key,
                a.country, a.sector)


def store_events(db: Database, article_id: int, art: Article, local_entities: dict[str, int | None],
                 statement_ids: dict[str, int], published: str | None) -> int:
    """Insert the article's events (the first of any repeated event id); returns how many."""
    names = {e.id: e.name for e in art.entities}
    seen: set[str] = set()
    for ev in art.events:
        if ev.id in seen:
            continue
        seen.add(ev.id)
        actors = [_Party(db, a, local_entities) for a in ev.actors]
        recipients = [_Party(db, r, local_entities) for r in ev.recipients]
        pl = ev.place
        geonameid = pl.geonameid if pl else None
        sig = event_signature(ev.type, [a.group_key for a in actors], [r.group_key for r in recipients],
                              geonameid, article_id, ev.id)
        day = event_date(ev, published)
        group = assign_group(db, sig, day, article_id, ev.id)
        reported_by = [names.get(r, r) for r in ev.reported_by]
        event_id = int(db.scalar(_INSERT_EVENT, (
            article_id, ev.id, statement_ids.get(ev.statement) if ev.statement else None, ev.statement,
            ev.type, QUADS.get(ev.type.upper()), _json_list(ev.mode), _json_list(ev.context), _json_list(ev.aux),
            ev.trigger.text, ev.trigger.start, ev.trigger.end, ev.sentence.text, ev.sentence.start, ev.sentence.end,
            pl.text if pl else None, pl.start if pl else None, pl.end if pl else None, geonameid,
            pl.name if pl else None, pl.country if pl else None, pl.admin1 if pl else None,
            pl.latitude if pl else None, pl.longitude if pl else None, pl.feature if pl else None,
            ev.date, ev.date_from, day, _json_list(reported_by), ev.confidence, sig, group)))
        db.executemany(_INSERT_PARTY, [p.row(event_id, "actor", i) for i, p in enumerate(actors, 1)]
                       + [p.row(event_id, "recipient", i) for i, p in enumerate(recipients, 1)])
    return len(seen)
