"""The ingest run: read -> skip known inputs -> extract in workers -> write in batches.

Safe to kill at any moment: every batch is one transaction, and a new run skips every
input already stored (by ``inputs.input_key``) before extracting anything.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from onrecord.sources import InputFile, RawDoc, ReadFailure, ReadLimits, Skipped, plan_inputs, read_input
from onrecord.sources.outlets import normalise_doc
from onrecord.sources.repair import repair_doc
from onrecord.store.copies import CopyItem
from onrecord.store.db import Database, connect
from onrecord.store.entities import EntityResolver, drop_nameless, merge_registry_names, merge_surnames
from onrecord.store.migrate import migrate
from onrecord.store.normalise import bytes_hash, content_hash, occurrence
from onrecord.store.pool import DEFAULT_MAX_WORKER_MB, InlinePool, ProcessPool, WorkerStats
from onrecord.store.worker import DEFAULT_EXTRACTOR, MAX_CHARS, WorkItem
from onrecord.store.writer import Counts, Writer, finish_run, read_failure_outcome, start_run

LOOKUP_CHUNK = 256


@dataclass(frozen=True)
class IngestOptions:
    workers: int = 1
    batch_size: int = 32
    extractor: str = DEFAULT_EXTRACTOR
    model: str | None = None
    max_chars: int = MAX_CHARS
    max_articles_per_worker: int = 2000  # restart worker processes this often (0: never)
    max_worker_mb: int = DEFAULT_MAX_WORKER_MB  # a worker past this is stopped, its article recorded (0: no ceiling)


@dataclass
class Summary:
    """The outcome of one run."""

    run_id: int
    read: int = 0
    skipped: int = 0
    counts: Counts = field(default_factory=Counts)
    seconds: float = 0.0
    status: str = "done"
    workers: dict[int, WorkerStats] = field(default_factory=dict)
    db_bytes: int | None = None
    links: int = 0

    @property
    def processed(self) -> int:
        return self.counts.new + self.counts.duplicate + self.counts.copies + self.counts.n_failed

    @property
    def articles_per_s(self) -> float:
        return self.processed / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.counts.words / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        c = self.counts
        return {
            "run_id": self.run_id, "status": self.status, "read": self.read, "skipped": self.skipped,
            "new": c.new, "duplicate": c.duplicate, "copies": c.copies, "failed": c.n_failed,
            "failed_by_reason": dict(c.failed), "statements": c.statements, "events": c.events,
            "words": c.words, "cross_links": self.links,
            "seconds": round(self.seconds, 2), "articles_per_s": round(self.articles_per_s, 2),
            "words_per_s": round(self.words_per_s, 1), "db_bytes": self.db_bytes,
            "workers": {w: {"first_mb": round(s.first_mb, 1), "last_mb": round(s.last_mb, 1),
                            "peak_mb": round(s.peak_mb, 1), "articles": s.articles}
                        for w, s in self.workers.items()},
        }


class ProgressSink(Protocol):
    def start(self, total_bytes: int | None) -> None: ...
    def update(self, done_bytes: int, summary: Summary) -> None: ...
    def stop(self) -> None: ...


class _Reader:
    """All inputs as one stream of items, with a running byte position for ETA."""

    def __init__(self, files: Sequence[InputFile], limits: ReadLimits = ReadLimits()) -> None:
        self.files, self.limits = files, limits
        self.total = None if any(f.size is None for f in files) else sum(f.size or 0 for f in files)
        self.pos = 0

    def __iter__(self) -> Iterator[RawDoc | ReadFailure | Skipped]:
        base = 0
        for f in self.files:
            for item in read_input(f, self.limits):
                self.pos = base + item.pos
                yield item
            base += f.size or 0
            self.pos = base


def _input_key(doc: RawDoc) -> str:
    return content_hash(doc.text) if doc.text is not None else bytes_hash(doc.html or b"", "html:")


def _known(db: Database, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    marks = ", ".join("?" * len(keys))
    rows = db.query(f"SELECT input_key FROM inputs WHERE input_key IN ({marks}) "
                    f"UNION SELECT content_hash FROM articles WHERE content_hash IN ({marks})",
                    (*keys, *keys))
    return {r[0] for r in rows}


def ingest(paths: Iterable[str], db_target: str | None = None, options: IngestOptions = IngestOptions(),
           progress: ProgressSink | None = None, command: str | None = None) -> Summary:
    """Ingest ``paths`` into the corpus at ``db_target``; returns the run's summary."""
    files = plan_inputs(paths)
    db = connect(db_target)
    try:
        migrate(db)
        EntityResolver(db).seed()
        run_id = start_run(db, command or " ".join(sys.argv), options.workers)
        return _Run(db, run_id, files, options, progress).run()
    finally:
        db.close()


