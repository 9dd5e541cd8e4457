"""Article-metadata filters (topic, author, outlet section) on the articles list and the statement
lists, on SQLite and PostgreSQL; sections of one outlet listed under it."""

from __future__ import annotations

import uuid

import pytest

from .explorer_support import FAKE, write_jsonl

RECORDS = [
    {"id": "m1", "source": "CNN (Web News)", "url": "https://www.cnn.com/a", "date": "2020-01-02",
     "title": "Vote soon", "authors": "Ann Reporter", "topic": "elections", "bias": "left",
     "text": "The vote neared. “The vote will come soon,” Dana Cross said."},
    {"id": "m2", "source": "CNN - Editorial", "url": "https://www.cnn.com/b", "date": "2020-02-03",
     "title": "Our view", "topic": "immigration", "bias": "left",
     "text": "The board wrote. “The border plan is a mistake,” Dana Cross said."},
    {"id": "m3", "source": "Ezra Klein", "source_url": "www.vox.com", "url": "https://www.vox.com/c",
     "date": "2020-03-04", "title": "Column", "authors": "Dylan Matthews", "topic": "elections", "bias": "left",
     "text": "A column. “The elections will be close this year,” Dana Cross said."},
]


def _client(url: str):
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app

    return TestClient(create_app(url))


@pytest.fixture(scope="module")
def sqlite_client(tmp_path_factory):
    from onrecord.store import IngestOptions, ingest

    folder = tmp_path_factory.mktemp("meta")
    ingest([str(write_jsonl(folder / "m.jsonl", RECORDS))], str(folder / "c.db"),
           IngestOptions(workers=0, extractor=FAKE))
    with _client(str(folder / "c.db")) as c:
        yield c


@pytest.fixture(scope="module")
def pg_client(tmp_path_factory, pg_base_url):
    import psycopg

    from onrecord.store import IngestOptions, ingest

    schema = f"onrecord_meta_{uuid.uuid4().hex[:10]}"
    url = f"{pg_base_url}?schema={schema}"
    ingest([str(write_jsonl(tmp_path_factory.mktemp("pgmeta") / "m.jsonl", RECORDS))], url,
           IngestOptions(workers=0, extractor=FAKE))
    try:
        with _client(url) as c:
            yield c
    finally:
        with psycopg.connect(pg_base_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _ids(c, path: str, **params) -> list[str]:
    out = c.get(path, params={**params, "limit": 100})
    assert out.status_code == 200, out.text
    return sorted(item["title"] for item in out.json()["items"])


def _check(c) -> None:
    assert _ids(c, "/api/articles", outlet="CNN") == ["Our view", "Vote soon"]
    assert _ids(c, "/api/articles", section="editorial") == ["Our view"]
    assert _ids(c, "/api/articles", section="opinion") == ["Column"]
    assert _ids(c, "/api/articles", topic="elections") == ["Column", "Vote soon"]
    assert _ids(c, "/api/articles", author="  ezra   KLEIN ") == ["Column"]
    assert _ids(c, "/api/articles", author="Dylan Matthews", topic="elections", since="2020-03") == ["Column"]
    assert _ids(c, "/api/articles", topic="elections", until="2020-02-28") == ["Vote soon"]
    assert _ids(c, "/api/articles", bias="right") == []
    items = c.get("/api/articles", params={"section": "online"}).json()["items"]
    assert (items[0]["outlet"], items[0]["section"], items[0]["topic"]) == ("CNN", "online", "elections")
    assert c.get("/api/articles", params={"section": "gossip"}).status_code == 400
    assert _ids(c, "/api/search", q="vote OR border OR elections", topic="elections") == ["Column", "Vote soon"]
    assert _ids(c, "/api/search", q="vote OR border OR elections", author="Ann Reporter") == ["Vote soon"]
    sid = c.get("/api/speakers", params={"name": "Dana Cross"}).json()["items"][0]["speaker_id"]
    assert _ids(c, f"/api/speakers/{sid}/statements", topic="immigration") == ["Our view"]
    assert _ids(c, f"/api/speakers/{sid}/statements", author="Ezra Klein") == ["Column"]


def test_filters_sqlite(sqlite_client):
    _check(sqlite_client)


@pytest.mark.postgres
def test_filters_postgres(pg_client):
    _check(pg_client)


def test_articles_page_has_the_filters_and_says_what_is_wrong(sqlite_client):
    c = sqlite_client
    html = c.get("/articles", params={"topic": "elections"}).text
    for field in ('name="outlet"', 'name="section"', 'name="topic"', 'name="author"', 'name="bias"',
                  'name="since"', 'name="until"'):
        assert field in html, field
    assert "2 articles" in html and "editorial (1)" in html and 'value="elections" selected' in html
    bad = c.get("/articles", params={"section": "gossip"})
    assert bad.status_code == 400 and "section must be one of" in bad.text
    assert "0 articles" in c.get("/articles", params={"author": "Nobody Here"}).text
    assert c.get("/search", params={"q": "vote", "topic": "elections"}).status_code == 200
    assert c.get(f"/speakers/1", params={"author": "Ezra Klein"}).status_code in (200, 404)


def test_search_form_offers_topic_and_author(sqlite_client):
    html = sqlite_client.get("/search", params={"q": "vote OR border OR elections", "topic": "elections",
                                                 "author": "Dylan Matthews"}).text
    assert 'name="topic"' in html and 'value="elections" selected' in html and "immigration (1)" in html
    assert 'name="author" value="Dylan Matthews"' in html
    assert "1 statements" in html
