"""Statement permalinks and the share timeline over a PostgreSQL corpus."""

from __future__ import annotations

import uuid

import pytest

from .explorer_support import ARTICLES, FAKE, write_jsonl

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg(tmp_path_factory, pg_base_url):
    import psycopg
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app
    from onrecord.store import IngestOptions, ingest

    schema = f"onrecord_permalinks_{uuid.uuid4().hex[:10]}"
    url = f"{pg_base_url}?schema={schema}"
    src = write_jsonl(tmp_path_factory.mktemp("pg-permalinks") / "news.jsonl", ARTICLES)
    ingest([str(src)], url, IngestOptions(workers=0, extractor=FAKE))
    try:
        with TestClient(create_app(url)) as c:
            yield c
    finally:
        with psycopg.connect(pg_base_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def test_permalink_page_and_api_on_postgres(pg):
    item = next(i for i in pg.get("/api/search", params={"q": "realistic basis"}).json()["items"]
                if i["cue"] == "denied")
    sid = item["statement_id"]
    assert item["permalink"] == f"/statements/{sid}"
    body = pg.get(f"/api/statements/{sid}").json()
    assert body["speaker_entity"] == "Lee Park" and body["article"]["title"] == "Talks stall"
    assert "There is no realistic basis" in body["context"]["sentence"]
    assert body["replies_to"][0]["type"] == "rejects" and body["replies_to"][0]["speaker"] == "Dana Cross"
    html = pg.get(f"/statements/{sid}").text
    assert "Daily Planet" in html and "hl-cue" in html and 'id="contradicted-by"' in html
    assert pg.get("/statements/999999").status_code == 404
    assert pg.get(f"/api/statements/{sid}/answers").json()["total"] == 0


def test_share_timeline_on_postgres(pg):
    sid = pg.get("/api/speakers", params={"name": "Ana Ruiz"}).json()["items"][0]["speaker_id"]
    rows = pg.get(f"/api/speakers/{sid}/timeline", params={"per": "month"}).json()["items"]
    assert rows and all(r["share"] == pytest.approx(r["statements"] / r["corpus_statements"]) for r in rows)
    assert all(0 < r["share"] <= 1 and isinstance(r["share"], float) for r in rows)
    html = pg.get(f"/speakers/{sid}").text
    assert "of the corpus&#39;s" in html or "of the corpus's" in html
