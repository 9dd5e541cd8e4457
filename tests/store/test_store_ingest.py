"""Ingest: counts, idempotence, failures, alias merging, quote grouping (SQLite, fake engine)."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

from store_support import ARTICLES, generated, write_jsonl

from onrecord.store import IngestOptions, connect, ingest
from onrecord.store.migrate import latest_version


def run(paths, db, fake, workers=0, **kw):
    return ingest([str(p) for p in paths], str(db), IngestOptions(workers=workers, extractor=fake, **kw))


def counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "statements", "entities", "quotes", "inputs", "failures",
                          "article_entities", "own_voice")}
    finally:
        con.close()


def test_ingest_then_reingest_adds_nothing(tmp_path, corpus_file, fake):
    db = tmp_path / "c.db"
    s = run([corpus_file], db, fake)
    assert (s.read, s.counts.new, s.counts.duplicate, s.counts.n_failed) == (4, 4, 0, 0)
    assert s.counts.statements == 7
    before = counts(db)
    assert before["articles"] == 4 and before["statements"] == 7 and before["own_voice"] == 1
    again = run([corpus_file], db, fake)
    assert (again.counts.new, again.counts.duplicate, again.counts.n_failed) == (0, 4, 0)
    assert counts(db) == before
    # the same texts under another file name and other metadata are duplicates too
    copy = write_jsonl(tmp_path / "copy.jsonl", [dict(a, id="x" + a["id"]) for a in ARTICLES])
    assert run([copy], db, fake).counts.duplicate == 4
    assert counts(db)["articles"] == 4


def test_duplicates_within_one_input_are_stored_once(tmp_path, fake):
    recs = generated(3)
    path = write_jsonl(tmp_path / "d.jsonl", recs + [dict(recs[0], id="again", text="  " + recs[0]["text"] + "\n")])
    s = run([path], tmp_path / "c.db", fake)
    assert (s.counts.new, s.counts.duplicate) == (3, 1)


def test_corrupt_files_among_good_ones(tmp_path, fake):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write_jsonl(folder / "good.jsonl", generated(5))
    (folder / "sub" / "latin1.txt").write_bytes("Caf\xe9 au lait, said nobody.".encode("latin-1"))
    (folder / "broken.jsonl").write_text('{"text": "ok one"}\n{"text": broken\n[1, 2]\n{"title": "no text"}\n')
    good_gz = gzip.compress(b"".join(
        (__import__("json").dumps(r) + "\n").encode() for r in generated(40, offset=100)))
    (folder / "cut.jsonl.gz").write_bytes(good_gz[: len(good_gz) // 2])
    (folder / "empty.html").write_text("<html><head><title>Nothing</title></head><body></body></html>")
    (folder / "boom.txt").write_text("This EXPLODE text breaks the engine.")
    (folder / ".hidden.txt").write_text("never read")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    s = run([folder], tmp_path / "c.db", fake)
    failed = dict(s.counts.failed)
    assert failed.pop("corrupt-file") == 1
    assert failed == {"bad-encoding": 1, "bad-json": 1, "not-a-record": 1, "no-text": 1,
                      "bad-html": 1, "extraction-error": 1}
    assert s.counts.new >= 6  # 5 good + "ok one" + the readable part of the cut gzip
    assert counts(tmp_path / "c.db")["failures"] == 7
    again = run([folder], tmp_path / "c.db", fake)
    assert again.counts.new == 0 and counts(tmp_path / "c.db")["failures"] == 7
    attempts = connect(str(tmp_path / "c.db")).query("SELECT DISTINCT attempts FROM failures")
    assert attempts == [(2,)]


def test_failure_disappears_once_it_succeeds(tmp_path, fake, monkeypatch):
    path = write_jsonl(tmp_path / "x.jsonl", [{"id": "1", "text": "Alpha. “One two three four,” Ana Lee said."}])
    db = tmp_path / "c.db"
    monkeypatch.setenv("FAKE_SLEEP", "0")
    import onrecord.store.worker as worker

    real = worker.process_batch

    def failing(extractor, items, **kw):
        return [worker.Failed(i.input_key, i.doc.source, i.doc.locator, "extraction-error", "x") for i in items]

    monkeypatch.setattr(worker, "process_batch", failing)
    monkeypatch.setattr("onrecord.store.pool.process_batch", failing)
    assert run([path], db, fake).counts.failed == {"extraction-error": 1}
    monkeypatch.setattr("onrecord.store.pool.process_batch", real)
    s = run([path], db, fake)
    assert s.counts.new == 1 and counts(db)["failures"] == 0


def test_aliases_merge_speakers_places_and_outlets(tmp_path, corpus_file, fake):
    db = tmp_path / "c.db"
    run([corpus_file], db, fake)
    con = connect(str(db))
    speakers = dict(con.query("SELECT speaker, count(*) FROM statements_view GROUP BY speaker"))
    assert speakers["Volodymyr Zelensky"] == 4
    assert speakers["Dmitry Peskov"] == 2
    places = con.query("SELECT DISTINCT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
                       "WHERE ae.name IN ('Kiev', 'Kyiv')")
    assert places == [("Kyiv",)]
    outlets = con.query("SELECT DISTINCT outlet, published FROM statements_view WHERE title = 'Markets'")
    assert outlets == [("The New York Times", "2017-09-06")]


def test_quotes_grouped_across_articles_and_outlets(tmp_path, corpus_file, fake):
    db = tmp_path / "c.db"
    run([corpus_file], db, fake)
    con = connect(str(db))
    rows = con.query("SELECT n_articles, n_outlets, first_published, first_outlet FROM quote_spread "
                     "WHERE n_articles > 1")
    assert rows == [(3, 2, "2024-03-01", "Daily Planet")]


def test_schema_is_versioned_and_documented(tmp_path, corpus_file, fake):
    db = tmp_path / "c.db"
    run([corpus_file], db, fake)
    con = sqlite3.connect(db)
    assert [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1")] == list(range(1, latest_version("sqlite") + 1))
    views = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert {"statements_view", "quote_spread", "outlets_view", "speakers_view", "failures_view"} <= views
    documented = {r[0] for r in con.execute("SELECT DISTINCT table_name FROM schema_docs")}
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                        "AND name NOT LIKE 'statements_fts_%' AND name NOT LIKE 'sqlite_%'")}
    assert tables <= documented
    run_row = con.execute("SELECT status, n_new FROM runs").fetchone()
    assert run_row == ("done", 4)


def test_process_workers_survive_a_crashing_article(tmp_path, fake):
    recs = generated(6)
    recs.insert(3, {"id": "bad", "text": "This text makes the worker CRASH hard."})
    path = write_jsonl(tmp_path / "w.jsonl", recs)
    s = run([path], tmp_path / "c.db", fake, workers=1, batch_size=4)
    assert s.counts.new == 6
    assert dict(s.counts.failed) == {"worker-crashed": 1}
    assert all(w.peak_mb > 0 for w in s.workers.values())


def test_lone_surnames_merge_into_the_only_matching_person(tmp_path, fake):
    recs = [{"id": "1", "text": "One. “We are ready for the vote now,” Ana Lee said."},
            {"id": "2", "text": "Two. “The vote is not over at all,” Lee said."},
            {"id": "3", "text": "Three. “Both of them were wrong about it,” Chan said. "
                                "“I never said such things about it,” Bo Chan denied. "
                                "“Nor did I say them to anyone,” Mia Chan said."}]
    db = tmp_path / "c.db"
    run([write_jsonl(tmp_path / "s.jsonl", recs)], db, fake)
    con = connect(str(db))
    speakers = dict(con.query("SELECT speaker, count(*) FROM statements_view GROUP BY speaker"))
    assert speakers["Ana Lee"] == 2 and "Lee" not in speakers
    assert speakers["Chan"] == 1  # two Chans: ambiguous, left apart
    assert con.scalar("SELECT count(*) FROM statements WHERE speaker_entity_id NOT IN (SELECT id FROM entities)") == 0


def test_workers_are_recycled_without_losing_batches(tmp_path, fake):
    path = write_jsonl(tmp_path / "r.jsonl", generated(30))
    s = run([path], tmp_path / "c.db", fake, workers=1, batch_size=4, max_articles_per_worker=8)
    assert s.counts.new == 30 and s.counts.n_failed == 0
    assert len(s.workers) >= 3 and counts(tmp_path / "c.db")["statements"] == 60


def test_pronouns_are_no_entities(tmp_path, fake):
    recs = [{"id": "1", "text": "One. “The virus spreads fast in winter,” WHO said. "
                                "“Nobody was told about it before,” Who said."}]
    db = tmp_path / "c.db"
    run([write_jsonl(tmp_path / "p.jsonl", recs)], db, fake)
    con = connect(str(db))
    assert con.query("SELECT speaker_entity_id FROM statements") == [(None,), (None,)]
    # a corpus where "who" was once linked is repaired by the next run
    eid = con.scalar("INSERT INTO entities (name, type, key) VALUES ('World Health Organization', "
                     "'organization', 'world health organization x') RETURNING id")
    con.execute("INSERT INTO entity_aliases VALUES ('who', 'WHO', ?, 'lexicon')", (eid,))
    con.execute("UPDATE statements SET speaker_entity_id = ?", (eid,))
    con.execute("UPDATE statements SET speaker_name = NULL, speaker_text = 'who'")  # an unnamed 'who'
    run([write_jsonl(tmp_path / "p.jsonl", recs)], db, fake)
    assert con.scalar("SELECT count(*) FROM statements WHERE speaker_entity_id IS NOT NULL") == 0
    assert con.scalar("SELECT count(*) FROM entity_aliases WHERE alias_key = 'who'") == 0


def test_a_deeply_nested_line_fails_alone_and_the_good_article_is_stored(tmp_path, fake):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps(generated(1)[0]) + "\n")
    s = run([path], tmp_path / "c.db", fake)
    assert (s.counts.new, dict(s.counts.failed)) == (1, {"too-deeply-nested": 1})
    con = sqlite3.connect(tmp_path / "c.db")
    assert con.execute("SELECT source, locator FROM failures").fetchall() == [(str(path), "line 1")]


def test_a_lone_surrogate_fails_its_record_and_keeps_its_batch(tmp_path, fake):
    good = generated(40)
    lines = [json.dumps(r) for r in good]
    lines[5] = '{"text": "Bad \\ud800 text", "title": "x"}'
    lines[20] = '{"text": "Good text.", "outlet": "Bad \\udc00 outlet"}'
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(lines) + "\n")
    s = run([path], tmp_path / "c.db", fake)
    assert (s.counts.new, dict(s.counts.failed)) == (38, {"bad-encoding": 2})
    con = sqlite3.connect(tmp_path / "c.db")
    assert con.execute("SELECT locator FROM failures ORDER BY locator").fetchall() == [("line 21",), ("line 6",)]


def test_wrong_json_types_are_recorded_failures(tmp_path, fake):
    path = tmp_path / "t.jsonl"
    path.write_text('{"text": 42}\n{"text": ["a", "b"]}\n')
    s = run([path], tmp_path / "c.db", fake)
    assert (s.counts.new, dict(s.counts.failed)) == (0, {"bad-field": 2})
    assert counts(tmp_path / "c.db")["articles"] == 0


def test_gzip_bombs_are_too_large_failures_and_the_rest_is_stored(tmp_path, fake, gzip_bombs):
    folder = gzip_bombs(40, json.dumps(generated(1)[0]).encode())  # over the 32 MB record limit
    s = run([folder], tmp_path / "c.db", fake)
    assert (s.counts.new, dict(s.counts.failed)) == (1, {"too-large": 3})
    con = sqlite3.connect(tmp_path / "c.db")
    assert sorted(con.execute("SELECT locator FROM failures")) == [("file",), ("line 1",), ("row 2",)]


def test_unreadable_folders_and_headerless_csv_are_recorded_failures(tmp_path, fake, monkeypatch):
    import os

    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    write_jsonl(folder / "locked" / "a.jsonl", generated(2))
    write_jsonl(folder / "good.jsonl", generated(1, offset=5))
    (folder / "lone.csv").write_text("A lone article without a header row\n")
    real = os.scandir
    locked = folder / "locked"

    def scandir(path="."):  # what a user without permission gets (root is not stopped by chmod)
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    s = run([folder], tmp_path / "c.db", fake)
    assert (s.counts.new, dict(s.counts.failed)) == (1, {"unreadable": 1, "no-header": 1})
    con = sqlite3.connect(tmp_path / "c.db")
    assert sorted(con.execute("SELECT source, reason FROM failures")) == [
        (str(locked), "unreadable"), (str(folder / "lone.csv"), "no-header")]


def test_failures_view_pairs_each_example_source_with_its_own_detail(tmp_path):
    from onrecord.store.migrate import migrate

    with connect(str(tmp_path / "c.db")) as db:
        migrate(db)
        for key, source, detail in (("k1", "a.jsonl", "zzz: the detail of a"), ("k2", "b.jsonl", "aaa: of b")):
            db.execute("INSERT INTO failures (input_key, source, locator, reason, detail, last_seen) "
                       "VALUES (?, ?, 'line 1', 'bad-json', ?, '2024-01-01')", (key, source, detail))
        assert db.query("SELECT reason, n, example_source, example_detail FROM failures_view") == [
            ("bad-json", 2, "a.jsonl", "zzz: the detail of a")]


def test_a_worker_past_its_memory_ceiling_fails_that_article_only(tmp_path, fake):
    recs = generated(5)
    recs.insert(2, {"id": "greedy", "text": "This text makes the worker GREEDY for memory."})
    path = write_jsonl(tmp_path / "m.jsonl", recs)
    s = run([path], tmp_path / "c.db", fake, workers=1, batch_size=3, max_worker_mb=500)
    assert s.counts.new == 5
    assert dict(s.counts.failed) == {"out-of-memory": 1}
    con = sqlite3.connect(tmp_path / "c.db")
    detail = con.execute("SELECT detail FROM failures WHERE reason = 'out-of-memory'").fetchone()[0]
    assert "500 MB" in detail and "--max-worker-mb" in detail


def test_mojibake_in_titles_and_texts_is_repaired_before_extraction(tmp_path, fake):
    path = write_jsonl(tmp_path / "moji.jsonl", [
        {"id": "m", "title": "Senateâ€™s vote", "text": "Vote. “We won the vote at last,” Ana Lee said. Itâ€™s done."}])
    db = tmp_path / "c.db"
    assert run([path], db, fake).counts.new == 1
    con = sqlite3.connect(db)
    title, text = con.execute("SELECT title, text FROM articles").fetchone()
    assert title == "Senate’s vote" and text.endswith("It’s done.")


def test_a_repaired_outlet_name_is_still_a_duplicate_when_read_again(tmp_path, fake):
    # found by the fuzz suite: the outlet was repaired after the copy check, so a re-read
    # looked like the same text under another outlet
    path = write_jsonl(tmp_path / "o.jsonl", [{"text": "0", "outlet": "\u00c2\u0080"}])
    db = tmp_path / "c.db"
    assert run([path], db, fake).counts.new == 1
    again = run([path], db, fake)
    assert (again.counts.new, again.counts.copies, again.counts.duplicate) == (0, 0, 1)
