"""What the speaker page charts, read from the speaker's aggregates (``speaker_months``,
``speaker_outlets``, ``speaker_totals``) and the date index of their statements, so its cost
follows the months and outlets a speaker has, not the number of statements."""

from __future__ import annotations

from typing import Any

from onrecord.explorer.queries import Page, outlets_pivot
from onrecord.store.db import Database

__all__ = ["speaker_summary", "speaker_timeline", "speaker_outlet_rows", "speaker_outlets"]


def speaker_summary(db: Database, speaker_id: int) -> dict[str, Any]:
    """Statements, articles, outlets and the first and last day a speaker was published."""
    totals = db.query("SELECT statements, articles FROM speaker_totals WHERE speaker_entity_id = ?", (speaker_id,))
    first, last = db.query(  # two seeks in statements_speaker_published
        "SELECT (SELECT min(published) FROM statements WHERE speaker_entity_id = ? AND published IS NOT NULL), "
        "(SELECT max(published) FROM statements WHERE speaker_entity_id = ?)", (speaker_id, speaker_id))[0]
    outlets = db.scalar("SELECT count(DISTINCT outlet_id) FROM speaker_outlets "
                        "WHERE speaker_entity_id = ? AND outlet_id <> 0", (speaker_id,))
    statements, articles = (int(totals[0][0]), int(totals[0][1])) if totals else (0, 0)
    return {"statements": statements, "articles": articles, "outlets": int(outlets or 0),
            "first_published": first, "last_published": last}


def speaker_timeline(db: Database, speaker_id: int) -> list[tuple[str | None, str | None, int]]:
    """(published day, cue class, statements) for everything the speaker said, by day (from the
    statements themselves, in date order: the one view the aggregates do not hold)."""
    rows = db.query(
        "SELECT published, cue_class, count(*) FROM statements WHERE speaker_entity_id = ? "
        "GROUP BY published, cue_class", (speaker_id,))
    return sorted(((d, c, int(n)) for d, c, n in rows), key=lambda r: (r[0] or "", r[1] or ""))


def speaker_outlet_rows(db: Database, speaker_id: int) -> list[tuple]:
    """(outlet id, outlet, bias, cue class, statements) of the outlets that quote a speaker."""
    rows = db.query(
        "SELECT nullif(st.outlet_id, 0), o.name, max(nullif(st.bias, '')), nullif(st.cue_class, ''), "
        "sum(st.statements) FROM speaker_outlets st LEFT JOIN entities o ON o.id = st.outlet_id "
        "WHERE st.speaker_entity_id = ? GROUP BY st.outlet_id, o.name, st.cue_class", (speaker_id,))
    return [(oid, name, bias, cls, int(n)) for oid, name, bias, cls, n in rows]


def speaker_outlets(db: Database, speaker_id: int, *, limit: int = 50, offset: int = 0) -> Page:
    """The outlets that quote a speaker, with the cue classes they use."""
    return outlets_pivot(speaker_outlet_rows(db, speaker_id), limit=limit, offset=offset)
