"""Read GAP (gendered ambiguous pronouns) TSV and score predictions with the official metric.

Each example is a Wikipedia snippet with a pronoun and two names, A and B, and whether each
name is the pronoun's antecedent.  The metric (``gap_scorer.py`` of the release) scores the two
binary decisions per example: precision, recall and F1 of the True decisions, overall and per
pronoun gender, and the bias ratio feminine F1 / masculine F1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GapExample", "read_gap", "gap_scores"]

COLUMNS = ("ID", "Text", "Pronoun", "Pronoun-offset", "A", "A-offset", "A-coref",
           "B", "B-offset", "B-coref", "URL")
FEMININE = frozenset({"she", "her", "hers", "herself"})


@dataclass(frozen=True, slots=True)
class GapExample:
    """One GAP row; offsets are character offsets into ``text``."""

    id: str
    text: str
    pronoun: str
    pronoun_offset: int
    a: str
    a_offset: int
    a_coref: bool
    b: str
    b_offset: int
    b_coref: bool

    @property
    def gender(self) -> str:
        """``"f"`` for she/her/hers/herself, else ``"m"``."""
        return "f" if self.pronoun.lower() in FEMININE else "m"


def read_gap(path: str | Path) -> list[GapExample]:
    """Examples of a GAP TSV file (header row first); ValueError naming file and line if malformed."""
    path = Path(path)
    examples: list[GapExample] = []
    with path.open(encoding="utf-8", newline="") as lines:
        header = next(lines, "").rstrip("\r\n").split("\t")
        if tuple(header) != COLUMNS:
            raise ValueError(f"{path}:1: header is not the GAP columns {', '.join(COLUMNS)}")
        for lineno, raw in enumerate(lines, 2):
            line = raw.rstrip("\r\n")
            if line:
                examples.append(_example(line.split("\t"), f"{path}:{lineno}"))
    return examples


def _example(cells: list[str], where: str) -> GapExample:
    if len(cells) != len(COLUMNS):
        raise ValueError(f"{where}: expected {len(COLUMNS)} tab-separated columns, got {len(cells)}")
    row = dict(zip(COLUMNS, cells))

    def offset(column: str) -> int:
        try:
            value = int(row[column])
        except ValueError:
            raise ValueError(f"{where}: {column} {row[column]!r} is not an integer") from None
        if not 0 <= value < len(row["Text"]):
            raise ValueError(f"{where}: {column} {value} is outside the text")
        return value

    def flag(column: str) -> bool:
        value = row[column].lower()
        if value not in ("true", "false"):
            raise ValueError(f"{where}: {column} {row[column]!r} is not TRUE or FALSE")
        return value == "true"

    return GapExample(row["ID"], row["Text"], row["Pronoun"], offset("Pronoun-offset"),
                      row["A"], offset("A-offset"), flag("A-coref"),
                      row["B"], offset("B-offset"), flag("B-coref"))


def gap_scores(examples: Iterable[GapExample],
               predictions: Mapping[str, tuple[bool, bool]]) -> dict:
    """Official GAP scores: ``{"overall"|"masculine"|"feminine": {"precision", "recall", "f1"}, "bias"}``.

    ``predictions`` maps an example id to ``(a_pred, b_pred)``.  As in the official scorer, an
    example without a prediction counts each of its two decisions as a false negative, and
    predictions for ids not among ``examples`` are ignored.  Values are fractions (0..1), 0.0 when
    undefined; ``bias`` is feminine F1 / masculine F1 (0.0 when masculine F1 is 0).
    """
    counts = {group: [0, 0, 0] for group in ("overall", "masculine", "feminine")}  # tp, fp, fn
    for example in examples:
        predicted = predictions.get(example.id)
        group = "feminine" if example.gender == "f" else "masculine"
        for i, gold in enumerate((example.a_coref, example.b_coref)):
            if predicted is None:
                outcome = 2
            elif predicted[i]:
                outcome = 0 if gold else 1
            elif gold:
                outcome = 2
            else:
                continue
            counts["overall"][outcome] += 1
            counts[group][outcome] += 1
    scores: dict = {group: _prf(*c) for group, c in counts.items()}
    masculine = scores["masculine"]["f1"]
    scores["bias"] = scores["feminine"]["f1"] / masculine if masculine else 0.0
    return scores


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
