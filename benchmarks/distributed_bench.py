"""Ray engine vs the one-machine pool on the same AllSides sample (issue 12).

    python benchmarks/distributed_bench.py --n 2000 [--faults] [--out /tmp/distributed_bench.json]

Runs, in this order and on the same JSON Lines sample: ``onrecord ingest --workers 2`` (the
project's pool), ``onrecord ingest --engine ray`` inside a loopback-only network namespace (Ray
rewrites 127.0.0.1 to the host's address otherwise), ``onrecord reduce`` and ``onrecord load``;
then compares the two databases table by table by natural keys.  With ``--faults`` the Ray run
has one shard whose mapper raises on its first attempt and one whose worker is SIGKILLed.
Words/s counts whitespace words of the article texts over each command's wall time (Ray's start
included).  Needs root or user namespaces (``unshare``), and the ``ray`` extra.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = ROOT.parent / "shared/data/allsides/articles.jsonl.gz"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "tests" / "distributed"))


def sample(n: int, path: Path) -> int:
    """The first ``n`` AllSides articles to ``path``; returns their word count."""
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
        lines = list(itertools.islice(f, n))
    path.write_text("".join(lines), encoding="utf-8")
    return sum(len(json.loads(line)["text"].split()) for line in lines)


def timed(cmd: str, env: dict[str, str] | None = None, loopback: bool = False) -> tuple[float, str]:
    """Wall seconds of a shell command (inside a fresh network namespace with only ``lo`` when
    ``loopback``); raises with its output on failure."""
    full = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled",
            "PATH": f"{BIN}:{os.environ['PATH']}", **(env or {})}
    argv = ["bash", "-c", cmd]
    if loopback:
        net = ["-n"] if os.geteuid() == 0 else ["-r", "-n"]
        argv = ["unshare", *net, "-p", "-f", "--mount-proc", "--kill-child",
                "bash", "-c", "ip link set lo up\n" + cmd]
    t = time.monotonic()
    done = subprocess.run(argv, cwd=ROOT, env=full, capture_output=True, text=True)
    secs = time.monotonic() - t
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {cmd}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return secs, done.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--per-shard", type=int, default=50)
    ap.add_argument("--faults", action="store_true")
    ap.add_argument("--out", type=Path, default=Path("/tmp/distributed_bench.json"))
    args = ap.parse_args()

    from compare import corpus_keys, differences

    from onrecord.store import connect

    tmp = Path(tempfile.mkdtemp(prefix="dbench", dir="/tmp"))
    data = tmp / "sample.jsonl"
    words = sample(args.n, data)
    report: dict = {"articles": args.n, "words": words, "workers": args.workers,
                    "articles_per_shard": args.per_shard, "faults": args.faults}

    one = tmp / "one.db"
    secs, _ = timed(f"onrecord ingest {data} --db {one} --workers {args.workers} --json")
    report["pool"] = {"seconds": round(secs, 1), "words_per_s": round(words / secs)}

    env = {}
    if args.faults:
        faults = tmp / "faults"
        faults.mkdir()
        (faults / "fail-1").touch()
        (faults / "kill-3").touch()
        env["ONRECORD_FAULTS"] = str(faults)
    run = tmp / "run"
    secs, out = timed(f"onrecord ingest {data} --engine ray --out {run} --workers {args.workers} "
                      f"--articles-per-shard {args.per_shard} --json", env, loopback=True)
    report["ray"] = {"seconds": round(secs, 1), "words_per_s": round(words / secs),
                     "summary": json.loads(out.strip().splitlines()[-1])}
    report["ray_vs_pool"] = round(report["pool"]["seconds"] / secs, 3)

    secs, _ = timed(f"onrecord reduce {run}")
    report["reduce_seconds"] = round(secs, 1)
    loaded = tmp / "loaded.db"
    secs, _ = timed(f"onrecord load {run} --db {loaded}")
    report["load_seconds"] = round(secs, 1)
    secs, _ = timed(f"onrecord load {run} --db {loaded}")
    report["second_load_seconds"] = round(secs, 1)

    a, b = connect(str(one)), connect(str(loaded))
    report["rows"] = {name: len(rows) for name, rows in corpus_keys(a).items()}
    report["differences"] = {k: [v[0], v[1], [repr(r)[:200] for r in v[2]]] for k, v in differences(a, b).items()}
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({k: v for k, v in report.items() if k != "rows"}, indent=2))
    print("rows:", report["rows"])
    print("scratch folder:", shlex.quote(str(tmp)))


if __name__ == "__main__":
    main()
