"""Modality on a real corpus (issue 10): flag shares, a seeded hand-check sample, its precision.

    python benchmarks/modality_check.py measure --n 1000 --out /tmp/modality_1k.jsonl
    python benchmarks/modality_check.py sample --statements /tmp/modality_1k.jsonl --out /tmp/modality_sample.jsonl
    python benchmarks/modality_check.py score --statements /tmp/modality_1k.jsonl

``measure`` runs the project's extract API over the first N AllSides articles and writes one
line per statement (article id, statement id, offsets, modality, and the sentence text for
reading: publishers' text, keep the file out of the repository). ``sample`` draws a seeded
sample of flagged and unflagged statements for reading by hand; the judgments are committed as
ids and offsets only (``eval/modality/allsides1k_handcheck.tsv``) and ``score`` turns them into
precision per flag.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
JUDGMENTS = Path(__file__).resolve().parents[1] / "eval" / "modality" / "allsides1k_handcheck.tsv"
FLAGS = ("negated", "hypothetical", "future", "question")
KINDS = ("speech", "finding", "document", "intent")


def _articles(n: int):
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n:
                return
            d = json.loads(line)
            yield d


def measure(n: int, out: str) -> dict:
    from onrecord.pipeline import ArticleMeta, Extractor

    items = ((d["text"], ArticleMeta(id=str(d["id"]), outlet=d.get("source"), published=d.get("date")))
             for d in _articles(n))
    counts: Counter = Counter()
    with open(out, "w", encoding="utf-8") as f:
        for article in Extractor().extract_many(items):
            text = article.text
            for s in article.statements:
                m = s.modality
                counts["statements"] += 1
                for flag in FLAGS:
                    counts[flag] += getattr(m, flag)
                counts[f"kind:{m.kind}"] += 1
                counts["any_flag"] += bool(m.flags())
                counts["any_flag_or_kind"] += bool(m.flags()) or m.kind != "speech"
                lo = min(s.cue.start, s.content.start, s.speaker.start if s.speaker else s.cue.start)
                hi = max(s.cue.end, (s.content2 or s.content).end)
                sent_lo = max(text.rfind("\n", 0, lo) + 1, lo - 300)
                f.write(json.dumps({
                    "article": article.id, "statement": s.id, "cue": [s.cue.start, s.cue.end],
                    "cue_text": s.cue.text, "cue_class": s.cue.cls,
                    "speaker": s.speaker.text if s.speaker else None,
                    "modality": m.to_dict(), "context": text[sent_lo:min(len(text), hi + 40)],
                }, ensure_ascii=False) + "\n")
    return shares(counts)


def shares(counts: Counter) -> dict:
    total = counts["statements"] or 1
    out = {"statements": counts["statements"]}
    for key in (*FLAGS, "any_flag", *(f"kind:{k}" for k in KINDS), "any_flag_or_kind"):
        out[key] = {"n": counts[key], "share": round(counts[key] / total, 4)}
    return out


def _rank(seed: str, key: str) -> str:
    return hashlib.sha1(f"{seed}:{key}".encode()).hexdigest()


def sample(statements: str, out: str, seed: str, per_flag: int, unflagged: int) -> int:
    """``per_flag`` statements for each flag and non-speech kind (fewer where rarer), and
    ``unflagged`` plain speech statements, drawn in a seeded order; a statement is drawn once."""
    rows = [json.loads(line) for line in open(statements, encoding="utf-8")]
    rows.sort(key=lambda r: _rank(seed, f"{r['article']}:{r['statement']}"))
    picked: dict[tuple, dict] = {}
    groups = {flag: [r for r in rows if r["modality"][flag]] for flag in FLAGS}
    groups |= {kind: [r for r in rows if r["modality"]["kind"] == kind] for kind in KINDS[1:]}
    groups["unflagged"] = [r for r in rows if not any(r["modality"][f] for f in FLAGS)
                           and r["modality"]["kind"] == "speech"]
    for name, group in groups.items():
        want = unflagged if name == "unflagged" else per_flag
        for r in group:
            if sum(1 for p in picked.values() if p["group"] == name) >= want:
                break
            key = (r["article"], r["statement"])
            if key not in picked:
                picked[key] = {**r, "group": name}
    with open(out, "w", encoding="utf-8") as f:
        for r in picked.values():
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(picked)


def score(statements: str, judgments: Path = JUDGMENTS) -> dict:
    """Precision of each flag and kind (of the sampled statements carrying it, the share the
    reader agreed with), and how many unflagged statements should have carried a flag."""
    rows = {(r["article"], r["statement"]): r for r in map(json.loads, open(statements, encoding="utf-8"))}
    lines = [line for line in open(judgments, encoding="utf-8") if not line.startswith("#")]
    judged = list(csv.DictReader(lines, delimiter="\t"))
    out: dict = {}
    for name in (*FLAGS, "finding", "document", "intent", "speech"):
        tp = fp = 0
        for j in judged:
            r = rows.get((j["article"], j["statement"]))
            if r is None or [int(x) for x in j["cue"].split("-")] != r["cue"]:
                raise SystemExit(f"judgment {j['article']}/{j['statement']} does not match the statements file")
            m = r["modality"]
            predicted = m[name] if name in FLAGS else m["kind"] == name
            if not predicted:
                continue
            truth = j[name] == "1" if name in FLAGS else j["kind"] == name
            tp += truth
            fp += not truth
        out[name] = {"predicted": tp + fp, "correct": tp, "precision": round(tp / (tp + fp), 3) if tp + fp else None}
    anyp = [j for j in judged if any(rows[(j["article"], j["statement"])]["modality"][f] for f in FLAGS)]
    good = sum(any(j[f] == "1" for f in FLAGS) for j in anyp)
    out["any_flag"] = {"predicted": len(anyp), "correct": good,
                       "precision": round(good / len(anyp), 3) if anyp else None}
    missed = Counter()
    plain = 0
    for j in judged:
        m = rows[(j["article"], j["statement"])]["modality"]
        if m["kind"] == "speech" and not any(m[f] for f in FLAGS):
            plain += 1
            for f in FLAGS:
                missed[f] += j[f] == "1"
            missed["kind"] += j["kind"] != "speech"
    out["unflagged_checked"] = plain
    out["unflagged_missed"] = dict(missed)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("measure")
    m.add_argument("--n", type=int, default=1000)
    m.add_argument("--out", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--statements", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--seed", default="onrecord-modality-handcheck-1")
    s.add_argument("--per-flag", type=int, default=10)
    s.add_argument("--unflagged", type=int, default=30)
    c = sub.add_parser("score")
    c.add_argument("--statements", required=True)
    c.add_argument("--judgments", default=str(JUDGMENTS))
    args = ap.parse_args()
    if args.cmd == "measure":
        print(json.dumps(measure(args.n, args.out), indent=1))
    elif args.cmd == "sample":
        print(f"{sample(args.statements, args.out, args.seed, args.per_flag, args.unflagged)} statements -> {args.out}")
    else:
        print(json.dumps(score(args.statements, Path(args.judgments)), indent=1))


if __name__ == "__main__":
    main()
