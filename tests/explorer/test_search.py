"""Search that a researcher can trust: substantive statements first, matched words marked (page)
and as offsets (API), facet counts that agree with the filters they add, dates checked.
SQLite, and PostgreSQL for the API."""

from __future__ import annotations

import re
import uuid
from urllib.parse import parse_qsl, urlsplit

import pytest

from .search_support import make_search_corpus


def _client(target: str):
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app

    return TestClient(create_app(target))


@pytest.fixture(scope="module")
def sqlite_client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search")
    with _client(make_search_corpus(str(folder / "s.db"), folder)) as c:
        yield c


@pytest.fixture(scope="module")
def pg_client(tmp_path_factory, pg_base_url):
    import psycopg

    url = f"{pg_base_url}?schema=onrecord_search_{uuid.uuid4().hex[:10]}"
    try:
        with _client(make_search_corpus(url, tmp_path_factory.mktemp("search-pg"))) as c:
            yield c
    finally:
        with psycopg.connect(pg_base_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{url.rsplit("=", 1)[1]}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.postgres)])
def api(request):
    return request.getfixturevalue(f"{request.param}_client")


def test_substantive_statements_first_and_matches_as_offsets(api):
    found = api.get("/api/search", params={"q": "tariffs"}).json()
    items = found["items"]
    assert found["total"] == 6 and found["facets"] is None
    assert items[-1]["content"] == "Tariffs" and len(items[0]["content"]) > 40
    for item in items:
        assert item["content_matches"], item
        assert all(item["content"][s:e].lower().startswith("tariff") for s, e in item["content_matches"])
        assert item["content2_matches"] == []
    assert "content_matches" not in api.get("/api/search", params={"q": "tariffs", "format": "csv"}).text
    unfiltered = api.get("/api/search", params={"bias": "left"}).json()["items"]
    assert all(i["content_matches"] == [] for i in unfiltered)


def test_facets_count_what_their_filters_find(api):
    found = api.get("/api/search", params={"q": "tariffs", "facets": "true"}).json()
    facets = found["facets"]
    assert set(facets) == {"speaker", "outlet", "bias", "month", "cue_class", "modality"}
    labels = {name: {v["label"]: v["count"] for v in f["values"]} for name, f in facets.items()}
    assert labels["speaker"] == {"Mia Stone": 4, "Ola Brandt": 2}
    assert labels["bias"] == {"left": 4, "right": 2}
    assert labels["month"] == {"2024-05": 2, "2024-06": 4}
    assert labels["cue_class"] == {"neutral": 4, "contested": 1, "denial": 1}
    assert [v["label"] for v in facets["month"]["values"]] == ["2024-05", "2024-06"]  # date order
    for name, facet in facets.items():
        assert sum(v["count"] for v in facet["values"]) <= found["total"] or name == "modality"
        for v in facet["values"]:
            narrowed = api.get("/api/search", params={"q": "tariffs", **v["filter"]}).json()
            assert narrowed["total"] == v["count"], (name, v)


def test_search_page_marks_words_and_escapes_the_rest(sqlite_client):
    html = sqlite_client.get("/search", params={"q": "tariffs"}).text
    assert html.count("<mark>") >= 6
    assert "Nothing about &lt;b&gt;<mark>tariffs</mark>&lt;/b&gt; &amp; ports is settled" in html
    assert '<link rel="stylesheet" href="/static/search.css">' in html
    assert sqlite_client.get("/static/search.css").status_code == 200


def test_facet_links_add_their_filter_and_can_be_cleared(sqlite_client):
    html = sqlite_client.get("/search", params={"q": "tariffs"}).text
    section = re.search(r'<section class="facet" data-facet="speaker">(.*?)</section>', html, re.S).group(1)
    link, name, count = re.search(r'<a href="([^"]+)">(Mia Stone)</a> <span class="count">(\d+)</span>',
                                  section).groups()
    params = dict(parse_qsl(urlsplit(link.replace("&amp;", "&")).query))
    assert params["q"] == "tariffs" and params["speaker"].isdigit()
    narrowed = sqlite_client.get(link.replace("&amp;", "&")).text
    assert re.search(r'id="result-count">(\d+) statements', narrowed).group(1) == count == "4"
    speaker_facet = re.search(r'data-facet="speaker">(.*?)</section>', narrowed, re.S).group(1)
    assert 'class="active"' in speaker_facet and ">any speaker</a>" in speaker_facet
    month = re.search(r'<a href="([^"]+)">2024-06</a>', narrowed).group(1).replace("&amp;", "&")
    assert dict(parse_qsl(urlsplit(month).query))["since"] == "2024-06"
    assert re.search(r'id="result-count">(\d+) statements', sqlite_client.get(month).text).group(1) == "2"


@pytest.mark.parametrize("params, message", [
    ({"since": "2024-02-30"}, "since must be a date like 2020-01-31"),
    ({"until": "2024-13"}, "until must be a date like"),
    ({"since": "2024-07", "until": "2024-06"}, "since (2024-07) is after until (2024-06); swap them"),
])
def test_dates_are_checked_with_a_clear_error(sqlite_client, params, message):
    r = sqlite_client.get("/api/search", params={"q": "tariffs", **params})
    assert r.status_code == 400 and message in r.json()["detail"]
    page = sqlite_client.get("/search", params={"q": "tariffs", **params})
    assert page.status_code == 400 and message in page.text
    assert sqlite_client.get("/api/search", params={"q": "tariffs", "since": "2024-06",
                                                    "until": "2024-06"}).json()["total"] == 4
