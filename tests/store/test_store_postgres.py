"""The same features on PostgreSQL, each test in its own fresh schema."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from store_support import generated, schema_2_corpus, write_jsonl

from onrecord.cli import main
from onrecord.store import IngestOptions, connect, ingest, queries
from onrecord.store.evidence import evidence_filter
from onrecord.store.export import export
from onrecord.store.migrate import current_version, latest_version

pytestmark = pytest.mark.postgres


def test_ingest_reingest_and_schema(pg_url, corpus_file, fake, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": nope}\n{"text": "Nul\\u0000 byte. “Four words are here,” Ana Lee said."}\n')
    s = ingest([str(corpus_file), str(bad)], pg_url, IngestOptions(workers=0, extractor=fake))
    assert (s.counts.new, s.counts.duplicate, dict(s.counts.failed)) == (5, 0, {"bad-json": 1})
    again = ingest([str(corpus_file), str(bad)], pg_url, IngestOptions(workers=0, extractor=fake))
    assert (again.counts.new, again.counts.duplicate, again.counts.n_failed) == (0, 5, 1)
    db = connect(pg_url)
    assert current_version(db) == latest_version(db.backend)
    assert db.scalar("SELECT count(*) FROM articles") == 5
    assert db.scalar("SELECT attempts FROM failures") == 2
    assert db.scalar("SELECT count(*) FROM statements") == 8
    assert db.scalar("SELECT meta->>'topic' FROM articles WHERE title = 'Markets'") == "economy"


def test_queries_on_postgres(pg_url, corpus_file, fake):
    ingest([str(corpus_file)], pg_url, IngestOptions(workers=0, extractor=fake))
    db = connect(pg_url)
    said = queries.said(db, "Zelensky")
    assert len(said.rows) == 4
    found = queries.search(db, "ceasefires")
    assert len(found.rows) == 2
    head, rows = queries.spread(db, "We will never give up Kyiv to anyone")
    assert head.records()[0]["n_outlets"] == 2 and len(rows.rows) == 3
    summary, classes, by_speaker = queries.outlet_profile(db, "Daily Planet")
    assert summary.records()[0]["own_voice_share"] == pytest.approx(0.2)
    left = queries.top_speakers(db, bias="left").records()
    assert [(r["speaker"], r["statements"]) for r in left][:2] == [("Dmitry Peskov", 2), ("Volodymyr Zelensky", 2)]
    result = CliRunner().invoke(main, ["speakers", "--db", pg_url, "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["statements"] == 4


def test_export_and_workers_on_postgres(pg_url, fake, tmp_path):
    path = write_jsonl(tmp_path / "g.jsonl", generated(20))
    s = ingest([str(path)], pg_url, IngestOptions(workers=2, batch_size=4, extractor=fake))
    assert s.counts.new == 20 and s.counts.statements == 40
    db = connect(pg_url)
    out = io.StringIO()
    assert export(db, "statements", "jsonl", out) == 40
    import pyarrow.parquet as pq
    with open(tmp_path / "a.parquet", "wb") as f:
        assert export(db, "articles", "parquet", f) == 20
    assert pq.read_table(tmp_path / "a.parquet").num_rows == 20
    assert db.scalar("SELECT count(*) FROM articles") == 20  # the connection is usable after streaming


def test_migration_3_upgrades_a_schema_2_corpus_on_postgres(pg_url, evidence_file, fake):
    schema_2_corpus(pg_url)
    db = connect(pg_url)
    assert current_version(db) == 2
    from onrecord.store.migrate import migrate

    assert migrate(db) == list(range(3, latest_version("postgres") + 1))
    assert db.query("SELECT speaker, speaker_resolution, speaker_confidence FROM statements_view") == [
        ("Volodymyr Zelensky", None, None)]
    assert db.scalar("SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() "
                     "AND table_name = 'statements' AND column_name = 'speaker_confidence'") == "double precision"
    assert db.scalar("SELECT count(*) FROM schema_docs WHERE column_name LIKE 'speaker_antecedent%'") == 3
    ingest([str(evidence_file)], pg_url, IngestOptions(workers=0, extractor=fake))
    old = queries.said(db, "Zelensky", evidence=evidence_filter("unknown"))
    assert [r["content"] for r in old.records()] == ["We stand firm on every front"]


def test_speaker_evidence_on_postgres(pg_url, evidence_file, fake):
    ingest([str(evidence_file)], pg_url, IngestOptions(workers=0, extractor=fake))
    db = connect(pg_url)
    barr = queries.said(db, "Bill Barr").records()
    assert [(r["resolution"], r["confidence"], r["antecedent"]) for r in barr] == [
        ("name", 0.97, None), ("pronoun", 0.6, "William Barr"), ("surname", 0.92, "William Barr"),
        ("name", 0.97, None)]
    assert queries.said(db, "William Barr").rows == queries.said(db, "Bill Barr").rows
    named = queries.said(db, "Barr", evidence=evidence_filter(None, None, True))
    assert [r["resolution"] for r in named.records()] == ["name", "surname", "name"]
    high = queries.said(db, "Barr", evidence=evidence_filter("name,pronoun", "0.5"))
    assert [r["resolution"] for r in high.records()] == ["name", "pronoun", "name"]
    assert len(queries.search(db, "vote", evidence=evidence_filter("group")).rows) == 4
    assert queries.search(db, "inquiry", speaker="Bill Barr").records()[0]["speaker"] == "William Barr"
    top = queries.top_speakers(db).records()
    assert "Democrats" not in {r["speaker"] for r in top}
    assert next(r for r in top if r["speaker"] == "William Barr")["resolved_by"] == "name 2, pronoun 1, surname 1"
    with pytest.raises(queries.UnknownName, match="did you mean: William Barr"):
        queries.said(db, "Wiliam Bar")
    out = io.StringIO()
    export(db, "statements", "jsonl", out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["speaker_members"] for r in rows if r["speaker_members"]] == [["Ana Lee", "Bo Chan"]]
    assert db.query("SELECT name, registry_id FROM entities WHERE registry_id IS NOT NULL ORDER BY name") == [
        ("Ana Lee", "Q990001"), ("William Barr", "onrecord:william-barr")]


def test_nul_and_nan_in_metadata_do_not_abort_the_ingest(pg_url, fake, tmp_path):
    path = tmp_path / "nul.jsonl"
    path.write_text('{"text": "Nul one. “Four words are here,” Ana Lee said.", "title": "Ti\\u0000tle", '
                    '"outlet": "Daily\\u0000 Planet", "note": "a\\u0000b", "k\\u0000": 1}\n'
                    '{"text": "NaN two. “Five words are here now,” Bo Chan said.", "score": NaN, '
                    '"nested": {"x": [Infinity, "c\\u0000"]}, "title": NaN}\n')
    s = ingest([str(path)], pg_url, IngestOptions(workers=0, extractor=fake))
    assert (s.counts.new, s.counts.n_failed) == (2, 0)
    db = connect(pg_url)
    rows = db.query("SELECT title, outlet, meta FROM articles ORDER BY id")
    assert rows[0] == ("Title", "Daily Planet", {"note": "ab", "k": 1})
    assert rows[1] == (None, None, {"score": None, "nested": {"x": [None, "c"]}, "title": None})
    assert db.scalar("SELECT count(*) FROM failures") == 0
