"""Statement modality in the store (schema 7): written, read back, filtered, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fake_modality_engine import SPEC
from store_support import FAKE, write_jsonl

from onrecord.cli import main
from onrecord.store import IngestOptions, connect, ingest, queries
from onrecord.store.errors import FilterError
from onrecord.store.migrate import current_version, latest_version
from onrecord.store.modality import ModalityFilter, fold, modality_filter, summary

QUILL = [
    {"id": "m1", "title": "Harbour", "outlet": "Velmora Gazette", "date": "2024-05-01", "bias": "center",
     "text": "“We will never close the harbour,” Mara Quill said. "
             "“Perhaps the harbour levy can wait,” Mara Quill said. "
             "“The harbour vote comes tomorrow,” Mara Quill said. "
             "“Why is the harbour tunnel so late,” Mara Quill said. "
             "“The harbour wants a second terminal,” Mara Quill said. "
             "“The harbour is open for business,” Mara Quill said."},
    {"id": "m2", "title": "Poll", "outlet": "Velmora Gazette", "date": "2024-05-02", "bias": "center",
     "text": "“Most residents back the harbour tunnel,” Gallup Poll said. "
             "“The harbour levy ends in May,” The Memo said."},
]
OLD = [{"id": "m0", "title": "Before", "outlet": "Velmora Gazette", "date": "2024-04-01", "bias": "center",
        "text": "“The harbour was always ours,” Mara Quill said."}]


def _ingest(target: str, tmp_path, old: bool = False) -> None:
    if old:  # statements without modality, as ingested before schema 7
        ingest([str(write_jsonl(tmp_path / "old.jsonl", OLD))], target, IngestOptions(workers=0, extractor=FAKE))
    ingest([str(write_jsonl(tmp_path / "m.jsonl", QUILL))], target, IngestOptions(workers=0, extractor=SPEC))


def _round_trip(target: str, tmp_path) -> None:
    _ingest(target, tmp_path, old=True)
    db = connect(target)
    assert current_version(db) == latest_version(db.backend) >= 7
    rows = db.query("SELECT s.content, s.modality_negated, s.modality_hypothetical, s.modality_future, "
                    "s.modality_question, s.modality_kind FROM statements s ORDER BY s.id")
    by_content = {r[0]: tuple(r[1:]) for r in rows}
    assert by_content["The harbour was always ours"] == (None, None, None, None, None)
    assert by_content["We will never close the harbour"] == (1, 0, 0, 0, "speech")
    assert by_content["Perhaps the harbour levy can wait"] == (0, 1, 0, 0, "speech")
    assert by_content["The harbour vote comes tomorrow"] == (0, 0, 1, 0, "speech")
    assert by_content["Most residents back the harbour tunnel"] == (0, 0, 0, 0, "finding")
    assert by_content["The harbour levy ends in May"] == (0, 0, 0, 0, "document")
    view = db.query("SELECT negated, modality_kind FROM statements_view WHERE content = ?",
                    ("We will never close the harbour",))
    assert view == [(1, "speech")]

    said = queries.said(db, "Mara Quill").records()
    assert "modality" in said[0] and not any(c.startswith("modality_") for c in said[0])
    assert {r["content"]: r["modality"] for r in said} == {
        "The harbour was always ours": None,
        "We will never close the harbour": "speech negated",
        "Perhaps the harbour levy can wait": "speech hypothetical",
        "The harbour vote comes tomorrow": "speech future",
        "Why is the harbour tunnel so late": "speech",
        "The harbour wants a second terminal": "intent",
        "The harbour is open for business": "speech"}

    def contents(table):
        return sorted(r["content"] for r in table.records())

    speech = queries.said(db, "Mara Quill", modality=modality_filter("speech", None, ["negated", "future"]))
    assert contents(speech) == ["Perhaps the harbour levy can wait", "The harbour is open for business",
                                "Why is the harbour tunnel so late"]
    not_negated = queries.said(db, "Mara Quill", modality=ModalityFilter(without=("negated",)))
    assert "The harbour was always ours" in contents(not_negated)  # unknown modality is not negated
    assert "We will never close the harbour" not in contents(not_negated)
    only = queries.said(db, "Mara Quill", modality=ModalityFilter(only=("hypothetical",)))
    assert contents(only) == ["Perhaps the harbour levy can wait"]
    found = queries.search(db, "harbour", modality=ModalityFilter(kinds=("finding", "document")))
    assert contents(found) == ["Most residents back the harbour tunnel", "The harbour levy ends in May"]
    spoken = queries.search(db, "harbour", modality=ModalityFilter(kinds=("speech",)), limit=50)
    assert len(spoken.rows) == 5 and all(r["modality"].startswith("speech") for r in spoken.records())
    db.close()


def test_round_trip_and_filters_on_sqlite(tmp_path):
    _round_trip(str(tmp_path / "m.db"), tmp_path)


@pytest.mark.postgres
def test_round_trip_and_filters_on_postgres(pg_url, tmp_path):
    _round_trip(pg_url, tmp_path)


def test_cli_said_and_search_filters(tmp_path):
    path = str(tmp_path / "m.db")
    _ingest(path, tmp_path)
    run = CliRunner()
    result = run.invoke(main, ["said", "Mara Quill", "--db", path, "--kind", "speech", "--no-negated",
                               "--no-hypothetical", "--no-future", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(r["content"] for r in json.loads(result.stdout)) == [
        "The harbour is open for business", "Why is the harbour tunnel so late"]
    result = run.invoke(main, ["search", "harbour", "--db", path, "--kind", "finding", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [(r["content"], r["modality"]) for r in json.loads(result.stdout)] == [
        ("Most residents back the harbour tunnel", "finding")]
    result = run.invoke(main, ["search", "harbour", "--db", path, "--modality", "negated", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "We will never close the harbour" in result.stdout and "speech negated" in result.stdout
    bad = run.invoke(main, ["said", "Mara Quill", "--db", path, "--kind", "opinion"])
    assert bad.exit_code == 2 and "speech, finding, document, intent" in bad.output


def test_parsing_user_input():
    assert modality_filter(" Speech,finding ", "question", ()) == ModalityFilter(("speech", "finding"), ("question",))
    assert modality_filter().is_empty()
    with pytest.raises(FilterError, match="not 'opinion'"):
        modality_filter("opinion")
    with pytest.raises(FilterError, match="not 'sarcastic'"):
        modality_filter(None, "sarcastic")
    with pytest.raises(FilterError, match="at once"):
        modality_filter(None, "negated", ["negated"])
    where, params = ModalityFilter(("speech",), ("question",), ("negated",)).sql("s")
    assert where == ["s.modality_kind IN (?)", "s.modality_question = 1", "coalesce(s.modality_negated, 0) = 0"]
    assert params == ["speech"]


def test_summary_and_fold():
    assert summary({"modality_kind": None}) is None
    assert summary({"modality_kind": "finding", "modality_negated": 1, "modality_question": 0}) == "finding negated"
    cols, rows = fold(["content", "modality_negated", "modality_kind"], [("x", 1, "speech")])
    assert cols == ["content", "modality"] and rows == [("x", "speech negated")]
