"""Corpus entities: the registry id as the strongest key, registry names as aliases, merges."""

from __future__ import annotations

import pytest

from onrecord.store import connect
from onrecord.store.entities import EntityResolver, merge_registry_names, merge_surnames
from onrecord.store.migrate import migrate


@pytest.fixture
def db(tmp_path):
    with connect(str(tmp_path / "e.db")) as con:
        migrate(con)
        yield con


def aliases(db, eid: int) -> dict[str, str]:
    return dict(db.query("SELECT alias_key, origin FROM entity_aliases WHERE entity_id = ?", (eid,)))


def test_same_registry_id_is_one_entity_whatever_the_names(db):
    r = EntityResolver(db)
    a = r.resolve("Ana Lee", "person", registry="Q990001")
    assert r.resolve("Anna Leigh", "person", registry="Q990001") == a
    assert EntityResolver(db).resolve("Anna Leigh", "person", registry="Q990001") == a  # not only the cache
    assert db.query("SELECT name, registry_id FROM entities") == [("Ana Lee", "Q990001")]
    assert set(aliases(db, a)) == {"ana lee", "anna leigh"}


def test_same_name_with_two_registry_ids_is_two_entities(db):
    r = EntityResolver(db)
    first = r.resolve("Mike Rogers", "person", registry="Q1")
    second = r.resolve("Mike Rogers", "person", registry="Q2")
    assert first != second
    assert db.query("SELECT key, registry_id FROM entities ORDER BY id") == [("mike rogers", "Q1"),
                                                                             ("mike rogers #Q2", "Q2")]
    assert r.resolve("Mike Rogers", "person") == first  # the name alone: the first one


def test_a_registry_id_is_given_to_the_entity_of_that_name(db):
    r = EntityResolver(db)
    plain = r.resolve("John Doe", "person")
    assert r.resolve("John Doe", "person", registry="Q5") == plain
    assert db.scalar("SELECT registry_id FROM entities WHERE id = ?", (plain,)) == "Q5"


def test_registry_names_become_aliases(db):
    r = EntityResolver(db)
    barr = r.resolve("William Barr", "person", registry="onrecord:william-barr")
    assert aliases(db, barr) == {"william barr": "observed", "bill barr": "registry",
                                 "william p barr": "registry", "william pelham barr": "registry"}
    assert EntityResolver(db).resolve("Bill Barr", "person") == barr


def test_entities_going_by_a_registry_name_merge_into_the_registry_entity(db):
    r = EntityResolver(db)
    bill = r.resolve("Bill Barr", "person")  # seen before any registry id
    place = r.resolve("William P. Barr", "place")  # another type: left alone
    william = r.resolve("William Barr", "person", registry="onrecord:william-barr")
    assert len({bill, william, place}) == 3
    aid = db.scalar("INSERT INTO articles (content_hash, words, text, ingested_at) VALUES ('h', 1, 't', 'now') "
                    "RETURNING id")
    db.execute("INSERT INTO statements (article_id, local_id, speaker_entity_id, cue, cue_start, cue_end, kind, "
               "content) VALUES (?, 's1', ?, 'said', 0, 4, 'direct', 'x')", (aid, bill))
    assert merge_registry_names(db) == 1
    assert db.scalar("SELECT speaker_entity_id FROM statements") == william
    assert db.scalar("SELECT count(*) FROM entities WHERE id = ?", (bill,)) == 0
    assert db.scalar("SELECT entity_id FROM entity_aliases WHERE alias_key = 'bill barr'") == william
    assert db.scalar("SELECT count(*) FROM entities WHERE id = ?", (place,)) == 1
    assert merge_registry_names(db) == 0


def test_surnames_do_not_merge_across_registry_ids(db):
    r = EntityResolver(db)
    r.resolve("Ted Cruz", "person", registry="Q2036942")
    lone = r.resolve("Cruz", "person", registry="Q999")  # another Cruz, says the registry id
    other = r.resolve("Lee", "person")
    full = r.resolve("Ana Lee", "person", registry="Q990001")
    assert merge_surnames(db) == 1  # Lee -> Ana Lee (no registry id to disagree); Cruz stays apart
    assert db.scalar("SELECT count(*) FROM entities WHERE id = ?", (lone,)) == 1
    assert db.scalar("SELECT count(*) FROM entities WHERE id = ?", (other,)) == 0
    assert db.scalar("SELECT entity_id FROM entity_aliases WHERE alias_key = 'lee'") == full
