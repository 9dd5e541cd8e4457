"""Syndicated copies in the explorer: a reprint under another outlet counts as that outlet's
article, in outlet figures and in a quote's spread."""

from __future__ import annotations

import pytest

from .explorer_support import write_jsonl

TEXT = "Talks. “We will never give up the city,” Ana Lee said."


@pytest.fixture(scope="module")
def copies_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from onrecord.explorer import create_app
    from onrecord.store import IngestOptions, ingest

    from .explorer_support import FAKE
    folder = tmp_path_factory.mktemp("explorer-copies")
    src = write_jsonl(folder / "wire.jsonl", [
        {"text": TEXT, "outlet": "Daily Planet", "date": "2024-03-01", "bias": "left"},
        {"text": TEXT, "outlet": "Morning Courier", "date": "2024-03-02", "bias": "right"}])
    summary = ingest([str(src)], str(folder / "c.db"), IngestOptions(workers=0, extractor=FAKE))
    assert (summary.counts.new, summary.counts.copies) == (1, 1)
    with TestClient(create_app(str(folder / "c.db"))) as client:
        yield client


def _outlets(client) -> dict[str, dict]:
    return {r["outlet"]: r for r in client.get("/api/outlets").json()["items"]}


def test_the_copy_is_its_outlets_article_with_its_statements(copies_client):
    outlets = _outlets(copies_client)
    assert outlets["Morning Courier"]["articles"] == 1 and outlets["Morning Courier"]["statements"] == 1
    assert outlets["Morning Courier"]["bias"] == "right"
    summary = copies_client.get(f"/api/outlets/{outlets['Morning Courier']['outlet_id']}").json()
    assert summary["statements"] == 1 and summary["first_published"] == "2024-03-02"
    speakers = copies_client.get(f"/api/outlets/{outlets['Morning Courier']['outlet_id']}/speakers").json()
    assert speakers["total"] == 1


def test_a_quote_spreads_to_the_copy(copies_client):
    row = copies_client.get("/api/search", params={"q": "city"}).json()["items"][0]
    spread = copies_client.get(f"/api/quotes/{row['quote_id']}").json()
    assert spread["articles"] == 2 and spread["outlets"] == 2
    assert (spread["first_published"], spread["last_published"]) == ("2024-03-01", "2024-03-02")
