"""WARC / WARC.gz (CC-NEWS layout, gzipped per record or as one file) and ARC: each HTML
response is one page.  A damaged WARC record fails alone (see ``warcframe``)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from onrecord.sources.dates import normalise_date
from onrecord.sources.limits import ReadLimits, TooLarge, read_at_most
from onrecord.sources.model import DocMeta, RawDoc, ReadFailure, Skipped
from onrecord.sources.warcframe import frames

PAGE_RECORDS = ("response", "resource")
HTML_TYPES = ("text/html", "application/xhtml+xml")
Item = RawDoc | ReadFailure | Skipped


def read_warc(stream: BinaryIO, source: str, pos: Callable[[], int], *,
              limits: ReadLimits = ReadLimits()) -> Iterator[Item]:
    """Pages of an (uncompressed) WARC or ARC stream."""
    peek = getattr(stream, "peek", None)
    head = peek(64)[:64] if peek else b""
    if head.lstrip().startswith(b"filedesc://"):
        yield from _read_arc(stream, source, pos, limits)
        return
    for n, frame in enumerate(frames(stream, limits.record_bytes), start=1):
        if frame.problem is not None:
            yield ReadFailure(source, f"record {n} at byte {frame.offset}", frame.reason, frame.problem,
                              pos=pos())
            continue
        try:
            record = next(_archive(io.BytesIO(frame.data)))
        except Exception as err:  # warcio raises many types on damaged headers
            yield ReadFailure(source, f"record {n} at byte {frame.offset}", "corrupt-warc",
                              f"{type(err).__name__}: {err}", pos=pos())
            continue
        yield from _page(record, source, n, pos, limits)


def _archive(stream: BinaryIO) -> Iterator[Any]:
    from warcio.archiveiterator import ArchiveIterator

    return iter(ArchiveIterator(stream, arc2warc=True))


def _read_arc(stream: BinaryIO, source: str, pos: Callable[[], int], limits: ReadLimits) -> Iterator[Item]:
    records = _archive(stream)
    n = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as err:  # warcio raises ArchiveLoadFailed, zlib/EOF errors on damage
            yield ReadFailure(source, f"record {n + 1}", "corrupt-warc",
                              f"{type(err).__name__}: {err}; the rest of the file was not read",
                              pos=pos())
            return
        n += 1
        yield from _page(record, source, n, pos, limits)


def _page(record: Any, source: str, n: int, pos: Callable[[], int], limits: ReadLimits) -> Iterator[Item]:
    """The page in one record, a Skipped for a record that holds none, or a failure."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    locator = f"record {n}" + (f" {uri}" if uri else "")
    if record.rec_type not in PAGE_RECORDS:
        return  # request, warcinfo, metadata: not pages
    ctype = _content_type(record)
    if ctype and not ctype.startswith(HTML_TYPES):
        yield Skipped(source, locator, f"not HTML ({ctype})", pos=pos())
        return
    status = record.http_headers.get_statuscode() if record.http_headers else "200"
    if status and not status.startswith("2"):
        yield Skipped(source, locator, f"HTTP status {status}", pos=pos())
        return
    try:
        payload = read_at_most(record.content_stream(), limits.record_bytes, "the page")
    except TooLarge as err:
        yield ReadFailure(source, locator, "too-large", str(err), pos=pos())
        return
    except Exception as err:
        yield ReadFailure(source, locator, "corrupt-warc", f"{type(err).__name__}: {err}", pos=pos())
        return
    meta = DocMeta(ext_id=record.rec_headers.get_header("WARC-Record-ID"), url=uri,
                   published=normalise_date(record.rec_headers.get_header("WARC-Date")))
    yield RawDoc(source, locator, meta, html=payload, pos=pos())


def _content_type(record: Any) -> str:
    headers = record.http_headers
    value = headers.get_header("Content-Type") if headers else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type") or ""
        if value.startswith("application/http"):
            return ""
    return value.split(";")[0].strip().lower()
