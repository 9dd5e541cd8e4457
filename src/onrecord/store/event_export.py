"""Events as PLOVER JSON Lines and as a POLECAT-style tab-separated table, streamed in chunks.

PLOVER (manual draft 2.0, "Data Fields"): one JSON object per line with ``id``, ``date``, ``actor``
and ``recipient`` (lists of entity objects: ``actorText``, ``actorName``, ``actorCountry``,
``actorSector``, with the manual's ``code``, ``sector``, ``entity_text``, ``identifier_id``,
``identifier_text`` and character offsets), ``event`` (the type), ``quad_code`` (1-4), ``mode``,
``context`` (lists), ``event_text``, ``text`` (the sentence), ``text_info`` (article id, title, url,
outlet, published, statement, sentence and trigger offsets, ``eventText``), ``geo`` (``placeName``,
``geonameid``, ``lat``, ``lon`` and the manual's location fields), ``coder``; and onrecord's own
``aux``, ``reported_by``, ``date_from``, ``confidence`` and ``group`` (key, reports, outlets).

POLECAT: the columns of the POLECAT weekly files (codebook names), in their order, so readers
that pick columns by name or by position work (``POLECAT_COLUMNS``): Event ID, Event Date,
Event Type, Event Mode, Event Intensity, Quad Code, Contexts, Actor Name, Actor Country, Actor COW,
Primary Actor Sector, Actor Sectors, Actor Title, Actor Name Raw, Wikipedia Actor ID, Recipient
Name, Recipient Country, Recipient COW, Primary Recipient Sector, Recipient Sectors, Recipient
Title, Recipient Name Raw, Wikipedia Recipient ID, Placename, City, District, Province, Country,
Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type, Source (the outlet), Publication
Date, Story People, Story Organizations, Story Locations, Language, Version.  Several actors or
recipients are joined with "; " as POLECAT does; Wikipedia ... ID holds the entity registry id
(a Wikidata QID where known).  onrecord's own columns follow (``ONRECORD_COLUMNS``): Publication
URL, Headline, Event Text (the trigger), Event Sentence, Article ID, Statement ID, Aux Modes,
Reported By, Date From, Confidence, Group Key, Group Reports, Group Outlets.  Cells hold no tabs
or line breaks (whitespace runs become one space); nothing is quoted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import closing
from typing import IO, Any

from onrecord import __version__
from onrecord.store.db import Database, stream_rows
from onrecord.store.event_groups import QUAD_CLASSES
from onrecord.store.event_queries import group_sizes

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version")
"""POLECAT's columns: ``Event Intensity`` is the PLOVER type's conflict-cooperation score where
onrecord knows it; ``Actor COW``, ``Actor Title`` and ``District`` stay empty (not coded)."""
ONRECORD_COLUMNS = (
    "Publication URL", "Headline", "Event Text", "Event Sentence", "Article ID", "Statement ID",
    "Aux Modes", "Reported By", "Date From", "Confidence", "Group Key", "Group Reports", "Group Outlets")
SEP = "; "

_SQL = (
    "SELECT e.id, e.article_id, e.local_id, e.type, e.quad, e.modes, e.contexts, e.aux, e.trigger_text, "
    "e.trigger_start, e.trigger_end, e.sentence_text, e.sentence_start, e.sentence_end, e.statement_id, "
    "e.statement_local_id, e.place_text, e.place_geonameid, e.place_name, e.place_country, e.place_admin1, "
    "e.place_lat, e.place_lon, e.place_feature, e.date, e.date_from, e.event_date, e.reported_by, "
    "e.confidence, e.group_key, a.ext_id, a.title, a.url, coalesce(o.name, a.outlet) AS outlet, a.published "
    "FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN entities o ON o.id = a.outlet_id ORDER BY e.id")
EXPORT_FORMATS = ("plover", "polecat")


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


def _list(value: Any) -> list[str]:
    return json.loads(value) if isinstance(value, str) and value else []


def _intensity(type_: str) -> float | None:
    """The PLOVER type's conflict-cooperation score, where ``onrecord.events`` is installed."""
    try:
        from onrecord.events.ontology import event_types
    except Exception:  # pragma: no cover - the events package is optional here
        return None
    t = event_types().get(type_)
    return t.score if t else None


def _chunks(db: Database) -> Iterator[list[dict[str, Any]]]:
    """Event rows as dicts, each with its ``actor``/``recipient`` participants, group size and
    the article's story entities."""
    cols, chunks = stream_rows(db, _SQL, chunk=500)
    with closing(chunks):  # stopped early (a closed pipe): the cursor goes while the connection is open
        yield from _completed(db, cols, chunks)


def _completed(db: Database, cols: list[str], chunks: Iterator[list[tuple]]) -> Iterator[list[dict[str, Any]]]:
    for rows in chunks:
        evs = [dict(zip(cols, r)) for r in rows]
        ids = [e["id"] for e in evs]
        parties: dict[int, dict[str, list[dict[str, Any]]]] = {i: {"actor": [], "recipient": []} for i in ids}
        for r in db.query(
                "SELECT p.event_id, p.role, p.text, p.start_char, p.end_char, p.entity_id, "
                "coalesce(pe.name, p.name, p.text), p.country, p.sector, pe.registry_id FROM event_participants p "
                f"LEFT JOIN entities pe ON pe.id = p.entity_id WHERE p.event_id IN ({_marks(ids)}) "
                "ORDER BY p.event_id, p.role, p.ordinal", ids):
            parties[r[0]][r[1]].append(dict(zip(
                ("text", "start", "end", "entity_id", "name", "country", "sector", "registry_id"), r[2:])))
        sizes = group_sizes(db, [e["group_key"] for e in evs])
        articles = sorted({e["article_id"] for e in evs})
        story: dict[tuple[int, str], list[str]] = {}
        for aid, typ, name in db.query(
                "SELECT ae.article_id, ae.type, coalesce(en.name, ae.name) FROM article_entities ae "
                f"LEFT JOIN entities en ON en.id = ae.entity_id WHERE ae.article_id IN ({_marks(articles)}) "
                "ORDER BY ae.article_id, ae.n_mentions DESC, ae.local_id", articles):
            story.setdefault((aid, typ), []).append(name)
        for e in evs:
            e.update(parties[e["id"]])
            e["reports"], e["outlets"] = sizes.get(e["group_key"], (0, 0))
            e["story"] = {t: story.get((e["article_id"], t), []) for t in ("person", "organization", "place")}
        yield evs


