"""Route tests with Starlette's TestClient over the fake-engine corpus: pages, API, filters,
pagination, CSV, escaping of hostile article text, security headers, read-only access."""

from __future__ import annotations

import csv
import io
import re
import sqlite3

import pytest

from onrecord.explorer.connection import open_read_only
from onrecord.store.db import DatabaseError


def speaker_id(client, name: str) -> int:
    items = client.get("/api/speakers", params={"name": name}).json()["items"]
    assert items, name
    return items[0]["speaker_id"]


def outlet_id(client, name: str) -> int:
    return next(o["outlet_id"] for o in client.get("/api/outlets").json()["items"] if o["outlet"] == name)


def hostile_article(client) -> int:
    rows = client.get("/api/search", params={"q": "budget"}).json()["items"]
    return rows[0]["article_id"]


# -- pages -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/search", "/search?q=ceasefire", "/speakers", "/outlets", "/articles",
                                  "/network", "/network?q=ceasefire", "/docs"])
def test_pages_render(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")


def test_every_page_has_a_strict_csp(client):
    for path in ("/", "/search?q=x", "/api/corpus", "/openapi.json", "/nope"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp.split(
            "style-src")[0]
    assert client.get("/").headers["x-content-type-options"] == "nosniff"


def test_article_page_highlights_and_nests(client):
    aid = client.get("/api/search", params={"q": "agreed"}).json()["items"][0]["article_id"]
    html = client.get(f"/articles/{aid}").text
    for role in ("hl-speaker", "hl-cue", "hl-content"):
        assert role in html
    assert "hl-nested" in html  # Lee Park's statement inside Ana Ruiz's
    assert 'class="card depth-1"' in html
    art = client.get(f"/api/articles/{aid}").json()
    inner = next(s for s in art["statements"] if s["parent_local_id"])
    assert inner["speaker_entity"] == "Lee Park"


def test_article_shows_time_replies_and_own_voice(client):
    aid = client.get("/api/search", params={"q": "realistic basis"}).json()["items"][0]["article_id"]
    art = client.get(f"/api/articles/{aid}").json()
    denial = next(s for s in art["statements"] if s["cue"] == "denied")
    assert denial["replies_to"][0]["type"] == "rejects"
    html = client.get(f"/articles/{aid}").text
    assert "hl-own" in html and "rejects" in html and "replied to by" in html
    timed = client.get("/api/search", params={"q": "give up", "bias": "right"}).json()["items"][0]
    art2 = client.get(f"/api/articles/{timed['article_id']}").json()
    assert any(s["time_value"] == "2024-03-03" for s in art2["statements"])
    assert "hl-time" in client.get(f"/articles/{timed['article_id']}").text


def test_speaker_page_has_timeline_outlets_and_repliers(client):
    sid = speaker_id(client, "Dana Cross")
    html = client.get(f"/speakers/{sid}").text
    assert '<svg id="timeline"' in html and html.count("<rect") >= 3
    assert 'id="quoted-by"' in html and "Daily Planet" in html
    assert "Lee Park" in html  # replies to Dana Cross
    replies = client.get(f"/api/speakers/{sid}/replies").json()
    assert replies["items"][0]["speaker"] == "Lee Park" and replies["items"][0]["type"] == "rejects"
    outlets = client.get(f"/api/speakers/{sid}/outlets").json()
    assert {o["outlet"] for o in outlets["items"]} >= {"Daily Planet", "Morning Courier"}
    assert "neutral" in outlets["columns"]


def test_speaker_timeline_links_filter_statements(client):
    sid = speaker_id(client, "Ana Ruiz")
    html = client.get(f"/speakers/{sid}").text
    link = re.search(r'<a href="(/speakers/\d+\?since=[^"]+)" class="bar">', html).group(1).replace("&amp;", "&")
    filtered = client.get(link.split("#")[0])
    assert filtered.status_code == 200 and "show all" in filtered.text


def test_quote_page_first_appearance_first(client):
    qid = client.get("/api/search", params={"q": "never give up"}).json()["items"][0]["quote_id"]
    info = client.get(f"/api/quotes/{qid}").json()
    assert info["articles"] == 2 and info["first_published"] == "2024-03-01"
    apps = client.get(f"/api/quotes/{qid}/appearances").json()["items"]
    assert [a["published"] for a in apps] == sorted(a["published"] for a in apps)
    html = client.get(f"/quotes/{qid}").text
    assert '<svg id="spread"' in html and 'class="first"' in html


def test_outlet_profile_compares_with_corpus_and_bias_groups(client):
    oid = outlet_id(client, "Daily Planet")
    prof = client.get(f"/api/outlets/{oid}").json()
    assert set(prof["cue_class_shares"]) == {"this outlet", "corpus", "left outlets", "center outlets",
                                             "right outlets"}
    assert abs(sum(prof["cue_class_shares"]["corpus"].values()) - 1) < 0.01
    assert 0 <= prof["own_voice_share"] <= 1 and "corpus" in prof["own_voice_shares"]
    html = client.get(f"/outlets/{oid}").text
    assert '<svg id="profile"' in html and 'id="by-speaker"' in html


def test_network_edges(client):
    net = client.get("/api/network").json()
    types = {e["type"] for e in net["edges"]}
    assert types == {"quotes", "cites", "replies"}
    names = {n["id"]: n["name"] for n in net["nodes"]}
    cites = {(names[e["source"]], names[e["target"]]) for e in net["edges"] if e["type"] == "cites"}
    assert ("Ana Ruiz", "Lee Park") in cites
    html = client.get("/network?q=ceasefire").text
    assert '<svg id="network"' in html and "edge-quotes" in html


# -- search, filters, pagination -----------------------------------------------------------------------

def test_search_filters(client):
    # a2: Dana Cross (right); a3: Ana Ruiz's report, Lee Park's nested statement and his claim (left)
    total = client.get("/api/search", params={"q": "ceasefire"}).json()["total"]
    assert total == 4
    assert client.get("/api/search", params={"q": "ceasefire", "bias": "left"}).json()["total"] == 3
    assert client.get("/api/search", params={"q": "ceasefire", "speaker": "Lee Park"}).json()["total"] == 2
    assert client.get("/api/search", params={"q": "ceasefire", "cue_class": "contested"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "ceasefire", "since": "2024-03-03"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "ceasefire", "until": "2024-03-02"}).json()["total"] == 3
    oid = outlet_id(client, "Morning Courier")
    assert client.get("/api/search", params={"q": "ceasefire", "outlet": oid}).json()["total"] == 1
    # filters alone, no words
    denials = client.get("/api/search", params={"cue_class": "denial", "limit": 1000}).json()
    assert denials["total"] >= 60 and all(r["cue_class"] == "denial" for r in denials["items"])
    assert client.get("/api/search", params={"until": "2023"}).json()["total"] == 121  # 60 stories x 2 + Markets


def test_search_page_shows_filters_and_results(client):
    html = client.get("/search", params={"q": "ceasefire", "bias": "left"}).text
    assert 'id="result-count">3 statements' in html
    assert '<option selected>left</option>' in html
    assert "/network?q=ceasefire&amp;bias=left" in html


def test_bad_filters_say_what_to_do(client):
    r = client.get("/api/search", params={"bias": "purple"})
    assert r.status_code == 400 and "left, center, right" in r.json()["detail"]
    r = client.get("/api/search", params={"speaker": "Nobody Atall"})
    assert r.status_code == 404 and "no speaker named Nobody Atall" in r.json()["detail"]
    r = client.get("/search", params={"since": "yesterday"})
    assert r.status_code == 400 and "date like 2020-01-31" in r.text
    assert client.get("/api/search", params={"q": '"unbalanced'}).status_code == 200  # FTS syntax error
    assert client.get("/api/speakers/999999").status_code == 404
    assert "no entity" in client.get("/speakers/999999").text
    assert client.get("/api/quotes/nonsense").status_code == 404
    assert client.get("/articles/abc").status_code == 400


def test_pagination_with_totals(client):
    first = client.get("/api/search", params={"q": "figure", "limit": 25}).json()
    assert first["total"] == 60 and len(first["items"]) == 25 and first["offset"] == 0
    assert "offset=25" in first["next"]
    seen = {r["statement_id"] for r in first["items"]}
    offset = 25
    while True:
        page = client.get("/api/search", params={"q": "figure", "limit": 25, "offset": offset}).json()
        seen |= {r["statement_id"] for r in page["items"]}
        if page["next"] is None:
            break
        offset += 25
    assert len(seen) == 60
    assert client.get("/api/search", params={"limit": 0}).status_code == 422
    assert client.get("/api/search", params={"limit": 5000}).status_code == 400
    html = client.get("/search", params={"q": "figure", "limit": 25, "offset": 25}).text
    assert "26–50 of 60" in html and 'rel="prev"' in html and 'rel="next"' in html


def test_speakers_and_articles_lists(client):
    sp = client.get("/api/speakers", params={"limit": 2}).json()
    assert sp["total"] >= 5 and len(sp["items"]) == 2
    assert sp["items"][0]["statements"] >= sp["items"][1]["statements"]
    arts = client.get("/api/articles", params={"bias": "center", "limit": 5}).json()
    assert arts["total"] == 21 and all(a["bias"] == "center" for a in arts["items"])


# -- CSV ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/search?q=ceasefire", "/api/speakers", "/api/outlets", "/api/articles",
                                  "/api/network", "/api/search?cue_class=denial&limit=10000"])
