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


def test_speaker_evidence_on_postgres(pg_client):
    c = pg_client
    found = c.get("/api/search", params={"q": "harbour", "resolution": "pronoun"}).json()
    assert [(r["speaker"], r["confidence"], r["antecedent"]) for r in found["items"]] == [("Dana Cross", 0.6,
                                                                                        "Dana Cross")]
    assert c.get("/api/search", params={"q": "harbour", "named_only": "1", "min_confidence": "0.95"}).json()[
        "total"] == 2
    for params in ({"min_confidence": "lots"}, {"resolution": "x"}, {"named_only": "sometimes"}):
        assert c.get("/api/search", params=params).status_code == 400
    html = c.get(f"/articles/{found['items'][0]['article_id']}").text
    assert "resolved through ‘Dana Cross’ (pronoun, 0.60)" in html and "members: Lee Park, Ana Ruiz" in html
    ranked = {r["speaker"] for r in c.get("/api/speakers", params={"limit": 1000}).json()["items"]}
    assert "Dana Cross" in ranked and "Democrats" not in ranked
    assert c.get("/api/search", params={"speaker": "William Barr"}).json()["total"] == 1  # as Bill Barr
    r = c.get("/api/search", params={"speaker": "Dana Crass"})
    assert r.status_code == 404 and r.json()["suggestions"][0]["speaker"] == "Dana Cross"
