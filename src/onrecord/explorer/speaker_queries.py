"""What the speaker page charts, read from the speaker's aggregates (``speaker_stats``: statements
per day, outlet, bias and cue class; ``speaker_totals``: statements and articles), so its cost
follows the number of days and outlets a speaker has, not the number of statements."""

from __future__ import annotations

from typing import Any

from onrecord.explorer.queries import Page, outlets_pivot
from onrecord.store.db import Database

__all__ = ["speaker_summary", "speaker_timeline", "speaker_outlet_rows", "speaker_outlets"]


def speaker_summary(db: Database, speaker_id: int) -> dict[str, Any]:
    """Statements, articles, outlets and the first and last day a speaker was published."""
    totals = db.query("SELECT statements, articles FROM speaker_totals WHERE speaker_entity_id = ?", (speaker_id,))
    first, last, outlets = db.query(
        "SELECT min(nullif(day, '')), max(nullif(day, '')), count(DISTINCT nullif(outlet_id, 0)) "
        "FROM speaker_stats WHERE speaker_entity_id = ?", (speaker_id,))[0]
    statements, articles = (int(totals[0][0]), int(totals[0][1])) if totals else (0, 0)
    return {"statements": statements, "articles": articles, "outlets": int(outlets or 0),
            "first_published": first, "last_published": last}


def speaker_timeline(db: Database, speaker_id: int) -> list[tuple[str | None, str | None, int]]:
    """(published day, cue class, statements) for everything the speaker said, by day."""
    rows = db.query(
        "SELECT nullif(day, ''), nullif(cue_class, ''), sum(statements) FROM speaker_stats "
        "WHERE speaker_entity_id = ? GROUP BY day, cue_class ORDER BY day, cue_class", (speaker_id,))
    return [(d, c, int(n)) for d, c, n in rows]


def speaker_outlet_rows(db: Database, speaker_id: int) -> list[tuple]:
    """(outlet id, outlet, bias, cue class, statements) of the outlets that quote a speaker."""
    rows = db.query(
        "SELECT nullif(st.outlet_id, 0), o.name, max(nullif(st.bias, '')), nullif(st.cue_class, ''), "
        "sum(st.statements) FROM speaker_stats st LEFT JOIN entities o ON o.id = st.outlet_id "
        "WHERE st.speaker_entity_id = ? GROUP BY st.outlet_id, o.name, st.cue_class", (speaker_id,))
    return [(oid, name, bias, cls, int(n)) for oid, name, bias, cls, n in rows]


def speaker_outlets(db: Database, speaker_id: int, *, limit: int = 50, offset: int = 0) -> Page:
    """The outlets that quote a speaker, with the cue classes they use."""
    return outlets_pivot(speaker_outlet_rows(db, speaker_id), limit=limit, offset=offset)
