"""A speaker's statements per month as a share of the corpus's statements that month, so a
timeline shows attention relative to how much the corpus holds, not the corpus's own growth."""

from __future__ import annotations

from onrecord.store.db import Database

COLUMNS = ["month", "cue_class", "statements", "corpus_statements", "share"]
_SQL = """
WITH mine AS (
  SELECT month, CASE WHEN cue_class = '' THEN 'unknown' ELSE cue_class END AS cue_class, statements AS n
  FROM speaker_months WHERE speaker_entity_id = ? AND month <> ''),
corpus AS (
  SELECT month, statements AS total FROM month_totals WHERE month IN (SELECT month FROM mine))
SELECT m.month, m.cue_class, m.n, c.total, CAST(m.n AS DOUBLE PRECISION) / nullif(c.total, 0)
FROM mine m JOIN corpus c ON c.month = m.month
ORDER BY m.month, m.cue_class"""


def speaker_month_shares(db: Database, speaker_id: int) -> list[tuple[str, str, int, int, float | None]]:
    """(month ``YYYY-MM``, cue class, the speaker's statements, all statements that month, share)
    for every month the speaker was published in, from the speaker's aggregates
    (``speaker_months``, schema 11); the per-month corpus total is the statements of the articles
    published that month, read from ``month_totals`` (schema 10)."""
    return [(m, c, int(n), int(t), None if s is None else float(s)) for m, c, n, t, s in db.query(_SQL, (speaker_id,))]


def corpus_month_totals(db: Database) -> dict[str, int]:
    """Month ``YYYY-MM`` -> the corpus's statements that month (``month_totals``)."""
    return {m: int(n) for m, n in db.query("SELECT month, statements FROM month_totals WHERE statements > 0")}
