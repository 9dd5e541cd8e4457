"""Hand-check of cross-article links (issue 10): draw a sample, show it for judging, score it.

    python eval/crosslinks/crosslinks_eval.py sample DB sample.tsv [--n 120] [--seed S] [--exclude OLD.tsv ...]
    python eval/crosslinks/crosslinks_eval.py show DB sample.tsv      # both statements, to read (not saved)
    python eval/crosslinks/crosslinks_eval.py score sample.tsv

The TSV keeps ids and offsets only (AllSides article ids, statements' cue and content offsets),
the link type and evidence kind, and the judge's verdicts and reasons: no publisher text.
Verdicts: ``link`` (yes: the later statement does answer, back or contradict the earlier one on
that matter; no otherwise) and ``type`` (yes: the link type is right; blank when the link is wrong).
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import sys
from collections import Counter, defaultdict
from pathlib import Path

COLUMNS = ["from_article", "from_cue_start", "from_content_start", "to_article", "to_cue_start",
           "to_content_start", "type", "evidence_kind", "score", "link", "type_ok", "reason"]
_LINKS = (
    "SELECT fa.ext_id, f.cue_start, f.content_start, ta.ext_id, t.cue_start, t.content_start, l.type, "
    "l.evidence_kind, l.score FROM cross_links l "
    "JOIN statements f ON f.id = l.from_statement_id JOIN articles fa ON fa.id = f.article_id "
    "JOIN statements t ON t.id = l.to_statement_id JOIN articles ta ON ta.id = t.article_id "
    "ORDER BY fa.ext_id, f.cue_start, ta.ext_id, t.cue_start")


def _key(values) -> tuple[str, ...]:
    """A link's identity: both statements (article id, cue and content offsets)."""
    return tuple(str(v if v is not None else "") for v in values[:6])


def sample(db: str, out: str, n: int, seed: str, exclude: list[str] = ()) -> None:
    """Draw ``n`` links not judged in any of the ``exclude`` files (a fresh sample)."""
    judged = {_key([r[c] for c in COLUMNS[:6]]) for path in exclude for r in _read(path)}
    rows = [r for r in sqlite3.connect(db).execute(_LINKS).fetchall() if _key(r) not in judged]
    picked = rows if len(rows) <= n else random.Random(seed).sample(rows, n)
    picked.sort()
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for r in picked:
            w.writerow([*r, "", "", ""])
    print(f"{len(picked)} of {len(rows)} links written to {out}", file=sys.stderr)


def _statement(con: sqlite3.Connection, ext_id: str, cue_start: str, content_start: str) -> tuple:
    return con.execute(
        "SELECT a.published, coalesce(o.name, a.outlet), coalesce(e.name, s.speaker_text), s.speaker_text, s.cue, "
        "s.content, s.content2, a.text, s.cue_start FROM statements s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN entities o ON o.id = a.outlet_id LEFT JOIN entities e ON e.id = s.speaker_entity_id "
        "WHERE a.ext_id = ? AND s.cue_start = ? AND coalesce(s.content_start, -1) = ?",
        (ext_id, int(cue_start), int(content_start or -1))).fetchone()


def show(db: str, tsv: str) -> None:
    con = sqlite3.connect(db)
    for i, r in enumerate(_read(tsv)):
        print(f"#{i} {r['type']} {r['evidence_kind']} score={r['score']}  [{r['link']}/{r['type_ok']}] {r['reason']}")
        for label, side in (("FROM", "from"), ("TO", "to")):
            art = r[f"{side}_article"]
            pub, outlet, speaker, written, cue_text, content, content2, text, at = _statement(
                con, art, r[f"{side}_cue_start"], r[f"{side}_content_start"])
            print(f"  {label} [{art} {pub} {outlet}] {speaker} ({written}) \"{cue_text}\": {content[:300]}"
                  + (f" // {content2[:150]}" if content2 else ""))
            print(f"     context: {text[max(0, at - 250):at + 250]!r}")


def _read(tsv: str) -> list[dict[str, str]]:
    with open(tsv, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def score(tsv: str) -> None:
    rows = [r for r in _read(tsv) if r["link"]]
    by: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        for key in (r["type"], "all"):
            by[key]["n"] += 1
            by[key]["link"] += r["link"] == "yes"
            by[key]["both"] += r["link"] == "yes" and r["type_ok"] == "yes"
    print("| type | judged | link right | link and type right |\n|---|---:|---:|---:|")
    for key in (*sorted(k for k in by if k != "all"), "all"):
        c = by[key]
        print(f"| {key} | {c['n']} | {c['link']} ({c['link'] / c['n']:.2f}) | {c['both']} ({c['both'] / c['n']:.2f}) |")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample"); s.add_argument("db"); s.add_argument("out")
    s.add_argument("--n", type=int, default=120); s.add_argument("--seed", default="onrecord-crosslinks-1")
    s.add_argument("--exclude", nargs="*", default=[], help="judged samples whose links are left out")
    s2 = sub.add_parser("show"); s2.add_argument("db"); s2.add_argument("tsv")
    s3 = sub.add_parser("score"); s3.add_argument("tsv")
    a = p.parse_args()
    if a.cmd == "sample":
        sample(a.db, a.out, a.n, a.seed, a.exclude)
    elif a.cmd == "show":
        show(a.db, a.tsv)
    else:
        score(a.tsv)


if __name__ == "__main__":
    main()
