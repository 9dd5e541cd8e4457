"""The events pages and API over a small corpus ingested with the real engine and ``--events``:
the list, dyad and country timelines, timeline bars that filter, links to the event's sentence in
its article, bad filters, JSON and CSV, and the hint for a corpus without events."""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .explorer_support import write_jsonl

EVENTS_EXTRACTOR = "onrecord.pipeline:events_extractor"
NEWS = [
    {"id": "ev-a", "title": "Moscow condemns sanctions", "outlet": "Daily Planet", "date": "2024-03-04",
     "url": "https://planet.example/ev-a",
     "text": "Russia's foreign ministry condemned the United States on Monday for the sanctions."},
    {"id": "ev-b", "title": "Kremlin denies report", "outlet": "Morning Courier", "date": "2024-03-05",
     "text": "Dmitry Peskov denied the Financial Times report."},
    {"id": "ev-c", "title": "Kyiv rally", "outlet": "Evening Star", "date": "2024-04-10",
     "text": "Protesters rallied in Kyiv against the government."},
    {"id": "ev-d", "title": "New sanctions", "outlet": "Evening Star", "date": "2024-05-02",
     "text": "The United States imposed sanctions on Russia. Ukraine accused Russia of lying."},
]


@pytest.fixture(scope="module")
def events_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from onrecord.store import IngestOptions, ingest

    folder = tmp_path_factory.mktemp("explorer-events")
    db = folder / "events.db"
    summary = ingest([str(write_jsonl(folder / "news.jsonl", NEWS))], str(db),
                     IngestOptions(workers=0, extractor=EVENTS_EXTRACTOR))
    assert summary.counts.new == len(NEWS) and summary.counts.events >= 4, summary.as_dict()
    return db


@pytest.fixture(scope="module")
def ec(events_db: Path):
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app

    with TestClient(create_app(str(events_db))) as c:
        yield c


def all_events(ec) -> list[dict]:
    body = ec.get("/api/events", params={"limit": 1000}).json()
    assert body["total"] == len(body["items"])
    return body["items"]


def event_rows(html: str) -> list[str]:
    table = html.split('id="event-list"', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr>\s*<td class=\"col-date\">.*?</tr>", table, flags=re.S)


def hrefs(html: str, cls: str) -> list[str]:
    return [unescape(h) for h in re.findall(rf'<a class="{cls}" href="([^"]+)"', html)]


def test_events_page_lists_every_event(ec):
    events = all_events(ec)
    assert {e["type"] for e in events} >= {"ACCUSE", "REJECT", "PROTEST"}
    r = ec.get("/events")
    assert r.status_code == 200
    html = r.text
    assert '<a href="/events">Events</a>' in html  # the nav
    assert len(event_rows(html)) == len(events)
    for e in events:
        assert f'href="/articles/{e["article_id"]}#event-{e["event_id"]}"' in html
    assert "condemned" in html and "Dmitry Peskov" in html and "Protesters" in html
    assert 'id="dyads"' in html and 'id="countries"' in html


def test_dyad_filter_narrows_to_one_pair(ec):
    dyads = ec.get("/api/event-dyads").json()
    assert dyads["total"] >= 3
    pair = next(d for d in dyads["items"] if d["actor"] == "Dmitry Peskov")
    page = ec.get("/events").text
    links = hrefs(page, "dyad-link")
    assert len(links) == dyads["total"]
    link = next(h for h in links if parse_qs(urlsplit(h).query).get("actor") == ["Dmitry Peskov"])
    assert urlsplit(link).path == "/events"
    r = ec.get(link)
    assert r.status_code == 200
    rows = event_rows(r.text)
    assert len(rows) == pair["events"] == 1
    assert "denied" in rows[0] and f"Dmitry Peskov → {pair['recipient']}" in rows[0]
    assert f"Events · Dmitry Peskov → {pair['recipient']}" in r.text  # the dyad's title
    assert 'id="event-timeline"' in r.text
    api = ec.get("/api/events", params={"actor": "Dmitry Peskov", "recipient": pair["recipient"]}).json()
    assert api["total"] == 1 and api["items"][0]["type"] == "REJECT"
    for link in links:  # every dyad on the page is a timeline with events
        assert ec.get(link).status_code == 200 and event_rows(ec.get(link).text), link


def test_country_filter(ec):
    countries = ec.get("/api/event-countries").json()["items"]
    usa = next(c for c in countries if c["country"] == "USA")
    assert usa["name"] == "United States"
    links = hrefs(ec.get("/events").text, "country-link")
    assert "/events?country=USA" in links
    r = ec.get("/events?country=USA")
    assert r.status_code == 200
    rows = event_rows(r.text)
    assert len(rows) == usa["events"] >= 2
    assert all("United States" in row for row in rows)
    assert "Protesters" not in "".join(rows)
    assert ec.get("/api/events", params={"country": "usa"}).json()["total"] == usa["events"]


