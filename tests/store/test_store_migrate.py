"""Schema migrations: 0003 (speaker evidence, registry ids) applies to a corpus at schema 2 (SQLite;
PostgreSQL in test_store_postgres.py), keeps its data, and readers and ingest work on it afterwards."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from store_support import schema_2_corpus

from onrecord.cli import main
from onrecord.store import IngestOptions, connect, ingest
from onrecord.store.db import DatabaseError
from onrecord.store.migrate import current_version, latest_version, migrate

NEW_STATEMENT_COLUMNS = {"speaker_resolution", "speaker_antecedent_start", "speaker_antecedent_end",
                         "speaker_antecedent_text", "speaker_confidence", "speaker_members"}


def columns(db, table: str) -> set[str]:
    cols, _ = db.query_table(f"SELECT * FROM {table} LIMIT 0")
    return set(cols)


def test_migration_3_upgrades_a_schema_2_corpus(tmp_path, evidence_file, fake):
    path = str(tmp_path / "old.db")
    schema_2_corpus(path)
    with connect(path) as db:
        assert current_version(db) == 2 and not NEW_STATEMENT_COLUMNS & columns(db, "statements")
        assert migrate(db) == list(range(3, latest_version(db.backend) + 1)) and migrate(db) == []
        assert NEW_STATEMENT_COLUMNS <= columns(db, "statements") and "registry_id" in columns(db, "entities")
        assert db.query("SELECT speaker, speaker_resolution, speaker_confidence, content FROM statements_view") == [
            ("Volodymyr Zelensky", None, None, "We stand firm on every front")]
        assert {"speaker_resolution", "speaker_confidence", "speaker_antecedent", "speaker_members",
                "speaker_registry_id"} <= columns(db, "statements_view")
        assert "registry_id" in columns(db, "speakers_view")
        documented = {c for (c,) in db.query("SELECT column_name FROM schema_docs WHERE table_name = 'statements'")}
        assert NEW_STATEMENT_COLUMNS <= documented
        assert db.scalar("SELECT count(*) FROM schema_docs WHERE table_name = 'entities' "
                         "AND column_name = 'registry_id'") == 1
        assert "document" in db.scalar("SELECT description FROM schema_docs WHERE table_name = 'entities' "
                                       "AND column_name = 'type'")
        assert db.query("SELECT name FROM sqlite_master WHERE name = 'entities_registry'") == [("entities_registry",)]
    # ingesting into the upgraded corpus adds evidence next to the old rows
    ingest([str(evidence_file)], path, IngestOptions(workers=0, extractor=fake))
    result = CliRunner().invoke(main, ["said", "Zelensky", "--db", path, "--format", "json"])
    rows = json.loads(result.stdout)
    assert [(r["published"], r["resolution"]) for r in rows][:2] == [("2023-01-05", None), ("2024-03-01", "name")]
    unknown = CliRunner().invoke(main, ["said", "Zelensky", "--db", path, "--resolution", "unknown",
                                        "--format", "json"])
    assert [r["content"] for r in json.loads(unknown.stdout)] == ["We stand firm on every front"]


def test_readers_migrate_a_schema_2_corpus_and_the_explorer_says_how(tmp_path):
    path = str(tmp_path / "old.db")
    schema_2_corpus(path)
    from onrecord.explorer import create_app

    with pytest.raises(DatabaseError, match="onrecord corpus --db"):
        create_app(path)  # read-only: it cannot migrate, it says what to run
    result = CliRunner().invoke(main, ["corpus", "--db", path, "--format", "json"])
    assert result.exit_code == 0, result.output
    with connect(path) as db:
        assert current_version(db) == latest_version(db.backend)
    from fastapi.testclient import TestClient

    with TestClient(create_app(path)) as client:
        items = client.get("/api/search", params={"q": "firm"}).json()["items"]
        assert [(r["speaker"], r["resolution"], r["confidence"]) for r in items] == [
            ("Volodymyr Zelensky", None, None)]
