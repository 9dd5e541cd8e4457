"""Statements carry their article's date (schema 12): set at ingest, and kept equal when an
article's date changes or a statement moves to another article, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from onrecord.store import IngestOptions, connect, ingest

MISMATCHED = ("SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id "
              "WHERE s.published IS DISTINCT FROM a.published")


def _mismatched(db) -> int:
    return int(db.scalar(MISMATCHED))  # IS DISTINCT FROM: PostgreSQL, and SQLite since 3.39


def _exercise(target: str) -> None:
    db = connect(target)
    try:
        assert _mismatched(db) == 0
        assert db.scalar("SELECT count(*) FROM statements WHERE published IS NOT NULL") > 0
        a1, a2 = [r[0] for r in db.query("SELECT DISTINCT article_id FROM statements ORDER BY 1")][:2]
        with db.transaction():
            db.execute("UPDATE articles SET published = '2001-02-03' WHERE id = ?", (a1,))
        assert db.scalar("SELECT min(published) FROM statements WHERE article_id = ?", (a1,)) == "2001-02-03"
        sid = db.scalar("SELECT min(id) FROM statements WHERE article_id = ?", (a2,))
        with db.transaction():
            db.execute("UPDATE statements SET article_id = ?, local_id = 'moved' WHERE id = ?", (a1, sid))
            db.execute("UPDATE statements SET published = '1900-01-01' WHERE article_id = ?", (a2,))
            db.execute("UPDATE articles SET published = NULL WHERE id = ?", (a2,))
        assert db.scalar("SELECT published FROM statements WHERE id = ?", (sid,)) == "2001-02-03"
        assert _mismatched(db) == 0
    finally:
        db.close()


def test_statement_dates_follow_articles_sqlite(tmp_path, corpus_file, fake):
    target = str(tmp_path / "c.db")
    ingest([str(corpus_file)], target, IngestOptions(workers=0, extractor=fake))
    _exercise(target)


@pytest.mark.postgres
def test_statement_dates_follow_articles_postgres(corpus_file, fake, pg_url):
    ingest([str(corpus_file)], pg_url, IngestOptions(workers=0, extractor=fake))
    _exercise(pg_url)
