"""Build src/onrecord/lexicons/first_names.tsv: first names whose gender the sources agree on.

Sources (in ../shared, read-only): the US Congress and executive records (CC0; gender is stated
in each record), GAP development (Apache-2.0; a name that a gendered pronoun refers to) and GUM
train (CC BY; a multi-word person name in the same chain as he/she). GAP validation and GUM dev
are never read (they are the evaluation splits). A name is kept when at least 95% of its
sightings agree.

    python scripts/build_first_names.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parents[1] / "src/onrecord/lexicons/first_names.tsv"
FEMININE = {"she", "her", "hers", "herself"}


def congress(kb: Path) -> list[tuple[str, str]]:
    pairs = []
    for name in ("legislators-current.yaml", "executive.yaml"):
        for person in yaml.safe_load((kb / "congress-legislators" / name).read_text()):
            gender = person.get("bio", {}).get("gender")
            first = person["name"].get("nickname") or person["name"].get("first")
            if gender in ("M", "F") and first:
                pairs.append((first, gender.lower()))
    return pairs


def gap(path: Path) -> list[tuple[str, str]]:
    pairs = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            gender = "f" if row["Pronoun"].lower() in FEMININE else "m"
            for side in ("A", "B"):
                words = row[side].split()
                if row[f"{side}-coref"] == "TRUE" and len(words) >= 2:
                    pairs.append((words[0], gender))
    return pairs


def gum(folder: Path) -> list[tuple[str, str]]:
    pairs = []
    for path in sorted(folder.glob("*.conll")):
        words, open_at, chains = [], {}, defaultdict(list)
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            i = len(words)
            words.append(cols[1])
            for part in cols[2].split("|"):
                for opener in re.findall(r"\(([a-z]+-\d+)", part):
                    open_at.setdefault(opener, []).append(i)
                for closer in re.findall(r"([a-z]+-\d+)[^|()]*\)", part):
                    if open_at.get(closer):
                        chains[closer].append((open_at[closer].pop(), i + 1))
        for entity, spans in chains.items():
            if not entity.startswith("person"):
                continue
            pronouns = {words[s].lower() for s, e in spans if e - s == 1}
            gender = "f" if pronouns & {"she", "her"} else "m" if pronouns & {"he", "him", "his"} else None
            names = [words[s:e] for s, e in spans if e - s >= 2 and all(w[:1].isupper() for w in words[s:e])]
            if gender and names:
                pairs.append((names[0][0], gender))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    counts: dict[str, Counter] = defaultdict(Counter)
    data = args.shared / "data"
    sightings = (congress(data / "kb") + gap(data / "gap/gap-development.tsv")
                 + gum(data / "gum/train/conll"))
    for first, gender in sightings:
        if first.isalpha() and first[0].isupper() and len(first) > 1:
            counts[first][gender] += 1
    rows = []
    for first, c in sorted(counts.items()):
        gender, n = c.most_common(1)[0]
        total = sum(c.values())
        if n / total >= 0.95:
            rows.append(f"{first}\t{gender}\t{total}")
    header = ["# onrecord first names with a certain gender, version 1",
              "# built by scripts/build_first_names.py from US Congress records (CC0), GAP development and GUM train",
              "name\tgender\tseen"]
    args.out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
