"""Speaker evidence in the explorer: how each speaker was resolved in every statement list, CSV and
the article's statement panel; filters on it (validated: 400, never 500); groups and documents kept
out of speaker rankings; speaker names through registry aliases, with suggestions."""

from __future__ import annotations

import csv
import io
import re

import pytest

from .test_routes import outlet_id, speaker_id


def harbour(client, **params) -> dict:
    return client.get("/api/search", params={"q": "harbour", "limit": 100, **params}).json()


def harbour_article(client) -> int:
    return harbour(client)["items"][0]["article_id"]


def test_statement_lists_carry_resolution_confidence_and_antecedent(client):
    found = harbour(client)
    assert {"resolution", "confidence", "antecedent"} <= set(found["columns"])
    by_content = {r["content"]: r for r in found["items"]}
    pronoun = by_content["Nobody will stop the harbour vote"]
    assert (pronoun["speaker"], pronoun["resolution"], pronoun["confidence"], pronoun["antecedent"]) == (
        "Dana Cross", "pronoun", 0.6, "Dana Cross")
    named = by_content["We will vote on the harbour plan soon"]
    assert (named["resolution"], named["confidence"], named["antecedent"]) == ("name", 0.97, None)
    rows = list(csv.DictReader(io.StringIO(client.get(
        "/api/search", params={"q": "harbour", "format": "csv"}).text)))
    row = next(r for r in rows if r["content"] == "Nobody will stop the harbour vote")
    assert (row["resolution"], row["confidence"], row["antecedent"]) == ("pronoun", "0.6", "Dana Cross")
    said = client.get(f"/api/speakers/{speaker_id(client, 'Dana Cross')}/statements", params={"limit": 100}).json()
    assert "pronoun" in {r["resolution"] for r in said["items"]}


def test_article_panel_says_how_each_speaker_was_resolved(client):
    aid = harbour_article(client)
    art = client.get(f"/api/articles/{aid}").json()
    pronoun = next(s for s in art["statements"] if s["speaker_text"] == "she")
    assert pronoun["speaker_resolution"] == "pronoun" and pronoun["speaker_confidence"] == 0.6
    start, end = pronoun["speaker_antecedent_start"], pronoun["speaker_antecedent_end"]
    assert art["text"][start:end] == pronoun["speaker_antecedent_text"] == "Dana Cross"
    compound = next(s for s in art["statements"] if " and " in (s["speaker_text"] or ""))
    assert compound["speaker_members"] == ["Lee Park", "Ana Ruiz"]
    html = client.get(f"/articles/{aid}").text
    assert "resolved through ‘Dana Cross’ (pronoun, 0.60)" in html
    assert "resolved by name (0.97)" in html and "resolved by group (0.90)" in html
    assert "members: Lee Park, Ana Ruiz" in html
    assert re.search(r'class="hl hl-speaker" data-sid="s\d+" title="[^"]*resolved through', html)
    rows = list(csv.DictReader(io.StringIO(client.get(f"/api/articles/{aid}/statements?format=csv").text)))
    assert '["Lee Park", "Ana Ruiz"]' in {r["speaker_members"] for r in rows}


@pytest.mark.parametrize("params, methods", [
    ({"resolution": "pronoun"}, {"pronoun"}),
    ({"resolution": "group, description"}, {"group", "description"}),
    ({"named_only": "true"}, {"name"}),
    ({"min_confidence": "0.95"}, {"name"}),
    ({"min_confidence": "0.9", "resolution": "name,group"}, {"name", "group"}),
])
def test_evidence_filters_narrow_statement_lists(client, params, methods):
    found = harbour(client, **params)
    assert found["total"] == len(found["items"]) > 0
    assert {r["resolution"] for r in found["items"]} == methods
    if "min_confidence" in params:
        assert all(r["confidence"] >= float(params["min_confidence"]) for r in found["items"])
    assert found["total"] < harbour(client)["total"]


def test_evidence_filters_everywhere_statements_are_listed(client):
    sid = speaker_id(client, "Dana Cross")
    assert client.get(f"/api/speakers/{sid}/statements", params={"resolution": "pronoun"}).json()["total"] == 1
    html = client.get(f"/speakers/{sid}", params={"resolution": "pronoun"}).text
    assert "resolution: pronoun" in html and "show all" in html
    assert "resolution=pronoun" in re.search(r'class="csv" href="([^"]+statements[^"]+)"', html).group(1)
    page = client.get("/search", params={"q": "harbour", "resolution": "pronoun", "named_only": ""}).text
    assert 'id="result-count">1 statements' in page and "<option selected>pronoun</option>" in page
    named = client.get("/search", params={"q": "harbour", "named_only": "1"}).text
    assert 'name="named_only" value="1" checked' in named
    qid = client.get("/api/search", params={"q": "never give up"}).json()["items"][0]["quote_id"]
    apps = client.get(f"/api/quotes/{qid}/appearances", params={"min_confidence": "0.99"}).json()
    assert apps["total"] == 0 and client.get(f"/quotes/{qid}", params={"named_only": "1"}).status_code == 200
    net = client.get("/api/network", params={"q": "harbour", "resolution": "group"}).json()
    assert {n["name"] for n in net["nodes"] if n["kind"] == "speaker"} == {"Democrats"}


