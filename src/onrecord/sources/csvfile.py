"""CSV / TSV with a header row; the same field names as JSON Lines."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterator
from typing import BinaryIO

from onrecord.sources.fields import record_to_doc
from onrecord.sources.model import RawDoc, ReadFailure

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_csv(stream: BinaryIO, source: str, pos: Callable[[], int], *,
             delimiter: str = ",") -> Iterator[RawDoc | ReadFailure]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.DictReader(text, delimiter=delimiter)
    row_no = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield ReadFailure(source, f"row {row_no + 1}", "bad-csv",
                              f"{err}; the rest of the file was not read", pos=pos())
            return
        row_no += 1
        locator = f"row {row_no}"
        if None in row:  # more cells than header columns
            row.pop(None)
        if any(_has_surrogates(v) for v in row.values() if isinstance(v, str)):
            yield ReadFailure(source, locator, "bad-encoding", "row is not valid UTF-8",
                              raw=repr(row).encode("utf-8", "surrogateescape"), pos=pos())
            continue
        yield record_to_doc(dict(row), source, locator, pos())


def _has_surrogates(s: str) -> bool:
    try:
        s.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True
