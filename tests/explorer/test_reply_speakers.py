"""Reply links carry their statements' speakers (schema 13): filled when stored, following an
entity merge or a speaker set to none, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
import uuid

import pytest

from onrecord.store import IngestOptions, connect, ingest

from .explorer_support import ARTICLES, FAKE, write_jsonl

MISMATCHED = ("SELECT count(*) FROM replies r JOIN statements s ON s.id = r.statement_id "
              "JOIN statements t ON t.id = r.target_statement_id "
              "WHERE r.speaker_entity_id IS DISTINCT FROM s.speaker_entity_id "
              "OR r.target_speaker_entity_id IS DISTINCT FROM t.speaker_entity_id")


def _mismatched(db) -> int:
    return int(db.scalar(MISMATCHED))  # IS DISTINCT FROM: PostgreSQL, and SQLite since 3.39


def _exercise(target: str) -> None:
    db = connect(target)
    try:
        assert db.scalar("SELECT count(*) FROM replies WHERE target_speaker_entity_id IS NOT NULL") > 0
        assert _mismatched(db) == 0
        target_speaker = db.scalar("SELECT target_speaker_entity_id FROM replies "
                                   "WHERE target_speaker_entity_id IS NOT NULL ORDER BY 1")
        other = db.scalar("SELECT min(id) FROM entities WHERE id <> ?", (target_speaker,))
        with db.transaction():  # a merge, then a clean-up that leaves statements without a speaker
            db.execute("UPDATE statements SET speaker_entity_id = ? WHERE speaker_entity_id = ?",
                       (other, target_speaker))
        assert _mismatched(db) == 0
        assert db.scalar("SELECT count(*) FROM replies WHERE target_speaker_entity_id = ?", (other,)) > 0
        with db.transaction():
            db.execute("UPDATE statements SET speaker_entity_id = NULL WHERE speaker_entity_id = ?", (other,))
        assert _mismatched(db) == 0
    finally:
        db.close()


def test_reply_speakers_sqlite(tmp_path, fake_db):
    target = tmp_path / "c.db"
    shutil.copyfile(fake_db, target)
    _exercise(str(target))


@pytest.mark.postgres
def test_reply_speakers_postgres(tmp_path, pg_base_url):
    import psycopg

    schema = f"onrecord_replies_{uuid.uuid4().hex[:10]}"
    url = f"{pg_base_url}?schema={schema}"
    try:
        ingest([str(write_jsonl(tmp_path / "news.jsonl", ARTICLES))], url, IngestOptions(workers=0, extractor=FAKE))
        _exercise(url)
    finally:
        with psycopg.connect(pg_base_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
