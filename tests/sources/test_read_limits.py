"""Readers stop at the byte limits while reading: an oversized record is a too-large failure."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys

from onrecord.sources import RawDoc, ReadFailure, ReadLimits, plan_inputs, read_input
from onrecord.sources.limits import bounded_lines

SMALL = ReadLimits(text_bytes=100, record_bytes=100, json_file_bytes=100)


def read_all(path, limits=SMALL) -> list:
    return [item for f in plan_inputs([path]) for item in read_input(f, limits)]


def test_bounded_lines_skips_an_overlong_line_and_goes_on():
    stream = io.BytesIO(b"short\n" + b"x" * 50 + b"\nafter\n" + b"y" * 30)
    assert list(bounded_lines(stream, 10)) == [b"short\n", None, b"after\n", None]


def test_each_format_fails_an_oversized_record_as_too_large(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"word " * 100))
    (tmp_path / "b.jsonl").write_text('{"text": "%s"}\n{"text": "Fine."}\n' % ("a" * 200))
    (tmp_path / "c.csv").write_text("text\nFine.\n" + "b" * 200 + "\n")
    (tmp_path / "d.json").write_text('[{"text": "%s"}]' % ("c" * 200))
    (tmp_path / "e.html").write_text("<p>" + "d" * 200 + "</p>")
    items = read_all(tmp_path)
    assert [(i.locator, i.reason if isinstance(i, ReadFailure) else "doc") for i in items] == [
        ("file", "too-large"), ("line 1", "too-large"), ("line 2", "doc"), ("row 2", "doc"),
        ("row 3", "too-large"), ("file", "too-large"), ("file", "too-large")]
    assert "read limit" in items[0].detail and "jq -c" in items[5].detail


def test_limits_follow_the_article_size_limit(tmp_path):
    limits = ReadLimits.for_chars(10_000_000)
    assert limits.text_bytes == 40_000_000 and limits.record_bytes == 60_000_000
    assert ReadLimits.for_chars(1000).record_bytes == ReadLimits().record_bytes
    text = "\u00e9" * 1_000_000
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    (doc,) = read_all(tmp_path / "long.txt", ReadLimits())
    assert isinstance(doc, RawDoc) and doc.text == text  # the default never refuses a 1,000,000-character text


READ_BOMBS = """
import json, resource, sys
from onrecord.sources import plan_inputs, read_input
def peak(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
base = peak()
items = [(i.locator, getattr(i, "reason", "doc")) for f in plan_inputs([sys.argv[1]]) for i in read_input(f)]
print(json.dumps({"items": items, "extra_mb": peak() - base}))
"""


def test_gzip_bombs_cost_megabytes_not_their_inflated_size(gzip_bombs):
    folder = gzip_bombs(100, b'{"text": "Good."}')
    assert sum(p.stat().st_size for p in folder.iterdir()) < 2 * 2**20
    out = subprocess.run([sys.executable, "-c", READ_BOMBS, str(folder)], capture_output=True, text=True,
                         timeout=120, check=True)
    result = json.loads(out.stdout)
    assert result["items"] == [["file", "too-large"], ["line 1", "too-large"], ["line 2", "doc"],
                               ["row 2", "too-large"]]
    assert result["extra_mb"] < 100, result  # 300 MB inflated; before, each file was held whole, twice
