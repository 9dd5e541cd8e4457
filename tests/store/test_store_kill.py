"""A run killed with SIGKILL at any point, then started again: no duplicate, no loss."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from store_support import FAKE, generated, write_jsonl

N = 120
CLI = [sys.executable, "-c", "from onrecord.cli import main; main()"]


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return fields[0] != "Z"
    except OSError:
        return False


def _start(path: Path, db: Path, workers: int) -> subprocess.Popen:
    env = dict(os.environ, FAKE_SLEEP="0.02")
    return subprocess.Popen([*CLI, "ingest", str(path), "--db", str(db), "--workers", str(workers),
                             "--batch-size", "8", "--extractor", FAKE],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_when(proc: subprocess.Popen, db: Path, articles: int, deadline_s: float = 60) -> list[int]:
    end = time.monotonic() + deadline_s
    kids: list[int] = []
    while time.monotonic() < end and proc.poll() is None:
        kids = _children(proc.pid) or kids
        if _count(db, "articles") >= articles:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return kids


def test_sigkill_then_resume_has_no_duplicate_and_no_loss(tmp_path):
    path = write_jsonl(tmp_path / "gen.jsonl", generated(N))
    db = tmp_path / "kill.db"
    # kill before anything is stored, twice mid-run (inline and with a worker process), then finish
    for threshold, workers in ((0, 0), (15, 0), (60, 1)):
        proc = _start(path, db, workers)
        if threshold == 0:
            time.sleep(0.3)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kids = []
        else:
            kids = _kill_when(proc, db, threshold)
        assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
        for kid in kids:  # orphaned workers notice and exit on their own
            end = time.monotonic() + 10
            while _alive(kid) and time.monotonic() < end:
                time.sleep(0.1)
            assert not _alive(kid), "a worker outlived its killed coordinator"
    stored_before = _count(db, "articles")
    assert 0 < stored_before < N
    done = subprocess.run([*CLI, "ingest", str(path), "--db", str(db), "--workers", "0",
                           "--extractor", FAKE, "--json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone() == (N, N)
    assert con.execute("SELECT count(*) FROM statements").fetchone()[0] == 2 * N
    assert con.execute("SELECT count(*) FROM inputs").fetchone()[0] == N
    assert con.execute("SELECT count(*) FROM articles WHERE n_statements != "
                       "(SELECT count(*) FROM statements s WHERE s.article_id = articles.id)").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == 0
    fts = con.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'settled'").fetchone()[0]
    assert fts == N
    statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY id")]
    assert statuses[-1] == "done" and "running" in statuses  # killed runs never finished


def test_run_with_recycled_workers_exits(tmp_path):
    """Batches left in a retired worker's queue must not keep the process from exiting."""
    records = [dict(r, text=r["text"] + " " + "filler words for a long article. " * 300)
               for r in generated(150)]
    path = write_jsonl(tmp_path / "big.jsonl", records)
    proc = subprocess.run([*CLI, "ingest", str(path), "--db", str(tmp_path / "c.db"), "--workers", "1",
                           "--batch-size", "10", "--recycle-after", "20", "--extractor", FAKE],
                          capture_output=True, timeout=120, env=dict(os.environ, FAKE_SLEEP="0"))
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert _count(tmp_path / "c.db", "articles") == 150
