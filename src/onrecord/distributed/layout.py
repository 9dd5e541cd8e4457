"""Where a run keeps its files: deterministic names, so a retry overwrites instead of adding.

    RUN/plan.json                       the shards planned so far (appended by later runs)
    RUN/inputs/shard-00000.parquet      each shard's input documents
    RUN/plan/copies-00000.parquet       texts read again (copy candidates) per planning pass
    RUN/plan/failures-00000.parquet     inputs that could not be read, per planning pass
    RUN/shards/<table>/shard-00000.parquet   the mapper's output per table
    RUN/shards/_done/shard-00000.json   completion marker, written last
    RUN/reduce/...                      the corpus-wide reduce (see ``reduce``)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TABLES = ("articles", "statements", "entity_mentions", "quotes", "failures")


def shard_name(shard: int) -> str:
    return f"shard-{shard:05d}"


@dataclass(frozen=True)
class RunDir:
    """The folder of one distributed run."""

    root: Path

    @classmethod
    def at(cls, path: str | os.PathLike[str]) -> "RunDir":
        return cls(Path(path).resolve())

    @property
    def plan_file(self) -> Path:
        return self.root / "plan.json"

    def input_file(self, shard: int) -> Path:
        return self.root / "inputs" / f"{shard_name(shard)}.parquet"

    def pass_file(self, kind: str, number: int) -> Path:
        return self.root / "plan" / f"{kind}-{number:05d}.parquet"

    def output_file(self, table: str, shard: int) -> Path:
        return self.root / "shards" / table / f"{shard_name(shard)}.parquet"

    def marker(self, shard: int) -> Path:
        return self.root / "shards" / "_done" / f"{shard_name(shard)}.json"

    @property
    def reduce_dir(self) -> Path:
        return self.root / "reduce"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
