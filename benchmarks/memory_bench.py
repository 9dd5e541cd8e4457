"""Memory per article: peak resident memory of one extraction as the text grows (issue 13's
bound, MB per 100 KB of text). Each size runs in a fresh process: the model is loaded, a small
text warms it, then the measured text is extracted; the figure is the peak (VmHWM) minus the
resident memory before the measured text.

    python benchmarks/memory_bench.py --sizes 25 50 100 200 400 [--events]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ALLSIDES = SHARED / "data/allsides/articles.jsonl.gz"

CHILD = """
import json, sys
from onrecord.pipeline import Extractor
from onrecord.store.pool import proc_rss_mb
import os

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

text = sys.stdin.read()
ex = Extractor(events=sys.argv[1] == "events")
ex.extract("The minister said on Monday that talks would resume. Protesters rallied in Kyiv.")
before = proc_rss_mb(os.getpid())
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # reset VmHWM to the current resident size
article = ex.extract(text)
print(json.dumps({"chars": len(text), "before_mb": round(before, 1), "peak_mb": round(hwm(), 1),
                  "statements": len(article.statements), "events": len(article.events)}))
"""


def text_of(kb: int) -> str:
    parts, size = [], 0
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)["text"]
            parts.append(t)
            size += len(t)
            if size >= kb * 1000:
                break
    return "\n\n".join(parts)[:kb * 1000]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200, 400], help="KB of text")
    ap.add_argument("--events", action="store_true")
    args = ap.parse_args()
    rows = []
    for kb in args.sizes:
        out = subprocess.run([sys.executable, "-c", CHILD, "events" if args.events else "fast"],
                             input=text_of(kb), capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        r["growth_mb"] = round(r["peak_mb"] - r["before_mb"], 1)
        r["mb_per_100kb"] = round(r["growth_mb"] / (r["chars"] / 100_000), 1)
        rows.append(r)
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
