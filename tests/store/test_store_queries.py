"""Query commands, export formats and CLI errors, through the CLI (SQLite)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.store import IngestOptions, connect, ingest
from onrecord.store import queries


@pytest.fixture
def db(tmp_path, corpus_file, fake):
    path = tmp_path / "q.db"
    ingest([str(corpus_file)], str(path), IngestOptions(workers=0, extractor=fake))
    return str(path)


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def as_json(*args: str):
    code, out = cli(*args, "--format", "json")
    assert code == 0, out
    return json.loads(out)


def test_said_merges_aliases_and_orders_by_date(db):
    rows = as_json("said", "Zelenskyy", "--db", db)
    assert [r["published"] for r in rows] == sorted(r["published"] for r in rows)
    assert len(rows) == 4 and {r["speaker"] for r in rows} == {"Volodymyr Zelensky"}
    assert len(as_json("said", "zelensky", "--db", db, "--since", "2024-03-02")) == 3
    assert len(as_json("said", "Peskov", "--db", db)) == 2
    code, out = cli("said", "Nobody Known", "--db", db)
    assert code == 1 and "onrecord speakers" in out and "Traceback" not in out


def test_search_full_text_with_stemming(db):
    rows = as_json("search", "ceasefires", "--db", db)
    assert len(rows) == 2 and all("ceasefire" in r["content"] for r in rows)
    assert as_json("search", 'unbalanced "quote', "--db", db) == []  # not FTS syntax: searched as words
    code, out = cli("search", "ceasefire", "--db", db, "--format", "csv")
    assert code == 0 and list(csv.reader(io.StringIO(out)))[0][0] == "published"


def test_spread_by_text_and_by_id(db):
    doc = as_json("spread", "we will never give up kyiv to anyone", "--db", db)
    head, rows = doc.values()
    assert head[0]["n_articles"] == 3 and head[0]["n_outlets"] == 2
    assert head[0]["first_outlet"] == "Daily Planet" and head[0]["first_published"] == "2024-03-01"
    assert [r["published"] for r in rows] == ["2024-03-01", "2024-03-02", "2024-03-03"]
    again = as_json("spread", head[0]["quote_id"], "--db", db)
    assert list(again.values())[0] == head
    assert as_json("spread", "never give up Kyiv", "--db", db) == doc  # words of it: FTS fallback
    code, out = cli("spread", "q0000000000000000", "--db", db)
    assert code == 1 and "no quote" in out


def test_outlet_profile(db):
    doc = as_json("outlet", "daily planet", "--db", db)
    summary, classes, by_speaker = doc.values()
    assert summary[0]["articles"] == 2 and summary[0]["statements"] == 4
    assert summary[0]["own_voice"] == 1 and summary[0]["own_voice_share"] == pytest.approx(0.2)
    assert {c["cue_class"] for c in classes} == {"neutral", "denial", "contested"}
    zel = next(r for r in by_speaker if r["speaker"] == "Volodymyr Zelensky")
    assert zel["statements"] == 2 and zel["neutral"] == 1 and zel["contested"] == 1
    code, out = cli("outlet", "Daily Planet", "--db", db)
    assert code == 0 and "Cue classes by speaker" in out
    code, out = cli("outlet", "No Such Paper", "--db", db)
    assert code == 1 and "no outlet" in out


def test_speakers_by_outlet_and_bias(db):
    top = as_json("speakers", "--db", db)
    assert top[0]["speaker"] == "Volodymyr Zelensky" and top[0]["statements"] == 4
    right = as_json("speakers", "--bias", "right", "--db", db)
    assert {r["speaker"] for r in right} == {"Volodymyr Zelensky"}
    nyt = as_json("speakers", "--outlet", "New York Times", "--db", db)
    assert [r["speaker"] for r in nyt] == ["Janet Ruiz"]


def test_failures_and_corpus_commands(db):
    assert as_json("corpus", "--db", db)[0] == {"table": "articles", "rows": 4}
    doc = as_json("failures", "--db", db)
    assert list(doc.values()) == [[], []]


@pytest.mark.parametrize("table", ["articles", "statements", "entities", "quotes", "failures"])
def test_export_formats(db, tmp_path, table):
    con = connect(db)
    result = CliRunner().invoke(main, ["export", "--table", table, "--format", "jsonl", "--db", db])
    assert result.exit_code == 0 and f"{table} rows written" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    result = CliRunner().invoke(main, ["export", "--table", table, "--format", "csv", "--db", db])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    import pyarrow.parquet as pq
    target = tmp_path / f"{table}.parquet"
    code, _ = cli("export", "--table", table, "--format", "parquet", "-o", str(target), "--db", db)
    assert code == 0
    frame = pq.read_table(target)
    expected = {"articles": 4, "statements": 7, "quotes": 5, "failures": 0}.get(table)
    if expected is not None:
        assert len(lines) == frame.num_rows == expected
    else:
        assert len(lines) == frame.num_rows == con.scalar("SELECT count(*) FROM entities")
    assert len(rows) == len(lines)
    if table == "statements":
        assert frame.column("speaker").to_pylist().count("Volodymyr Zelensky") == 4


def test_export_parquet_needs_a_file(db):
    code, out = cli("export", "--format", "parquet", "--db", db)
    assert code == 2 and "--output" in out


def test_errors_are_advice_not_tracebacks(tmp_path, fake):
    code, out = cli("said", "x", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "onrecord ingest" in out
    code, out = cli("ingest", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "c.db"))
    assert code == 2 and "no such file" in out
    code, out = cli("ingest", str(tmp_path), "--db", str(tmp_path / "no" / "dir" / "c.db"))
    assert code == 1 and "does not exist" in out
    (tmp_path / "junk.db").write_bytes(b"this is not sqlite at all" * 100)
    code, out = cli("corpus", "--db", str(tmp_path / "junk.db"))
    assert code == 1 and "Traceback" not in out
    code, out = cli("ingest", str(tmp_path), "--db", str(tmp_path / "c2.db"), "--extractor", "nowhere:Nothing")
    assert code == 1 and "--workers 0" in out


def test_ingest_cli_reads_stdin_and_prints_summary(tmp_path, fake):
    text = "Plain story. “Four words are enough here,” Ana Lee said."
    result = CliRunner().invoke(main, ["ingest", "-", "--db", str(tmp_path / "s.db"), "--workers", "0",
                                       "--extractor", fake, "--json"], input=text)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["new"] == 1 and summary["statements"] == 1


def test_queries_api_directly(db):
    con = connect(db)
    table = queries.said(con, "Volodymyr Zelensky", limit=2)
    assert len(table.rows) == 2 and table.columns[0] == "published"
