"""Compare two speaker censuses (``speaker_census.py``): entities, actors joined by the
registry, junk speakers, and how one person's statements are spread over names.

    python benchmarks/speaker_census_report.py before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from onrecord.lexicons import load_lexicon
from onrecord.registry import load_registry
from onrecord.registry.names import name_key

PEOPLE = ("Barr", "Mueller", "Sanders", "Fauci", "Boehner", "Trump", "Obama")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def actor_key(row: dict) -> str:
    """One corpus actor: the registry id where the engine gave one, else the name's key."""
    return row.get("registry") or name_key(row["name"])


def is_junk(row: dict, registry, junk_heads: frozenset[str]) -> bool:
    """A named speaker that is no actor: a generic noun, a document, a label, a misfiled name."""
    name = row["name"]
    words = name.split()
    if row.get("type") in ("group", "document"):
        return True
    if words[-1].lower() in junk_heads and not registry.lookup(name):
        return True  # 'the report', 'Polls', 'people' (but The Washington Post is an outlet)
    if len(words) == 1 and name.isupper() and len(name) >= 4 and not registry.lookup(name):
        return True  # 'TARGET', 'ATTACKER': labels of a list
    actor = registry.resolve(name)
    return row.get("type") == "person" and actor is not None and actor.type != "person"


def summary(rows: list[dict]) -> dict:
    lex, registry = load_lexicon(), load_registry()
    junk_heads = frozenset(lex.group_heads | set(lex.document_nouns) | {"people", "report", "polls"})
    named = [r for r in rows if r.get("name")]
    junk = [r for r in named if is_junk(r, registry, junk_heads)]
    by_actor: dict[str, set[str]] = defaultdict(set)
    for r in named:
        by_actor[actor_key(r)].add(r["name"])
    by_registry: dict[str, set[str]] = defaultdict(set)  # registry actor -> names used for it
    for name in {r["name"] for r in named}:
        actor = registry.resolve(name) if len(name.split()) > 1 else None
        if actor is not None:
            by_registry[actor.id].add(name)
    duplicates = {k: v for k, v in by_registry.items() if len(v) > 1}
    top = Counter(r["name"] for r in named).most_common(100)
    junk_names = {r["name"] for r in junk}
    people = {p: Counter(r["name"] for r in named if p in r["name"].split()) for p in PEOPLE}
    return {
        "statements": len(rows), "named_statements": len(named),
        "entities": len({r["name"] for r in named}),
        "actors": len(by_actor),
        "names_joined_by_registry": sum(len(v) for v in by_actor.values() if len(v) > 1),
        "actors_with_several_names": sum(1 for v in by_actor.values() if len(v) > 1),
        "registry_actors_with_several_names": len(duplicates),
        "names_of_those_actors": sum(len(v) for v in duplicates.values()),
        "example_duplicates": sorted(sorted(v) for v in duplicates.values())[:8],
        "junk_statements": len(junk), "junk_names": len(junk_names),
        "junk_in_top_100": sum(1 for name, _ in top if name in junk_names),
        "resolution": Counter(r.get("resolution") or "none" for r in rows if r.get("text")),
        "people": {p: c.most_common(5) for p, c in people.items()},
        "top_junk": Counter(r["name"] for r in junk).most_common(15),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args()
    report = {"before": summary(load(args.before)), "after": summary(load(args.after))}
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
