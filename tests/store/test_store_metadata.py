"""Clean metadata in the store (schema 9): canonical outlets with their raw name and section,
columnists filed as outlets stored as authors, topics; SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from store_support import write_jsonl

from onrecord.store import IngestOptions, connect, ingest
from onrecord.store.metadata import raw_names, section_counts

RECORDS = [
    {"id": "m1", "source": "CNN (Web News)", "url": "https://www.cnn.com/a", "date": "2020-01-02",
     "title": "Senator speaks", "authors": "Ann Reporter", "topic": "us_senate", "bias": "left",
     "text": "Senator Dana Cross said the vote would come soon."},
    {"id": "m2", "source": "CNN - Editorial", "url": "https://www.cnn.com/b", "date": "2020-01-03",
     "title": "Our view", "authors": "", "topic": "elections", "bias": "left",
     "text": "The board said the deal was a mistake."},
    {"id": "m3", "source": "Julian Zelizer", "source_url": "www.cnn.com", "url": "https://www.cnn.com/c",
     "date": "2020-01-04", "title": "Opinion", "authors": "Cnn Political Analyst", "topic": "elections",
     "bias": "left", "text": "Historians said the moment was rare."},
]


def _ingest(tmp_path, target, fake) -> None:
    path = write_jsonl(tmp_path / "meta.jsonl", RECORDS)
    ingest([str(path)], target, IngestOptions(workers=0, extractor=fake))


def _check(target: str) -> None:
    db = connect(target)
    try:
        rows = db.query("SELECT ext_id, outlet, outlet_raw, outlet_section, topic FROM articles ORDER BY ext_id")
        assert [tuple(r) for r in rows] == [
            ("m1", "CNN", "CNN (Web News)", "online", "us_senate"),
            ("m2", "CNN", "CNN - Editorial", "editorial", "elections"),
            ("m3", "CNN", "Julian Zelizer", "opinion", "elections")]
        assert len({r[0] for r in db.query("SELECT outlet_id FROM articles")}) == 1
        authors = db.query("SELECT a.ext_id, au.position, au.name, au.name_key FROM article_authors au "
                           "JOIN articles a ON a.id = au.article_id ORDER BY 1, 2")
        assert [tuple(r) for r in authors] == [
            ("m1", 0, "Ann Reporter", "ann reporter"), ("m3", 0, "Julian Zelizer", "julian zelizer"),
            ("m3", 1, "Cnn Political Analyst", "cnn political analyst")]
        assert section_counts(db) == {"CNN": {"online": 1, "editorial": 1, "opinion": 1}}
        assert sorted(raw_names(db)["CNN"]) == sorted(["CNN (Web News)", "CNN - Editorial", "Julian Zelizer"])
    finally:
        db.close()


def test_sections_and_columnists_sqlite(tmp_path, fake):
    target = str(tmp_path / "c.db")
    _ingest(tmp_path, target, fake)
    _check(target)


@pytest.mark.postgres
def test_sections_and_columnists_postgres(tmp_path, fake, pg_url):
    _ingest(tmp_path, pg_url, fake)
    _check(pg_url)


def test_cli_outlets_merges_sections(tmp_path, fake):
    import json

    from click.testing import CliRunner

    from onrecord.cli import main

    target = str(tmp_path / "c.db")
    _ingest(tmp_path, target, fake)
    out = CliRunner().invoke(main, ["outlets", "--db", target, "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    rows = rows if isinstance(rows, list) else rows["rows"]
    cnn = [r for r in rows if r["outlet"] == "CNN"]
    assert len(cnn) == 1 and cnn[0]["articles"] == 3
    assert sorted(cnn[0]["sections"].split(", ")) == ["editorial 1", "online 1", "opinion 1"]
    assert set(cnn[0]["filed_as"].split("; ")) == {"CNN (Web News)", "CNN - Editorial", "Julian Zelizer"}