def _event_id(e: dict[str, Any]) -> str:
    return f"onrecord-a{e['article_id']}-{e['local_id']}"


def _plover_entity(p: dict[str, Any]) -> dict[str, Any]:
    return {"actorText": p["text"], "actorName": p["name"], "actorCountry": p["country"],
            "actorSector": p["sector"], "code": p["country"], "sector": p["sector"], "entity_text": p["text"],
            "identifier_id": p["registry_id"], "identifier_text": p["name"], "entity_id": p["entity_id"],
            "start": p["start"], "end": p["end"]}


def plover_record(e: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER JSON record (see the module docstring)."""
    geo = None
    if e["place_text"] or e["place_geonameid"] is not None:
        geo = {"placeName": e["place_name"] or e["place_text"], "geonameid": e["place_geonameid"],
               "lat": e["place_lat"], "lon": e["place_lon"], "extracted_place": e["place_text"],
               "resolved_place": e["place_name"], "province": e["place_admin1"], "country_code": e["place_country"],
               "feature": e["place_feature"]}
    quad = QUAD_CLASSES.index(e["quad"]) + 1 if e["quad"] in QUAD_CLASSES else None
    return {
        "id": _event_id(e), "date": e["event_date"], "actor": [_plover_entity(p) for p in e["actor"]],
        "recipient": [_plover_entity(p) for p in e["recipient"]], "event": e["type"], "quad_code": quad,
        "mode": _list(e["modes"]), "context": _list(e["contexts"]), "event_text": [e["trigger_text"]],
        "text": e["sentence_text"],
        "text_info": {"article_id": e["article_id"], "ext_id": e["ext_id"], "title": e["title"], "url": e["url"],
                      "outlet": e["outlet"], "published": e["published"], "statement_id": e["statement_id"],
                      "statement": e["statement_local_id"], "start": e["sentence_start"], "end": e["sentence_end"],
                      "eventText": e["trigger_text"], "eventStart": e["trigger_start"],
                      "eventEnd": e["trigger_end"]},
        "geo": geo, "coder": f"onrecord {__version__}",
        "aux": _list(e["aux"]), "reported_by": _list(e["reported_by"]), "date_from": e["date_from"],
        "confidence": e["confidence"],
        "group": {"key": e["group_key"], "reports": e["reports"], "outlets": e["outlets"]},
    }


def _joined(parties: list[dict[str, Any]], field: str) -> str:
    return SEP.join("" if p[field] is None else str(p[field]) for p in parties) if parties else ""


def polecat_row(e: dict[str, Any]) -> list[Any]:
    """One event as a row of ``POLECAT_COLUMNS`` + ``ONRECORD_COLUMNS``."""
    actors, recipients = e["actor"], e["recipient"]
    city = e["place_name"] if e["place_feature"] == "city" else ""
    intensity = _intensity(e["type"])
    return [
        _event_id(e), e["event_date"], e["type"], SEP.join(_list(e["modes"])), intensity,
        (e["quad"] or "").upper(), SEP.join(_list(e["contexts"])),
        _joined(actors, "name"), _joined(actors, "country"), "", actors[0]["sector"] if actors else "",
        _joined(actors, "sector"), "", _joined(actors, "text"), _joined(actors, "registry_id"),
        _joined(recipients, "name"), _joined(recipients, "country"), "",
        recipients[0]["sector"] if recipients else "", _joined(recipients, "sector"), "",
        _joined(recipients, "text"), _joined(recipients, "registry_id"),
        e["place_name"], city, "", e["place_admin1"], e["place_country"], e["place_lat"], e["place_lon"],
        e["place_geonameid"], e["place_text"], e["place_feature"], e["outlet"], e["published"],
        SEP.join(e["story"]["person"]), SEP.join(e["story"]["organization"]), SEP.join(e["story"]["place"]),
        "en", f"onrecord-{__version__}",
        e["url"], e["title"], e["trigger_text"], e["sentence_text"], e["article_id"], e["statement_local_id"],
        SEP.join(_list(e["aux"])), SEP.join(_list(e["reported_by"])), e["date_from"], e["confidence"],
        e["group_key"], e["reports"], e["outlets"]]


def _cell(value: Any) -> str:
    """A TSV cell: no tabs or newlines inside, None as empty."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def export_events(db: Database, fmt: str, out: IO[str]) -> int:
    """Write every event to ``out`` as PLOVER JSON Lines or POLECAT TSV; returns events written."""
    n = 0
    with closing(_chunks(db)) as chunks:
        if fmt == "polecat":
            out.write("\t".join(POLECAT_COLUMNS + ONRECORD_COLUMNS) + "\n")
            for evs in chunks:
                out.write("".join("\t".join(_cell(v) for v in polecat_row(e)) + "\n" for e in evs))
                n += len(evs)
            return n
        for evs in chunks:
            out.write("".join(json.dumps(plover_record(e), ensure_ascii=False) + "\n" for e in evs))
            n += len(evs)
    return n
