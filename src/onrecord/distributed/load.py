"""``load(RUN, db)``: the run's Parquet dataset into SQLite or PostgreSQL, idempotent and resumable.

Batches are loaded in plan order (pass, shard, position: the order the inputs were read in)
through the store's own ``Writer``, so articles, copies, entities (alias keys, the registry),
quote groups and failures follow exactly the rules of the one-machine ``onrecord ingest``;
the corpus-wide merges (``drop_nameless``, ``merge_registry_names``, ``merge_surnames``) and the
cross-article links (``onrecord.crosslinks``) end it, as they end an ingest.  Each batch is one transaction that also records it in
``distributed_loads``: a killed load resumes after its last batch, and a second load of the
same run inserts nothing.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pyarrow.parquet as pq

from onrecord.crosslinks.run import link_database
from onrecord.distributed.layout import RunDir
from onrecord.distributed.plan import Plan, PlanError
from onrecord.distributed.shards import is_done
from onrecord.distributed.tables import copy_item, extracted, failed
from onrecord.store.db import Database, connect
from onrecord.store.entities import EntityResolver, drop_nameless, merge_registry_names, merge_surnames
from onrecord.store.migrate import migrate
from onrecord.store.worker import Outcome
from onrecord.store.writer import Counts, Writer, finish_run, now, start_run

LOADS_TABLE = ("CREATE TABLE IF NOT EXISTS distributed_loads (run_uid TEXT NOT NULL, batch TEXT NOT NULL, "
               "items INTEGER NOT NULL, loaded_at TEXT NOT NULL, PRIMARY KEY (run_uid, batch))")
COPY_BATCH = 256


@dataclass
class LoadSummary:
    run_id: int
    loaded: list[str] = field(default_factory=list)  # batches loaded now
    skipped: list[str] = field(default_factory=list)  # batches loaded before
    counts: Counts = field(default_factory=Counts)
    links: int = 0  # cross-article links, rebuilt over the whole corpus
    seconds: float = 0.0

    def as_dict(self) -> dict:
        c = self.counts
        return {"run_id": self.run_id, "batches_loaded": len(self.loaded), "batches_skipped": len(self.skipped),
                "new": c.new, "duplicate": c.duplicate, "copies": c.copies, "failed": c.n_failed,
                "statements": c.statements, "cross_links": self.links, "seconds": round(self.seconds, 2)}


def _batches(run: RunDir, plan: Plan) -> list[tuple[str, Callable[[], list]]]:
    """(name, rows) of every batch, in plan order; rows are read only when the batch is loaded."""
    out: list[tuple[str, Callable[[], list]]] = []
    for p in plan.passes:
        out.append((f"p{p.number}-failures", lambda p=p: [failed(r) for r in _rows(run.pass_file("failures", p.number))]))
        for s in plan.shards_of(p):
            out.append((f"s{s.id}", lambda s=s: _shard_outcomes(run, s.id)))
    for p in plan.passes:
        copies = [copy_item(r) for r in _rows(run.pass_file("copies", p.number))]
        for i in range(0, max(len(copies), 1), COPY_BATCH):
            out.append((f"p{p.number}-copies-{i // COPY_BATCH}", lambda c=copies[i:i + COPY_BATCH]: c))
    return out


def _rows(path) -> list[dict]:
    return pq.read_table(path).to_pylist()


def _shard_outcomes(run: RunDir, shard: int) -> list[Outcome]:
    found = [(r["pos"], extracted(r)) for r in _rows(run.output_file("articles", shard))]
    found += [(r["pos"], failed(r)) for r in _rows(run.output_file("failures", shard))]
    return [o for _, o in sorted(found, key=lambda x: x[0])]


def check_finished(run: RunDir, plan: Plan) -> None:
    left = [s.id for s in plan.shards if not is_done(run, s.id, s.digest)]
    if left:
        raise PlanError(f"{len(left)} of {len(plan.shards)} shards are not finished (first: {left[0]}); run "
                        "the same `onrecord ingest --engine ray ... --out` command again, then load")


def load(run_dir: str, db_target: str | None, command: str | None = None) -> LoadSummary:
    """Load the finished run at ``run_dir`` into the corpus ``db_target``."""
    started = time.monotonic()
    run = RunDir.at(run_dir)
    plan = Plan.read(run)
    if plan is None:
        raise PlanError(f"{run.root} holds no distributed run; make one with "
                        f"`onrecord ingest PATH --engine ray --out {run_dir}`")
    check_finished(run, plan)
    db = connect(db_target)
    try:
        migrate(db)
        db.execute(LOADS_TABLE)
        EntityResolver(db).seed()
        run_id = start_run(db, command or " ".join(sys.argv), 0)
        summary = LoadSummary(run_id)
        _load_batches(db, run, plan, summary)
        drop_nameless(db)
        merge_registry_names(db)
        merge_surnames(db)
        summary.links = link_database(db).links
        summary.seconds = time.monotonic() - started
        finish_run(db, run_id, "done", 0, summary.counts, summary.as_dict())
        return summary
    finally:
        db.close()


def _load_batches(db: Database, run: RunDir, plan: Plan, summary: LoadSummary) -> None:
    writer = Writer(db, summary.run_id)
    done = {b for (b,) in db.query("SELECT batch FROM distributed_loads WHERE run_uid = ?", (plan.run_uid,))}
    for name, rows in _batches(run, plan):
        if name in done:
            summary.skipped.append(name)
            continue
        items = rows()
        try:
            with db.transaction():
                counts = writer.write_copies(items) if "-copies-" in name else writer.write(items)
                db.execute("INSERT INTO distributed_loads (run_uid, batch, items, loaded_at) VALUES (?, ?, ?, ?)",
                           (plan.run_uid, name, len(items), now()))
        except BaseException:
            writer.entities.forget()
            raise
        summary.counts.add(counts)
        summary.loaded.append(name)
