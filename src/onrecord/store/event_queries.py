"""Questions about PLOVER events: who did what to whom, and how many outlets reported it."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from onrecord.store.db import Database
from onrecord.store.errors import FilterError, QueryError
from onrecord.store.event_groups import QUAD_CLASSES, QUADS
from onrecord.store.lookup import find_entities
from onrecord.store.normalise import name_key
from onrecord.store.queries import Table

_COUNTRY = re.compile(r"^[A-Za-z]{3}$")
CLI_HINT = "list events with `onrecord events`"
_EVENT_COLUMNS = ("v.event_date AS date, v.type, v.quad, v.actors, v.recipients, v.trigger, v.place, "
                  "v.place_country, v.outlet, v.published, v.title, v.url, v.sentence, v.statement_id, "
                  "v.statement_local_id AS statement, v.group_key, v.event_id, v.article_id")


def iso_date(value: str | None, name: str) -> str | None:
    """A YYYY-MM-DD filter value (FilterError otherwise)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise FilterError(f"{name} must be a date as YYYY-MM-DD, e.g. 2024-10-15, not {value!r}") from None


def plover_type(value: str) -> str:
    """A PLOVER type name in any case (FilterError naming the known ones otherwise)."""
    t = value.strip().upper()
    if t not in QUADS:
        raise FilterError(f"type must be a PLOVER type ({', '.join(QUADS)}), not {value!r}")
    return t


def quad_class(value: str) -> str:
    """A quad class: its name (``verbal conflict``, ``verbal-conflict``) or number (1-4)."""
    v = re.sub(r"[\s_-]+", " ", value.strip().lower())
    if v in ("1", "2", "3", "4"):
        return QUAD_CLASSES[int(v) - 1]
    if v not in QUAD_CLASSES:
        raise FilterError(f"quad must be 1-4 or one of {', '.join(QUAD_CLASSES)}, not {value!r}")
    return v


def country_code(value: str) -> str:
    if not _COUNTRY.match(value.strip()):
        raise FilterError(f"country must be an ISO 3166-1 alpha-3 code such as UKR, not {value!r}")
    return value.strip().upper()


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


def _party_filter(db: Database, role: str, name: str, hint: str = CLI_HINT) -> tuple[str, list[Any]]:
    """Events with ``name`` among their actors (recipients): its corpus entities, or the name as written."""
    ids = [e[0] for e in find_entities(db, name)]
    key = name_key(name)
    conds, params = ["p.name_key = ?"], [key]
    if ids:
        conds.append(f"p.entity_id IN ({_marks(ids)})")
        params += ids
    match = f"p.role = ? AND ({' OR '.join(conds)})"
    if not db.scalar(f"SELECT count(*) FROM event_participants p WHERE {match}", (role, *params)):
        raise QueryError(f"no event {role} named {name.strip()}; {hint}")
    return f"EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = v.event_id AND {match})", [role, *params]


def _filters(db: Database, actor: str | None, recipient: str | None, type_: str | None, country: str | None,
             since: str | None, until: str | None, quad: str | None,
             hint: str = CLI_HINT) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    since, until = iso_date(since, "since"), iso_date(until, "until")
    if type_:
        where.append("v.type = ?")
        params.append(plover_type(type_))
    if quad:
        where.append("v.quad = ?")
        params.append(quad_class(quad))
    if country:
        code = country_code(country)
        where.append("(v.place_country = ? OR EXISTS (SELECT 1 FROM event_participants c "
                     "WHERE c.event_id = v.event_id AND c.country = ?))")
        params += [code, code]
    if since:
        where.append("v.event_date >= ?")
        params.append(since)
    if until:
        where.append("v.event_date <= ?")
        params.append(until)
    for role, name in (("actor", actor), ("recipient", recipient)):
        if name and name.strip():
            sql, p = _party_filter(db, role, name, hint)
            where.append(sql)
            params += p
    return where, params


