"""Parquet files: one article per row, columns named as in JSON Lines records (text or html,
title, date, outlet/source, url, authors, ...); a row without text fails alone.  Dates and
timestamps become ISO strings; read in batches, so a file never sits in memory whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, BinaryIO

from onrecord.sources.fields import record_to_doc
from onrecord.sources.limits import ReadLimits
from onrecord.sources.model import RawDoc, ReadFailure

BATCH_ROWS = 256
MAGIC = b"PAR1"


def read_parquet(stream: BinaryIO, source: str, pos: Callable[[], int], *,
                 limits: ReadLimits = ReadLimits()) -> Iterator[RawDoc | ReadFailure]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not _seekable(stream):
        yield ReadFailure(source, "file", "corrupt-file",
                          "a Parquet file cannot be read from a pipe or a gzip stream; give its path", pos=pos())
        return
    try:
        parquet = pq.ParquetFile(stream)
    except (pa.ArrowException, OSError) as err:
        yield ReadFailure(source, "file", "corrupt-file", f"not a readable Parquet file ({err})", pos=pos())
        return
    row = 0
    try:
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
            for record in batch.to_pylist():
                row += 1
                yield record_to_doc(_plain(record), source, f"row {row}", pos())
    except (pa.ArrowException, OSError) as err:
        yield ReadFailure(source, f"row {row + 1}", "corrupt-file",
                          f"{type(err).__name__}: {err}; the rest of the file was not read", pos=pos())


def _seekable(stream: BinaryIO) -> bool:
    try:
        return bool(stream.seekable()) and not hasattr(stream, "fileobj")  # GzipFile seeks by re-reading
    except (AttributeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    """Arrow's Python values as JSON records hold them: dates and times as ISO text."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value
