"""Reading article text at the edge (``onrecord extract``): bytes to str, with errors that say what
to do.  The same article size limit as ``ingest``; UTF-8 or UTF-16 with a BOM, as ``ingest``
reads them; an HTML page is cleaned as ``ingest`` cleans it; inputs that hold many articles
(WARC, JSON Lines, JSON, CSV) or are compressed are refused with a pointer to ``ingest``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from onrecord.sources.formats import GZIP_MAGIC, format_from_name, sniff
from onrecord.sources.limits import DEFAULT_MAX_CHARS, MIN_RECORD_BYTES


class InputError(ValueError):
    """Input that cannot be read as an article; the message tells the user what to do."""


_BINARY_SHARE = 0.05  # share of control bytes above which a file is taken for binary
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_MANY = {"warc": "a WARC/ARC archive", "jsonl": "JSON Lines", "json": "JSON", "csv": "CSV", "tsv": "TSV"}


def decode_text(data: bytes, name: str = "input") -> str:
    """UTF-8 text (a BOM is dropped) or UTF-16 with a BOM, or an InputError naming the problem."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: not valid UTF-16 (at byte {err.start}); convert it to UTF-8 first, "
                             f"e.g. `iconv -f utf-16 -t utf-8 {name}`") from None
    if b"\x00" in data[:65536] or _control_share(data[:65536]) > _BINARY_SHARE:
        raise InputError(f"{name}: looks like a binary file, not text; pass a plain-text (UTF-8) article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            f"convert it first, e.g. `iconv -f latin1 -t utf-8 {name}`") from None
    return text.removeprefix("\ufeff")


def read_article(path: str, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """The text of a file, or of standard input for '-' (at most ``max_chars`` characters)."""
    if path == "-":
        return _article(sys.stdin.buffer, "stdin", None, max_chars)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory; pass article files (or use `onrecord ingest` for folders)")
    fmt, compressed = format_from_name(p.name)
    if compressed:
        raise InputError(f"{path}: gzip-compressed; use `onrecord ingest {path}`, or gunzip it first")
    try:
        with p.open("rb") as f:
            return _article(f, path, fmt, max_chars)
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None


def _article(stream: BinaryIO, name: str, fmt: str | None, max_chars: int) -> str:
    limit = 4 * max_chars if fmt == "text" else max(MIN_RECORD_BYTES, 4 * max_chars)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{name}: too-large: over the {limit / 2**20:.1f} MB read limit "
                         f"({max_chars:,} characters); split it into smaller articles")
    if data.startswith(GZIP_MAGIC):
        raise InputError(f"{name}: gzip-compressed; use `onrecord ingest {name}`, or gunzip it first")
    found = fmt or _sniffed(data)
    if found in _MANY:
        raise InputError(f"{name}: {_MANY[found]} file holds records, not one article; "
                         f"use `onrecord ingest {name}` (then `onrecord said`/`export`)")
    text = _page_text(data, name) if found == "html" else decode_text(data, name)
    if len(text) > max_chars:
        raise InputError(f"{name}: too-large: {len(text):,} characters (limit {max_chars:,}); "
                         "split it into smaller articles")
    return text


def _sniffed(data: bytes) -> str:
    """Unnamed input: WARC and HTML are recognised; JSON-looking text stays text."""
    if data.startswith(_UTF16_BOMS):
        return "text"
    found = sniff(data[:4096])
    return found if found in ("warc", "html") else "text"


def _page_text(data: bytes, name: str) -> str:
    from onrecord.sources import BadHtml, clean_html

    try:
        return clean_html(data).text
    except BadHtml as err:
        raise InputError(f"{name}: bad-html: {err}; pass the article's text instead") from None


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    control = sum(1 for b in data if b < 32 and b not in (9, 10, 13, 12))
    return control / len(data)
