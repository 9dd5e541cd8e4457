"""A seeded sample of a corpus's events for hand-checking (issue 11's precision check).

    python benchmarks/event_sample.py --db allsides5k.db --n 100 --out /tmp/events_sample.jsonl

Each line: the event's ids and offsets, its type, modes, participants and place, the sentence
and the article's text around it (publishers' text: keep the file out of the repository; the
judgments are committed as offsets only, see eval/handcheck/).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3


def _rank(seed: str, event_id: int) -> str:
    return hashlib.sha1(f"{seed}:{event_id}".encode()).hexdigest()


def sample(db: str, n: int, seed: str) -> list[dict]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    ids = sorted((r[0] for r in con.execute("SELECT id FROM events")), key=lambda i: _rank(seed, i))[:n]
    out = []
    for event_id in ids:
        e = con.execute("SELECT e.*, a.content_hash, a.outlet, a.published, a.title, a.text FROM events e "
                        "JOIN articles a ON a.id = e.article_id WHERE e.id = ?", (event_id,)).fetchone()
        parts = con.execute("SELECT role, text, name, country, sector FROM event_participants "
                            "WHERE event_id = ? ORDER BY role, ordinal", (event_id,)).fetchall()
        text = e["text"] or ""
        out.append({
            "event_id": event_id, "article": e["content_hash"], "local_id": e["local_id"],
            "outlet": e["outlet"], "published": e["published"], "title": e["title"],
            "type": e["type"], "modes": e["modes"], "aux": e["aux"], "date": e["event_date"],
            "date_from": e["date_from"], "trigger": [e["trigger_start"], e["trigger_end"], e["trigger_text"]],
            "sentence": [e["sentence_start"], e["sentence_end"], e["sentence_text"]],
            "statement": e["statement_local_id"], "reported_by": e["reported_by"],
            "actors": [dict(p) for p in parts if p["role"] == "actor"],
            "recipients": [dict(p) for p in parts if p["role"] == "recipient"],
            "place": {"text": e["place_text"], "name": e["place_name"], "country": e["place_country"],
                      "geonameid": e["place_geonameid"]} if e["place_text"] else None,
            "context": text[max(0, e["sentence_start"] - 600):e["sentence_end"] + 200],
        })
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", default="onrecord-events-handcheck-1")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rows = sample(args.db, args.n, args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} events -> {args.out}")


if __name__ == "__main__":
    main()