def test_timeline_bars_link_to_their_bin(ec):
    html = ec.get("/events").text
    svg = html.split('<svg id="event-timeline"', 1)[1].split("</svg>", 1)[0]
    bars = [unescape(h) for h in re.findall(r'<a href="([^"]+)" class="bar">', svg)]
    assert len(bars) == 4 and svg.count("<rect") >= 4  # four days with events
    first = bars[0]
    q = parse_qs(urlsplit(first).query)
    assert q["since"] == q["until"] == ["2024-03-04"]
    rows = event_rows(ec.get(first).text)
    assert len(rows) == 1 and "condemned" in rows[0]
    # within a filter the bars keep it
    dyad_html = ec.get("/events", params={"country": "USA"}).text
    dyad_svg = dyad_html.split('<svg id="event-timeline"', 1)[1].split("</svg>", 1)[0]
    assert all("country=USA" in unescape(h) for h in re.findall(r'<a href="([^"]+)" class="bar">', dyad_svg))


def test_event_links_to_its_sentence_in_the_article(ec):
    ev = next(e for e in all_events(ec) if e["trigger"] == "condemned")
    href = f"/articles/{ev['article_id']}#event-{ev['event_id']}"
    assert f'href="{href}"' in ec.get("/events").text
    html = ec.get(href.split("#")[0]).text
    card = html.split(f'id="event-{ev["event_id"]}"', 1)[1].split("</li>", 1)[0]
    assert "ACCUSE" in card and "condemned" in card and "United States" in card
    assert re.search(r'<span class="hl hl-event" data-sid="ev\d+"', html)
    assert re.search(r'<span class="hl hl-trigger" data-sid="ev\d+"[^>]*>condemned</span>', html)


def test_bad_filters_say_what_is_wrong(ec):
    r = ec.get("/events", params={"since": "yesterday"})
    assert r.status_code == 400
    assert "since must be a date as YYYY-MM-DD" in unescape(r.text)
    assert 'name="since" value="yesterday"' in r.text  # the form stays, to fix it
    api = ec.get("/api/events", params={"since": "yesterday"})
    assert api.status_code == 400 and "since must be a date" in api.json()["detail"]
    assert ec.get("/events", params={"type": "HUG"}).status_code == 400
    assert ec.get("/api/event-dyads", params={"quad": "9"}).status_code == 400
    assert ec.get("/events", params={"country": "Ukraine"}).status_code == 400
    r = ec.get("/events", params={"actor": "Nobody Atall"})
    assert r.status_code == 404 and "no event actor named Nobody Atall" in r.text


def test_api_json_and_csv(ec):
    events = all_events(ec)
    body = ec.get("/api/events", params={"limit": 2}).json()
    assert body["total"] == len(events) and len(body["items"]) == 2
    assert body["next"] == "/api/events?limit=2&offset=2"
    assert {"date", "type", "quad", "actors", "recipients", "trigger", "sentence", "article_id", "reports"} <= set(
        body["columns"])
    r = ec.get("/api/events", params={"format": "csv", "limit": 100})
    assert r.headers["content-type"].startswith("text/csv") and 'filename="events.csv"' in r.headers[
        "content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == len(events) and {row["trigger"] for row in rows} >= {"condemned", "denied"}
    d = ec.get("/api/event-dyads", params={"format": "csv"})
    dyads = list(csv.DictReader(io.StringIO(d.text)))
    assert dyads and {"actor", "recipient", "events", "verbal_conflict"} <= set(dyads[0])
    t = ec.get("/api/event-timeline").json()
    assert sum(i["events"] for i in t["items"]) == len(events)
    assert ec.get("/api/events", params={"limit": 5000}).status_code == 400  # JSON pages are capped
    spec = ec.get("/openapi.json").json()
    assert {"/api/events", "/api/event-dyads", "/api/event-countries", "/api/event-timeline"} <= set(spec["paths"])


def test_corpus_without_events_shows_the_hint(client):
    r = client.get("/events")
    assert r.status_code == 200
    assert 'id="no-events"' in r.text and "onrecord ingest --events" in r.text
    assert client.get("/api/events").json()["total"] == 0
    aid = client.get("/api/articles").json()["items"][0]["article_id"]
    assert 'id="event-cards"' not in client.get(f"/articles/{aid}").text


@pytest.mark.postgres
def test_events_on_postgres(tmp_path, pg_base_url):
    import uuid

    import psycopg
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app
    from onrecord.store import IngestOptions, ingest

    schema = f"onrecord_explorer_events_{uuid.uuid4().hex[:10]}"
    url = f"{pg_base_url}?schema={schema}"
    ingest([str(write_jsonl(tmp_path / "news.jsonl", NEWS))], url,
           IngestOptions(workers=0, extractor=EVENTS_EXTRACTOR))
    try:
        with TestClient(create_app(url)) as c:
            events = c.get("/api/events").json()
            assert events["total"] >= 4
            html = c.get("/events").text
            assert len(event_rows(html)) == events["total"] and 'class="bar"' in html
            dyads = c.get("/api/event-dyads").json()["items"]
            pair = next(d for d in dyads if d["actor"] == "Dmitry Peskov")
            r = c.get("/events", params={"actor": pair["actor"], "recipient": pair["recipient"]})
            assert r.status_code == 200 and len(event_rows(r.text)) == 1
            usa = next(x for x in c.get("/api/event-countries").json()["items"] if x["country"] == "USA")
            assert c.get("/api/events", params={"country": "USA"}).json()["total"] == usa["events"] >= 2
            ev = events["items"][0]
            assert f'id="event-{ev["event_id"]}"' in c.get(f"/articles/{ev['article_id']}").text
            assert c.get("/events", params={"since": "2024-13-01"}).status_code == 400
    finally:
        with psycopg.connect(pg_base_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
