"""Worker processes: they die with their coordinator, and /proc readings of memory and CPU."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from store_support import FAKE

from onrecord.store.pool import proc_cpu_seconds, proc_rss_mb

COORDINATOR = """
import sys, time
from onrecord.store.pool import ProcessPool
from onrecord.store.worker import WorkItem
from onrecord.sources import DocMeta, RawDoc
pool = ProcessPool(1, sys.argv[1], None)
doc = RawDoc("x.txt", "line 1", DocMeta(), text="A text the worker sleeps on.")
pool.submit(1, [WorkItem("k", doc)])
print(next(iter(pool.procs.values())).pid, flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_busy_worker_dies_with_its_killed_coordinator():
    env = dict(os.environ, FAKE_SLEEP="60", PYTHONPATH=os.pathsep.join(
        [os.path.dirname(__file__), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen([sys.executable, "-c", COORDINATOR, FAKE], stdout=subprocess.PIPE, text=True, env=env)
    try:
        worker = int(proc.stdout.readline())
        time.sleep(1.0)  # the worker is inside its 60 s article now
        assert _alive(worker)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 5
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(worker), "the worker outlived its coordinator"
    finally:
        if proc.poll() is None:
            proc.kill()


def test_proc_readings_of_this_process():
    assert proc_rss_mb(os.getpid()) > 10
    before = proc_cpu_seconds(os.getpid())
    sum(i * i for i in range(2_000_000))
    assert proc_cpu_seconds(os.getpid()) > before
    assert proc_rss_mb(None) == 0.0 and proc_cpu_seconds(None) == 0.0
