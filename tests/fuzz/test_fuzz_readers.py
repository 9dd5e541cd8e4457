"""Property: any bytes, in any input format (plain or gzipped), read as articles or recorded
failures, never an exception; an HTML page is cleaned or a BadHtml, never anything else."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from fuzz_settings import FUZZ
from hypothesis import given
from hypothesis import strategies as st

from onrecord.sources import BadHtml, InputFile, RawDoc, ReadFailure, ReadLimits, Skipped, clean_html, read_input
from onrecord.sources.formats import format_from_name

SUFFIXES = (".txt", ".html", ".jsonl", ".json", ".csv", ".tsv", ".warc", "")
LIMITS = ReadLimits(text_bytes=4096, record_bytes=4096, json_file_bytes=8192)  # limits are hit too

# pieces that take the readers down their deeper paths
SEEDS = [b"WARC/1.0\r\n", b"WARC-Type: response\r\n", b"Content-Length: ", b"Content-Type: application/http\r\n",
         b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", b"\r\n\r\n", b"{", b"}", b"[", b"]", b'"text"',
         b'"title"', b": ", b"\\ud800", b"\\u0000", b"NaN", b"1e999", b"text,title\n", b'"', b"\n", b",", b"\t",
         b"<html><body><p>", b"</p>", b"<article>", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"\x1f\x8b",
         b"filedesc://x 0.0.0.0 20240101 text/plain 10\n", "“Quote,” Ana Lee said.".encode()]

pieces = st.one_of(st.sampled_from(SEEDS), st.binary(max_size=40))
documents = st.lists(pieces, max_size=30).map(b"".join)
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                      max_size=4),
                           max_leaves=12)
records = st.dictionaries(st.sampled_from(["text", "title", "outlet", "date", "id", "body", "html", "x"]),
                          json_values, max_size=5)
json_lines = st.lists(records.map(lambda r: json.dumps(r).encode()) | documents, max_size=6).map(b"\n".join)


def _gzipped(data: bytes, cut: int) -> bytes:
    packed = gzip.compress(data)
    return packed[: max(0, len(packed) - cut)]


def _read_all(data: bytes, suffix: str) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        fmt, gz = format_from_name(path.name)
        items = list(read_input(InputFile(str(path), len(data), fmt, gz), LIMITS))
    for item in items:
        assert isinstance(item, (RawDoc, ReadFailure, Skipped)), item
        if isinstance(item, RawDoc) and item.html is not None:
            try:
                clean_html(item.html, item.meta.url)
            except BadHtml:
                pass
    return items


@FUZZ
@given(data=documents | json_lines, suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_format_read_without_exception(data, suffix):
    _read_all(data, suffix)


@FUZZ
@given(data=documents | json_lines, suffix=st.sampled_from(SUFFIXES), cut=st.integers(0, 12))
def test_any_gzipped_bytes_even_truncated_read_without_exception(data, suffix, cut):
    _read_all(_gzipped(data, cut), suffix + ".gz")
