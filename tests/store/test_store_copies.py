"""Syndicated copies: the same text under another outlet or date is kept as a copy (not extracted
again) that spread and outlet statistics count; the same text, outlet and date is a duplicate."""

from __future__ import annotations

import pytest
from store_support import write_jsonl

from onrecord.store import IngestOptions, connect, ingest, queries
from onrecord.store.migrate import latest_version

TEXT = "Talks. “We will never give up the city,” Ana Lee said."


def _rec(outlet: str, date: str, **extra) -> dict:
    return {"text": TEXT, "outlet": outlet, "date": date, **extra}


def run(path, db, fake):
    return ingest([str(path)], str(db), IngestOptions(workers=0, extractor=fake))


def test_copies_under_other_outlets_or_dates_are_kept_and_counted(tmp_path, fake):
    path = write_jsonl(tmp_path / "wire.jsonl", [
        _rec("Daily Planet", "2024-03-01", title="Original"),
        _rec("Morning Courier", "2024-03-02", title="Reprint", url="https://courier.example/talks"),
        _rec("Daily Planet", "2024-03-05"),              # the same outlet, another date: a copy
        _rec("daily planet", "2024-03-01", id="again"),  # the same outlet and date: a duplicate
    ])
    db = tmp_path / "c.db"
    s = run(path, db, fake)
    assert (s.counts.new, s.counts.copies, s.counts.duplicate, s.counts.n_failed) == (1, 2, 1, 0)
    assert s.workers[0].articles == 1  # copies are not extracted again
    assert s.as_dict()["copies"] == 2
    con = connect(str(db))
    assert con.scalar("SELECT count(*) FROM articles") == 1
    assert con.scalar("SELECT count(*) FROM statements") == 1
    assert con.query("SELECT outlet, published, title, url FROM copies ORDER BY id") == [
        ("Morning Courier", "2024-03-02", "Reprint", "https://courier.example/talks"),
        ("Daily Planet", "2024-03-05", None, None)]
    assert con.query("SELECT n_articles, n_outlets, first_published, last_published, first_outlet "
                     "FROM quote_spread") == [(3, 2, "2024-03-01", "2024-03-05", "Daily Planet")]
    head, rows = queries.spread(con, "We will never give up the city")
    assert head.records()[0]["n_articles"] == 3
    assert [(r["published"], r["outlet"], r["speaker"], r["copy_id"] is None) for r in rows.records()] == [
        ("2024-03-01", "Daily Planet", "Ana Lee", True), ("2024-03-02", "Morning Courier", "Ana Lee", False),
        ("2024-03-05", "Daily Planet", "Ana Lee", False)]
    summary, classes, by_speaker = queries.outlet_profile(con, "Morning Courier")
    assert (summary.records()[0]["articles"], summary.records()[0]["statements"]) == (1, 1)
    assert by_speaker.records()[0]["speaker"] == "Ana Lee"
    assert dict(con.query("SELECT outlet, n_articles FROM outlets_view")) == {"Daily Planet": 2,
                                                                            "Morning Courier": 1}
    again = run(path, db, fake)  # read again: nothing new, no copy twice
    assert (again.counts.new, again.counts.copies, again.counts.duplicate) == (0, 0, 4)
    assert con.scalar("SELECT count(*) FROM copies") == 2


def test_a_copy_of_an_article_from_an_earlier_run(tmp_path, fake):
    db = tmp_path / "c.db"
    run(write_jsonl(tmp_path / "a.jsonl", [_rec("Daily Planet", "2024-03-01")]), db, fake)
    s = run(write_jsonl(tmp_path / "b.jsonl", [_rec("Evening Star", "2024-03-01")]), db, fake)
    assert (s.counts.new, s.counts.copies, s.counts.duplicate) == (0, 1, 0)
    con = connect(str(db))
    assert con.query("SELECT e.name, c.article_id FROM copies c JOIN entities e ON e.id = c.outlet_id") == [
        ("Evening Star", 1)]
    assert con.scalar("SELECT count(*) FROM failures") == 0
    assert con.scalar("SELECT max(version) FROM schema_version") == latest_version("sqlite")


@pytest.mark.postgres
def test_copies_on_postgres(tmp_path, fake, pg_url):
    path = write_jsonl(tmp_path / "wire.jsonl", [_rec("Daily Planet", "2024-03-01"), _rec("Morning Courier", "2024-03-01")])
    s = ingest([str(path)], pg_url, IngestOptions(workers=0, extractor=fake))
    assert (s.counts.new, s.counts.copies) == (1, 1)
    with connect(pg_url) as con:
        assert con.query("SELECT n_articles, n_outlets FROM quote_spread") == [(2, 2)]
        assert dict(con.query("SELECT outlet, n_copies FROM outlets_view")) == {"Daily Planet": 0, "Morning Courier": 1}

