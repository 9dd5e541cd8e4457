"""Ingest benchmark: throughput vs the bare spaCy parse, 1 vs 2 workers, memory, DB size,
and the body-text check (token F1 of cleaned HTML against gold text).

    python benchmarks/ingest_bench.py --n 300            # AllSides sample + body-text check
    python benchmarks/ingest_bench.py --n 300 --skip-html
    python benchmarks/ingest_bench.py --n 200 --events   # words/s with vs without PLOVER events
Writes a JSON report to --out (default /tmp/ingest_bench.json) and prints a summary.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from onrecord.sources import BadHtml, clean_html
from onrecord.store import IngestOptions, connect, ingest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ALLSIDES = SHARED / "data/allsides/articles.jsonl.gz"
NEWS_HTML = SHARED / "data/news-html"
_TOKEN = re.compile(r"\w+")


def sample(n: int, path: Path) -> tuple[Path, list[str]]:
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
        lines = list(itertools.islice(f, n))
    path.write_text("".join(lines), encoding="utf-8")
    return path, [json.loads(l)["text"] for l in lines]


def bare_parse(texts: list[str]) -> dict:
    from onrecord.pipeline import load_model

    nlp = load_model()
    t = time.monotonic()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    secs = time.monotonic() - t
    words = sum(len(x.split()) for x in texts)
    return {"articles": len(texts), "seconds": round(secs, 2), "articles_per_s": round(len(texts) / secs, 2),
            "words_per_s": round(words / secs)}


EVENTS_EXTRACTOR = "onrecord.pipeline:events_extractor"


def run_ingest(path: Path, workers: int, tmp: Path, extractor: str | None = None) -> dict:
    db = tmp / f"w{workers}{'-events' if extractor else ''}.db"
    options = IngestOptions(workers=workers, **({"extractor": extractor} if extractor else {}))
    s = ingest([str(path)], str(db), options)
    d = s.as_dict()
    d["rss_curve_mb"] = {w: [round(mb) for _, mb in st.samples[:: max(1, len(st.samples) // 8)]]
                         for w, st in s.workers.items()}
    return d


def token_f1(pred: str, gold: str) -> float:
    p, g = Counter(_TOKEN.findall(pred.lower())), Counter(_TOKEN.findall(gold.lower()))
    if not p or not g:
        return 0.0
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    prec, rec = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def html_pages_f1() -> dict:
    rows = [json.loads(l) for l in (NEWS_HTML / "index.jsonl").open(encoding="utf-8")]
    by_set: dict[str, list[float]] = {}
    news_en: list[float] = []
    failures = 0
    t = time.monotonic()
    for r in rows:
        raw = (NEWS_HTML / r["html"]).read_bytes()
        if r.get("gzip"):
            raw = gzip.decompress(raw)
        try:
            text = clean_html(raw, r.get("url")).text
        except BadHtml:
            text, failures = "", failures + 1
        f1 = token_f1(text, r["gold_text"])
        by_set.setdefault(r["set"], []).append(f1)
        if r.get("is_news") and r.get("lang_en"):
            news_en.append(f1)
    allf = [f for v in by_set.values() for f in v]
    return {"pages": len(rows), "failed": failures, "seconds": round(time.monotonic() - t, 1),
            "mean_f1": round(statistics.mean(allf), 4),
            "mean_f1_english_news": round(statistics.mean(news_en), 4), "english_news_pages": len(news_en),
            "by_set": {k: {"pages": len(v), "mean_f1": round(statistics.mean(v), 4)} for k, v in by_set.items()}}


def warc_f1(tmp: Path, workers: int) -> dict:
    """Ingest the WARC end to end, then score each page's stored text against its gold."""
    gold = {}
    for l in (NEWS_HTML / "index.jsonl").open(encoding="utf-8"):
        r = json.loads(l)
        if r.get("url"):
            gold.setdefault(r["url"], r["gold_text"])
    db_path = tmp / "warc.db"
    s = ingest([str(NEWS_HTML / "news-en-pages.warc.gz")], str(db_path), IngestOptions(workers=workers))
    db = connect(str(db_path))
    texts = {}
    for locator, text in db.query("SELECT i.locator, a.text FROM inputs i JOIN articles a ON a.id = i.article_id"):
        texts[locator.split(" ", 2)[2]] = text
    for locator, in db.query("SELECT locator FROM failures"):
        texts.setdefault(locator.split(" ", 2)[2], "")
    scores = [token_f1(texts.get(u, ""), g) for u, g in gold.items() if u in texts]
    return {"pages": s.read, "new": s.counts.new, "duplicate": s.counts.duplicate,
            "failed": dict(s.counts.failed), "scored_pages": len(scores),
            "mean_f1": round(statistics.mean(scores), 4) if scores else None,
            "statements": s.counts.statements, "seconds": round(s.seconds, 1),
            "articles_per_s": round(s.articles_per_s, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=300, help="AllSides articles to ingest")
    ap.add_argument("--skip-html", action="store_true", help="skip the body-text check")
    ap.add_argument("--events", action="store_true",
                    help="only compare ingest with and without PLOVER events (1 worker, same run)")
    ap.add_argument("--out", default="/tmp/ingest_bench.json")
    args = ap.parse_args()
    report: dict = {}
    with tempfile.TemporaryDirectory(prefix="onrecord-bench-") as d:
        tmp = Path(d)
        path, texts = sample(args.n, tmp / "sample.jsonl")
        report["words"] = sum(len(t.split()) for t in texts)
        report["bare_spacy"] = bare_parse(texts)
        print("bare spaCy:", report["bare_spacy"], flush=True)
        if args.events:
            for name, extractor in (("ingest", None), ("ingest_events", EVENTS_EXTRACTOR)):
                report[name] = r = run_ingest(path, 1, tmp, extractor)
                print(f"{name}: {r['articles_per_s']} art/s, {r['words_per_s']} words/s, "
                      f"{r.get('events', 0)} events, db {r['db_bytes'] / 2**20:.1f} MB", flush=True)
            Path(args.out).write_text(json.dumps(report, indent=2, default=str))
            return
        for w in (1, 2):
            report[f"ingest_workers_{w}"] = run_ingest(path, w, tmp)
            r = report[f"ingest_workers_{w}"]
            print(f"ingest {w} worker(s): {r['articles_per_s']} art/s, {r['words_per_s']} words/s, "
                  f"workers {r['workers']}, db {r['db_bytes'] / 2**20:.1f} MB", flush=True)
        if not args.skip_html:
            report["html_pages"] = html_pages_f1()
            print("HTML pages:", report["html_pages"], flush=True)
            report["warc"] = warc_f1(tmp, 2)
            print("WARC:", report["warc"], flush=True)
    Path(args.out).write_text(json.dumps(report, indent=2, default=str))
    print(f"report written to {args.out}")


if __name__ == "__main__":
    main()
