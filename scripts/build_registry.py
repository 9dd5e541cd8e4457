"""Build the registry's knowledge-base tables from the CC0 seed data in shared/data/kb.

Writes src/onrecord/registry/data/kb_people.tsv (members of Congress serving now, every US president
and vice-president) and kb_newspapers.tsv (US newspapers with a Wikidata QID).  The output is
deterministic (rows sorted by id) so a rebuild from the same sources is byte for byte the same.

    python scripts/build_registry.py [KB_DIR] [OUT_DIR]
"""

from __future__ import annotations

import collections
import datetime as dt
import html
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_KB = ROOT.parent / "shared" / "data" / "kb"
DEFAULT_OUT = ROOT / "src" / "onrecord" / "registry" / "data"

PEOPLE_COLUMNS = ("id", "name", "type", "gender", "aliases", "offices", "party", "country", "wikipedia")
PAPER_COLUMNS = ("id", "name", "type", "aliases", "country", "state", "wikipedia")
ROLES = {"sen": "senator", "rep": "representative", "prez": "president", "viceprez": "vice-president"}
CONTIGUOUS_DAYS = 4  # a term that starts within this many days of the last one's end continues it


def source_commit(kb: Path, folder: str) -> tuple[str, str]:
    """(repository, commit) of one seed folder, as its README states them."""
    text = (kb / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"`{re.escape(folder)}/`\s*\S+\s*github (\S+) @([0-9a-f]+)", text)
    if not match:
        raise SystemExit(f"{kb / 'README.md'}: no 'github owner/repo @commit' line for {folder}/")
    return match.group(1), match.group(2)


def clean(text: str) -> str:
    """One TSV field: no tabs, newlines or list separators inside."""
    text = " ".join(html.unescape(text).split())
    if any(c in text for c in "|;\t"):
        raise ValueError(f"separator inside a field: {text!r}")
    return text


def person_id(ids: dict) -> str:
    if ids.get("wikidata"):
        return str(ids["wikidata"])
    if ids.get("bioguide"):
        return f"bioguide:{ids['bioguide']}"
    return f"govtrack:{ids['govtrack']}"


def person_aliases(name: dict, handle: str | None) -> list[str]:
    first, last = name["first"], name["last"]
    middle, nick, suffix = name.get("middle"), name.get("nickname"), name.get("suffix")
    forms = [name.get("official_full"), f"{first} {last}"]
    if nick:
        forms.append(f"{nick} {last}")
    if middle:
        forms.append(f"{first} {middle} {last}")
    if suffix:
        forms += [f"{first} {last} {suffix}"] + ([f"{nick} {last} {suffix}"] if nick else [])
    if handle:
        forms.append(f"@{handle}")
    return list(dict.fromkeys(clean(f) for f in forms if f))


def offices(terms: list[dict]) -> str:
    """role:where:start:end for each run of back-to-back terms in one seat, oldest first."""
    runs: list[list[str]] = []
    for term in terms:
        role = ROLES[term["type"]]
        where = term.get("state", "US")
        if term["type"] == "rep":
            where = f"{where}-{term['district']}"
        if runs and runs[-1][0] == role and runs[-1][1] == where:
            gap = dt.date.fromisoformat(term["start"]) - dt.date.fromisoformat(runs[-1][3])
            if gap.days <= CONTIGUOUS_DAYS:
                runs[-1][3] = term["end"]
                continue
        runs.append([role, where, term["start"], term["end"]])
    return ";".join(":".join(run) for run in runs)


def people_rows(kb: Path) -> list[tuple[str, ...]]:
    folder = kb / "congress-legislators"
    load = lambda name: yaml.safe_load((folder / name).read_text(encoding="utf-8"))  # noqa: E731
    handles = {entry["id"]["bioguide"]: entry["social"].get("twitter")
               for entry in load("legislators-social-media.yaml")}
    rows: dict[str, tuple[str, ...]] = {}
    for record in load("executive.yaml") + load("legislators-current.yaml"):
        ids, name = record["id"], record["name"]
        pid = person_id(ids)
        if pid in rows:
            raise SystemExit(f"{pid} is listed twice in the congress-legislators files")
        canonical = clean(name.get("official_full") or f"{name['first']} {name['last']}")
        aliases = [a for a in person_aliases(name, handles.get(ids.get("bioguide"))) if a != canonical]
        gender = record.get("bio", {}).get("gender", "")
        rows[pid] = (pid, canonical, "person", gender.lower(), "|".join(aliases),
                     offices(record["terms"]), clean(record["terms"][-1].get("party", "")), "US",
                     clean(ids.get("wikipedia", "")))
    return [rows[k] for k in sorted(rows)]


def strip_disambiguation(title: str) -> str:
    """'The Southern Star (Alabama)' -> 'The Southern Star'; dated titles stay ('X (1894–1939)')."""
    return re.sub(r"\s*\([^()0-9]*\)$", "", title).strip()


def newspaper_rows(kb: Path) -> list[tuple[str, ...]]:
    """One row per QID; titles that share a QID (redirects to one article) become its aliases."""
    lines = (kb / "wiki-media-cred" / "wikipedia-us-newspapers.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    col = {name: i for i, name in enumerate(header)}
    titles: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    states: dict[str, set[str]] = collections.defaultdict(set)
    for line in lines[1:]:
        fields = line.split("\t")
        qid = fields[col["qid"]].strip()
        if not qid:
            continue
        titles[qid][clean(fields[col["WP-title"]])] += 1
        states[qid].add(clean(fields[col["state"]]))
    rows = []
    for qid in sorted(titles):
        ranked = [t for t, _ in titles[qid].most_common()]  # ties keep file order
        name = strip_disambiguation(ranked[0])
        aliases = [a for a in dict.fromkeys(strip_disambiguation(t) for t in ranked[1:]) if a != name]
        rows.append((qid, name, "media", "|".join(aliases), "US", "|".join(sorted(states[qid])), ranked[0]))
    return rows


def write_tsv(path: Path, comments: list[str], columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    lines = [f"# {c}" for c in comments] + ["\t".join(columns)] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(kb: Path = DEFAULT_KB, out: Path = DEFAULT_OUT) -> None:
    repo, commit = source_commit(kb, "congress-legislators")
    write_tsv(out / "kb_people.tsv",
              [f"source: github {repo} commit {commit} (legislators-current.yaml, executive.yaml, "
               "legislators-social-media.yaml); licence CC0 1.0",
               "generated by scripts/build_registry.py; offices are role:where:start:end (';' separated), "
               "aliases '|' separated; party is that of the latest term"],
              PEOPLE_COLUMNS, people_rows(kb))
    repo, commit = source_commit(kb, "wiki-media-cred")
    write_tsv(out / "kb_newspapers.tsv",
              [f"source: github {repo} commit {commit} (wikipedia-us-newspapers.tsv); licence CC0 1.0",
               "generated by scripts/build_registry.py; one row per Wikidata QID, other titles with that "
               "QID are aliases; state '|' separated"],
              PAPER_COLUMNS, newspaper_rows(kb))


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:3]))
