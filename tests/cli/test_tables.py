"""Outputs you can cite: every statement row carries its article (title, URL, outlet, date), its
speaker as written and as resolved and both content parts; terminal tables fit 80 and 200
columns (whole-word headers, one line per row, --wide shows everything); a closed pipe is quiet."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.store import IngestOptions, ingest

from .test_cli_events import NEWS as EVENT_NEWS
from .test_cli_events import make_corpus

FAKE = str(Path(__file__).with_name("fake_cite_engine.py")) + ":FakeCiteExtractor"
LONG = ("The port authority of Velmora has rejected every claim that the harbour strike cost the city more "
        "than a billion crowns and says the figures were simply invented by people with an interest in it")
TITLE = "Velmora port authority rejects the claims that the harbour strike cost the city a billion crowns"
URL = "https://www.velmora-gazette.example/news/2024/03/14/port-authority-rejects-harbour-strike-cost-claims"
ARTICLES = [
    {"id": "c1", "title": TITLE, "outlet": "Velmora Gazette", "date": "2024-03-14", "url": URL,
     "text": f"The strike went on. “{LONG},” Korvik said, “No carrier has cancelled anything at all.” "
             "“We are not going back to work for promises,” Tomas Brenn told."},
    {"id": "c2", "title": "Strike talks", "outlet": "Morning Courier", "date": "2024-03-15",
     "url": "https://courier.example/c2",
     "text": "Talks resumed. “The figures were simply invented by the carriers,” Anna Korvik said."},
]
CITE = {"title", "url", "outlet", "published", "speaker", "speaker_text", "content", "content2"}
STATEMENT_COMMANDS = [("said", "Korvik"), ("search", "invented"), ("spread", "harbour strike cost")]
TABLE_COMMANDS = [*STATEMENT_COMMANDS, ("outlet", "Velmora Gazette"), ("outlets",), ("speakers",), ("failures",),
                  ("corpus",)]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("cite")
    path = folder / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ARTICLES), encoding="utf-8")
    ingest([str(path)], str(folder / "cite.db"), IngestOptions(workers=0, extractor=FAKE))
    return str(folder / "cite.db")


@pytest.fixture(scope="module")
def events_db(tmp_path_factory) -> str:
    return make_corpus(tmp_path_factory.mktemp("events"), EVENT_NEWS)


def run(*args: str, columns: int = 80) -> str:
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def statement_rows(args: tuple[str, ...], db: str) -> list[dict]:
    doc = json.loads(run(*args, "--db", db, "--format", "json"))
    return list(doc.values())[-1] if isinstance(doc, dict) else doc


def tables(out: str, titles: list[str | None], counts: list[int]) -> list[tuple[list[str], list[str]]]:
    """(header lines, row lines) of each table printed: its title line, header lines, a rule, then
    exactly one line per row (asserted: the next line is the next table's title or the end)."""
    lines, pos, found = out.splitlines(), 0, []
    for title, n in zip(titles, counts):
        assert title is None or lines[pos].startswith(title), (title, lines[pos])
        rule = next(i for i in range(pos + 1, len(lines)) if set(lines[i]) == {"─"})
        found.append((lines[pos + 1:rule], lines[rule + 1:rule + 1 + n]))
        pos = rule + 1 + n
        if n == 0:
            assert lines[pos].strip() == "(no rows)"
            pos += 1
    assert pos == len(lines), lines[pos:]
    return found


def parsed(out: str, args: tuple[str, ...], db: str) -> list[tuple[list[str], list[str]]]:
    doc = json.loads(run(*args, "--db", db, "--format", "json"))
    if isinstance(doc, dict):
        return tables(out, list(doc), [len(v) for v in doc.values()])
    return tables(out, [None], [len(doc)])


def header_words(header_lines: list[str]) -> set[str]:
    return {w for line in header_lines for w in line.split()}


KNOWN_HEADER_WORDS = {w for c in (
    "published outlet bias title url speaker speaker_text cue cue_class kind content statement_id quote_id "
    "modality resolved article_id copy_id text n_articles n_outlets first_published first_outlet last_published "
    "articles statements own_voice statements_per_article share type outlets resolved_by mean_confidence "
    "speaker_id reason n attempts example_source example_detail source locator detail last_seen table rows "
    "date actors recipients trigger place sentence group_reports first_date n_reports first_title neutral "
    "id as_written class when replies_to event_id local_id event_date date_from quad modes contexts aux "
    "statement_local_id geonameid place_country latitude longitude reported_by confidence group_key "
    "group_outlets last_date n_articles statement_ids event_ids outlets_list sections filed_as").split() for w in c.split("_")}


def check_width(out: str, width: int) -> None:
    for line in out.splitlines():
        assert len(line.rstrip()) <= width, (width, line)


@pytest.mark.parametrize("args", TABLE_COMMANDS)
@pytest.mark.parametrize("width", [80, 200])
def test_every_table_fits_with_whole_word_headers_and_one_line_rows(db, args, width):
    out = run(*args, "--db", db, columns=width)
    check_width(out, width)
    for head, _ in parsed(out, args, db):  # one line per row
        assert header_words(head) <= KNOWN_HEADER_WORDS, head  # never "publis" / "hed"


@pytest.mark.parametrize("args", STATEMENT_COMMANDS)
def test_statement_tables_keep_the_essentials_at_80_columns(db, args):
    out = run(*args, "--db", db, columns=80)
    head, rows = parsed(out, args, db)[-1]
    assert {"published", "outlet", "speaker", "content"} <= header_words(head)
    assert all("2024-03-1" in r for r in rows) and any("Anna Korvik" in r for r in rows)
    assert any("Velmora Gazette" in r for r in rows) and any("…" in r for r in rows)  # long content cut
    assert LONG not in out


@pytest.mark.parametrize("args", STATEMENT_COMMANDS)
def test_at_200_columns_the_article_and_both_speakers_show(db, args):
    out = run(*args, "--db", db, columns=200)
    head, rows = parsed(out, args, db)[-1]
    assert {"title", "url", "speaker", "text", "content"} <= header_words(head)
    assert "https://" in out and "Velmora port" in out
    if args[0] == "said":
        assert any("Korvik  " in r and "Anna Korvik" in r for r in rows)  # as written and as resolved


@pytest.mark.parametrize("args", STATEMENT_COMMANDS)
def test_wide_shows_the_full_content_and_both_parts(db, args):
    out = run(*args, "--db", db, "--wide", columns=100)
    flat = re.sub(r"\s+", " ", out)
    words = LONG.split()
    assert all(w in flat for w in words)  # wrapped, never cut
    assert "…" not in out.replace(" … ", "")
    if args[0] == "said":
        assert "carrier has cancelled" in flat and " … " in out  # content2 joined to content


@pytest.mark.parametrize("args", STATEMENT_COMMANDS)
def test_json_and_csv_carry_every_citation_field_in_full(db, args):
    rows = statement_rows(args, db)
    assert rows and all(CITE <= set(r) for r in rows)
    korvik = [r for r in rows if r["speaker_text"] == "Korvik"]
    assert korvik and korvik[0]["speaker"] == "Anna Korvik" and korvik[0]["url"] == URL
    assert korvik[0]["title"] == TITLE and korvik[0]["content"] == LONG
    assert korvik[0]["content2"] == "No carrier has cancelled anything at all."
    out = run(*args, "--db", db, "--format", "csv")
    table = out.split("\n\n")[-1]
    records = list(csv.DictReader(io.StringIO(table)))
    assert all(CITE <= set(r) for r in records) and LONG in table and URL in table


def test_export_carries_every_citation_field(db):
    for fmt in ("jsonl", "csv"):
        out = run("export", "--format", fmt, "--db", db)
        records = ([json.loads(x) for x in out.splitlines()] if fmt == "jsonl"
                   else list(csv.DictReader(io.StringIO(out))))
        assert records and all(CITE <= set(r) for r in records)
        first = next(r for r in records if r["speaker_text"] == "Korvik")
        assert (first["title"], first["url"], first["content"]) == (TITLE, URL, LONG)


@pytest.mark.parametrize("width", [80, 200])
@pytest.mark.parametrize("groups", [False, True])
def test_events_tables_fit(events_db, width, groups):
    args = ("events", "--groups") if groups else ("events",)
    out = run(*args, "--db", events_db, columns=width)
    check_width(out, width)
    (head, rows), = parsed(out, args, events_db)
    assert header_words(head) <= KNOWN_HEADER_WORDS and {"type", "actors"} <= header_words(head)
    if width == 200 and not groups:
        assert {"title", "url"} <= header_words(head)
    assert "North Atlantic Treaty Organization" in run(*args, "--db", events_db, "--wide", columns=width)


def test_extract_table_fits_80_and_wide_shows_everything(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(f"“{LONG},” Anna Korvik said. The mayor said the port would reopen next spring.",
                       encoding="utf-8")
    out = run("extract", str(article), "--format", "table", "--outlet", "Velmora Gazette", "--published",
              "2024-03-14", "--title", "Strike", columns=80)
    check_width(out, 80)
    n = len(json.loads(run("extract", str(article), "--format", "json"))["statements"])
    (head, rows), = tables(out, [f"Strike · Velmora Gazette · 2024-03-14 · {n} statements"], [n])
    assert {"speaker", "cue", "content"} <= header_words(head) <= KNOWN_HEADER_WORDS
    assert any("Anna Korvik" in r for r in rows) and LONG not in out
    wide = run("extract", str(article), "--format", "table", "--wide", columns=100)
    assert set(re.findall(r"\w+", LONG)) <= set(re.findall(r"\w+", wide)) and "…" not in wide  # wrapped, not cut


def test_a_pipe_closed_early_is_silent(tmp_path):
    """``onrecord export | head -1`` and friends: no traceback, a quiet exit (141, like ``yes | head``)."""
    many = [{**ARTICLES[0], "id": f"b{i}", "text": ARTICLES[0]["text"].replace("went on", f"went on {i}")}
            for i in range(400)]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in many), encoding="utf-8")
    big = str(tmp_path / "big.db")
    ingest([str(tmp_path / "news.jsonl")], big, IngestOptions(workers=0, extractor=FAKE))
    onrecord = Path(sys.executable).with_name("onrecord")
    for args in (["export"], ["export", "--format", "csv"], ["said", "Korvik", "--limit", "1000"],
                 ["said", "Korvik", "--limit", "1000", "--format", "csv"], ["search", "invented", "--format", "json"]):
        proc = subprocess.run(f"{onrecord} {' '.join(args)} --db {big} | head -1", shell=True,
                              capture_output=True, timeout=120)
        assert proc.stderr == b"" and proc.stdout, (args, proc.stderr)
        p = subprocess.Popen([str(onrecord), *args, "--db", big], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdout.readline()
        p.stdout.close()
        err = p.stderr.read()
        assert p.wait(timeout=120) in (0, 141) and err == b"", (args, err)  # 0: all of it fitted the pipe