def test_every_table_downloads_as_csv(client, path):
    r = client.get(path + ("&" if "?" in path else "?") + "format=csv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert len(rows) >= 2 and rows[0]


def test_csv_matches_json_and_defuses_formulas(client):
    js = client.get("/api/search", params={"q": "ceasefire"}).json()
    rows = list(csv.DictReader(io.StringIO(client.get("/api/search", params={"q": "ceasefire",
                                                                              "format": "csv"}).text)))
    assert [int(r["statement_id"]) for r in rows] == [r["statement_id"] for r in js["items"]]
    hostile = list(csv.DictReader(io.StringIO(client.get(
        "/api/search", params={"q": "HYPERLINK", "format": "csv"}).text)))
    assert hostile[0]["content"].startswith("'=HYPERLINK")


def test_page_tables_link_to_their_csv(client):
    sid = speaker_id(client, "Dana Cross")
    html = client.get(f"/speakers/{sid}").text
    links = re.findall(r'class="csv" href="([^"]+)"', html)
    assert len(links) == 7  # timeline, statements, outlets, replies both ways, cross-article against and for
    for link in links:
        r = client.get(link.replace("&amp;", "&"))
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), link


# -- untrusted text ------------------------------------------------------------------------------------

def test_hostile_article_is_escaped_everywhere(client):
    aid = hostile_article(client)
    pages = [client.get(f"/articles/{aid}").text, client.get("/search", params={"q": "back down"}).text,
             client.get("/").text, client.get("/articles").text,
             client.get(f"/speakers/{speaker_id(client, 'Dana Cross')}").text,
             client.get("/network", params={"q": "budget"}).text]
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html and "<b onmouseover" not in html and "<svg onload" not in html
        assert "<b>Bold</b>" not in html
        scripts = re.findall(r"<script[^>]*>", html)
        assert scripts == ['<script src="/static/explorer.js" defer>']
    art = pages[0]
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in art
    assert "&lt;img src=x onerror=alert(1)&gt;" in art
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Council &lt;i&gt;row&lt;/i&gt;" in art
    assert 'href="javascript:' not in art  # the article's url is not a web link: no link
    assert "hl-content" in art


