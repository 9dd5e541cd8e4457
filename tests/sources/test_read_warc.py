"""WARC records with a bad Content-Length fail alone; a WARC gzipped as one file is read."""

from __future__ import annotations

import gzip

import pytest

from onrecord.sources import RawDoc, ReadFailure, plan_inputs, read_input


def record(n: int, length: str | None = None) -> bytes:
    body = (b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n"
            b"<html><body><p>Page %d of the harbour story.</p></body></html>" % n)
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://gull.example/%d\r\n"
            b"WARC-Record-ID: <urn:uuid:%d>\r\nWARC-Date: 2024-05-03T10:00:00Z\r\n"
            b"Content-Type: application/http; msgtype=response\r\n" % (n, n))
    return head + b"Content-Length: %s\r\n\r\n" % (length or str(len(body))).encode() + body + b"\r\n\r\n"


def read_all(path) -> list:
    return [item for f in plan_inputs([path]) for item in read_input(f)]


@pytest.mark.parametrize("length", ["-5", "abc", "10", "400"])  # negative, no number, too short, too long
def test_a_bad_content_length_in_the_middle_loses_only_its_record(tmp_path, length):
    path = tmp_path / "three.warc"
    first = record(1)
    path.write_bytes(first + record(2, length) + record(3))
    one, bad, three = read_all(path)
    assert isinstance(one, RawDoc) and one.meta.url == "https://gull.example/1"
    assert isinstance(bad, ReadFailure) and bad.reason == "corrupt-warc"
    assert (bad.source, bad.locator) == (str(path), f"record 2 at byte {len(first)}")
    assert isinstance(three, RawDoc) and three.meta.url == "https://gull.example/3"
    assert b"Page 3" in three.html


def test_a_warc_gzipped_as_one_file_or_per_record_is_read(tmp_path):
    data = record(1) + record(2)
    (tmp_path / "whole.warc.gz").write_bytes(gzip.compress(data))
    (tmp_path / "members.warc.gz").write_bytes(gzip.compress(record(1)) + gzip.compress(record(2)))
    for name in ("whole.warc.gz", "members.warc.gz"):
        items = read_all(tmp_path / name)
        assert [i.meta.url for i in items] == ["https://gull.example/1", "https://gull.example/2"], name


def test_junk_between_records_is_one_failure(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(record(1) + b"garbage line\r\nmore garbage\r\n" + record(2))
    one, junk, two = read_all(path)
    assert isinstance(junk, ReadFailure) and junk.locator == f"record 2 at byte {len(record(1))}"
    assert (one.meta.url, two.meta.url) == ("https://gull.example/1", "https://gull.example/2")
