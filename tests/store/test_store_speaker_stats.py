"""Per-speaker aggregates (schema 11): speaker_months, speaker_outlets and speaker_totals equal what the statements
hold after an ingest, an entity merge, a statement's speaker or cue class changing, an article's
date and outlet changing and statements deleted, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3

import pytest

from onrecord.store import IngestOptions, connect, ingest
from onrecord.store.migrate import migrate

MONTHS = "SELECT speaker_entity_id, month, cue_class, statements FROM speaker_months ORDER BY 1, 2, 3"
MONTHS_EXPECTED = (
    "SELECT s.speaker_entity_id, coalesce(substr(a.published, 1, 7), ''), coalesce(s.cue_class, ''), count(*) "
    "FROM statements s JOIN articles a ON a.id = s.article_id "
    "WHERE s.speaker_entity_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
OUTLETS = "SELECT speaker_entity_id, outlet_id, bias, cue_class, statements FROM speaker_outlets ORDER BY 1, 2, 3, 4"
OUTLETS_EXPECTED = (
    "SELECT s.speaker_entity_id, coalesce(a.outlet_id, 0), coalesce(a.bias, ''), coalesce(s.cue_class, ''), "
    "count(*) FROM statements s JOIN articles a ON a.id = s.article_id "
    "WHERE s.speaker_entity_id IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
TOTALS = "SELECT speaker_entity_id, statements, articles FROM speaker_totals ORDER BY 1"
TOTALS_EXPECTED = ("SELECT speaker_entity_id, count(*), count(DISTINCT article_id) FROM statements "
                   "WHERE speaker_entity_id IS NOT NULL GROUP BY 1 ORDER BY 1")


def _assert_exact(db) -> None:
    assert [tuple(r) for r in db.query(MONTHS)] == [tuple(r) for r in db.query(MONTHS_EXPECTED)]
    assert [tuple(r) for r in db.query(OUTLETS)] == [tuple(r) for r in db.query(OUTLETS_EXPECTED)]
    assert [tuple(r) for r in db.query(TOTALS)] == [tuple(r) for r in db.query(TOTALS_EXPECTED)]


def _exercise(target: str) -> None:
    db = connect(target)
    try:
        _assert_exact(db)
        speakers = [r[0] for r in db.query("SELECT speaker_entity_id FROM speaker_totals ORDER BY statements DESC")]
        assert len(speakers) >= 2
        first, second = speakers[:2]
        with db.transaction():  # an entity merge moves every statement of one speaker to another
            db.execute("UPDATE statements SET speaker_entity_id = ? WHERE speaker_entity_id = ?", (first, second))
        _assert_exact(db)
        one = db.query("SELECT id, article_id FROM statements WHERE speaker_entity_id = ? ORDER BY id", (first,))[0]
        with db.transaction():
            db.execute("UPDATE statements SET cue_class = 'intent' WHERE id = ?", (one[0],))
            db.execute("UPDATE statements SET speaker_entity_id = NULL WHERE id = ?", (one[0],))
        _assert_exact(db)
        with db.transaction():
            db.execute("UPDATE statements SET speaker_entity_id = ?, cue_class = NULL WHERE id = ?", (second, one[0]))
            db.execute("UPDATE articles SET published = '1999-01-01', bias = NULL WHERE id = ?", (one[1],))
            db.execute("UPDATE articles SET outlet_id = NULL WHERE id <> ?", (one[1],))
        _assert_exact(db)
        with db.transaction():
            for table in ("replies", "cross_links"):
                db.execute(f"DELETE FROM {table}")
            db.execute("UPDATE events SET statement_id = NULL WHERE statement_id IN "
                       "(SELECT id FROM statements WHERE article_id = ?)", (one[1],))
            db.execute("DELETE FROM statements WHERE article_id = ?", (one[1],))
        _assert_exact(db)
        for table in ("speaker_months", "speaker_outlets", "speaker_totals"):
            assert db.scalar(f"SELECT count(*) FROM {table} WHERE statements <= 0") == 0
    finally:
        db.close()


def test_speaker_stats_follow_writes_sqlite(tmp_path, evidence_file, fake):
    target = str(tmp_path / "c.db")
    ingest([str(evidence_file)], target, IngestOptions(workers=0, extractor=fake))
    _exercise(target)


@pytest.mark.postgres
def test_speaker_stats_follow_writes_postgres(evidence_file, fake, pg_url):
    ingest([str(evidence_file)], pg_url, IngestOptions(workers=0, extractor=fake))
    _exercise(pg_url)


def test_migration_counts_existing_statements(tmp_path, evidence_file, fake):
    """A schema-10 corpus gains aggregates equal to what its statements hold."""
    target = str(tmp_path / "c.db")
    ingest([str(evidence_file)], target, IngestOptions(workers=0, extractor=fake))
    con = sqlite3.connect(target)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%speaker_stats%'"):
        con.execute(f"DROP TRIGGER {name}")
    con.execute("DROP TABLE speaker_months")
    con.execute("DROP TABLE speaker_outlets")
    con.execute("DROP TABLE speaker_totals")
    con.execute("DELETE FROM schema_version WHERE version = 11")
    con.commit()
    con.close()
    db = connect(target)
    try:
        assert migrate(db) == [11]
        _assert_exact(db)
        assert db.scalar("SELECT count(*) FROM speaker_totals") > 0
    finally:
        db.close()
