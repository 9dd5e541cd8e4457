"""Cross-article links on PostgreSQL: migration 0008, the linking and the explorer's questions."""

from __future__ import annotations

import pytest

from onrecord.crosslinks import link_corpus
from onrecord.explorer import crosslink_queries
from onrecord.store import IngestOptions, connect, ingest
from tests.crosslinks.crosslinks_news import write_news

pytestmark = pytest.mark.postgres


def test_links_on_postgres(pg_url, tmp_path):
    summary = ingest([str(write_news(tmp_path / "news.jsonl"))], pg_url, IngestOptions(workers=0))
    assert summary.links > 0
    db = connect(pg_url)
    try:
        rows = db.query("SELECT from_statement_id, to_statement_id, type FROM cross_links ORDER BY 1, 2")
        assert "rejects" in {r[2] for r in rows}
        again = link_corpus(pg_url)
        assert again.links == len(rows)
        assert db.query("SELECT from_statement_id, to_statement_id, type FROM cross_links ORDER BY 1, 2") == rows
        gazette = db.scalar("SELECT id FROM entities WHERE name = 'Harbour Gazette'")
        page = crosslink_queries.speaker_crosslinks(db, gazette, side="against")
        assert "Ana Ruiz" in {r["speaker"] for r in page.records()}
        by_statement = crosslink_queries.article_crosslinks(db, db.scalar("SELECT id FROM articles WHERE ext_id = 'k1'"))
        assert any(x["speaker"] == "Ana Ruiz" for links in by_statement.values() for x in links)
    finally:
        db.close()
