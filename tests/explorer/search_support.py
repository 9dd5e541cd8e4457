"""A small corpus for the search tests (ranking, matched words, facets, CLI filters), read by the
explorer's fake engine.  "Tariffs" alone is a content that is only the search word."""

from __future__ import annotations

from pathlib import Path

from onrecord.store import IngestOptions, ingest

from .explorer_support import FAKE, write_jsonl

SEARCH_ARTICLES = [
    {"id": "t1", "title": "Steel", "outlet": "Daily Planet", "date": "2024-05-02", "bias": "left",
     "text": "Prices rose. “Tariffs,” Mia Stone said. “The tariffs on steel will raise prices for every "
             "family in the region,” Mia Stone said."},
    {"id": "t2", "title": "Checkout", "outlet": "Morning Courier", "date": "2024-06-10", "bias": "right",
     "text": "Shops worried. “Tariffs are a tax that families pay at the checkout, every week,” Ola Brandt "
             "claimed. “There are no new tariffs planned for this year at all,” Mia Stone denied."},
    {"id": "t3", "title": "Ports", "outlet": "Daily Planet", "date": "2024-06-20", "bias": "left",
     "text": "Ports were busy. “Tariff revenue paid for the new harbour cranes this spring,” Ola Brandt said. "
             "“Nothing about <b>tariffs</b> & ports is settled,” Mia Stone said."},
    {"id": "t4", "title": "Weather", "outlet": "Evening Star", "date": "2024-06-21", "bias": "center",
     "text": "Rain fell. “The rain will stop by the weekend, we are told by forecasters,” Ola Brandt said."},
]


def make_search_corpus(target: str, folder: Path) -> str:
    """Ingest ``SEARCH_ARTICLES`` into ``target`` (a SQLite path or a PostgreSQL URL)."""
    src = write_jsonl(folder / "search.jsonl", SEARCH_ARTICLES)
    summary = ingest([str(src)], target, IngestOptions(workers=0, extractor=FAKE))
    assert summary.counts.new == len(SEARCH_ARTICLES), summary.as_dict()
    return target
