"""The explorer answers "who contradicted this" and "who backed it" across articles (cross_links)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.crosslinks.crosslinks_news import write_news


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory):
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app
    from onrecord.store import IngestOptions, ingest

    folder = tmp_path_factory.mktemp("explorer-crosslinks")
    db = folder / "corpus.db"
    ingest([str(write_news(folder / "news.jsonl"))], str(db), IngestOptions(workers=0))
    with TestClient(create_app(str(db))) as client:
        yield client, db


def _id(db: Path, sql: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_the_speaker_page_lists_who_contradicted_and_who_backed_them(linked):
    client, db = linked
    gazette = _id(db, "SELECT id FROM entities WHERE name = 'Harbour Gazette'")
    page = client.get(f"/speakers/{gazette}")
    assert page.status_code == 200
    html = page.text
    against = html[html.index('id="contradicted-by"'):html.index('id="backed-by"')]
    assert "Ana Ruiz" in against and "rejects" in against and "Velmar Daily" in against and "2031-05-04" in against
    assert "answers the Harbour Gazette report it names" in against  # the evidence is shown
    brel = _id(db, "SELECT id FROM entities WHERE name = 'Tomas Brel'")
    html = client.get(f"/speakers/{brel}").text
    against = html[html.index('id="contradicted-by"'):html.index('id="backed-by"')]
    backed = html[html.index('id="backed-by"'):].split("</table>")[0]
    assert "Lida Varn" in against and "contradicts" in against and "Evening Star" in against
    assert "Mira Sol" in backed and "supports" in backed and "Velmar Daily" in backed and "2031-05-06" in backed


def test_the_api_answers_for_one_statement(linked):
    client, db = linked
    report = _id(db, "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id "
                     "WHERE a.ext_id = 'k1' AND s.cue = 'according to'")
    body = client.get(f"/api/statements/{report}/crosslinks", params={"side": "against"}).json()
    got = {(i["speaker"], i["link_type"], i["outlet"], i["published"]) for i in body["items"]}
    assert ("Ana Ruiz", "rejects", "Velmar Daily", "2031-05-04") in got
    assert all(i["about_statement_id"] == report and i["evidence"] for i in body["items"])
    assert client.get(f"/api/statements/{report}/crosslinks", params={"side": "for"}).json()["total"] == 0
    denial = _id(db, "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id "
                     "WHERE a.ext_id = 'k4' AND s.cue = 'denied'")
    against = client.get(f"/api/statements/{denial}/crosslinks", params={"side": "against"}).json()
    assert {(i["speaker"], i["link_type"]) for i in against["items"]} == {("Tomas Brel", "contradicts")}
    claim = _id(db, "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id "
                    "WHERE a.ext_id = 'k3' AND s.cue = 'said'")
    backed = client.get(f"/api/statements/{claim}/crosslinks", params={"side": "for"}).json()
    assert [(i["speaker"], i["link_type"]) for i in backed["items"]] == [("Mira Sol", "supports")]
    csv = client.get(f"/api/statements/{report}/crosslinks", params={"format": "csv"})
    assert csv.status_code == 200 and "Ana Ruiz" in csv.text and "link_type" in csv.text.splitlines()[0]


def test_unrelated_statements_have_no_links(linked):
    client, db = linked
    festival = _id(db, "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.ext_id = 'k5'")
    assert client.get(f"/api/statements/{festival}/crosslinks").json()["total"] == 0


def test_errors_say_what_to_do(linked):
    client, _db = linked
    missing = client.get("/api/statements/99999/crosslinks")
    assert missing.status_code == 404 and "/search" in missing.json()["detail"]
    assert client.get("/api/statements/1/crosslinks", params={"side": "sideways"}).status_code == 422


def test_the_quote_page_has_the_section(linked):
    client, db = linked
    quote = _id(db, "SELECT quote_id FROM statements WHERE quote_id IS NOT NULL")
    page = client.get(f"/quotes/{quote}")
    assert page.status_code == 200 and 'id="contradicted-by"' in page.text and 'id="backed-by"' in page.text
    assert client.get(f"/api/quotes/{quote}/crosslinks").status_code == 200


def test_the_article_page_shows_links_both_ways(linked):
    client, db = linked
    report_article = _id(db, "SELECT id FROM articles WHERE ext_id = 'k1'")
    reply_article = _id(db, "SELECT id FROM articles WHERE ext_id = 'k2'")
    html = client.get(f"/articles/{report_article}").text
    assert "Ana Ruiz (Velmar Daily, 2031-05-04)</a>, who rejects this" in html
    html = client.get(f"/articles/{reply_article}").text
    assert "rejects <a href=\"/articles/" in html and "Harbour Gazette (Harbour Gazette, 2031-05-02)" in html


def test_the_statement_page_shows_who_answered_it_and_what_it_answers(linked):
    client, db = linked
    report = _id(db, "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id "
                     "WHERE a.ext_id = 'k1' AND s.cue = 'according to'")
    html = client.get(f"/statements/{report}").text
    against = html[html.index('id="contradicted-by"'):html.index('id="backed-by"')]
    assert "Ana Ruiz" in against and "rejects" in against and "Velmar Daily" in against
    reply = client.get(f"/api/statements/{report}/crosslinks", params={"side": "against"}).json()["items"]
    reply_id = next(i["statement_id"] for i in reply if i["speaker"] == "Ana Ruiz")
    assert f'href="/statements/{reply_id}"' in against
    answers = client.get(f"/api/statements/{reply_id}/answers").json()
    assert [(i["statement_id"], i["link_type"]) for i in answers["items"]] == [(report, "rejects")]
    assert answers["items"][0]["permalink"] == f"/statements/{report}"
    page = client.get(f"/statements/{reply_id}").text
    answered = page[page.index('id="answers"'):].split("</table>", 1)[0]
    assert f'href="/statements/{report}"' in answered and "Harbour Gazette" in answered
    body = client.get(f"/api/statements/{report}").json()
    assert any(x["statement_id"] == reply_id and x["link_type"] == "rejects" for x in body["crosslinks"])
