"""``onrecord events`` and ``onrecord export`` of events (PLOVER JSON Lines, POLECAT TSV, the
generic formats), on a corpus made by the fake events engine (tests/store/fake_events_engine.py)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.store import IngestOptions, ingest
from onrecord.store.event_export import ONRECORD_COLUMNS, POLECAT_COLUMNS

FAKE_EVENTS = str(Path(__file__).parents[1] / "store" / "fake_events_engine.py") + ":FakeEventsExtractor"
NEWS = [
    {"id": "e1", "title": "Strikes on Kyiv", "outlet": "Daily Planet", "date": "2024-05-01",
     "url": "https://planet.example/e1",
     "text": "Russia attacked Ukraine in Kyiv. “Russia threatened Poland again and again,” Andrzej Duda said."},
    {"id": "e2", "title": "Kyiv hit", "outlet": "Morning Courier", "date": "2024-05-02",
     "url": "https://courier.example/e2", "text": "Russia attacked Ukraine in Kyiv on 2024-05-01. Markets fell."},
    {"id": "e3", "title": "Talks", "outlet": "Evening Star", "date": "2024-06-01",
     "text": "Ukraine visited Poland in Geneva. NATO may have sanctioned Russia."},
]


def make_corpus(tmp_path: Path, records: list[dict]) -> str:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = str(tmp_path / "events.db")
    ingest([str(path)], db, IngestOptions(workers=0, extractor=FAKE_EVENTS))
    return db


@pytest.fixture
def db(tmp_path) -> str:
    return make_corpus(tmp_path, NEWS)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def as_json(*args: str):
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_events_command_filters(db):
    rows = as_json("events", "--db", db)
    assert [(r["type"], r["actors"], r["recipients"], r["outlet"]) for r in rows] == [
        ("ASSAULT", "Russia", "Ukraine", "Daily Planet"), ("THREATEN", "Russia", "Poland", "Daily Planet"),
        ("ASSAULT", "Russia", "Ukraine", "Morning Courier"), ("CONSULT", "Ukraine", "Poland", "Evening Star"),
        ("SANCTION", "North Atlantic Treaty Organization", "Russia", "Evening Star")]  # canonical
    assault = as_json("events", "--type", "assault", "--actor", "Russia", "--recipient", "Ukraine", "--db", db)
    assert [(r["date"], r["group_reports"], r["group_outlets"], r["url"]) for r in assault] == [
        ("2024-05-01", 2, 2, "https://planet.example/e1"), ("2024-05-01", 2, 2, "https://courier.example/e2")]
    threat = as_json("events", "--quad", "verbal-conflict", "--db", db)
    assert [(r["type"], r["statement"], r["sentence"]) for r in threat] == [
        ("THREATEN", "s1", "“Russia threatened Poland again and again,” Andrzej Duda said.")]
    assert [r["type"] for r in as_json("events", "--country", "che", "--db", db)] == ["CONSULT"]
    june = as_json("events", "--since", "2024-06-01", "--until", "2024-06-30", "--db", db)
    assert [r["type"] for r in june] == ["CONSULT", "SANCTION"]
    assert len(as_json("events", "--limit", "2", "--db", db)) == 2


def test_events_groups(db):
    groups = as_json("events", "--groups", "--db", db)
    assert [(g["type"], g["n_reports"], g["n_outlets"], g["first_outlet"]) for g in groups][0] == (
        "ASSAULT", 2, 2, "Daily Planet")
    assert len(groups) == 4
    result = run("events", "--groups", "--db", db)
    assert result.exit_code == 0 and "Event groups" in result.stdout


def test_events_table_shows_the_main_columns(db):
    result = run("events", "--db", db)
    assert result.exit_code == 0 and "Events" in result.stdout
    assert "https://" not in result.stdout  # the URL is left to JSON and CSV
    rows = list(csv.DictReader(io.StringIO(run("events", "--format", "csv", "--db", db).stdout)))
    columns = {"title", "url", "published", "sentence", "trigger", "statement_id", "place", "group_reports"}
    assert columns <= set(rows[0])


@pytest.mark.parametrize("args, message", [
    (("--since", "2024-13-01"), "YYYY-MM-DD"), (("--until", "last week"), "YYYY-MM-DD"),
    (("--type", "FIGHT"), "FIGHT"), (("--country", "Ukraine"), "alpha-3"), (("--quad", "5"), "quad")])
def test_bad_filters_are_usage_errors(db, args, message):
    result = run("events", *args, "--db", db)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_unknown_actor_is_advice(db):
    result = run("events", "--actor", "Atlantis", "--db", db)
    assert result.exit_code == 1 and "no event actor named Atlantis" in result.output


def test_export_plover_json_lines(db):
    result = run("export", "--format", "plover", "--db", db)
    assert result.exit_code == 0 and "5 events rows written" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    first = records[0]
    assert {"id", "date", "actor", "recipient", "event", "mode", "context", "text", "text_info", "geo", "aux",
            "reported_by", "group"} <= set(first)
    assert first["event"] == "ASSAULT" and first["date"] == "2024-05-01" and first["quad_code"] == 4
    assert first["actor"][0]["actorText"] == "Russia" and first["actor"][0]["actorCountry"] == "RUS"
    assert first["actor"][0]["actorSector"] == "government" and first["recipient"][0]["actorText"] == "Ukraine"
    assert first["text"] == "Russia attacked Ukraine in Kyiv."
    info = first["text_info"]
    assert (info["title"], info["url"], info["outlet"], info["published"]) == (
        "Strikes on Kyiv", "https://planet.example/e1", "Daily Planet", "2024-05-01")
    assert (info["start"], info["end"], info["eventText"], info["eventStart"], info["eventEnd"]) == (
        0, 32, "attacked", 7, 15)
    assert first["geo"]["placeName"] == "Kyiv" and first["geo"]["geonameid"] == 703448
    assert first["geo"]["lat"] == pytest.approx(50.45466) and first["geo"]["lon"] == pytest.approx(30.5238)
    assert first["group"]["reports"] == 2 and first["group"]["outlets"] == 2
    threat = records[1]
    assert threat["text_info"]["statement"] == "s1" and threat["reported_by"] == ["Andrzej Duda"]
    consult, sanction = records[3], records[4]
    assert consult["mode"] == ["visit"] and consult["context"] == ["diplomatic"] and sanction["aux"] == ["hypothetical"]
    assert len({r["id"] for r in records}) == 5


def test_export_polecat_tsv(db, tmp_path):
    target = tmp_path / "events.tsv"
    result = run("export", "--format", "polecat", "-o", str(target), "--db", db)
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header[:len(POLECAT_COLUMNS)] == list(POLECAT_COLUMNS) and header[len(POLECAT_COLUMNS):] == list(
        ONRECORD_COLUMNS)
    assert header[7] == "Actor Name" and header[15] == "Recipient Name"  # where positional readers look
    assert all(len(line.split("\t")) == len(header) for line in lines)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8")), delimiter="\t",
                               quoting=csv.QUOTE_NONE))
    assert len(rows) == 5
    first = rows[0]
    assert (first["Event Type"], first["Event Date"], first["Quad Code"]) == ("ASSAULT", "2024-05-01",
                                                                               "MATERIAL CONFLICT")
    assert (first["Actor Name"], first["Actor Country"], first["Primary Actor Sector"]) == ("Russia", "RUS",
                                                                                             "government")
    assert (first["Recipient Name"], first["Recipient Country"]) == ("Ukraine", "UKR")
    assert (first["Placename"], first["GeoNames ID"], first["Latitude"], first["Country"]) == (
        "Kyiv", "703448", "50.45466", "UKR")
    assert (first["Source"], first["Publication Date"], first["Publication URL"]) == (
        "Daily Planet", "2024-05-01", "https://planet.example/e1")
    assert first["Group Reports"] == "2" and "Andrzej Duda" in first["Story People"]
    assert rows[1]["Event Sentence"] == "“Russia threatened Poland again and again,” Andrzej Duda said."
    assert rows[3]["Event Mode"] == "visit" and rows[3]["Contexts"] == "diplomatic"


def test_export_events_in_the_generic_formats(db):
    result = run("export", "--table", "events", "--format", "csv", "--db", db)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5 and json.loads(rows[0]["actors"]) == ["Russia"] and rows[0]["group_key"].startswith("g")
    lines = run("export", "--table", "events", "--db", db).stdout.splitlines()
    assert json.loads(lines[3])["modes"] == ["visit"]


def test_event_formats_need_the_events_table(db):
    result = run("export", "--format", "plover", "--table", "statements", "--db", db)
    assert result.exit_code == 2 and "--table events" in result.output


def test_a_pipe_closed_early_is_silent(db):
    """The reader is gone before the first line (``| head -0``): no traceback, no message."""
    onrecord = Path(sys.executable).with_name("onrecord")
    for args in (["export", "--format", "plover"], ["export", "--format", "polecat"],
                 ["export", "--table", "events", "--format", "csv"], ["events", "--format", "csv"], ["events"]):
        proc = subprocess.Popen([str(onrecord), *args, "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.close()
        err = proc.stderr.read()
        proc.wait(timeout=120)
        assert err == b"" and proc.returncode == 141, (args, err)  # 128 + SIGPIPE, quietly
