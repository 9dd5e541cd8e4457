"""Parse a slice of the AllSides articles once and keep the Docs (spaCy DocBin), so that
censuses and benchmarks of several engine versions reuse one parse.

    python benchmarks/parse_sample.py --start 0 --stop 2500 --out /tmp/census/part0.spacy
"""

from __future__ import annotations

import argparse
import gzip
import json
from itertools import islice
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--stop", type=int, default=5000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    from spacy.tokens import DocBin

    from onrecord.pipeline import ArticleMeta, Extractor

    with gzip.open(SHARED / "data/allsides/articles.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in islice(f, args.start, args.stop)]
    docs = DocBin(store_user_data=True)
    items = ((r["text"], ArticleMeta(id=r["id"], outlet=r.get("source"))) for r in rows)
    for doc, meta in Extractor().parse_many(items):
        doc.user_data["article_id"] = meta.id
        doc.user_data["outlet"] = meta.outlet
        docs.add(doc)
    args.out.write_bytes(docs.to_bytes())


if __name__ == "__main__":
    main()
