"""Deterministic shards by article count: the same inputs always give the same shards.

Planning reads the inputs once (with the store's readers and repairs), keys every document as
the one-machine ingest does, and writes each shard's documents to ``inputs/shard-N.parquet``.
A text read again (same key) is not extracted twice: under another outlet or date it is a copy
candidate, settled by the load as the store settles copies.  A later run with new inputs adds
a planning *pass* whose shards are numbered after the existing ones; the same inputs again
reuse their pass.  ``plan.json`` is written last, so a killed planner leaves the old plan.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow.parquet as pq

from onrecord.distributed.layout import RunDir, atomic_write_bytes
from onrecord.distributed.tables import copy_row, failure_row, input_row, table
from onrecord.sources import ReadFailure, ReadLimits, Skipped, plan_inputs, read_input
from onrecord.sources.outlets import normalise_doc
from onrecord.sources.repair import repair_doc
from onrecord.store.copies import CopyItem
from onrecord.store.ingest import _input_key
from onrecord.store.normalise import occurrence
from onrecord.store.worker import MAX_CHARS, WorkItem
from onrecord.store.writer import read_failure_outcome

DEFAULT_ARTICLES_PER_SHARD = 64
PLAN_VERSION = 1


class PlanError(Exception):
    """A run folder cannot be planned into; the message says what to do."""


@dataclass
class Shard:
    id: int
    articles: int
    digest: str  # of its input keys: a marker from another plan never passes for this shard


@dataclass
class Pass:
    number: int
    fingerprint: str
    paths: list[str]
    first_shard: int
    n_shards: int
    read: int = 0
    skipped: int = 0
    duplicates: int = 0
    copies: int = 0
    failures: int = 0


@dataclass
class Plan:
    articles_per_shard: int
    run_uid: str = field(default_factory=lambda: uuid.uuid4().hex)
    shards: list[Shard] = field(default_factory=list)
    passes: list[Pass] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps({"version": PLAN_VERSION, "run_uid": self.run_uid,
                           "articles_per_shard": self.articles_per_shard,
                           "shards": [vars(s) for s in self.shards], "passes": [vars(p) for p in self.passes]},
                          indent=1)

    @classmethod
    def read(cls, run: RunDir) -> "Plan | None":
        if not run.plan_file.exists():
            return None
        d = json.loads(run.plan_file.read_text(encoding="utf-8"))
        if d.get("version") != PLAN_VERSION:
            raise PlanError(f"{run.plan_file} was written by another onrecord version; use a new --out folder")
        return cls(d["articles_per_shard"], d["run_uid"], [Shard(**s) for s in d["shards"]], [Pass(**p) for p in d["passes"]])

    def shard(self, shard_id: int) -> Shard:
        return self.shards[shard_id]

    def shards_of(self, p: Pass) -> list[Shard]:
        return self.shards[p.first_shard:p.first_shard + p.n_shards]


def fingerprint(paths: Iterable[str]) -> str:
    """What the inputs are: each file's path, size and modification time."""
    h = hashlib.sha256()
    for f in plan_inputs(paths):
        try:
            mtime = os.stat(f.path).st_mtime_ns if f.path != "-" else 0
        except OSError:
            mtime = 0
        h.update(f"{os.path.abspath(f.path)}\0{f.size}\0{mtime}\n".encode())
    return h.hexdigest()[:32]


def _planned_keys(run: RunDir, plan: Plan) -> set[str]:
    keys: set[str] = set()
    for s in plan.shards:
        keys.update(pq.read_table(run.input_file(s.id), columns=["input_key"]).column(0).to_pylist())
    return keys


def plan_run(paths: Iterable[str], run: RunDir, articles_per_shard: int = DEFAULT_ARTICLES_PER_SHARD,
             max_chars: int = MAX_CHARS) -> tuple[Plan, Pass]:
    """The run's plan with ``paths`` in it (planned now, or found from an earlier run)."""
    paths = [str(p) for p in paths]
    if "-" in paths:
        raise PlanError("--engine ray cannot read stdin: save the input to a file first")
    run.root.mkdir(parents=True, exist_ok=True)
    plan = Plan.read(run) or Plan(articles_per_shard)
    fp = fingerprint(paths)
    for p in plan.passes:
        if p.fingerprint == fp:
            return plan, p
    known = _planned_keys(run, plan)
    number, first = len(plan.passes), len(plan.shards)
    ps = Pass(number, fp, [os.path.abspath(p) for p in paths], first, 0)
    seen: dict[str, set[tuple[str, str]]] = {}
    current, copies, failures = [], [], []
    size = plan.articles_per_shard

    def flush() -> None:
        sid = first + ps.n_shards
        rows = [input_row(sid, i, w) for i, w in enumerate(current)]
        atomic_write_bytes(run.input_file(sid), _parquet(table("inputs", rows)))
        digest = hashlib.sha256("\n".join(w.input_key for w in current).encode()).hexdigest()[:16]
        plan.shards.append(Shard(sid, len(current), digest))
        ps.n_shards += 1
        current.clear()

    for f in plan_inputs(paths):
        for item in read_input(f, ReadLimits.for_chars(max_chars)):
            if isinstance(item, Skipped):
                ps.skipped += 1
                continue
            ps.read += 1
            if isinstance(item, ReadFailure):
                failures.append(failure_row(number, len(failures), read_failure_outcome(item)))
                continue
            doc = normalise_doc(repair_doc(item))
            key, where = _input_key(doc), occurrence(doc.meta.outlet, doc.meta.published)
            if key not in known and key not in seen:
                seen[key] = {where}
                current.append(WorkItem(key, doc))
                if len(current) >= size:
                    flush()
            elif doc.text is None or where in seen.setdefault(key, set()):
                ps.duplicates += 1
            else:
                seen[key].add(where)
                copies.append(copy_row(number, len(copies), CopyItem.of(key, doc)))
    if current:
        flush()
    ps.copies, ps.failures = len(copies), len(failures)
    atomic_write_bytes(run.pass_file("copies", number), _parquet(table("copies", copies)))
    atomic_write_bytes(run.pass_file("failures", number), _parquet(table("failures", failures)))
    plan.passes.append(ps)
    atomic_write_bytes(run.plan_file, plan.to_json().encode("utf-8"))
    return plan, ps


def _parquet(t) -> bytes:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    pq.write_table(t, sink, compression="zstd")
    return sink.getvalue().to_pybytes()
