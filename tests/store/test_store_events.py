"""PLOVER events in the store: written with their article, participants mapped to corpus entities,
grouped across reports (one event, many reports), queried with filters; SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_support import write_jsonl

from onrecord.store import IngestOptions, connect, ingest
from onrecord.store.errors import FilterError, QueryError
from onrecord.store.event_groups import event_signature, participant_key, choose_group, signature, window
from onrecord.store.event_queries import event_groups, events
from onrecord.store.entities import merge_entity

FAKE_EVENTS = str(Path(__file__).with_name("fake_events_engine.py")) + ":FakeEventsExtractor"


def art(aid: str, outlet: str, day: str, text: str, url: str | None = None) -> dict:
    return {"id": aid, "title": f"Story {aid}", "outlet": outlet, "date": day, "url": url, "text": text}


NEWS = [
    art("e1", "Daily Planet", "2024-05-01", "Russia attacked Ukraine in Kyiv. “Russia threatened Poland again and "
        "again,” Andrzej Duda said.", "https://planet.example/e1"),
    art("e2", "Morning Courier", "2024-05-02", "Russia attacked Ukraine in Kyiv on 2024-05-01. Markets fell.",
        "https://courier.example/e2"),
    art("e3", "Evening Star", "2024-05-09", "Russia attacked Ukraine in Kyiv. Sirens sounded."),  # a week later
    art("e4", "Evening Star", "2024-05-01", "Russia attacked Poland in Kyiv. Smoke rose."),  # another recipient
    art("e5", "Daily Planet", "2024-05-03", "Ukraine accused Russia of lying."),
    art("e6", "Morning Courier", "2024-05-04", "Ukraine accused Russia again."),  # a day later: the same
    art("e7", "Evening Star", "2024-05-06", "Ukraine accused Russia once more."),  # two days later: another
    art("e8", "Daily Planet", "2024-06-01", "Ukraine visited Poland in Geneva. NATO may have sanctioned Russia."),
    art("e9", "Morning Courier", "2024-06-01", "Protesters attacked Russia in Kyiv. Police watched."),
    art("e10", "Evening Star", "2024-06-02", "Protesters attacked Russia in Kyiv. Crowds grew."),
]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request, tmp_path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "events.db")


def load(target: str, tmp_path: Path, records: list[dict], name: str = "news.jsonl"):
    path = write_jsonl(tmp_path / name, records)
    return ingest([str(path)], target, IngestOptions(workers=0, extractor=FAKE_EVENTS))


@pytest.fixture
def corpus(target, tmp_path):
    summary = load(target, tmp_path, NEWS)
    db = connect(target)
    yield db, summary
    db.close()


def groups_by(db, type_: str) -> list[tuple]:
    return db.query("SELECT first_date, recipients, n_reports, n_outlets, n_mentions FROM event_groups "
                    "WHERE type = ? ORDER BY first_date, recipients", (type_,))


def test_events_are_stored_with_their_article(corpus):
    db, summary = corpus
    assert summary.counts.new == 10 and summary.counts.events == 12
    assert db.scalar("SELECT count(*) FROM events") == 12
    assert db.scalar("SELECT count(*) FROM event_participants") == 24
    row = db.query("SELECT e.type, e.quad, e.trigger_text, e.trigger_start, e.sentence_text, e.sentence_start, "
                   "e.place_geonameid, e.place_name, e.place_country, e.place_lat, e.date, e.date_from, "
                   "e.event_date, e.confidence FROM events e JOIN articles a ON a.id = e.article_id "
                   "WHERE a.ext_id = 'e2'")
    assert row == [("ASSAULT", "material conflict", "attacked", 7, "Russia attacked Ukraine in Kyiv on 2024-05-01.",
                    0, 703448, "Kyiv", "UKR", 50.45466, "2024-05-01", "text", "2024-05-01", 0.9)]
    text = db.scalar("SELECT text FROM articles WHERE ext_id = 'e2'")
    assert text[7:15] == "attacked"


def test_events_link_statements_entities_modes_and_reporters(corpus):
    db, _ = corpus
    threat = db.query("SELECT e.statement_local_id, e.statement_id = s.id, e.reported_by, e.event_date, e.date_from "
                      "FROM events e JOIN statements s ON s.article_id = e.article_id AND s.local_id = 's1' "
                      "WHERE e.type = 'THREATEN'")
    assert threat == [("s1", True, '["Andrzej Duda"]', "2024-05-01", "published")]
    # the actor is the corpus entity its article entity maps to, the same in every article
    actors = db.query("SELECT DISTINCT p.entity_id, ae.entity_id, en.name FROM event_participants p "
                      "JOIN events e ON e.id = p.event_id JOIN article_entities ae ON ae.article_id = e.article_id "
                      "AND ae.local_id = p.local_entity JOIN entities en ON en.id = p.entity_id "
                      "WHERE p.name = 'Russia'")
    assert len(actors) == 1 and actors[0][0] == actors[0][1] and actors[0][2] == "Russia"
    visit = db.query("SELECT modes, contexts, aux FROM events WHERE type = 'CONSULT'")
    assert visit == [('["visit"]', '["diplomatic"]', "[]")]
    assert db.query("SELECT aux FROM events WHERE type = 'SANCTION'") == [('["hypothetical"]',)]
    protest = db.query("SELECT DISTINCT entity_id, name_key, country, sector FROM event_participants "
                       "WHERE text = 'Protesters'")
    assert protest == [(None, "protesters", "UKR", "civilian")]


def test_two_outlets_reporting_one_event_make_one_group(corpus):
    db, _ = corpus
    assault = groups_by(db, "ASSAULT")
    assert assault == [("2024-05-01", '["Poland"]', 1, 1, 1), ("2024-05-01", '["Ukraine"]', 2, 2, 2),
                       ("2024-05-09", '["Ukraine"]', 1, 1, 1), ("2024-06-01", '["Russia"]', 2, 2, 2)]
    first = db.query("SELECT first_published, first_outlet, first_url, first_title, place, geonameid, actors "
                     "FROM event_groups WHERE type = 'ASSAULT' AND n_reports = 2 AND place_country = 'UKR' "
                     "AND recipients = ? ", ('["Ukraine"]',))
    assert first == [("2024-05-01", "Daily Planet", "https://planet.example/e1", "Story e1", "Kyiv", 703448,
                      '["Russia"]')]
    # within a day: one event; two days on: another
    assert groups_by(db, "ACCUSE") == [("2024-05-03", '["Russia"]', 2, 2, 2), ("2024-05-06", '["Russia"]', 1, 1, 1)]
    assert db.scalar("SELECT count(DISTINCT group_key) FROM events") == 9


def test_a_syndicated_copy_adds_a_report_but_no_events(corpus, target, tmp_path):
    db, _ = corpus
    copy = dict(NEWS[0], id="c1", outlet="Global Wire", date="2024-05-02", url="https://wire.example/c1")
    again = load(target, tmp_path, [copy, NEWS[1]], "more.jsonl")
    assert (again.counts.new, again.counts.copies, again.counts.duplicate, again.counts.events) == (0, 1, 1, 0)
    assert db.scalar("SELECT count(*) FROM events") == 12
    assert groups_by(db, "ASSAULT")[1] == ("2024-05-01", '["Ukraine"]', 3, 3, 2)


def test_merged_entities_regroup_their_events(corpus):
    db, _ = corpus
    poland = db.scalar("SELECT DISTINCT entity_id FROM event_participants WHERE name = 'Poland'")
    ukraine = db.scalar("SELECT DISTINCT entity_id FROM event_participants WHERE name = 'Ukraine'")
    with db.transaction():
        merge_entity(db, poland, ukraine)
    assert db.scalar("SELECT count(*) FROM event_participants WHERE entity_id = ?", (poland,)) == 0
    # "Russia attacked Poland in Kyiv" is now the same event as "Russia attacked Ukraine in Kyiv"
    assert groups_by(db, "ASSAULT")[0] == ("2024-05-01", '["Ukraine"]', 3, 3, 3)


def test_events_query_filters(corpus):
    db, _ = corpus
    rows = events(db, actor="Russia", type="assault").records()
    assert [(r["date"], r["recipients"], r["outlet"], r["group_reports"]) for r in rows] == [
        ("2024-05-01", "Ukraine", "Daily Planet", 2), ("2024-05-01", "Poland", "Evening Star", 1),
        ("2024-05-01", "Ukraine", "Morning Courier", 2), ("2024-05-09", "Ukraine", "Evening Star", 1)]
    first = rows[0]
    assert first["title"] == "Story e1" and first["url"] == "https://planet.example/e1"
    assert first["published"] == "2024-05-01" and first["sentence"] == "Russia attacked Ukraine in Kyiv."
    assert first["trigger"] == "attacked" and first["place"] == "Kyiv" and first["group_outlets"] == 2
    threat = events(db, recipient="Poland", type="THREATEN").records()
    assert [(r["actors"], r["statement"], r["statement_id"] is not None) for r in threat] == [("Russia", "s1", True)]
    assert {r["type"] for r in events(db, quad="verbal conflict").records()} == {"THREATEN", "ACCUSE"}
    assert len(events(db, quad="3").rows) == 4
    assert [r["type"] for r in events(db, country="CHE").records()] == ["CONSULT"]  # the place
    assert {r["type"] for r in events(db, country="pol").records()} == {"ASSAULT", "THREATEN", "CONSULT"}
    june = events(db, since="2024-06-01", until="2024-06-01").records()
    assert sorted(r["type"] for r in june) == ["ASSAULT", "CONSULT", "SANCTION"]
    assert len(events(db, actor="Protesters").rows) == 2  # by the name as written: no entity
    assert len(events(db, limit=3).rows) == 3
    with pytest.raises(FilterError, match="YYYY-MM-DD"):
        events(db, since="May 2024")
    with pytest.raises(FilterError, match="PLOVER type"):
        events(db, type="FIGHT")
    with pytest.raises(QueryError, match="no event actor named Atlantis"):
        events(db, actor="Atlantis")


def test_event_groups_query(corpus):
    db, _ = corpus
    rows = event_groups(db, type="ASSAULT", min_reports=2).records()
    assert [(r["recipients"], r["n_reports"], r["n_outlets"], r["first_outlet"]) for r in rows] == [
        ("Ukraine", 2, 2, "Daily Planet"), ("Russia", 2, 2, "Morning Courier")]
    assert [r["n_reports"] for r in event_groups(db, actor="Ukraine", type="ACCUSE").records()] == [2, 1]


def test_group_keys_are_pure_functions():
    a = signature("assault", ["e2", "e1", "e1"], ["n:kyiv"], 703448)
    assert a == signature("ASSAULT", ["e1", "e2"], ["n:kyiv"], 703448)
    assert a != signature("ASSAULT", ["e1", "e2"], ["n:kyiv"], None) != signature("ASSAULT", ["e1"], ["n:kyiv"], None)
    assert event_signature("ASSAULT", ["e2", "e1"], ["n:kyiv"], 703448, 7, "ev1") == a
    assert participant_key(None, "they") is None and participant_key(None, "kyiv") == "n:kyiv"
    assert participant_key(12, "they") == "e12"
    solo = event_signature("ACCUSE", [None], ["n:kyiv"], None, 7, "ev1")
    assert solo.startswith("u") and solo != event_signature("ACCUSE", [], ["n:kyiv"], None, 8, "ev1")
    assert window("2024-03-01") == ["2024-02-29", "2024-03-01", "2024-03-02"]
    assert window("2024-03") == ["2024-03"] and window(None) == []
    candidates = [("g1", "2024-03-01", "2024-03-02"), ("g2", "2024-03-03", "2024-03-03")]
    assert choose_group(candidates, "2024-03-02") == "g1"  # holds the day
    assert choose_group(candidates, "2024-03-03") == "g2"  # g1 would span three days and more
    assert choose_group([("g3", "2024-03-02", "2024-03-02"), ("g4", "2024-03-04", "2024-03-04")],
                        "2024-03-03") == "g3"  # the earliest of two neighbours
    assert choose_group(candidates, None) is None


def test_events_export_table(corpus):
    import io

    from onrecord.store.export import export

    db, _ = corpus
    out = io.StringIO()
    assert export(db, "events", "jsonl", out) == 12
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assault = next(r for r in rows if r["type"] == "ASSAULT")
    assert assault["actors"] == ["Russia"] and assault["recipients"] == ["Ukraine"] and assault["modes"] == []


def test_events_come_through_worker_processes(tmp_path):
    path = write_jsonl(tmp_path / "news.jsonl", NEWS)
    target = str(tmp_path / "workers.db")
    summary = ingest([str(path)], target, IngestOptions(workers=1, batch_size=3, extractor=FAKE_EVENTS))
    assert summary.counts.events == 12 and summary.as_dict()["events"] == 12
    with connect(target) as db:
        assert db.scalar("SELECT count(*) FROM events") == 12
        assert groups_by(db, "ACCUSE") == [("2024-05-03", '["Russia"]', 2, 2, 2),
                                           ("2024-05-06", '["Russia"]', 1, 1, 1)]
