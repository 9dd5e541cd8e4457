"""CSV / TSV with a header row; the same field names as JSON Lines."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from typing import BinaryIO

from onrecord.sources.fields import HTML_FIELDS, TEXT_FIELDS, record_to_doc
from onrecord.sources.limits import ReadLimits, TooLarge, bounded_lines, too_large
from onrecord.sources.model import RawDoc, ReadFailure


BODY_FIELDS = frozenset(TEXT_FIELDS + HTML_FIELDS)


def read_csv(stream: BinaryIO, source: str, pos: Callable[[], int], *, delimiter: str = ",",
             limits: ReadLimits = ReadLimits()) -> Iterator[RawDoc | ReadFailure]:
    csv.field_size_limit(limits.record_bytes)
    reader = csv.DictReader(_lines(stream, limits.record_bytes), delimiter=delimiter)
    row_no = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if row_no == 1 and reader.fieldnames:  # a header, or a lone row without one
                yield _header_failure(reader.fieldnames, source, pos())
            return
        except (csv.Error, TooLarge) as err:
            reason = "too-large" if isinstance(err, TooLarge) or "field limit" in str(err) else "bad-csv"
            yield ReadFailure(source, f"row {row_no + 1}", reason,
                              f"{err}; the rest of the file was not read", pos=pos())
            return
        row_no += 1
        locator = f"row {row_no}"
        if row_no == 2 and not BODY_FIELDS & set(reader.fieldnames or ()):
            yield _header_failure(reader.fieldnames or [], source, pos())
            return
        if None in row:  # more cells than header columns
            row.pop(None)
        if any(_has_surrogates(v) for v in row.values() if isinstance(v, str)):
            yield ReadFailure(source, locator, "bad-encoding", "row is not valid UTF-8",
                              raw=repr(row).encode("utf-8", "surrogateescape"), pos=pos())
            continue
        yield record_to_doc(dict(row), source, locator, pos())


def _header_failure(fields: list[str], source: str, pos: int) -> ReadFailure:
    """The first row names no text column (a file without a header), or no row follows it."""
    shown = ", ".join(fields)[:120]
    if BODY_FIELDS & set(fields):
        return ReadFailure(source, "row 1", "no-rows", f"a header row ({shown}) and no article rows", pos=pos)
    return ReadFailure(source, "row 1", "no-header",
                       f"the first row ({shown}) names no text column ({', '.join(TEXT_FIELDS)}); "
                       "add a header row naming the columns", pos=pos)


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