def test_highlight_attributes_cannot_break_out(client):
    aid = hostile_article(client)
    html = client.get(f"/articles/{aid}").text
    text = html.split('id="article-text">', 1)[1].split("</div>", 1)[0]
    for tag in re.findall(r"<span[^>]*>", text):
        assert re.fullmatch(r'<span class="hl hl-(content|speaker|cue|time|own)( hl-nested)?"'
                            r'( data-sid="s\d+")?( title="[^"<>]*")?>', tag), tag


# -- read-only, docs, app wiring -----------------------------------------------------------------------

def test_connection_is_read_only(fake_db):
    db = open_read_only(str(fake_db))
    with pytest.raises(sqlite3.OperationalError):
        db.execute("DELETE FROM statements")
    db.close()


def test_missing_or_empty_database_says_how_to_create_it(tmp_path):
    from onrecord.explorer import create_app

    with pytest.raises(DatabaseError, match="onrecord ingest"):
        create_app(str(tmp_path / "missing.db"))
    sqlite3.connect(tmp_path / "empty.db").close()
    with pytest.raises(DatabaseError, match="no onrecord corpus yet"):
        create_app(str(tmp_path / "empty.db"))


def test_serve_command_errors_in_one_line(tmp_path):
    from click.testing import CliRunner

    from onrecord.cli import main

    res = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.db")])
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and "onrecord ingest" in lines[0]


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/speakers/{speaker_id}", "/api/quotes/{quote_id}/appearances",
                 "/api/outlets/{outlet_id}", "/api/network", "/api/articles/{article_id}"):
        assert path in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert params >= {"q", "speaker", "outlet", "bias", "since", "until", "cue_class", "limit", "offset", "format"}
    html = client.get("/docs").text
    assert "http://" not in html and "https://" not in html  # nothing from a CDN
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert client.get(asset).status_code == 200, asset
    assert "javascript" in client.get("/static/swagger/swagger-ui-bundle.js").headers["content-type"]


