"""Re-normalising a corpus's outlets (``onrecord renormalise-outlets``): rows stored with the
outlet as given get today's canonical outlet, section and columnist author, the aggregates
follow, copies that turn out to be one appearance are merged, and a second run changes nothing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from store_support import write_jsonl

from onrecord.cli import main
from onrecord.store import IngestOptions, connect, ingest
from onrecord.store.renormalise import renormalise_outlets

TEXT = "The vote neared. “The vote will come soon,” Dana Cross said."
RECORDS = [
    {"id": "r1", "source": "CNN (Web News)", "url": "https://www.cnn.com/a", "date": "2020-01-02", "text": TEXT},
    {"id": "r2", "source": "CNN - Editorial", "url": "https://www.cnn.com/b", "date": "2020-01-05", "text": TEXT},
    {"id": "r3", "source": "Julian Zelizer", "source_url": "www.cnn.com", "url": "https://www.cnn.com/c",
     "date": "2020-02-03", "authors": "Ann Reporter", "text": "Historians said the moment was rare."},
]


def _as_stored_before_schema_9(db) -> None:
    """What an older onrecord stored: the raw name as the outlet, its own media entity, no section."""
    with db.transaction():
        for table in ("articles", "copies"):
            for row_id, raw in db.query(f"SELECT id, outlet_raw FROM {table}"):
                eid = db.scalar("SELECT id FROM entities WHERE name = ? AND type = 'media'", (raw,))
                if eid is None:
                    eid = db.scalar("INSERT INTO entities (name, type, key) VALUES (?, 'media', ?) RETURNING id",
                                    (raw, f"raw:{raw}"))
                db.execute(f"UPDATE {table} SET outlet = ?, outlet_id = ?, outlet_section = NULL WHERE id = ?",
                           (raw, eid, row_id))
        db.execute("DELETE FROM article_authors")
        # two more copies an older onrecord kept apart: r1's own day under another name, and r2's
        for key, raw, day in (("old-1", "CNN (Opinion)", "2020-01-02"), ("old-2", "CNN (Web News)", "2020-01-05")):
            db.execute("INSERT INTO copies (copy_key, article_id, outlet, outlet_raw, published, ingested_at) "
                       "SELECT ?, article_id, ?, ?, ?, ingested_at FROM copies WHERE copy_key NOT LIKE 'old-%'",
                       (key, raw, raw, day))


def _check(target: str) -> None:
    db = connect(target)
    try:
        assert db.scalar("SELECT count(*) FROM copies") == 1  # r2 is r1's text, another day
        _as_stored_before_schema_9(db)
        assert db.scalar("SELECT count(*) FROM copies") == 3
        assert db.scalar("SELECT count(DISTINCT outlet) FROM articles") == 2
        summary = renormalise_outlets(db)
        assert (summary.articles, summary.copies, summary.merged_copies) == (2, 1, 2)
        assert (summary.outlets_before, summary.outlets_after) == (2, 1)
        rows = db.query("SELECT ext_id, outlet, outlet_section FROM articles ORDER BY ext_id")
        assert [tuple(r) for r in rows] == [("r1", "CNN", "online"), ("r3", "CNN", "opinion")]
        copies = db.query("SELECT outlet, outlet_section, published FROM copies")
        assert [tuple(r) for r in copies] == [("CNN", "editorial", "2020-01-05")]  # r1's own day is r1
        authors = db.query("SELECT name FROM article_authors au JOIN articles a ON a.id = au.article_id "
                           "WHERE a.ext_id = 'r3' ORDER BY position")
        assert [r[0] for r in authors] == ["Julian Zelizer"]
        cnn = db.scalar("SELECT outlet_id FROM articles WHERE ext_id = 'r1'")
        assert db.scalar("SELECT count(DISTINCT outlet_id) FROM speaker_outlets WHERE outlet_id <> 0") == 1
        assert db.scalar("SELECT min(outlet_id) FROM speaker_outlets WHERE outlet_id <> 0") == cnn
        again = renormalise_outlets(db)
        assert (again.articles, again.copies, again.merged_copies) == (0, 0, 0)
    finally:
        db.close()


def test_renormalise_sqlite(tmp_path, fake):
    target = str(tmp_path / "c.db")
    ingest([str(write_jsonl(tmp_path / "r.jsonl", RECORDS))], target, IngestOptions(workers=0, extractor=fake))
    _check(target)


@pytest.mark.postgres
def test_renormalise_postgres(tmp_path, fake, pg_url):
    ingest([str(write_jsonl(tmp_path / "r.jsonl", RECORDS))], pg_url, IngestOptions(workers=0, extractor=fake))
    _check(pg_url)


def test_cli_reports_the_counts(tmp_path, fake):
    target = str(tmp_path / "c.db")
    ingest([str(write_jsonl(tmp_path / "r.jsonl", RECORDS))], target, IngestOptions(workers=0, extractor=fake))
    res = CliRunner().invoke(main, ["renormalise-outlets", "--db", target, "--format", "json"])
    assert res.exit_code == 0, res.output
    assert '"what": "articles changed"' in res.output and '"count": 0' in res.output