@pytest.mark.parametrize("path", ["/api/search", "/search", "/api/network", "/network"])
@pytest.mark.parametrize("params, message", [
    ({"resolution": "telepathy"}, "resolution must be one or more of name, surname"),
    ({"min_confidence": "high"}, "min_confidence must be a number from 0 to 1"),
    ({"min_confidence": "1.5"}, "min_confidence must be a number from 0 to 1"),
    ({"min_confidence": "nan"}, "min_confidence must be a number from 0 to 1"),
    ({"named_only": "perhaps"}, "named_only must be true or false"),
])
def test_bad_evidence_filters_are_400_with_advice(client, path, params, message):
    r = client.get(path, params={"q": "harbour", **params})
    assert r.status_code == 400, r.text[:300]
    text = r.json()["detail"] if path.startswith("/api") else r.text
    assert message in text


def test_bad_filters_on_speaker_and_quote_lists_are_400(client):
    sid = speaker_id(client, "Dana Cross")
    qid = client.get("/api/search", params={"q": "never give up"}).json()["items"][0]["quote_id"]
    for path in (f"/api/speakers/{sid}/statements", f"/speakers/{sid}", f"/api/quotes/{qid}/appearances",
                 f"/quotes/{qid}"):
        for params in ({"resolution": "x"}, {"min_confidence": "-0.1"}, {"named_only": "2"}):
            assert client.get(path, params=params).status_code == 400, (path, params)


def test_groups_and_documents_are_not_ranked_among_speakers(client):
    ranked = client.get("/api/speakers", params={"limit": 1000}).json()["items"]
    names = {r["speaker"] for r in ranked}
    assert "Dana Cross" in names and not names & {"Democrats", "Harbour Report"}
    assert {r["type"] for r in ranked} <= {"person", "organization", "media", "place", "other"}
    home = client.get("/").text.split("Most quoted speakers", 1)[1].split("</table>", 1)[0]
    assert "Dana Cross" in home and "Democrats" not in home
    found = client.get("/api/speakers", params={"name": "Democrats"}).json()["items"]
    assert [(r["speaker"], r["type"], r["statements"]) for r in found] == [("Democrats", "group", 3)]
    by_speaker = client.get(f"/api/outlets/{outlet_id(client, 'Morning Courier')}/speakers").json()
    assert "Democrats" not in {r["speaker"] for r in by_speaker["items"]}


def test_speaker_names_through_registry_aliases(client):
    # the corpus has "Bill Barr" only; the registry knows him as William Barr (onrecord:william-barr)
    for name in ("Bill Barr", "William Barr", "William P. Barr"):
        found = client.get("/api/speakers", params={"name": name}).json()["items"]
        assert [r["speaker"] for r in found] == ["Bill Barr"], name
        assert client.get("/api/search", params={"speaker": name}).json()["total"] == 1, name


def test_unknown_speaker_suggests_close_names_as_links(client):
    sid = speaker_id(client, "Dana Cross")
    r = client.get("/api/search", params={"speaker": "Dana Crass"})
    assert r.status_code == 404
    assert r.json()["detail"] == "no speaker named Dana Crass; did you mean: Dana Cross?"
    assert r.json()["suggestions"] == [{"speaker_id": sid, "speaker": "Dana Cross"}]
    page = client.get("/search", params={"q": "harbour", "speaker": "Dana Crass"}).text
    assert "did you mean" in page
    assert f'href="/search?q=harbour&amp;speaker={sid}">Dana Cross</a>' in page
    assert page.count("Dana Cross") == 1  # one sentence, the names as links
    net = client.get("/network", params={"speaker": "Dana Crass"})
    assert net.status_code == 404
    assert f'no speaker named Dana Crass; did you mean: <a href="/speakers/{sid}">Dana Cross</a>?' in net.text
    listing = client.get("/speakers", params={"name": "Dana Crass"}).text
    assert f'<a href="/speakers/{sid}">Dana Cross</a>' in listing
    api = client.get("/api/speakers", params={"name": "Dana Crass"}).json()
    assert api["total"] == 0 and api["suggestions"] == [{"speaker_id": sid, "speaker": "Dana Cross"}]
    r = client.get("/api/search", params={"speaker": "Zzyzx Qwerty"})
    assert r.status_code == 404 and "look it up on /speakers" in r.json()["detail"]
