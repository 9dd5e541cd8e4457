"""The explorer over a PostgreSQL corpus (read-only transactions, tsvector search)."""

from __future__ import annotations

import uuid

import pytest

from .explorer_support import ARTICLES, FAKE, write_jsonl

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_client(tmp_path_factory, pg_base_url):
    import psycopg
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app
    from onrecord.store import IngestOptions, ingest

    schema = f"onrecord_explorer_{uuid.uuid4().hex[:10]}"
    base = pg_base_url
    url = f"{base}?schema={schema}"
    src = write_jsonl(tmp_path_factory.mktemp("pg") / "news.jsonl", ARTICLES)
    ingest([str(src)], url, IngestOptions(workers=0, extractor=FAKE))
    try:
        with TestClient(create_app(url)) as c:
            yield c
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def test_pages_and_api_on_postgres(pg_client):
    c = pg_client
    assert c.get("/api/search", params={"q": "ceasefire"}).json()["total"] == 4
    assert c.get("/api/search", params={"q": "ceasefire", "bias": "left"}).json()["total"] == 3
    sid = c.get("/api/speakers", params={"name": "Dana Cross"}).json()["items"][0]["speaker_id"]
    for path in ("/", "/search?q=ceasefire&bias=left", f"/speakers/{sid}", "/outlets", "/network",
                 "/articles"):
        assert c.get(path).status_code == 200, path
    replies = c.get(f"/api/speakers/{sid}/replies").json()["items"]
    assert replies[0]["speaker"] == "Lee Park"
    oid = c.get("/api/outlets").json()["items"][0]["outlet_id"]
    assert c.get(f"/outlets/{oid}").status_code == 200
    aid = c.get("/api/search", params={"q": "budget"}).json()["items"][0]["article_id"]
    html = c.get(f"/articles/{aid}").text
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    assert c.get("/api/search", params={"q": "figure", "format": "csv", "limit": 100}).text.count("\n") == 61


def test_postgres_connection_is_read_only(pg_client):
    import psycopg

    db = pg_client.app.state.explorer.corpus.db()
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        db.execute("DELETE FROM replies")
