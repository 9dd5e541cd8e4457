"""The speaker page's numbers from the aggregates equal what the statements say, and a speaker's
statements in date order (undated last) page the same way the whole ordered list reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from onrecord.explorer import queries, speaker_queries
from onrecord.store import connect


@pytest.fixture(scope="module")
def db(fake_db: Path, tmp_path_factory):
    """The fake corpus with a third of its articles made undated (the triggers follow)."""
    copy = tmp_path_factory.mktemp("speaker-queries") / "corpus.db"
    shutil.copyfile(fake_db, copy)
    corpus = connect(str(copy))
    with corpus.transaction():
        corpus.execute("UPDATE articles SET published = NULL WHERE id % 3 = 0")
    yield corpus
    corpus.close()


def _speakers(db) -> list[int]:
    return [r[0] for r in db.query("SELECT speaker_entity_id FROM statements WHERE speaker_entity_id IS NOT NULL "
                                   "GROUP BY 1 ORDER BY count(*) DESC LIMIT 5")]


def test_summary_outlets_and_timeline_match_the_statements(db):
    for sid in _speakers(db):
        rows = db.query("SELECT s.article_id, a.published, a.outlet_id, s.cue_class FROM statements s "
                        "JOIN articles a ON a.id = s.article_id WHERE s.speaker_entity_id = ?", (sid,))
        dates = [r[1] for r in rows if r[1]]
        assert speaker_queries.speaker_summary(db, sid) == {
            "statements": len(rows), "articles": len({r[0] for r in rows}),
            "outlets": len({r[2] for r in rows if r[2]}),
            "first_published": min(dates, default=None), "last_published": max(dates, default=None)}
        by_outlet: dict = {}
        for _, _, oid, cls in rows:
            by_outlet[(oid, cls)] = by_outlet.get((oid, cls), 0) + 1
        got = {(oid, cls): n for oid, _name, _bias, cls, n in speaker_queries.speaker_outlet_rows(db, sid)}
        assert got == by_outlet
        by_day: dict = {}
        for _, day, _, cls in rows:
            by_day[(day, cls)] = by_day.get((day, cls), 0) + 1
        assert {(d, c): n for d, c, n in speaker_queries.speaker_timeline(db, sid)} == by_day


@pytest.mark.parametrize("order", ["oldest", "newest"])
def test_pages_of_one_speaker_follow_the_date_order(db, order):
    sid = _speakers(db)[0]
    f = queries.Filters(speaker=(sid,))
    rows = db.query("SELECT s.id, s.published FROM statements s WHERE s.speaker_entity_id = ?", (sid,))
    dated = sorted((r for r in rows if r[1]), key=lambda r: (r[1], r[0]), reverse=order == "newest")
    undated = sorted((r for r in rows if not r[1]), key=lambda r: r[0], reverse=order == "newest")
    expected = [r[0] for r in dated + undated]
    assert len(dated) >= 2 and len(undated) >= 2
    for limit in (1, 2, 3):
        got = []
        for offset in range(0, len(expected) + limit, limit):
            page = queries.statements(db, f, limit=limit, offset=offset, order=order)
            got += [r[page.columns.index("statement_id")] for r in page.rows]
            assert page.total == len(expected)
        assert got == expected


def test_counts_from_the_aggregates_equal_counted_rows(db):
    outlet = db.scalar("SELECT outlet_id FROM articles WHERE outlet_id IS NOT NULL ORDER BY id")
    for sid in _speakers(db):
        for extra in ({}, {"bias": "left"}, {"outlet": (outlet,)}, {"cue_class": "neutral"},
                      {"cue_class": "unknown"}, {"bias": "right", "cue_class": "neutral"}):
            f = queries.Filters(speaker=(sid,), **extra)
            where, params = ["s.speaker_entity_id = ?"], [sid]
            if "bias" in extra:
                where.append("a.bias = ?")
                params.append(extra["bias"])
            if "outlet" in extra:
                where.append("a.outlet_id = ?")
                params.append(outlet)
            if extra.get("cue_class") == "unknown":
                where.append("s.cue_class IS NULL")
            elif "cue_class" in extra:
                where.append("s.cue_class = ?")
                params.append(extra["cue_class"])
            rows = db.scalar("SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id "
                             f"WHERE {' AND '.join(where)}", params)
            assert queries._count_from_aggregates(db, f) == rows == queries.count_statements(db, f), extra
    assert queries._count_from_aggregates(db, queries.Filters(speaker=(1,), since="2020")) is None
