"""A shard's output: one Parquet file per table under a fixed name, then the completion marker.

Files are replaced atomically, so a retried or re-run shard overwrites its own files and
never adds rows; the marker is written last, so a shard without one is not finished (whatever
files it left) and is run again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from onrecord.distributed.layout import TABLES, RunDir, atomic_write_bytes
from onrecord.distributed.tables import outcome_rows, table
from onrecord.store.worker import Outcome


def _parquet_bytes(t: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(t, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def marker_info(run: RunDir, shard: int) -> dict | None:
    """The marker of a finished shard, or None."""
    try:
        return json.loads(run.marker(shard).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_done(run: RunDir, shard: int, digest: str) -> bool:
    info = marker_info(run, shard)
    return info is not None and info.get("digest") == digest


def write_shard(run: RunDir, shard: int, digest: str, outcomes: Sequence[Outcome], **stats: object) -> dict:
    """Write the shard's tables, then its marker; returns the marker's content."""
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    for pos, outcome in enumerate(outcomes):
        for name, found in outcome_rows(shard, pos, outcome).items():
            rows[name] += found
    for name in TABLES:
        atomic_write_bytes(run.output_file(name, shard), _parquet_bytes(table(name, rows[name])))
    info = {"shard": shard, "digest": digest, "articles": len(rows["articles"]),
            "failures": len(rows["failures"]), "statements": len(rows["statements"]),
            "words": sum(r["words"] or 0 for r in rows["articles"]), **stats}
    atomic_write_bytes(run.marker(shard), json.dumps(info).encode("utf-8"))
    return info


def done_shards(run: RunDir) -> list[int]:
    """The shards with a completion marker, in order."""
    folder = run.root / "shards" / "_done"
    if not folder.exists():
        return []
    return sorted(int(p.stem.split("-")[1]) for p in folder.glob("shard-*.json"))
