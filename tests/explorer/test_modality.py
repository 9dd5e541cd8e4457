"""The explorer shows each statement's modality as badges and filters on it (real engine, fictional text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .explorer_support import write_jsonl

ARTICLES = [
    {"id": "x1", "title": "Harbour levy", "outlet": "Velmora Gazette", "date": "2024-05-01", "bias": "center",
     "text": "Mayor Tilda Brenn did not say when the harbour levy would end. "
             "Mayor Tilda Brenn said the harbour would reopen in June. "
             "A new poll by the Velmora Institute found that most residents back the harbour tunnel. "
             "Mayor Tilda Brenn asked whether the harbour tunnel would ever open."},
]


@pytest.fixture(scope="module")
def modality_client(tmp_path_factory: pytest.TempPathFactory):
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app
    from onrecord.store import IngestOptions, ingest

    folder: Path = tmp_path_factory.mktemp("explorer-modality")
    db = folder / "m.db"
    ingest([str(write_jsonl(folder / "m.jsonl", ARTICLES))], str(db), IngestOptions(workers=0))
    with TestClient(create_app(str(db))) as c:
        yield c


def _article_id(client) -> int:
    items = client.get("/api/search", params={"q": "harbour"}).json()["items"]
    return items[0]["article_id"]


def test_article_page_shows_modality_badges(modality_client):
    html = modality_client.get(f"/articles/{_article_id(modality_client)}").text
    cards = re.findall(r'<li class="card.*?</li>', html, re.S)
    negated = next(c for c in cards if "did not say" in c)
    assert 'class="chip modality mod-negated"' in negated
    finding = next(c for c in cards if "found" in c)
    assert 'class="chip modality mod-finding"' in finding
    question = next(c for c in cards if "asked" in c)
    assert 'mod-question' in question
    plain = next(c for c in cards if "would reopen in June" in c)
    assert "chip modality" not in plain


def test_search_filters_on_modality(modality_client):
    def contents(**params):
        items = modality_client.get("/api/search", params={"q": "harbour", **params}).json()["items"]
        return sorted(i["content"] for i in items)

    everything = contents()
    assert len(everything) == 5  # with "residents back the harbour tunnel", nested in the poll's finding
    assert contents(kind="finding") == ["most residents back the harbour tunnel"]
    assert all("harbour levy" not in c for c in contents(without="negated"))
    assert contents(modality="question") == ["whether the harbour tunnel would ever open"]
    plain = contents(kind="speech", without="negated,question")
    assert "the harbour would reopen in June" in plain
    assert not {"when the harbour levy would end", "whether the harbour tunnel would ever open",
                "most residents back the harbour tunnel"} & set(plain)
    bad = modality_client.get("/api/search", params={"q": "harbour", "kind": "opinion"})
    assert bad.status_code in (400, 422) and "speech, finding, document, intent" in bad.text


def test_search_and_speaker_pages_take_the_filter(modality_client):
    page = modality_client.get("/search", params={"q": "harbour", "kind": "finding"})
    assert page.status_code == 200
    assert 'name="kind"' in page.text and "mod-finding" in page.text
    assert "would reopen in June" not in page.text
    speaker_id = modality_client.get("/api/search", params={"q": "June"}).json()["items"][0]["speaker_id"]
    page = modality_client.get(f"/speakers/{speaker_id}", params={"without": "negated"})
    assert page.status_code == 200
    assert "would reopen in June" in page.text and "harbour levy would end" not in page.text
