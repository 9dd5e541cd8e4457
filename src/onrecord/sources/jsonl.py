"""JSON Lines (and JSON arrays): one article per object; a bad line fails alone."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import BinaryIO

from onrecord.sources.fields import record_to_doc
from onrecord.sources.model import RawDoc, ReadFailure


def read_jsonl(stream: BinaryIO, source: str, pos: Callable[[], int]) -> Iterator[RawDoc | ReadFailure]:
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        locator = f"line {lineno}"
        try:
            record = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as err:
            yield ReadFailure(source, locator, "bad-encoding", f"not UTF-8: {err.reason}",
                              raw=raw, pos=pos())
            continue
        except json.JSONDecodeError as err:
            yield ReadFailure(source, locator, "bad-json", f"{err.msg} (column {err.colno})",
                              raw=raw, pos=pos())
            continue
        yield record_to_doc(record, source, locator, pos())


def read_json(stream: BinaryIO, source: str, pos: Callable[[], int]) -> Iterator[RawDoc | ReadFailure]:
    data = stream.read()
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        yield ReadFailure(source, "file", "bad-json", str(err), raw=data, pos=pos())
        return
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records):
        yield record_to_doc(record, source, f"item {i}", pos())
