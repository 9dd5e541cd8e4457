"""Speaker census over AllSides articles: every statement's speaker as the engine resolves it.

    python benchmarks/speaker_census.py --limit 5000 --out census.jsonl [--coref learned|rules]

Writes one JSON line per statement (article id, speaker as written, canonical name, entity type,
registry id, resolution method); ``benchmarks/speaker_census_report.py`` compares two censuses.
Run it with another checkout's ``src`` on PYTHONPATH to census an older engine.
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
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--coref", default=None, help="learned or rules (engines that have it)")
    args = parser.parse_args()
    from onrecord.engine import article_from_doc
    from onrecord.pipeline import ArticleMeta, Extractor

    extractor = Extractor()
    with gzip.open(SHARED / "data/allsides/articles.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in islice(f, args.limit)]
    items = ((r["text"], ArticleMeta(id=r["id"], outlet=r.get("source"))) for r in rows)
    kwargs = {"coref": args.coref} if args.coref else {}
    with args.out.open("w", encoding="utf-8") as out:
        for doc, meta in extractor.parse_many(items):
            article = article_from_doc(doc, meta, **kwargs)
            types = {e.id: (e.type, getattr(e, "registry", None)) for e in article.entities}
            for s in article.statements:
                sp = s.speaker
                typ, reg = types.get(sp.entity, (None, None)) if sp else (None, None)
                out.write(json.dumps({"article": meta.id, "text": sp.text if sp else None,
                                      "name": sp.name if sp else None, "type": typ, "registry": reg,
                                      "resolution": getattr(sp, "resolution", None) if sp else None},
                                     ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
