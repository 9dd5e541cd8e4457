"""The writer stores each statement's speaker evidence and each entity's registry id (fake engine)."""

from __future__ import annotations

import json

import pytest

from onrecord.store import IngestOptions, connect, ingest


@pytest.fixture
def db(tmp_path, evidence_file, fake):
    path = str(tmp_path / "w.db")
    ingest([str(evidence_file)], path, IngestOptions(workers=0, extractor=fake))
    with connect(path) as con:
        yield con


def statement(db, speaker_text: str) -> dict:
    cols, rows = db.query_table(
        "SELECT s.*, a.text AS article_text FROM statements s JOIN articles a ON a.id = s.article_id "
        "WHERE s.speaker_text = ? ORDER BY s.id LIMIT 1", (speaker_text,))
    return dict(zip(cols, rows[0]))


def test_resolution_antecedent_and_confidence_are_stored(db):
    he = statement(db, "he")
    assert (he["speaker_resolution"], he["speaker_confidence"]) == ("pronoun", 0.6)
    assert he["speaker_antecedent_text"] == "William Barr"
    assert he["article_text"][he["speaker_antecedent_start"]:he["speaker_antecedent_end"]] == "William Barr"
    surname = statement(db, "Barr")
    assert (surname["speaker_resolution"], surname["speaker_confidence"]) == ("surname", 0.92)
    named = statement(db, "William Barr")
    assert (named["speaker_resolution"], named["speaker_confidence"]) == ("name", 0.97)
    assert named["speaker_antecedent_text"] is None and named["speaker_antecedent_start"] is None
    assert statement(db, "Gallup Poll")["speaker_resolution"] == "description"
    assert len({he["speaker_entity_id"], surname["speaker_entity_id"], named["speaker_entity_id"]}) == 1


def test_compound_speaker_members_are_canonical_names(db):
    both = statement(db, "Ana Lee and Bo Chan")
    assert json.loads(both["speaker_members"]) == ["Ana Lee", "Bo Chan"]
    assert db.scalar("SELECT count(*) FROM statements WHERE speaker_members IS NOT NULL") == 1


def test_entities_keep_registry_ids_and_new_types(db):
    rows = db.query("SELECT name, type, registry_id FROM entities WHERE registry_id IS NOT NULL "
                    "OR type IN ('group', 'document') ORDER BY name")
    assert rows == [("Ana Lee", "person", "Q990001"), ("Democrats", "group", None),
                    ("Gallup Poll", "document", None), ("William Barr", "person", "onrecord:william-barr")]
    # Bill Barr and William Barr, Ana Lee and Anna Leigh: one corpus entity each (same registry id)
    speakers = dict(db.query("SELECT speaker_text, e.name FROM statements s JOIN entities e "
                             "ON e.id = s.speaker_entity_id WHERE speaker_text IN ('Bill Barr', 'Anna Leigh')"))
    assert speakers == {"Bill Barr": "William Barr", "Anna Leigh": "Ana Lee"}


def test_an_article_the_database_refuses_fails_alone_in_its_batch(tmp_path, fake):
    from onrecord.records import Article
    from onrecord.sources import DocMeta, RawDoc
    from onrecord.store.migrate import migrate
    from onrecord.store.worker import Extracted
    from onrecord.store.writer import Writer, start_run

    def outcome(key: str, text: str) -> Extracted:
        doc = RawDoc("in.jsonl", f"line {key}", DocMeta(title="T\x00itle", extra={"score": float("nan")}), text=text)
        return Extracted(key, key, doc, Article(text=text), 2)

    with connect(str(tmp_path / "w.db")) as db:
        migrate(db)
        writer = Writer(db, start_run(db, "test", 0))
        counts = writer.write([outcome("1", "One text."), outcome("2", "Bad \ud800 text."), outcome("3", "Three.")])
        assert (counts.new, dict(counts.failed)) == (2, {"store-error": 1})
        assert db.query("SELECT title, meta FROM articles ORDER BY id") == [("Title", '{"score": null}')] * 2
        assert db.query("SELECT locator, reason FROM failures") == [("line 2", "store-error")]
