"""Per-month corpus totals (schema 10): month_totals follows every insert, delete and change of
an article's date or statement count, on SQLite and PostgreSQL, and a corpus migrated from
schema 9 starts with its months counted."""

from __future__ import annotations

import sqlite3

import pytest

from onrecord.store import IngestOptions, connect, ingest
from onrecord.store.migrate import migrate

_EXPECTED = ("SELECT substr(published, 1, 7), count(*), sum(n_statements) FROM articles "
             "WHERE published IS NOT NULL GROUP BY 1 ORDER BY 1")


def _totals(db) -> list[tuple]:
    return [tuple(r) for r in db.query("SELECT month, articles, statements FROM month_totals "
                                       "WHERE articles > 0 ORDER BY month")]


def _expected(db) -> list[tuple]:
    return [tuple(r) for r in db.query(_EXPECTED)]


def _check_follows_changes(target: str) -> None:
    db = connect(target)
    try:
        assert _totals(db) == _expected(db) and len(_totals(db)) >= 2
        first = db.query("SELECT id, published FROM articles WHERE published IS NOT NULL ORDER BY id")[0]
        with db.transaction():
            db.execute("UPDATE articles SET published = ? WHERE id = ?", ("1999-12-31", first[0]))
            db.execute("UPDATE articles SET n_statements = n_statements + 5 WHERE id = ?", (first[0],))
        assert _totals(db) == _expected(db)
        assert ("1999-12", 1, db.scalar("SELECT n_statements FROM articles WHERE id = ?", (first[0],))) in _totals(db)
        with db.transaction():
            db.execute("UPDATE articles SET published = NULL WHERE id = ?", (first[0],))
        assert _totals(db) == _expected(db)
        assert all(m != "1999-12" for m, *_ in _totals(db))
    finally:
        db.close()


def test_month_totals_follow_articles_sqlite(tmp_path, corpus_file, fake):
    target = str(tmp_path / "c.db")
    ingest([str(corpus_file)], target, IngestOptions(workers=0, extractor=fake))
    _check_follows_changes(target)


@pytest.mark.postgres
def test_month_totals_follow_articles_postgres(corpus_file, fake, pg_url):
    ingest([str(corpus_file)], pg_url, IngestOptions(workers=0, extractor=fake))
    _check_follows_changes(pg_url)


def test_migration_counts_existing_months(tmp_path, corpus_file, fake):
    """A schema-9 corpus gains month_totals equal to what its articles hold."""
    target = str(tmp_path / "c.db")
    ingest([str(corpus_file)], target, IngestOptions(workers=0, extractor=fake))
    con = sqlite3.connect(target)
    con.execute("DROP TABLE month_totals")
    for name in ("insert", "delete", "update"):
        con.execute(f"DROP TRIGGER articles_month_totals_{name}")
    con.execute("DELETE FROM schema_version WHERE version = 10")
    con.commit()
    con.close()
    db = connect(target)
    try:
        assert migrate(db) == [10]
        assert _totals(db) == _expected(db) and _totals(db)
    finally:
        db.close()
