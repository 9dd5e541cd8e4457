"""Each reader on small fictional fixtures, plus a few real pages from shared/ when present."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from onrecord.sources import (BadHtml, InputError, RawDoc, ReadFailure, Skipped, clean_html,
                              plan_inputs, read_input)
from onrecord.sources.dates import normalise_date
from onrecord.sources.inputs import InputFile

SHARED = Path(__file__).parents[2].parent / "shared"
PAGE = b"""<!doctype html><html><head><title>Harbour reopens | The Gull Gazette</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="og:site_name" content="The Gull Gazette">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<link rel="canonical" href="https://gull.example/harbour"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour of Port Mellow reopened on Thursday after a week of repairs to the sea wall.</p>
<p>\xe2\x80\x9cWe worked day and night to get the boats back in,\xe2\x80\x9d harbour master Ada Quill said.</p>
<p>Fishermen said the catch had suffered but that the town was relieved to see the quay busy again.</p>
</article><footer>Copyright 2024 The Gull Gazette. Subscribe to our newsletter.</footer></body></html>"""


def read_all(path) -> list:
    return [item for f in plan_inputs([path]) for item in read_input(f)]


def test_plain_text_and_bad_encoding(tmp_path):
    (tmp_path / "a.txt").write_text("A plain story.\n\nSecond paragraph.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "c.txt").write_bytes("\ufeffWith a BOM".encode("utf-8"))
    items = read_all(tmp_path)
    assert isinstance(items[0], RawDoc) and items[0].text.startswith("A plain") and items[0].meta.ext_id == "a"
    assert isinstance(items[1], ReadFailure) and items[1].reason == "bad-encoding"
    assert items[2].text == "With a BOM"


def test_html_page_main_text_and_metadata(tmp_path):
    (tmp_path / "page.html").write_bytes(PAGE)
    (doc,) = read_all(tmp_path / "page.html")
    page = clean_html(doc.html, None)
    assert "Port Mellow reopened" in page.text and "Ada Quill" in page.text
    assert "Subscribe" not in page.text and "Sport" not in page.text
    assert page.title == "Harbour reopens after storm"
    assert page.outlet == "The Gull Gazette"
    assert page.published == "2024-05-02"
    assert page.url == "https://gull.example/harbour"
    with pytest.raises(BadHtml):
        clean_html(b"")
    with pytest.raises(BadHtml):
        clean_html(b"<html><body></body></html>")


def test_jsonl_fields_extras_failures_and_gzip(tmp_path):
    rows = [{"id": 7, "title": "T", "text": "Body one.", "url": "https://x.example/1", "date": "2020-02-03",
             "outlet": "The Gull Gazette", "topic": "harbours"},
            {"id": "as1", "source": "Daily Planet", "source_url": "planet.example", "bias": "Left",
             "date": "9/6/17", "text": "Body two."}]
    raw = "".join(json.dumps(r) + "\n" for r in rows) + "{not json}\n\n[1]\n" + '{"title": "x"}\n'
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(raw.encode()))
    items = read_all(tmp_path / "a.jsonl.gz")
    one, two, bad, arr, notext = items
    assert one.meta.ext_id == "7" and one.meta.outlet == "The Gull Gazette" and one.meta.published == "2020-02-03"
    assert one.meta.extra == {"topic": "harbours"} and one.meta.url == "https://x.example/1"
    assert two.meta.outlet == "Daily Planet" and two.meta.bias == "left" and two.meta.published == "2017-09-06"
    assert two.meta.extra == {"source_url": "planet.example"}
    assert (bad.reason, bad.locator) == ("bad-json", "line 3")
    assert arr.reason == "not-a-record" and notext.reason == "no-text"
    assert 0 < one.pos <= (tmp_path / "a.jsonl.gz").stat().st_size


def test_json_array_csv_and_tsv(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"text": "One."}, {"body": "Two."}]))
    (tmp_path / "b.csv").write_text('id,title,text,outlet,extra\n1,"A, b","Line one.\nLine two.",Gazette,x\n2,,,Gazette,y\n')
    (tmp_path / "c.tsv").write_text("id\ttext\n9\tTab text.\n")
    a1, a2, b1, b2, c1 = read_all(tmp_path)
    assert (a1.text, a2.text) == ("One.", "Two.")
    assert b1.text == "Line one.\nLine two." and b1.meta.title == "A, b" and b1.meta.extra == {"extra": "x"}
    assert b2.reason == "no-text" and b2.locator == "row 3"
    assert c1.text == "Tab text." and c1.meta.ext_id == "9"


def _warc(path: Path, pages: list[tuple[str, bytes, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.0\r\n\r\n")))
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                http_headers=headers,
                                                warc_headers_dict={"WARC-Date": "2024-05-03T10:00:00Z"}))


def test_warc_pages_and_damage(tmp_path):
    _warc(tmp_path / "a.warc.gz", [("https://gull.example/harbour", PAGE, "text/html; charset=utf-8"),
                                   ("https://gull.example/logo.png", b"\x89PNG", "image/png")])
    page, skipped = read_all(tmp_path / "a.warc.gz")
    assert isinstance(page, RawDoc) and page.html == PAGE and page.meta.url == "https://gull.example/harbour"
    assert page.meta.published == "2024-05-03" and isinstance(skipped, Skipped)
    data = (tmp_path / "a.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 200])
    items = read_all(tmp_path / "cut.warc.gz")
    assert any(isinstance(i, ReadFailure) for i in items)
    (tmp_path / "junk.warc").write_bytes(b"this is no warc\r\n" * 10)
    (failure,) = read_all(tmp_path / "junk.warc")
    assert failure.reason == "corrupt-warc"


def test_stdin_is_sniffed(monkeypatch):
    for data, expect in ((b'{"text": "From stdin."}\n', "From stdin."),
                         (gzip.compress(b"Plain stdin text."), "Plain stdin text.")):
        fake = type("S", (), {"buffer": io.BufferedReader(io.BytesIO(data))})()
        monkeypatch.setattr(sys, "stdin", fake)
        (doc,) = list(read_input(InputFile("-", None, None)))
        assert doc.text == expect


def test_directories_and_missing_paths(tmp_path):
    (tmp_path / "d" / "e").mkdir(parents=True)
    (tmp_path / "d" / "e" / "x.txt").write_text("x")
    (tmp_path / "d" / ".git").mkdir()
    (tmp_path / "d" / ".git" / "y.txt").write_text("y")
    (tmp_path / "d" / "z.bin").write_bytes(b"\0")
    assert [Path(f.path).name for f in plan_inputs([tmp_path / "d"])] == ["x.txt"]
    with pytest.raises(InputError, match="no such file"):
        plan_inputs([tmp_path / "nope.txt"])


@pytest.mark.parametrize("raw,iso", [("2016-09-20", "2016-09-20"), ("2016-09-20T10:00:00+02:00", "2016-09-20"),
                                     ("9/6/17", "2017-09-06"), ("0001-11-30", None), ("soon", None),
                                     ("Tue, 15 Oct 2024 08:00:00 GMT", "2024-10-15"), (None, None)])
def test_dates(raw, iso):
    assert normalise_date(raw) == iso


def test_real_warc_pages_read_and_clean():
    path = SHARED / "data/news-html/news-en-pages.warc.gz"
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests read ../shared (CI provides it)")
    (inp,) = plan_inputs([path])
    items = []
    for item in read_input(inp):
        items.append(item)
        if len(items) == 3:
            break
    assert all(isinstance(i, RawDoc) and i.meta.url for i in items)
    assert len(clean_html(items[0].html, items[0].meta.url).text.split()) > 50


def test_a_csv_without_header_or_without_rows_is_a_failure(tmp_path):
    (tmp_path / "a.csv").write_text("A lone article, without a header row\n")
    (tmp_path / "b.csv").write_text("id,text\n")
    (tmp_path / "c.csv").write_text("first article,x\nsecond article,y\n")
    lone, header_only, two = read_all(tmp_path)
    assert (lone.locator, lone.reason) == ("row 1", "no-header") and "add a header row" in lone.detail
    assert (header_only.locator, header_only.reason) == ("row 1", "no-rows")
    assert two.reason == "no-header"


def unreadable(monkeypatch, folder: Path) -> None:
    """Make ``folder`` unlistable: chmod 000, and for root (whom permissions do not stop) the
    PermissionError the kernel gives anybody else."""
    import os

    folder.chmod(0)
    real = os.scandir

    def scandir(path="."):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(folder))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_file_in_an_unreadable_folder_is_a_failure(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("Hidden away.")
    (tmp_path / "open.txt").write_text("In the open.")
    unreadable(monkeypatch, tmp_path / "locked")
    try:
        failure, doc = read_all(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert (failure.source, failure.reason) == (str(tmp_path / "locked"), "unreadable")
    assert "Permission denied" in failure.detail and "chmod" in failure.detail
    assert doc.text == "In the open."
