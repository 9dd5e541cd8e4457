"""The mapper: extract one shard with the store's engine and write its Parquet output.

A ``ShardMapper`` loads the Extractor once, in its constructor (on Ray: once per actor; the
model never goes through the object store), and runs ``store.worker.process_batch``, the same
engine and JSON contract as ``onrecord ingest`` and ``onrecord extract``.  It never touches
a database.  Faults for tests: ``ONRECORD_FAULTS=DIR`` with a file ``fail-N`` (raise) or
``kill-N`` (SIGKILL the worker process) makes the first attempt at shard N fail; the file is
removed on that attempt, so the retry succeeds.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from onrecord.distributed.layout import RunDir
from onrecord.distributed.shards import is_done, write_shard
from onrecord.distributed.tables import work_item
from onrecord.store.worker import DEFAULT_EXTRACTOR, MAX_CHARS, load_extractor, process_batch

FAULTS_ENV = "ONRECORD_FAULTS"


class InjectedFault(RuntimeError):
    """A test's fault (``ONRECORD_FAULTS``)."""


def _inject_fault(shard: int) -> None:
    folder = os.environ.get(FAULTS_ENV)
    if not folder:
        return
    for kind in ("fail", "kill"):
        flag = Path(folder) / f"{kind}-{shard}"
        try:
            flag.unlink()
        except FileNotFoundError:
            continue
        if kind == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        raise InjectedFault(f"injected failure at shard {shard}")


class ShardMapper:
    """Callable on a batch ``{"shard": [...], "digest": [...]}``: extracts and writes each shard."""

    def __init__(self, run_dir: str, extractor: str = DEFAULT_EXTRACTOR, model: str | None = None,
                 max_chars: int = MAX_CHARS, batch_size: int = 32) -> None:
        self.run = RunDir.at(run_dir)
        self.extractor = load_extractor(extractor, model)
        self.max_chars, self.batch_size = max_chars, batch_size

    def map_shard(self, shard: int, digest: str) -> dict[str, Any]:
        """Extract one shard (unless it is finished) and return its marker, or the error."""
        if is_done(self.run, shard, digest):
            return {"shard": shard, "status": "skipped"}
        started = time.monotonic()
        try:
            _inject_fault(shard)
            rows = pq.read_table(self.run.input_file(shard)).to_pylist()
            items = [work_item(r) for r in rows]
            outcomes = []
            for i in range(0, len(items), self.batch_size):
                outcomes += process_batch(self.extractor, items[i:i + self.batch_size], max_chars=self.max_chars)
            info = write_shard(self.run, shard, digest, outcomes, seconds=round(time.monotonic() - started, 3),
                               pid=os.getpid())
        except Exception as err:  # the driver retries the shard; its old files are overwritten then
            return {"shard": shard, "status": "error", "error": f"{type(err).__name__}: {err}"[:500]}
        return {**info, "status": "done"}

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        results = [self.map_shard(int(s), str(d)) for s, d in zip(batch["shard"], batch["digest"])]
        return {"shard": [r["shard"] for r in results], "status": [r["status"] for r in results],
                "error": [r.get("error", "") for r in results], "articles": [r.get("articles", 0) for r in results],
                "words": [r.get("words", 0) for r in results]}
