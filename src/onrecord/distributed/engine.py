"""Run the mapper over a plan's unfinished shards on Ray Data (the only module importing Ray).

One block per shard (``from_items`` with as many blocks as shards): Ray never packs several
shards into one block, so work is sized by articles, not bytes.  The actor pool leaves one
logical CPU free: an actor pool holding every CPU starves Ray Data's own tasks and hangs.
A shard whose attempt fails (an exception, a killed worker, a lost node) has no marker and is
run again, in a further pass, up to ``attempts`` passes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from onrecord.distributed.layout import RunDir
from onrecord.distributed.mapper import ShardMapper
from onrecord.distributed.plan import Plan
from onrecord.distributed.shards import is_done

RAY_HINT = "the Ray engine needs Ray: pip install 'onrecord[ray]'"


class EngineUnavailable(RuntimeError):
    """Ray is not installed (the message says what to install)."""


class ShardsFailed(RuntimeError):
    """Some shards did not finish after every attempt; re-running the command retries them."""


def import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as err:
        raise EngineUnavailable(RAY_HINT) from err
    return ray


@dataclass(frozen=True)
class EngineOptions:
    address: str | None = None  # join this cluster; None: start a local runtime
    workers: int | None = None  # mapper actors (None: as many as the cluster allows)
    attempts: int = 3  # passes over unfinished shards
    extractor: str = "onrecord.pipeline:Extractor"
    model: str | None = None
    max_chars: int = 1_000_000
    batch_size: int = 32
    temp_dir: str | None = None  # Ray's session folder for a local runtime


@dataclass
class EngineReport:
    done: list[int] = field(default_factory=list)  # extracted now
    skipped: list[int] = field(default_factory=list)  # finished before
    errors: dict[int, list[str]] = field(default_factory=dict)  # shard -> errors of failed attempts
    actors: int = 0
    cluster_cpus: float = 0.0


def actor_count(cluster_cpus: float, requested: int | None) -> int:
    """Mapper actors for a cluster: one logical CPU stays free for Ray Data's other tasks."""
    free = max(1, int(cluster_cpus) - 1)
    return free if not requested else max(1, min(requested, free))


def _init(ray: Any, opts: EngineOptions) -> None:
    env = {"env_vars": {k: v for k, v in os.environ.items() if k.startswith(("ONRECORD_", "FAKE_"))}}
    kwargs: dict[str, Any] = {"runtime_env": env, "log_to_driver": False, "include_dashboard": False}
    if opts.address:
        ray.init(address=opts.address, **kwargs)
    else:  # a local runtime: the actors' CPUs plus one free
        cpus = (opts.workers or max(1, (os.cpu_count() or 2) - 1)) + 1
        ray.init(num_cpus=cpus, _temp_dir=opts.temp_dir, **kwargs)


def run_shards(run: RunDir, plan: Plan, opts: EngineOptions,
               on_result: Callable[[dict], None] | None = None) -> EngineReport:
    """Extract every unfinished shard of ``plan``; raises ``ShardsFailed`` if some never finish."""
    ray = import_ray()
    report = EngineReport()
    todo = [s for s in plan.shards if not is_done(run, s.id, s.digest)]
    report.skipped = [s.id for s in plan.shards if s not in todo]
    if not todo:
        return report
    started_here = not ray.is_initialized()
    if started_here:
        _init(ray, opts)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        for _ in range(opts.attempts):
            todo = [s for s in todo if not is_done(run, s.id, s.digest)]
            if not todo:
                break
            report.cluster_cpus = float(ray.cluster_resources().get("CPU", 1))  # a lost node: fewer actors
            report.actors = actor_count(report.cluster_cpus, opts.workers)
            _one_pass(ray, run, todo, opts, report, on_result)
    finally:
        if started_here:
            ray.shutdown()
    left = [s.id for s in plan.shards if not is_done(run, s.id, s.digest)]
    if left:
        detail = "; ".join(f"shard {sid}: {report.errors.get(sid, ['no result'])[-1]}" for sid in left[:5])
        raise ShardsFailed(f"{len(left)} shard(s) did not finish after {opts.attempts} attempts ({detail}); "
                           "run the same command again to retry them (finished shards are kept)")
    return report


def _one_pass(ray: Any, run: RunDir, todo: list, opts: EngineOptions, report: EngineReport,
              on_result: Callable[[dict], None] | None) -> None:
    items = [{"shard": s.id, "digest": s.digest} for s in todo]
    ds = ray.data.from_items(items, override_num_blocks=len(items))
    mapped = ds.map_batches(
        ShardMapper, batch_size=1, concurrency=min(report.actors, len(items)), num_cpus=1,
        fn_constructor_kwargs={"run_dir": str(run.root), "extractor": opts.extractor, "model": opts.model,
                               "max_chars": opts.max_chars, "batch_size": opts.batch_size},
        max_restarts=-1, max_task_retries=2)
    try:
        for row in mapped.iter_rows():
            sid = int(row["shard"])
            if row["status"] == "error":
                report.errors.setdefault(sid, []).append(row["error"])
            elif row["status"] == "done":
                report.done.append(sid)
            if on_result:
                on_result(dict(row))
    except ray.exceptions.RayError as err:  # a worker or node lost past Ray's retries: the next pass retries
        for s in todo:
            if not is_done(run, s.id, s.digest):
                report.errors.setdefault(s.id, []).append(f"{type(err).__name__}: {str(err)[:300]}")
