"""HTML pages: read as bytes here; ``clean_html`` (run in the workers) removes boilerplate."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from onrecord.sources.dates import normalise_date
from onrecord.sources.html_depth import MAX_DEPTH, depth_of, flatten
from onrecord.sources.limits import ReadLimits, TooLarge, read_at_most
from onrecord.sources.model import DocMeta, RawDoc, ReadFailure


@dataclass(frozen=True, slots=True)
class CleanPage:
    """The main text of a page and the metadata the page itself states."""

    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


class BadHtml(ValueError):
    """The page has no extractable main text."""


def read_html(stream: BinaryIO, source: str, pos: Callable[[], int], *,
              limits: ReadLimits = ReadLimits()) -> Iterator[RawDoc | ReadFailure]:
    try:
        data = read_at_most(stream, limits.record_bytes, "the page")
    except TooLarge as err:
        yield ReadFailure(source, "file", "too-large", str(err), pos=pos())
        return
    stem = PurePath(source).name.split(".")[0] if source != "-" else None
    yield RawDoc(source, "file", DocMeta(ext_id=stem), html=data, pos=pos())


def clean_html(html: bytes | str, url: str | None = None) -> CleanPage:
    """Main text and metadata of a page (trafilatura); BadHtml when there is none."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its warnings would flood the progress display
    if isinstance(html, bytes) and not html.strip():
        raise BadHtml("empty page")
    doc = _extract(trafilatura, html, url)
    if doc is None or not (doc.text or "").strip():
        raw = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
        if depth_of(raw) > MAX_DEPTH:  # past the parser's depth limit: flatten the wrappers, try again
            doc = _extract(trafilatura, flatten(raw), url)
    if doc is None or not (doc.text or "").strip():
        raise BadHtml("no main text found in the page")
    return CleanPage(
        text=doc.text, title=doc.title or None, outlet=doc.sitename or None,
        published=normalise_date(doc.date), url=doc.url or url)


def _extract(trafilatura, html: bytes | str, url: str | None):
    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_recall=True, deduplicate=False)
    except Exception as err:  # trafilatura/lxml raise many types on broken markup
        raise BadHtml(f"unparsable HTML: {type(err).__name__}: {err}") from err
