"""Extraction workers: N spawned processes, each with its own Extractor (or inline for N=0).

Each worker has its own task queue, so the coordinator always knows which batches a
worker holds: if it dies, its batches are retried one article at a time, and an article
that kills a worker again is recorded as ``worker-crashed``.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from multiprocessing.connection import wait
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from onrecord.store.worker import (
    MAX_CHARS, Failed, Outcome, WorkItem, load_extractor, peak_rss_mb, process_batch, rss_mb,
    worker_main,
)

MAX_OUTSTANDING_PER_WORKER = 2
BATCH_TIMEOUT_BASE_S, BATCH_TIMEOUT_PER_ARTICLE_S = 60.0, 5.0
WALL_FACTOR = 4.0
"""A worker that uses no CPU (blocked) is taken for hung after this many times the CPU budget."""
DEFAULT_MAX_WORKER_MB = 6144
"""Above the largest article ingest accepts (1,000,000 characters: about 3.9 GB at 345 MB per
100 KB of text on top of a 0.5 GB worker, benchmarks/memory_bench.py)."""


def batch_timeout(n_items: int) -> float:
    """CPU seconds a worker may spend on one batch before it is taken for hung and replaced
    (CPU, not wall time: a busy machine does not turn slow valid articles into failures)."""
    return BATCH_TIMEOUT_BASE_S + BATCH_TIMEOUT_PER_ARTICLE_S * n_items


class WorkerError(RuntimeError):
    """Workers cannot start (the extractor or model fails to load)."""


@dataclass
class Batch:
    id: int
    items: list[WorkItem]
    single_retry: bool = False


@dataclass
class WorkerStats:
    """Memory of one worker process over its life, MB."""

    first_mb: float = 0.0
    last_mb: float = 0.0
    peak_mb: float = 0.0
    articles: int = 0
    samples: list[tuple[int, float]] = field(default_factory=list)


class InlinePool:
    """Extraction in this process: no parallelism, no start-up cost (``--workers 0``)."""

    def __init__(self, spec: str, model: str | None, max_chars: int = MAX_CHARS) -> None:
        try:
            self.extractor = load_extractor(spec, model)
        except Exception as err:
            raise WorkerError(f"{type(err).__name__}: {err}") from err
        self.max_chars = max_chars
        self.ready: deque[tuple[int, list[Outcome]]] = deque()
        self.stats = {0: WorkerStats(first_mb=rss_mb())}

    def has_capacity(self) -> bool:
        return not self.ready

    def submit(self, batch_id: int, items: list[WorkItem]) -> None:
        self.ready.append((batch_id, process_batch(self.extractor, items, max_chars=self.max_chars)))
        st = self.stats[0]
        st.articles += len(items)
        st.last_mb, st.peak_mb = rss_mb(), peak_rss_mb()
        st.samples.append((st.articles, st.last_mb))

    def busy(self) -> bool:
        return bool(self.ready)

    def poll(self, timeout: float) -> list[tuple[int, list[Outcome]]]:
        out = list(self.ready)
        self.ready.clear()
        return out

    def close(self) -> None:
        pass


class ProcessPool:
    """N worker processes (spawn), one task queue each, one shared result queue."""

    def __init__(self, n: int, spec: str, model: str | None, *, max_articles: int = 0,
                 max_chars: int = MAX_CHARS, start_timeout: float = 300.0,
                 max_worker_mb: int = DEFAULT_MAX_WORKER_MB) -> None:
        self.ctx = mp.get_context("spawn")
        self.n, self.spec, self.model = n, spec, model
        self.max_worker_mb = max_worker_mb
        self.over_memory: set[int] = set()
        self.head_cpu: dict[int, float] = {}
        self.max_articles, self.max_chars = max_articles, max_chars
        self.conns: dict[int, Any] = {}
        self.procs: dict[int, Any] = {}
        self.queues: dict[int, Any] = {}
        self.assigned: dict[int, deque[Batch]] = {}
        self.batches: dict[int, Batch] = {}
        self.stats: dict[int, WorkerStats] = {}
        self.retired: dict[int, WorkerStats] = {}
        self.ready_workers: set[int] = set()
        self._next_wid = 0
        self._next_retry_id = -1
        self._done: list[tuple[int, list[Outcome]]] = []
        self.crashes = 0
        self.head_since: dict[int, float] = {}
        self.hung: set[int] = set()
        for _ in range(n):
            self._spawn()
        self._wait_ready(start_timeout)

    # -- lifecycle ----------------------------------------------------------------------------
    def _spawn(self) -> int:
        wid = self._next_wid
        self._next_wid += 1
        q = self.ctx.Queue()
        reader, writer = self.ctx.Pipe(duplex=False)  # synchronous sends: nothing lost if it dies
        p = self.ctx.Process(target=worker_main, name=f"onrecord-worker-{wid}", daemon=True,
                             args=(wid, self.spec, self.model, q, writer,
                                   self.max_articles, self.max_chars))
        p.start()
        writer.close()
        self.procs[wid], self.queues[wid], self.assigned[wid] = p, q, deque()
        self.conns[wid] = reader
        self.stats[wid] = WorkerStats()
        return wid

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while any(w not in self.ready_workers and w not in self.retired for w in self.procs):
            if time.monotonic() > deadline:
                self.close()
                raise WorkerError(f"workers did not start within {timeout:.0f} s")
            self._drain(0.2)
            dead = [w for w, p in self.procs.items()
                    if w not in self.ready_workers and w not in self.retired and not p.is_alive()]
            if dead:
                self._drain(0.2)  # a 'fatal' message explains better than an exit code
                code = self.procs[dead[0]].exitcode
                self.close()
                raise WorkerError(f"an extraction worker exited while starting (exit code {code})")

    def close(self) -> None:
        for wid, q in self.queues.items():
            if self.procs[wid].is_alive():
                try:
                    q.put_nowait(None)
                except Exception:
                    pass
        deadline = time.monotonic() + 10
        for wid, p in self.procs.items():
            p.join(max(0.1, deadline - time.monotonic()))
        for p in self.procs.values():
            if p.is_alive():
                p.terminate()
                p.join(2)
        for q in self.queues.values():
            _abandon(q)
        self._drain(0.05)

    # -- work ---------------------------------------------------------------------------------
    def has_capacity(self) -> bool:
        return any(len(d) < MAX_OUTSTANDING_PER_WORKER for w, d in self.assigned.items()
                   if w in self.ready_workers)

    def busy(self) -> bool:
        return bool(self.batches) or bool(self._done)

    def submit(self, batch_id: int, items: list[WorkItem], single_retry: bool = False) -> None:
        batch = Batch(batch_id, items, single_retry)
        self.batches[batch_id] = batch
        self._assign(batch)

    def _assign(self, batch: Batch) -> None:
        candidates = [w for w in self.ready_workers if self.procs[w].is_alive()]
        if not candidates:
            raise WorkerError("no extraction worker is alive")
        wid = min(candidates, key=lambda w: len(self.assigned[w]))
        if not self.assigned[wid]:
            self._mark_head(wid)
        self.assigned[wid].append(batch)
        self.queues[wid].put((batch.id, batch.items))

    def poll(self, timeout: float) -> list[tuple[int, list[Outcome]]]:
        """Finished batches (id, outcomes); also notices and replaces dead workers."""
        self._drain(timeout)
        self._check_alive()
        done, self._done = self._done, []
        return done

    def _drain(self, timeout: float) -> None:
        """Handle every message waiting (waiting up to ``timeout`` for the first)."""
        conns = {c: w for w, c in self.conns.items()}
        for conn in wait(list(conns), timeout) if conns else ():
            while True:
                try:
                    if not conn.poll():
                        break
                    msg = conn.recv()
                except (EOFError, OSError):  # the worker is gone; _check_alive replaces it
                    self.conns.pop(conns[conn], None)
                    break
                self._handle(msg)

    def _handle(self, msg: tuple) -> None:
        kind, wid = msg[0], msg[1]
        st = self.stats.get(wid)
        if kind == "fatal":
            self.close()
            raise WorkerError(msg[2])
        if kind == "ready":
            self.ready_workers.add(wid)
            st.first_mb = st.last_mb = st.peak_mb = msg[2]
        elif kind == "done":
            batch_id, outcomes, st.last_mb, st.peak_mb = msg[2], msg[3], msg[4], msg[5]
            st.articles += len(outcomes)
            self.crashes = 0  # progress: only repeated deaths without progress abort the run
            st.samples.append((st.articles, st.last_mb))
            d = self.assigned[wid]
            if d and d[0].id == batch_id:
                d.popleft()
            else:
                self.assigned[wid] = deque(b for b in d if b.id != batch_id)
            self._mark_head(wid)
            if self.batches.pop(batch_id, None) is not None:
                self._done.append((batch_id, outcomes))
        elif kind in ("retired", "exit"):
            st.last_mb, st.peak_mb = msg[2], msg[3]
            if kind == "retired":
                self._replace(wid, crashed=False)

    def _mark_head(self, wid: int) -> None:
        """The worker starts on the batch at the head of its queue now."""
        self.head_since[wid] = time.monotonic()
        self.head_cpu[wid] = proc_cpu_seconds(self.procs[wid].pid)

    def _check_alive(self) -> None:
        for wid, p in list(self.procs.items()):
            if p.is_alive() and self.assigned.get(wid) and wid not in self.retired:
                self._check_limits(wid, p)
            if wid in self.retired or p.is_alive():
                continue
            self._drain(0)  # its last messages may still be in the pipe
            if wid not in self.retired:
                self._replace(wid, crashed=True)

    def _check_limits(self, wid: int, p: Any) -> None:
        """Stop a worker past its memory ceiling or its batch's CPU budget; its batches are
        retried one article at a time, and the article that does it again is recorded."""
        budget = batch_timeout(len(self.assigned[wid][0].items))
        now = time.monotonic()
        cpu = proc_cpu_seconds(p.pid) - self.head_cpu.get(wid, 0.0)
        wall = now - self.head_since.get(wid, now)
        if self.max_worker_mb and proc_rss_mb(p.pid) > self.max_worker_mb:
            self.over_memory.add(wid)
        elif cpu > budget or wall > WALL_FACTOR * budget:
            self.hung.add(wid)
        else:
            return
        p.kill()
        p.join(5)

    def _replace(self, wid: int, *, crashed: bool) -> None:
        """Start a new worker and give it the batches the old one still held."""
        self.retired[wid] = self.stats[wid]
        self.ready_workers.discard(wid)
        held = list(self.assigned.pop(wid, ()))
        p = self.procs[wid]
        p.join(5)
        if crashed:
            self.crashes += 1
            if self.crashes > 3 + 2 * self.n:
                raise WorkerError(f"extraction workers keep dying (last exit code {p.exitcode})")
        new = self._spawn()
        self._wait_ready(300)
        for i, batch in enumerate(held):
            self.batches.pop(batch.id, None)
            if not crashed or i > 0:  # only the first held batch was being processed
                self.submit(batch.id, batch.items, batch.single_retry)
            elif batch.single_retry or len(batch.items) == 1:
                reason, detail = self._failure(wid, p.exitcode)
                self._done.append((batch.id, [
                    Failed(it.input_key, it.doc.source, it.doc.locator, reason, detail)
                    for it in batch.items]))
            else:
                for it in batch.items:  # find the culprit: one article per batch
                    self._next_retry_id -= 1
                    self.submit(self._next_retry_id, [it], single_retry=True)
        _abandon(self.queues[wid])
        del self.procs[wid], self.queues[wid]
        conn = self.conns.pop(wid, None)
        if conn is not None:
            conn.close()
        _ = new

    def _failure(self, wid: int, exitcode: int | None) -> tuple[str, str]:
        """(reason, detail) for the article a stopped worker was on."""
        if wid in self.over_memory:
            return ("out-of-memory", f"the worker passed {self.max_worker_mb} MB on this article; split the "
                                     "document or raise the ceiling (ingest --max-worker-mb)")
        if wid in self.hung:
            return ("timeout", f"extraction took over {batch_timeout(1):.0f} CPU seconds")
        return ("worker-crashed", f"the worker process died (exit code {exitcode})")

    def all_stats(self) -> dict[int, WorkerStats]:
        return {**self.retired, **{w: s for w, s in self.stats.items() if w not in self.retired}}


def proc_rss_mb(pid: int | None) -> float:
    """Resident memory of a process, MB (0 where /proc cannot tell)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def proc_cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of a process (0 where /proc cannot tell)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, ValueError, IndexError):
        return 0.0


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _abandon(q) -> None:
    """A queue whose worker is gone: batches still buffered in it were handed to another worker,
    so its feeder thread must not keep the process from exiting (it would wait forever)."""
    q.cancel_join_thread()
    q.close()