def filter_sql(db: Database, *, actor: str | None = None, recipient: str | None = None, type: str | None = None,
               country: str | None = None, since: str | None = None, until: str | None = None,
               quad: str | None = None, hint: str = CLI_HINT) -> tuple[list[str], list[Any]]:
    """The conditions on ``events_view v`` (with their parameters) that ``events`` applies for these
    filters: FilterError for a malformed value, QueryError ending in ``hint`` for an unknown party."""
    return _filters(db, actor, recipient, type, country, since, until, quad, hint)


def group_sizes(db: Database, keys: list[str]) -> dict[str, tuple[int, int]]:
    """Group key -> (reports, outlets): article appearances (copies included) carrying the event."""
    keys = sorted(set(keys))
    if not keys:
        return {}
    rows = db.query(
        "SELECT e.group_key, count(DISTINCT x.occurrence_id), "
        "count(DISTINCT coalesce('o' || x.outlet_id, x.occurrence_id)) FROM events e "
        f"JOIN article_occurrences x ON x.article_id = e.article_id WHERE e.group_key IN ({_marks(keys)}) "
        "GROUP BY e.group_key", keys)
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


def names(value: Any) -> str:
    """A JSON list of names as one cell: ``Russia; Ukraine``."""
    items = json.loads(value) if isinstance(value, str) else (value or [])
    return "; ".join(str(i) for i in items if i)


def events(db: Database, *, actor: str | None = None, recipient: str | None = None, type: str | None = None,
           country: str | None = None, since: str | None = None, until: str | None = None,
           quad: str | None = None, limit: int = 50) -> Table:
    """Events, oldest first: ``actor``/``recipient`` a name (every alias), ``type`` a PLOVER type,
    ``country`` an ISO alpha-3 code of a participant or the place, ``since``/``until`` event dates
    (YYYY-MM-DD), ``quad`` a quad class; each row with its article and the size of its group."""
    where, params = _filters(db, actor, recipient, type, country, since, until, quad)
    cols, rows = db.query_table(
        f"SELECT {_EVENT_COLUMNS} FROM events_view v{' WHERE ' + ' AND '.join(where) if where else ''} "
        "ORDER BY v.event_date IS NULL, v.event_date, v.published, v.event_id LIMIT ?", (*params, limit))
    ai, ri, gi = cols.index("actors"), cols.index("recipients"), cols.index("group_key")
    sizes = group_sizes(db, [r[gi] for r in rows])
    out = []
    for r in rows:
        r = list(r)
        r[ai], r[ri] = names(r[ai]), names(r[ri])
        out.append((*r, *sizes.get(r[gi], (0, 0))))
    return Table(_title("Events", type, actor, recipient), [*cols, "group_reports", "group_outlets"], out)


def event_groups(db: Database, *, actor: str | None = None, recipient: str | None = None,
                 type: str | None = None, country: str | None = None, since: str | None = None,
                 until: str | None = None, quad: str | None = None, min_reports: int = 1,
                 limit: int = 50) -> Table:
    """One event, many reports: groups with at least one event matching the filters, most reported
    first, with their first report."""
    where, params = _filters(db, actor, recipient, type, country, since, until, quad)
    inner = f"SELECT v.group_key FROM events_view v{' WHERE ' + ' AND '.join(where) if where else ''}"
    cols, rows = db.query_table(
        "SELECT g.first_date, g.type, g.actors, g.recipients, g.place, g.n_reports, g.n_outlets, g.n_mentions, "
        "g.first_published, g.first_outlet, g.first_title, g.first_url, g.group_key FROM event_groups g "
        f"WHERE g.n_reports >= ? AND g.group_key IN ({inner}) "
        "ORDER BY g.n_reports DESC, g.first_date, g.group_key LIMIT ?", (min_reports, *params, limit))
    ai, ri = cols.index("actors"), cols.index("recipients")
    out = [tuple(names(v) if i in (ai, ri) else v for i, v in enumerate(r)) for r in rows]
    return Table(_title("Event groups", type, actor, recipient), cols, out)


def _title(lead: str, type_: str | None, actor: str | None, recipient: str | None) -> str:
    parts = [lead]
    if type_:
        parts.append(type_.strip().upper())
    if actor:
        parts.append(f"by {actor.strip()}")
    if recipient:
        parts.append(f"towards {recipient.strip()}")
    return " ".join(parts)
