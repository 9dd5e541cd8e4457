"""Words/s of `onrecord.extract` against the bare spaCy parse, same texts, same run.

    python benchmarks/extract_bench.py [--articles 1000] [--corpus ../shared/data/allsides/articles.jsonl.gz]

Batches alternate between the two measurements so that load from other processes hits both
alike: each batch of texts is parsed (timed: the bare parse) and the engine then runs on the
parsed Docs (timed: what extraction adds). The end-to-end `Extractor.extract_many` is timed
too. The rule resolver (``coref="rules"``) is timed on the same Docs, right after the learned
one, so the learned ranker's own cost shows beside the rules it replaces.  With
``--accurate`` the accurate mode (learned tagger) runs on the same Docs too, right after.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import platform
import resource
import statistics
import time
from datetime import date
from pathlib import Path

from onrecord.engine import article_from_doc
from onrecord.pipeline import ArticleMeta, Extractor

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/allsides/articles.jsonl.gz"


def load_texts(path: Path, n: int) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = (json.loads(line) for line in fh)
        return [r["text"] for r in itertools.islice((r for r in rows if r.get("text")), n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--accurate", action="store_true", help="time the accurate mode too")
    args = parser.parse_args()

    texts = load_texts(args.corpus, args.articles)
    words = sum(len(t.split()) for t in texts)
    extractor = Extractor()
    nlp = extractor.nlp
    list(nlp.pipe(texts[:5]))  # warm up

    parse_s = engine_s = rules_s = accurate_s = 0.0
    ratios = []
    statements = accurate_statements = 0
    if args.accurate:
        from onrecord.tagger.predict import default_tagger
        default_tagger()
    for i in range(0, len(texts), args.batch):
        batch = texts[i:i + args.batch]
        t0 = time.perf_counter()
        docs = list(nlp.pipe(batch, batch_size=32))
        t1 = time.perf_counter()
        for doc in docs:
            statements += len(article_from_doc(doc, ArticleMeta()).statements)
        t2 = time.perf_counter()
        for doc in docs:
            article_from_doc(doc, ArticleMeta(), coref="rules")
        t3 = time.perf_counter()
        rules_s += t3 - t2
        if args.accurate:
            for doc in docs:
                accurate_statements += len(article_from_doc(doc, ArticleMeta(), mode="accurate").statements)
            accurate_s += time.perf_counter() - t3
        parse_s += t1 - t0
        engine_s += t2 - t1
        ratios.append((t2 - t1) / (t1 - t0))

    t0 = time.perf_counter()
    for _ in extractor.extract_many((t, ArticleMeta()) for t in texts):
        pass
    end_to_end_s = time.perf_counter() - t0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; date {date.today()}")
    print(f"articles {len(texts)}, words {words:,}, statements {statements:,}")
    print(f"bare parse:          {words / parse_s:,.0f} words/s ({parse_s:.1f} s)")
    print(f"parse + extraction:  {words / (parse_s + engine_s):,.0f} words/s; extraction adds "
          f"{engine_s / parse_s:.1%} to the parse (median batch {statistics.median(ratios):.1%})")
    print(f"engine with the rule resolver instead: adds {rules_s / parse_s:.1%} to the parse")
    if args.accurate:
        print(f"parse + accurate mode: {words / (parse_s + accurate_s):,.0f} words/s; accurate mode adds "
              f"{accurate_s / parse_s:.1%} to the parse ({accurate_statements:,} statements)")
    print(f"extract_many end to end: {words / end_to_end_s:,.0f} words/s ({end_to_end_s:.1f} s)")
    print(f"peak RSS {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
