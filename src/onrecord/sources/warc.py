"""WARC / WARC.gz (CC-NEWS layout) and ARC: each HTML response is one page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO

from onrecord.sources.dates import normalise_date
from onrecord.sources.limits import ReadLimits, TooLarge, read_at_most
from onrecord.sources.model import DocMeta, RawDoc, ReadFailure, Skipped

PAGE_RECORDS = ("response", "resource")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, source: str, pos: Callable[[], int], *,
              limits: ReadLimits = ReadLimits()) -> Iterator[RawDoc | ReadFailure | Skipped]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream, arc2warc=True)
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
        uri = record.rec_headers.get_header("WARC-Target-URI")
        locator = f"record {n}" + (f" {uri}" if uri else "")
        if record.rec_type not in PAGE_RECORDS:
            continue  # request, warcinfo, metadata: not pages
        ctype = _content_type(record)
        if ctype and not ctype.startswith(HTML_TYPES):
            yield Skipped(source, locator, f"not HTML ({ctype})", pos=pos())
            continue
        status = record.http_headers.get_statuscode() if record.http_headers else "200"
        if status and not status.startswith("2"):
            yield Skipped(source, locator, f"HTTP status {status}", pos=pos())
            continue
        try:
            payload = read_at_most(record.content_stream(), limits.record_bytes, "the page")
        except TooLarge as err:
            yield ReadFailure(source, locator, "too-large", str(err), pos=pos())
            continue
        except Exception as err:
            yield ReadFailure(source, locator, "corrupt-warc", f"{type(err).__name__}: {err}",
                              pos=pos())
            continue
        meta = DocMeta(ext_id=record.rec_headers.get_header("WARC-Record-ID"), url=uri,
                       published=normalise_date(record.rec_headers.get_header("WARC-Date")))
        yield RawDoc(source, locator, meta, html=payload, pos=pos())


def _content_type(record) -> str:
    headers = record.http_headers
    value = headers.get_header("Content-Type") if headers else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type") or ""
        if value.startswith("application/http"):
            return ""
    return value.split(";")[0].strip().lower()
