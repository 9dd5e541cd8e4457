"""Query commands, export formats and CLI errors, through the CLI (SQLite)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from store_support import ARTICLES, EVIDENCE, FAKE, write_jsonl

from onrecord.cli import main
from onrecord.store import IngestOptions, connect, ingest
from onrecord.store import queries


@pytest.fixture
def db(tmp_path, corpus_file, fake):
    path = tmp_path / "q.db"
    ingest([str(corpus_file)], str(path), IngestOptions(workers=0, extractor=fake))
    return str(path)


@pytest.fixture(scope="module")
def edb(tmp_path_factory) -> str:
    """The four articles plus the speaker-evidence ones (see store_support.EVIDENCE)."""
    folder = tmp_path_factory.mktemp("evidence")
    path = str(folder / "e.db")
    ingest([str(write_jsonl(folder / "e.jsonl", ARTICLES + EVIDENCE))], path, IngestOptions(workers=0, extractor=FAKE))
    return path


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
    assert len(as_json("said", "zelensky", "--db", db, "--until", "2024-03")) == 4  # all of March
    code, out = cli("said", "zelensky", "--db", db, "--since", "2024/03/02")
    assert code == 1 and "must be a date like" in out and "Traceback" not in out


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


# -- speaker evidence ------------------------------------------------------------------------------

def test_said_and_search_show_how_the_speaker_was_resolved(edb):
    rows = as_json("said", "William Barr", "--db", edb)
    assert [(r["resolution"], r["confidence"], r["antecedent"]) for r in rows] == [
        ("name", 0.97, None), ("pronoun", 0.6, "William Barr"), ("surname", 0.92, "William Barr"),
        ("name", 0.97, None)]
    found = as_json("search", "law", "--db", edb)
    assert [(r["speaker"], r["resolution"], r["antecedent"]) for r in found] == [("William Barr", "pronoun",
                                                                                 "William Barr")]
    code, out = cli("said", "Barr", "--db", edb, "--format", "csv")
    header = next(csv.reader(io.StringIO(out)))
    assert code == 0 and header[-3:] == ["resolution", "confidence", "antecedent"]
    result = CliRunner(env={"COLUMNS": "250"}).invoke(main, ["said", "Barr", "--db", edb])
    assert result.exit_code == 0 and "pronoun .60" in result.output  # one short column on a terminal
    assert "resolution" not in result.output and "resolved" in result.output
    doc = as_json("spread", "Nobody is above the law in this country", "--db", edb)
    assert list(doc.values())[1][0]["resolution"] == "pronoun"


def test_every_alias_and_registry_name_gives_the_same_statements(edb):
    ids = {name: [r["statement_id"] for r in as_json("said", name, "--db", edb)]
           for name in ("William Barr", "Bill Barr", "William P. Barr", "Barr")}
    assert len(ids["William Barr"]) == 4 and all(v == ids["William Barr"] for v in ids.values())
    assert as_json("said", "Anna Leigh", "--db", edb) == as_json("said", "Ana Lee", "--db", edb)


@pytest.mark.parametrize("options, expected", [
    (["--named-only"], ["name", "surname", "name"]),
    (["--resolution", "pronoun"], ["pronoun"]),
    (["--resolution", "pronoun,surname"], ["pronoun", "surname"]),
    (["--min-confidence", "0.95"], ["name", "name"]),
    (["--min-confidence", "0.9", "--resolution", "surname,pronoun"], ["surname"]),
    (["--resolution", "unknown"], []),
])
def test_said_filters_on_the_evidence(edb, options, expected):
    assert [r["resolution"] for r in as_json("said", "Barr", "--db", edb, *options)] == expected


def test_search_filters_by_speaker_and_evidence(edb):
    assert len(as_json("search", "vote", "--db", edb)) == 4
    assert as_json("search", "vote", "--db", edb, "--named-only") == []  # all by Democrats, a group
    assert len(as_json("search", "vote", "--db", edb, "--resolution", "group")) == 4
    only = as_json("search", "inquiry OR law", "--db", edb, "--speaker", "Bill Barr", "--min-confidence", "0.5")
    assert {r["speaker"] for r in only} == {"William Barr"} and len(only) == 2
    assert as_json("search", "inquiry", "--db", edb, "--speaker", "Democrats") == [
        r for r in as_json("search", "inquiry", "--db", edb) if r["speaker"] == "Democrats"]


def test_bad_evidence_options_are_usage_errors(edb):
    code, out = cli("said", "Barr", "--db", edb, "--resolution", "guess")
    assert code == 2 and "resolution must be one or more of name, surname" in out and "not 'guess'" in out
    code, out = cli("search", "vote", "--db", edb, "--min-confidence", "1.5")
    assert code == 2 and "--min-confidence" in out
    code, out = cli("said", "--help")
    assert code == 0 and "--named-only" in out and "--resolution" in out and "--min-confidence" in out


def test_unknown_speaker_suggests_close_names(edb):
    code, out = cli("said", "Wiliam Bar", "--db", edb)
    assert code == 1 and "no speaker named Wiliam Bar; did you mean: William Barr?" in out
    code, out = cli("said", "Peskow", "--db", edb)
    assert code == 1 and "no speaker named Peskow; did you mean: Dmitry Peskov?" in out
    code, out = cli("search", "vote", "--speaker", "Democratz", "--db", edb)
    assert code == 1 and "did you mean: Democrats?" in out and "Traceback" not in out


def test_groups_and_documents_are_not_ranked_among_speakers(edb):
    con = connect(edb)
    assert con.scalar("SELECT count(*) FROM statements_view WHERE speaker = 'Democrats'") == 5  # the most
    top = as_json("speakers", "--db", edb)
    assert not {r["speaker"] for r in top} & {"Democrats", "Gallup Poll"}
    assert top[1]["speaker"] == "William Barr" and top[1]["resolved_by"] == "name 2, pronoun 1, surname 1"
    assert top[1]["mean_confidence"] == pytest.approx((0.97 * 2 + 0.6 + 0.92) / 4, abs=0.01)
    right = as_json("speakers", "--bias", "right", "--db", edb)
    assert [r["speaker"] for r in right][:3] == ["Ana Lee", "Volodymyr Zelensky", "William Barr"]
    by_speaker = list(as_json("outlet", "Morning Courier", "--db", edb).values())[2]
    assert "Democrats" not in {r["speaker"] for r in by_speaker}
    assert "Democrats" not in {r[0] for r in con.query("SELECT speaker FROM speakers_view")}


def test_export_carries_the_evidence(edb, tmp_path):
    result = CliRunner().invoke(main, ["export", "--format", "jsonl", "--db", edb])
    rows = {r["speaker_text"]: r for r in map(json.loads, result.stdout.splitlines())}
    he = rows["he"]
    assert (he["speaker_resolution"], he["speaker_confidence"], he["speaker_antecedent_text"]) == (
        "pronoun", 0.6, "William Barr")
    assert isinstance(he["speaker_antecedent_start"], int) and he["speaker_registry_id"] == "onrecord:william-barr"
    assert rows["Ana Lee and Bo Chan"]["speaker_members"] == ["Ana Lee", "Bo Chan"]
    assert rows["Bill Barr"]["speaker_members"] is None
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--db", edb])
    by_text = {r["speaker_text"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert by_text["Ana Lee and Bo Chan"]["speaker_members"] == '["Ana Lee", "Bo Chan"]'
    assert by_text["he"]["speaker_confidence"] == "0.6"
    import pyarrow as pa
    import pyarrow.parquet as pq
    target = tmp_path / "s.parquet"
    assert cli("export", "--format", "parquet", "-o", str(target), "--db", edb)[0] == 0
    frame = pq.read_table(target)
    assert pa.types.is_float64(frame.schema.field("speaker_confidence").type)
    assert pa.types.is_list(frame.schema.field("speaker_members").type)
    members = [m for m in frame.column("speaker_members").to_pylist() if m]
    assert members == [["Ana Lee", "Bo Chan"]]
    entities = [json.loads(line) for line in CliRunner().invoke(
        main, ["export", "--table", "entities", "--db", edb]).stdout.splitlines()]
    assert {e["name"]: e["registry_id"] for e in entities if e["registry_id"]} == {
        "William Barr": "onrecord:william-barr", "Ana Lee": "Q990001"}


def test_cli_csv_neutralises_spreadsheet_formulas(tmp_path, fake):
    hostile = {"id": "h1", "title": "=HYPERLINK(\"http://evil.example\")", "outlet": "@Evil Gazette",
               "date": "2024-05-01", "text": "-2+3 said nobody. “=cmd|' /C calc'!A0 is the plan,” Ana Lee said."}
    db = str(tmp_path / "h.db")
    ingest([str(write_jsonl(tmp_path / "h.jsonl", [hostile]))], db, IngestOptions(workers=0, extractor=fake))
    result = CliRunner().invoke(main, ["export", "--table", "articles", "--format", "csv", "--db", db])
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["title"] == "'=HYPERLINK(\"http://evil.example\")" and row["text"].startswith("'-2+3")
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--db", db])
    (st,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert st["content"].startswith("'=cmd")
    code, out = cli("said", "Ana Lee", "--db", db, "--format", "csv")
    cells = [c for r in csv.reader(io.StringIO(out)) for c in r]
    assert code == 0 and any(c.startswith("'=cmd") for c in cells)
    assert not any(c[:1] in "=+-@" for c in cells if c)


def test_outlets_lists_every_outlet_most_statements_first(db):
    rows = as_json("outlets", "--db", db)
    assert rows and set(rows[0]) == {"outlet", "bias", "articles", "statements", "own_voice",
                                     "first_published", "last_published", "sections", "filed_as"}
    assert [r["statements"] for r in rows] == sorted((r["statements"] for r in rows), reverse=True)
    assert sum(r["articles"] for r in rows) >= len(rows)
    code, out = cli("outlets", "--db", db, "--bias", "sideways")
    assert code == 2 and "sideways" in out


def test_search_finds_the_second_part_of_a_split_quote(tmp_path, fake):
    from onrecord.store import IngestOptions, ingest

    src = write_jsonl(tmp_path / "split.jsonl", [{"id": "1", "text": "Talks. “We will not sign,” Ana Lee said."}])
    path = str(tmp_path / "c.db")
    ingest([str(src)], path, IngestOptions(workers=0, extractor=fake))
    with connect(path) as con:  # the engine's second part of a quote split around its cue
        con.execute("UPDATE statements SET content2 = 'The blockade must end first.'")
    rows = as_json("search", "blockade", "--db", path)
    assert [(r["content"], r["content2"]) for r in rows] == [("We will not sign", "The blockade must end first.")]
