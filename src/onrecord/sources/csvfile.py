"""CSV / TSV with a header row; the same field names as JSON Lines."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from typing import BinaryIO

from onrecord.sources.fields import record_to_doc
from onrecord.sources.limits import ReadLimits, TooLarge, bounded_lines, too_large
from onrecord.sources.model import RawDoc, ReadFailure


def read_csv(stream: BinaryIO, source: str, pos: Callable[[], int], *, delimiter: str = ",",
             limits: ReadLimits = ReadLimits()) -> Iterator[RawDoc | ReadFailure]:
    csv.field_size_limit(limits.record_bytes)
    reader = csv.DictReader(_lines(stream, limits.record_bytes), delimiter=delimiter)
    row_no = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, TooLarge) as err:
            reason = "too-large" if isinstance(err, TooLarge) or "field limit" in str(err) else "bad-csv"
            yield ReadFailure(source, f"row {row_no + 1}", reason,
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


def _lines(stream: BinaryIO, limit: int) -> Iterator[str]:
    """Decoded lines (BOM dropped, bad UTF-8 kept as surrogates); TooLarge for an overlong line."""
    first = True
    for line in bounded_lines(stream, limit):
        if line is None:
            raise TooLarge(too_large("a line", limit))
        text = line.decode("utf-8", "surrogateescape")
        yield text.removeprefix("\ufeff") if first else text
        first = False


def _has_surrogates(s: str) -> bool:
    try:
        s.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True
