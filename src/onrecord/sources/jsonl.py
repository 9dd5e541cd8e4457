"""JSON Lines (and JSON arrays): one article per object; a bad line fails alone."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from onrecord.sources.fields import record_to_doc
from onrecord.sources.limits import ReadLimits, TooLarge, bounded_lines, read_at_most, too_large
from onrecord.sources.model import RawDoc, ReadFailure
from onrecord.sources.shape import MAX_DEPTH, may_hold_surrogates


def read_jsonl(stream: BinaryIO, source: str, pos: Callable[[], int], *,
               limits: ReadLimits = ReadLimits()) -> Iterator[RawDoc | ReadFailure]:
    for lineno, raw in enumerate(bounded_lines(stream, limits.record_bytes), start=1):
        locator = f"line {lineno}"
        if raw is None:
            yield ReadFailure(source, locator, "too-large", too_large("the line", limits.record_bytes),
                              pos=pos())
            continue
        if not raw.strip():
            continue
        record = _decode(raw, source, locator, pos)
        if isinstance(record, ReadFailure):
            yield record
            continue
        yield record_to_doc(record, source, locator, pos(), check_strings=may_hold_surrogates(raw))


def read_json(stream: BinaryIO, source: str, pos: Callable[[], int], *,
              limits: ReadLimits = ReadLimits()) -> Iterator[RawDoc | ReadFailure]:
    try:
        data = read_at_most(stream, limits.json_file_bytes, "the JSON file")
    except TooLarge as err:
        yield ReadFailure(source, "file", "too-large",
                          f"{err}, or convert it to JSON Lines (jq -c '.[]' FILE > FILE.jsonl)", pos=pos())
        return
    value = _decode(data, source, "file", pos)
    if isinstance(value, ReadFailure):
        yield value
        return
    records = value if isinstance(value, list) else [value]
    strings = may_hold_surrogates(data)
    for i, record in enumerate(records):
        yield record_to_doc(record, source, f"item {i}", pos(), check_strings=strings)


def _decode(raw: bytes, source: str, locator: str, pos: Callable[[], int]) -> Any | ReadFailure:
    """The JSON value of ``raw``, or a failure (bad UTF-8, bad JSON, nested past the stack)."""
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        return ReadFailure(source, locator, "bad-encoding", f"not UTF-8: {err.reason}", raw=raw, pos=pos())
    except json.JSONDecodeError as err:
        where = f"column {err.colno}" if err.lineno == 1 else f"line {err.lineno} column {err.colno}"
        return ReadFailure(source, locator, "bad-json", f"{err.msg} ({where})", raw=raw, pos=pos())
    except RecursionError:
        return ReadFailure(source, locator, "too-deeply-nested",
                           f"JSON nested deeper than {MAX_DEPTH} levels; flatten the record",
                           raw=raw, pos=pos())