def test_responses_are_cached(client):
    assert client.get("/api/search?q=markets").headers["x-cache"] == "miss"
    assert client.get("/api/search?q=markets").headers["x-cache"] == "hit"


def test_host_header_is_checked(fake_db):
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app

    app = create_app(str(fake_db), allowed_hosts=["127.0.0.1", "localhost", "::1"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "[::1]:8000"}).status_code == 200
        assert c.get("/", headers={"host": "evil.example"}).status_code == 400


# -- numbers no id can be ------------------------------------------------------------------------------

BIG = str(2**63)


@pytest.mark.parametrize("path", [
    f"/api/articles/{BIG}", f"/api/speakers/{BIG}", f"/api/outlets/{BIG}", f"/api/speakers/{BIG}/statements",
    f"/api/speakers/{BIG}/outlets", f"/api/outlets/{BIG}/speakers", f"/api/articles?offset={BIG}",
    f"/api/search?offset={BIG}", f"/api/search?speaker={BIG}", "/api/search?speaker=²",
    "/api/search?outlet=٣", f"/api/search?outlet={BIG}"])
def test_numbers_past_64_bits_or_not_ascii_answer_422(client, path):
    r = client.get(path)
    assert r.status_code == 422, (path, r.status_code, r.text[:200])
    assert "content-security-policy" in r.headers and r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", [f"/articles/{BIG}", f"/speakers/{BIG}", f"/outlets/{BIG}",
                                  f"/search?speaker={BIG}", "/search?speaker=²", f"/search?offset={BIG}"])
def test_pages_answer_such_numbers_with_a_400_page(client, path):
    r = client.get(path)
    assert r.status_code == 400, (path, r.status_code)
    assert "content-security-policy" in r.headers and "text/html" in r.headers["content-type"]


def test_an_unexpected_error_still_carries_the_security_headers(fake_db, monkeypatch):
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app, queries

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(queries, "corpus_counts", broken)
    with TestClient(create_app(str(fake_db), cache_ttl=0), raise_server_exceptions=False) as c:
        r = c.get("/api/corpus")
    assert r.status_code == 500 and r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_next_links_come_from_the_base_url_not_the_host_header(fake_db):
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app

    for base, expected in ((None, "/api/search?"), ("https://news.example/or/", "https://news.example/or/api/search?")):
        with TestClient(create_app(str(fake_db), base_url=base)) as c:
            for host in ("evil.example", "127.0.0.1:8000"):  # the second ask is answered from the cache
                nxt = c.get("/api/search", params={"q": "figure", "limit": 5}, headers={"host": host}).json()["next"]
                assert nxt.startswith(expected) and "evil" not in nxt and "offset=5" in nxt
