"""PLV (PLOVER-coded news sentences) and the fixed dev split cut from its train file.

The PLV test split is held out; dev is 20% of train, stratified by root type and chosen by a
seeded hash of each sentence id, so it never moves when rows are reordered or added.
"""

from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

DEV_SHARE = 0.2
SPLIT_SEED = "onrecord-plv-dev-1"
# PLV uses PLOVER 1's YIELD; PLOVER 2 calls the type CONCEDE.
PLV_NAMES = {"YIELD": "CONCEDE"}


@dataclass(frozen=True, slots=True)
class CodedSentence:
    """One hand-coded sentence: its text, root event type and the actor/recipient strings."""

    id: str
    text: str
    type: str
    source: str
    target: str
    context: str = ""


def read_plv(path: Path) -> list[CodedSentence]:
    """The rows of ``plv_train.csv`` (columns text,label,meta,context,source,target)."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not found; PLV lives in ../shared/data/plover/plv_train.csv")
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [CodedSentence(_sentence_id(r["meta"]), r["text"], PLV_NAMES.get(r["label"], r["label"]),
                          r["source"], r["target"], r.get("context", "")) for r in rows]


def _sentence_id(meta: str) -> str:
    for part in meta.split("|"):
        if part.startswith("sentence_id="):
            return part.split("=", 1)[1]
    raise ValueError(f"PLV row without a sentence_id in its meta field: {meta!r}")


def split(rows: list[CodedSentence]) -> tuple[list[CodedSentence], list[CodedSentence]]:
    """(train, dev): per type, the DEV_SHARE of sentences with the smallest seeded hash go to dev."""
    by_type: dict[str, list[CodedSentence]] = defaultdict(list)
    for r in rows:
        by_type[r.type].append(r)
    dev_ids: set[str] = set()
    for group in by_type.values():
        ranked = sorted(group, key=lambda r: hashlib.sha1(f"{SPLIT_SEED}:{r.id}".encode()).hexdigest())
        dev_ids.update(r.id for r in ranked[:round(len(group) * DEV_SHARE)])
    return [r for r in rows if r.id not in dev_ids], [r for r in rows if r.id in dev_ids]
