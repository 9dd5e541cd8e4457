"""``distributed_ingest``: plan the inputs into shards, then extract the unfinished ones on Ray.

The driver holds no state that a re-run cannot rebuild: kill it at any point and run the
same command again; finished shards (markers) are skipped, the others are extracted again and
overwrite whatever files they left.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from onrecord.distributed.engine import EngineOptions, EngineReport, import_ray, run_shards
from onrecord.distributed.layout import RunDir
from onrecord.distributed.plan import DEFAULT_ARTICLES_PER_SHARD, Pass, Plan, plan_run
from onrecord.distributed.shards import marker_info


@dataclass
class RunSummary:
    out: str
    plan: Plan
    this_pass: Pass
    report: EngineReport
    seconds: float

    def as_dict(self) -> dict:
        markers = [marker_info(RunDir.at(self.out), s.id) or {} for s in self.plan.shards]
        words = sum(m.get("words", 0) for m in markers)
        p = self.this_pass
        return {"out": self.out, "shards": len(self.plan.shards), "extracted": len(self.report.done),
                "skipped": len(self.report.skipped), "actors": self.report.actors,
                "articles": sum(m.get("articles", 0) for m in markers),
                "failed": sum(m.get("failures", 0) for m in markers) + p.failures,
                "statements": sum(m.get("statements", 0) for m in markers), "words": words,
                "read": p.read, "copies": p.copies, "duplicate": p.duplicates, "skipped_inputs": p.skipped,
                "retried": sorted(self.report.errors), "seconds": round(self.seconds, 2)}


def distributed_ingest(paths: Iterable[str], out: str, options: EngineOptions = EngineOptions(),
                       articles_per_shard: int = DEFAULT_ARTICLES_PER_SHARD,
                       on_result: Callable[[dict], None] | None = None) -> RunSummary:
    """Plan ``paths`` into the run folder ``out`` and extract every shard not finished yet."""
    import_ray()  # before planning: without Ray, say so at once
    started = time.monotonic()
    run = RunDir.at(out)
    plan, this_pass = plan_run(paths, run, articles_per_shard, options.max_chars)
    report = run_shards(run, plan, options, on_result)
    return RunSummary(str(run.root), plan, this_pass, report, time.monotonic() - started)
