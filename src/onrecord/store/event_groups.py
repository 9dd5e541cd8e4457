"""One event, many reports: events from different articles that are the same event share a group.

Two event records are one event when they have the same PLOVER type, the same actor set and
recipient set (corpus entity ids; a participant without one by its normalised name), the same
place (GeoNames id, or none) and dates within a day of each other.  The first four make the
event's ``signature`` (an event without a known actor has one of its own: it never merges); its date is ``event_date`` (the coded date, or the article's publication
date when the date was taken from it).

Groups are assigned when an event is stored (incrementally, no batch job): the event joins the
group of its signature whose dates all lie within a day of its own (the one holding its own
date first, then the earliest), else it starts a new group.  A group therefore never spans
more than three days.  Dates coarser than a day (a week, a month, a year) group only with the
same value; undated events stay alone.  When entities merge (``entities.merge_entity``) the
events of the merged entity are ``regroup``ed.  The ``event_groups`` view (migration 0005)
gives each group's type, participants, place, reports, outlets and first report.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from onrecord.store.db import Database

# PLOVER type -> quad class (onrecord.events' data/plover.json, PLOVER manual draft 2.0)
QUADS: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material conflict"),
}
QUAD_CLASSES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


PRONOUNS = frozenset("i me my we us our you your he him his she her they them their it its who whom whose "
                     "that which this these those one".split())
"""Unresolved pronouns name no one: they never make two reports the same event."""


def participant_key(entity_id: int | None, key: str | None) -> str | None:
    """How a participant counts in a signature: its corpus entity, else its normalised name
    (an unresolved pronoun does not count)."""
    if entity_id is not None:
        return f"e{entity_id}"
    return f"n:{key}" if key and key not in PRONOUNS else None


def signature(type_: str, actors: Iterable[str | None], recipients: Iterable[str | None],
              geonameid: int | None) -> str:
    """The identity of an event across reports (32 hex digits); participants are sets, so
    their order and repetitions do not matter."""
    parts = [type_.upper(), ",".join(sorted({a for a in actors if a})),
             ",".join(sorted({r for r in recipients if r})), "" if geonameid is None else str(int(geonameid))]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:32]


def event_signature(type_: str, actors: Iterable[str | None], recipients: Iterable[str | None],
                    geonameid: int | None, article_id: int, local_id: str) -> str:
    """``signature``, or one of its own for an event without a known actor ("u" + 31 hex
    digits): who did it is the event's identity, so actorless events never merge across reports."""
    actors = [a for a in actors if a]
    if not actors:
        return "u" + hashlib.sha256(f"{article_id}|{local_id}".encode("utf-8")).hexdigest()[:31]
    return signature(type_, actors, recipients, geonameid)


def as_day(value: str | None) -> date | None:
    """An ISO day (``2024-03-01``) as a date; None for anything else."""
    if not value or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def window(event_date: str | None) -> list[str]:
    """The dates an event of ``event_date`` may share a group with: the day before, the day and
    the day after; a coarser date only itself; none for an undated event."""
    day = as_day(event_date)
    if day is None:
        return [event_date] if event_date else []
    return [(day + timedelta(days=d)).isoformat() for d in (-1, 0, 1)]


def choose_group(candidates: Sequence[tuple[str, str, str]], event_date: str | None) -> str | None:
    """The group (key, first date, last date) an event of ``event_date`` joins: one whose dates
    all lie within its window, the one holding its own date first, then the earliest."""
    allowed = window(event_date)
    if not allowed:
        return None
    fitting = [c for c in candidates if c[1] >= allowed[0] and c[2] <= allowed[-1]]
    if not fitting:
        return None
    return min(fitting, key=lambda c: (not (c[1] <= str(event_date) <= c[2]), c[1], c[0]))[0]


def new_group_key(sig: str, event_date: str | None, article_id: int, local_id: str) -> str:
    """A fresh group key: g + 16 hex digits of the first event's identity."""
    h = hashlib.sha256(f"{sig}|{event_date}|{article_id}|{local_id}".encode("utf-8")).hexdigest()
    return "g" + h[:16]


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def find_group(db: Database, sig: str, event_date: str | None, exclude: Sequence[int] = ()) -> str | None:
    """The stored group an event joins (see ``choose_group``); events in ``exclude`` do not count."""
    days = window(event_date)
    if not days:
        return None
    ex = sorted(exclude)
    ex_sql = f" AND id NOT IN ({_marks(ex)})" if ex else ""
    rows = db.query(
        "SELECT group_key, min(event_date), max(event_date) FROM events WHERE group_key IN "
        f"(SELECT group_key FROM events WHERE signature = ? AND event_date IN ({_marks(days)}){ex_sql})"
        f"{ex_sql} GROUP BY group_key", (sig, *days, *ex, *ex))
    return choose_group([(r[0], r[1], r[2]) for r in rows if r[1] is not None], event_date)


def assign_group(db: Database, sig: str, event_date: str | None, article_id: int, local_id: str) -> str:
    """The group key for a new event: an existing group's, or a new one."""
    return find_group(db, sig, event_date) or new_group_key(sig, event_date, article_id, local_id)


def events_of_entity(db: Database, entity_id: int) -> list[int]:
    """Events with this corpus entity among their actors or recipients."""
    return [int(r[0]) for r in db.query(
        "SELECT DISTINCT event_id FROM event_participants WHERE entity_id = ?", (entity_id,))]


def regroup(db: Database, event_ids: Iterable[int]) -> int:
    """Recompute the signature and group of these events (after their participants' entities
    changed), oldest first; returns how many changed group."""
    ids = sorted(set(event_ids))
    if not ids:
        return 0
    rows = db.query(f"SELECT id, type, place_geonameid, event_date, article_id, local_id, group_key FROM events "
                    f"WHERE id IN ({_marks(ids)}) ORDER BY event_date IS NULL, event_date, id", ids)
    parties: dict[int, dict[str, list[str | None]]] = {i: {"actor": [], "recipient": []} for i in ids}
    for event_id, role, entity_id, key in db.query(
            "SELECT event_id, role, entity_id, name_key FROM event_participants "
            f"WHERE event_id IN ({_marks(ids)})", ids):
        parties[int(event_id)].setdefault(role, []).append(participant_key(entity_id, key))
    pending, changed = set(ids), 0
    for event_id, type_, geonameid, event_date, article_id, local_id, old in rows:
        p = parties[int(event_id)]
        sig = event_signature(type_, p["actor"], p["recipient"], geonameid, article_id, local_id)
        key = find_group(db, sig, event_date, exclude=sorted(pending)) or new_group_key(
            sig, event_date, article_id, local_id)
        pending.discard(int(event_id))
        db.execute("UPDATE events SET signature = ?, group_key = ? WHERE id = ?", (sig, key, event_id))
        changed += key != old
    return changed
