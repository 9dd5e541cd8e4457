"""Two ``onrecord ingest`` processes writing into one corpus at once (SQLite and PostgreSQL).

The first to finish merges entities (``Lee`` into ``Ana Lee``) while the second still writes
statements naming them: the second must neither abort nor store a dangling id, and both
runs' articles must all be there once, whatever the interleaving.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from store_support import FAKE, write_jsonl

from onrecord.store import connect
from onrecord.store.migrate import latest_version

CLI = [sys.executable, "-c", "from onrecord.cli import main; main()"]
SHARED, ONLY_A, ONLY_B = range(0, 6), range(100, 112), range(200, 236)


def _records(numbers: range) -> list[dict]:
    """Alternately an article quoting Ana Lee and one quoting a bare ``Lee`` (merged at run end)."""
    out = []
    for i in numbers:
        who = "Ana Lee" if i % 2 == 0 else "Lee"
        out.append({"id": f"c{i}", "outlet": "Daily Planet", "date": "2024-05-01",
                    "text": f"Item {i}. “Figure {i} is the number we will report,” {who} said."})
    return out


def _inputs(tmp_path: Path) -> tuple[Path, Path]:
    a = write_jsonl(tmp_path / "a.jsonl", _records(SHARED) + _records(ONLY_A))
    b = write_jsonl(tmp_path / "b.jsonl", _records(SHARED) + _records(ONLY_B))
    return a, b


def _start(path: Path, db: str, sleep: float) -> subprocess.Popen:
    env = dict(os.environ, FAKE_SLEEP=str(sleep))
    return subprocess.Popen([*CLI, "ingest", str(path), "--db", db, "--workers", "0", "--batch-size", "3",
                             "--extractor", FAKE, "--json", "--log-every", "0"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _both(tmp_path: Path, db: str) -> list[dict]:
    """Run the two ingests at once (the second slower, so the first merges while it writes)."""
    a, b = _inputs(tmp_path)
    procs = [_start(a, db, 0.05), _start(b, db, 0.1)]
    summaries = []
    try:
        for proc in procs:
            out, err = proc.communicate(timeout=150)
            assert proc.returncode == 0, err[-3000:]
            summaries.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    return summaries


def _check(db, summaries: list[dict]) -> None:
    n = len(SHARED) + len(ONLY_A) + len(ONLY_B)
    assert [s["status"] for s in summaries] == ["done", "done"]
    assert sum(s["new"] for s in summaries) == n
    assert sum(s["duplicate"] for s in summaries) == len(SHARED)
    assert db.query("SELECT count(*), count(DISTINCT content_hash) FROM articles")[0] == (n, n)
    assert db.scalar("SELECT count(*) FROM statements") == n
    assert db.scalar("SELECT count(*) FROM inputs") == n
    assert db.scalar("SELECT count(*) FROM failures") == 0
    dangling = db.scalar("SELECT count(*) FROM statements s LEFT JOIN entities e ON e.id = s.speaker_entity_id "
                         "WHERE e.id IS NULL")
    assert dangling == 0
    speakers = db.query("SELECT e.name, count(*) FROM statements s JOIN entities e ON e.id = s.speaker_entity_id "
                        "GROUP BY e.name")
    assert dict(speakers).get("Ana Lee", 0) + dict(speakers).get("Lee", 0) == n


def test_two_ingests_into_one_sqlite_corpus(tmp_path):
    db_path = tmp_path / "both.db"
    summaries = _both(tmp_path, str(db_path))
    with connect(str(db_path)) as db:
        _check(db, summaries)
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


@pytest.mark.postgres
def test_two_ingests_into_one_fresh_postgres_schema(tmp_path, pg_url):
    summaries = _both(tmp_path, pg_url)  # both create the schema and its tables at once
    with connect(pg_url) as db:
        _check(db, summaries)
        assert db.query("SELECT version FROM schema_version ORDER BY version") == [(v,) for v in range(1, latest_version("postgres") + 1)]
