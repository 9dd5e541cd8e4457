"""Parquet inputs: one article per row with JSON Lines' field names, dates as ISO text, a row
without text failing alone, a damaged file one failure, found by suffix or by its magic bytes."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

from onrecord.sources import RawDoc, ReadFailure, plan_inputs, read_input


def read_all(path) -> list:
    return [item for f in plan_inputs([path]) for item in read_input(f)]


def _write(path, rows: list[dict]) -> None:
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=2)


ROWS = [
    {"text": "The harbour reopened. “We worked day and night,” Ada Quill said.", "title": "Harbour reopens",
     "date": dt.date(2024, 5, 2), "source": "The Gull Gazette", "url": "https://gull.example/a"},
    {"text": None, "title": "No body", "date": dt.date(2024, 5, 3), "source": "The Gull Gazette", "url": None},
    {"text": "The council met on Friday.", "title": "Council", "date": dt.date(2024, 5, 4),
     "source": "The Gull Gazette", "url": "https://gull.example/c"},
]


def test_rows_become_documents_and_a_row_without_text_fails_alone(tmp_path):
    path = tmp_path / "news.parquet"
    _write(path, ROWS)
    items = read_all(path)
    assert [type(i) for i in items] == [RawDoc, ReadFailure, RawDoc]
    first = items[0]
    assert first.meta.title == "Harbour reopens" and first.meta.published == "2024-05-02"
    assert first.meta.url == "https://gull.example/a" and first.text.startswith("The harbour")
    assert items[1].locator == "row 2" and items[1].reason in ("no-text", "empty-text")
    assert items[2].locator == "row 3"


def test_found_by_its_magic_without_the_suffix(tmp_path):
    path = tmp_path / "export.bin"
    _write(path, ROWS[:1])
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], RawDoc)


def test_a_damaged_file_is_one_failure(tmp_path):
    path = tmp_path / "broken.parquet"
    _write(path, ROWS)
    path.write_bytes(path.read_bytes()[:40])
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], ReadFailure) and items[0].reason == "corrupt-file"