class _Run:
    def __init__(self, db: Database, run_id: int, files: Sequence[InputFile], options: IngestOptions,
                 progress: ProgressSink | None) -> None:
        self.db, self.options, self.progress = db, options, progress
        self.reader = _Reader(files, ReadLimits.for_chars(options.max_chars))
        self.writer = Writer(db, run_id)
        self.summary = Summary(run_id)
        self.seen: dict[str, set[tuple[str, str]]] = {}  # input key -> (outlet, date) read this run
        self.copies_ready: list[CopyItem] = []  # copies of stored articles
        self.copies_later: list[CopyItem] = []  # copies of articles of this run (written at its end)
        self.done_pos = 0

    def run(self) -> Summary:
        opts, summary = self.options, self.summary
        started = time.monotonic()
        if self.progress:
            self.progress.start(self.reader.total)
        pool = None
        try:
            pool = (ProcessPool(opts.workers, opts.extractor, opts.model, max_chars=opts.max_chars,
                                max_articles=opts.max_articles_per_worker, max_worker_mb=opts.max_worker_mb)
                    if opts.workers > 0 else InlinePool(opts.extractor, opts.model, opts.max_chars))
            self._loop(pool, started)
            self._write_copies(self.copies_ready + self.copies_later)
            drop_nameless(self.db)
            merge_registry_names(self.db)
            merge_surnames(self.db)
            self._link()
        except KeyboardInterrupt:
            summary.status = "interrupted"
        except BaseException:
            summary.status = "aborted"
            raise
        finally:
            if pool is not None:
                pool.close()
                summary.workers = pool.all_stats() if isinstance(pool, ProcessPool) else pool.stats
            summary.seconds = time.monotonic() - started
            if self.progress:
                self.progress.stop()
            summary.db_bytes = self.db.size_bytes()
            try:
                finish_run(self.db, summary.run_id, summary.status, summary.read, summary.counts,
                           summary.as_dict())
            except Exception:
                pass
        return summary

    def _link(self) -> None:
        """The corpus step after entities merge: cross-article links rebuilt (``onrecord.crosslinks``)."""
        from onrecord.crosslinks.run import link_database

        self.summary.links = link_database(self.db).links

    def _loop(self, pool: InlinePool | ProcessPool, started: float) -> None:
        batches = self._batches()
        exhausted = False
        next_id = 0
        positions: dict[int, int] = {}
        while True:
            while not exhausted and pool.has_capacity():
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                positions[next_id] = self.reader.pos
                pool.submit(next_id, batch)
                next_id += 1
            if exhausted and not pool.busy():
                break
            for batch_id, outcomes in pool.poll(0.2):
                self.summary.counts.add(self.writer.write(outcomes))
                self.done_pos = max(self.done_pos, positions.pop(batch_id, 0))
            self._report(started)

    def _report(self, started: float) -> None:
        if self.progress:
            self.summary.seconds = time.monotonic() - started
            self.progress.update(self.done_pos, self.summary)

    def _batches(self) -> Iterator[list[WorkItem]]:
        """Batches of new inputs; known ones and read failures are settled here."""
        size = self.options.batch_size
        pending: list[WorkItem] = []
        chunk: list[WorkItem] = []
        for item in self.reader:
            if isinstance(item, Skipped):
                self.summary.skipped += 1
                continue
            self.summary.read += 1
            if isinstance(item, ReadFailure):
                self.summary.counts.add(self.writer.write([read_failure_outcome(item)]))
                continue
            item = normalise_doc(repair_doc(item))  # before its key and occurrence: a re-read matches what was stored
            chunk.append(WorkItem(_input_key(item), item))
            if len(chunk) >= LOOKUP_CHUNK:
                pending += self._new_only(chunk)
                chunk = []
            while len(pending) >= size:
                yield pending[:size]
                pending = pending[size:]
        pending += self._new_only(chunk)
        for i in range(0, len(pending), size):
            yield pending[i:i + size]

    def _new_only(self, chunk: list[WorkItem]) -> list[WorkItem]:
        known = _known(self.db, [w.input_key for w in chunk])
        fresh = []
        for w in chunk:
            where = occurrence(w.doc.meta.outlet, w.doc.meta.published)
            if w.input_key not in known and w.input_key not in self.seen:
                self.seen[w.input_key] = {where}
                fresh.append(w)
            elif w.doc.text is None or where in self.seen.setdefault(w.input_key, set()):
                self.summary.counts.duplicate += 1  # a page read before, or the same text, outlet and date
            else:
                self.seen[w.input_key].add(where)
                later = w.input_key not in known
                (self.copies_later if later else self.copies_ready).append(CopyItem.of(w.input_key, w.doc))
        if len(self.copies_ready) >= self.options.batch_size:
            self._write_copies(self.copies_ready)
            self.copies_ready = []
        if len(fresh) < len(chunk):
            self.done_pos = max(self.done_pos, self.reader.pos) if not fresh else self.done_pos
        return fresh

    def _write_copies(self, items: list[CopyItem]) -> None:
        size = self.options.batch_size
        for i in range(0, len(items), size):
            self.summary.counts.add(self.writer.write_copies(items[i:i + size]))


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 2) - 1))
