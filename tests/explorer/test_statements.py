"""Statement permalinks (``/statements/{id}``, ``/api/statements/{id}``) over the fake-engine
corpus: the page, the links to it from every statement table, ``permalink`` in the API, and the
speaker timeline as shares of the corpus per month."""

from __future__ import annotations

import csv
import io
import re
import sqlite3

import pytest

from .test_routes import hostile_article, speaker_id


def a_statement(client, q: str, cue: str | None = None) -> dict:
    items = client.get("/api/search", params={"q": q}).json()["items"]
    return next(i for i in items if cue is None or i["cue"] == cue)


def test_permalink_page_shows_statement_article_context_and_replies(client):
    denial = a_statement(client, "realistic basis", "denied")
    sid = denial["statement_id"]
    r = client.get(f"/statements/{sid}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert f'href="/statements/{sid}"' in html and "Lee Park" in html and "denied" in html
    assert "There is no realistic basis for these reports" in html
    assert "Talks stall" in html and "Daily Planet" in html and "2024-03-01" in html
    assert f'href="/articles/{denial["article_id"]}#statement-{sid}"' in html
    context = html.split('id="context"', 1)[1].split("</div>", 1)[0]
    assert "hl-speaker" in context and "hl-cue" in context and "hl-content" in context
    assert "We will never give up the city" in context  # the sentence before, in context
    replies = html.split('id="replies"', 1)[1].split("</section>", 1)[0]
    assert "rejects" in replies and "Dana Cross" in replies
    for section in ("contradicted-by", "backed-by", "responded-by", "answers"):
        assert f'id="{section}"' in html, section


def test_the_replied_to_statement_names_its_replier(client):
    said = a_statement(client, "never give up", "said")
    html = client.get(f"/statements/{said['statement_id']}").text
    replies = html.split('id="replies"', 1)[1].split("</section>", 1)[0]
    assert "Lee Park" in replies and "rejects</strong> it" in replies


def test_api_statement_has_permalink_article_context_and_replies(client):
    denial = a_statement(client, "realistic basis", "denied")
    sid = denial["statement_id"]
    body = client.get(f"/api/statements/{sid}").json()
    assert body["id"] == sid and body["permalink"] == f"/statements/{sid}"
    assert body["speaker_entity"] == "Lee Park" and body["cue"] == "denied" and body["cue_class"] == "denial"
    assert body["article"]["title"] == "Talks stall" and body["article"]["outlet"] == "Daily Planet"
    assert body["article"]["published"] == "2024-03-01"
    ctx = body["context"]
    assert "There is no realistic basis" in ctx["sentence"] and ctx["sentence"].endswith("denied.")
    assert ctx["before"].endswith("Dana Cross said. ")
    reply = body["replies_to"][0]
    assert reply["type"] == "rejects" and reply["speaker"] == "Dana Cross"
    assert reply["permalink"] == f"/statements/{reply['statement_id']}"
    assert body["crosslinks"] == [] and body["answers"] == [] and body["answers_total"] == 0
    assert "article_text" not in body and "text" not in body["article"]


def test_nested_statement_links_to_its_parent(client):
    inner = next(i for i in client.get("/api/search", params={"q": "nothing was agreed"}).json()["items"]
                 if i["speaker"] == "Lee Park")
    body = client.get(f"/api/statements/{inner['statement_id']}").json()
    assert body["parent"]["speaker"] == "Ana Ruiz"
    html = client.get(f"/statements/{inner['statement_id']}").text
    assert f'href="/statements/{body["parent"]["statement_id"]}"' in html


def test_missing_statement_is_a_404_saying_what_to_do(client):
    page = client.get("/statements/999999")
    assert page.status_code == 404 and "/search" in page.text
    api = client.get("/api/statements/999999")
    assert api.status_code == 404 and "/search" in api.json()["detail"]
    assert client.get("/api/statements/999999/answers").status_code == 404
    assert client.get("/statements/x").status_code == 400
    assert client.get(f"/statements/{2**63}").status_code == 400


def test_api_statement_objects_carry_their_permalink(client):
    sid = speaker_id(client, "Dana Cross")
    tables = [client.get("/api/search", params={"q": "ceasefire"}).json(),
              client.get(f"/api/speakers/{sid}/statements").json()]
    qid = tables[0]["items"][0]["quote_id"] or a_statement(client, "never give up")["quote_id"]
    tables.append(client.get(f"/api/quotes/{qid}/appearances").json())
    for table in tables:
        assert "permalink" in table["columns"] and table["items"]
        for item in table["items"]:
            assert item["permalink"] == f"/statements/{item['statement_id']}"
    art = client.get(f"/api/articles/{tables[0]['items'][0]['article_id']}").json()
    assert all(st["permalink"] == f"/statements/{st['id']}" for st in art["statements"])
    listed = client.get(f"/api/articles/{art['id']}/statements").json()["items"]
    assert [s["permalink"] for s in listed] == [s["permalink"] for s in art["statements"]]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/search", params={"q": "ceasefire",
                                                                                "format": "csv"}).text)))
    assert all(r["permalink"] == f"/statements/{r['statement_id']}" for r in rows)


