"""The linking over a real corpus: fictional articles through the real engine, then ``link``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.crosslinks import link_corpus
from tests.crosslinks.crosslinks_news import write_news


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from onrecord.store import IngestOptions, ingest

    folder = tmp_path_factory.mktemp("crosslinks")
    db = folder / "corpus.db"
    summary = ingest([str(write_news(folder / "news.jsonl"))], str(db), IngestOptions(workers=0))
    assert summary.counts.new == 6 and summary.links > 0, summary.as_dict()
    return db


def links(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT fa.ext_id, coalesce(fe.name, f.speaker_text), l.type, ta.ext_id, coalesce(te.name, t.speaker_text), "
            "l.basis, l.evidence_kind, l.evidence, l.score FROM cross_links l "
            "JOIN statements f ON f.id = l.from_statement_id JOIN articles fa ON fa.id = f.article_id "
            "JOIN statements t ON t.id = l.to_statement_id JOIN articles ta ON ta.id = t.article_id "
            "LEFT JOIN entities fe ON fe.id = f.speaker_entity_id LEFT JOIN entities te ON te.id = t.speaker_entity_id "
            "ORDER BY 1, 4, 2").fetchall()
    finally:
        con.close()


def test_a_rejection_across_two_articles_is_linked_and_typed(corpus: Path):
    found = {(r[0], r[1], r[2], r[3], r[4]) for r in links(corpus)}
    assert ("k2", "Ana Ruiz", "rejects", "k1", "Harbour Gazette") in found
    rejects = next(r for r in links(corpus) if r[2] == "rejects")
    assert rejects[5:7] == ("reply", "reply+source") and "Harbour Gazette" in rejects[7]


def test_speakers_on_one_claim_contradict_or_support(corpus: Path):
    found = {(r[0], r[1], r[2], r[3], r[4]) for r in links(corpus)}
    assert ("k4", "Lida Varn", "contradicts", "k3", "Tomas Brel") in found
    assert ("k6", "Mira Sol", "supports", "k3", "Tomas Brel") in found  # confirmed what Brel said
    # Brel says what the Gazette reported, but no cue gives a verdict on it: no link
    assert not {r for r in found if r[0] == "k3" and r[3] == "k1"}
    # Ruiz dismissed a report (a thing named), she states no proposition to agree with: no claim link
    assert not {r for r in found if "Ana Ruiz" in (r[1], r[4]) and r[2] in ("contradicts", "supports")}


def test_unrelated_statements_are_not_linked(corpus: Path):
    assert all("k5" not in (r[0], r[3]) for r in links(corpus))
    assert all(r[0] != r[3] for r in links(corpus))  # never inside one article


def test_linking_again_gives_the_same_links(corpus: Path):
    before = links(corpus)
    summary = link_corpus(str(corpus))
    assert links(corpus) == before and summary.links == len(before)
    assert sum(summary.by_type.values()) == len(before)


def test_the_link_command(corpus: Path, tmp_path: Path):
    res = CliRunner().invoke(main, ["link", "--db", str(corpus), "--json"])
    assert res.exit_code == 0, res.output
    counts = json.loads(res.output)
    assert counts["links"] == len(links(corpus)) and counts["by_type"]["rejects"] >= 1
    res = CliRunner().invoke(main, ["link", "--db", str(corpus)])
    assert res.exit_code == 0 and "rejects" in res.output and "contradicts" in res.output
    res = CliRunner().invoke(main, ["link", "--db", str(tmp_path / "none.db")])
    assert res.exit_code != 0 and "onrecord ingest" in res.output


def test_the_links_export_with_both_statements_citable(corpus: Path):
    res = CliRunner().invoke(main, ["export", "--table", "cross_links", "--format", "jsonl", "--db", str(corpus)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]
    assert len(rows) == len(links(corpus))
    rejects = next(r for r in rows if r["type"] == "rejects")
    assert (rejects["from_speaker"], rejects["from_outlet"], rejects["to_speaker"], rejects["to_published"]) == (
        "Ana Ruiz", "Velmar Daily", "Harbour Gazette", "2031-05-02")
    assert rejects["from_title"] and rejects["to_title"] == "Port sale plan"