def test_permalinks_follow_the_base_url(fake_db):
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app

    with TestClient(create_app(str(fake_db), base_url="https://example.org/onrecord/")) as c:
        item = c.get("/api/search", params={"q": "ceasefire"}).json()["items"][0]
        assert item["permalink"] == f"https://example.org/onrecord/statements/{item['statement_id']}"


def _linked_ids(html: str, table_id: str) -> set[int]:
    table = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    return {int(i) for i in re.findall(r'href="/statements/(\d+)"', table)}


def test_every_statement_table_links_to_the_permalinks(client):
    found = client.get("/api/search", params={"q": "ceasefire"}).json()["items"]
    assert _linked_ids(client.get("/search", params={"q": "ceasefire"}).text, "results") == {
        i["statement_id"] for i in found}
    sid = speaker_id(client, "Dana Cross")
    said = client.get(f"/api/speakers/{sid}/statements").json()["items"]
    assert _linked_ids(client.get(f"/speakers/{sid}").text, "said") == {i["statement_id"] for i in said}
    qid = a_statement(client, "never give up")["quote_id"]
    apps = client.get(f"/api/quotes/{qid}/appearances").json()["items"]
    assert _linked_ids(client.get(f"/quotes/{qid}").text, "appearances") == {i["statement_id"] for i in apps}
    aid = found[0]["article_id"]
    art = client.get(f"/api/articles/{aid}").json()
    cards = client.get(f"/articles/{aid}").text.split('id="statement-list"', 1)[1]
    assert {int(i) for i in re.findall(r'class="permalink" href="/statements/(\d+)"', cards)} == {
        s["id"] for s in art["statements"]}


def test_hostile_statement_page_is_escaped(client):
    aid = hostile_article(client)
    for st in client.get(f"/api/articles/{aid}").json()["statements"]:
        html = client.get(f"/statements/{st['id']}").text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
        assert "<svg onload" not in html and "<b>Bold</b>" not in html
        assert 'href="javascript:' not in html
        assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/explorer.js" defer>']


# -- the timeline as shares of the corpus ----------------------------------------------------------

def _month_total(db, month: str) -> int:
    """All statements in articles published that month, counted row by row."""
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id "
                           "WHERE a.published LIKE ?", (f"{month}-%",)).fetchone()[0]
    finally:
        con.close()


def test_timeline_api_gives_shares_of_each_months_corpus(client, fake_db):
    sid = speaker_id(client, "Ana Ruiz")
    body = client.get(f"/api/speakers/{sid}/timeline", params={"per": "month"}).json()
    assert body["columns"] == ["month", "cue_class", "statements", "corpus_statements", "share"]
    months = {r["month"] for r in body["items"]}
    assert len(months) >= 12
    for r in body["items"]:
        assert r["corpus_statements"] == _month_total(fake_db, r["month"])
        assert r["share"] == pytest.approx(r["statements"] / r["corpus_statements"])
    mine = {m: sum(r["statements"] for r in body["items"] if r["month"] == m) for m in months}
    said = client.get(f"/api/speakers/{sid}/statements", params={"limit": 1000}).json()["items"]
    assert sum(mine.values()) == sum(1 for s in said if s["published"])
    day = client.get(f"/api/speakers/{sid}/timeline").json()  # per day, raw counts, as before
    assert day["columns"] == ["published", "cue_class", "statements"]
    raw = list(csv.DictReader(io.StringIO(client.get(f"/api/speakers/{sid}/timeline",
                                                     params={"per": "month", "format": "csv"}).text)))
    assert {"statements", "corpus_statements", "share"} <= set(raw[0])


def test_timeline_bars_are_shares_with_counts_in_their_titles(client):
    sid = speaker_id(client, "Dana Cross")
    rows = client.get(f"/api/speakers/{sid}/timeline", params={"per": "month"}).json()["items"]
    html = client.get(f"/speakers/{sid}").text
    svg = html.split('<svg id="timeline"', 1)[1].split("</svg>", 1)[0]
    titles = re.findall(r"<title>([^<]+)</title>", svg)
    assert len(titles) == len(rows)
    march = [r for r in rows if r["month"] == "2024-03"]
    mine, total = sum(r["statements"] for r in march), march[0]["corpus_statements"]
    assert any(t.startswith("2024-03:") and f"of {mine} statements by them" in t and f"{total:,} that month" in t
               for t in titles), titles
    ticks = re.findall(r'<text class="tick"[^>]*text-anchor="end">([^<]+)</text>', svg)
    assert ticks[0] == "0%" and all(t.endswith("%") for t in ticks)
    assert "share of all the corpus" in html
