"""Score attribution spans against PolNeAR: source, cue and content, exact and overlap.

Spans are compared after trimming surrounding whitespace from each fragment.  Exact:
the fragment sets are equal.  Overlap: the spans share at least one character.  Each
gold span is matched at most once (greedy, largest overlap first); counts are summed
over the corpus (micro-average).  A no-source gold attribution adds no gold source.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onrecord.evaluation.adapter import PredAttribution, article_to_polnear
from onrecord.evaluation.brat import GoldAttribution, GoldDocument, read_polnear
from onrecord.evaluation.matching import greedy_match
from onrecord.evaluation.spans import overlap, strip_span

if TYPE_CHECKING:
    from onrecord.pipeline import Extractor

__all__ = ["PRF", "RoleScores", "PolnearScores", "PredAttribution", "article_to_polnear",
           "score_document", "score_polnear", "evaluate_polnear"]

ROLES = ("source", "cue", "content")


@dataclass(frozen=True, slots=True)
class PRF:
    """Match counts with precision, recall and F1 (0.0 when undefined)."""

    tp: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.gold + other.gold, self.pred + other.pred)

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "gold": self.gold, "pred": self.pred}


@dataclass(frozen=True, slots=True)
class RoleScores:
    """One PRF per attribution role."""

    source: PRF = PRF()
    cue: PRF = PRF()
    content: PRF = PRF()

    def __add__(self, other: "RoleScores") -> "RoleScores":
        return RoleScores(*(getattr(self, r) + getattr(other, r) for r in ROLES))

    def to_dict(self) -> dict[str, dict[str, float | int]]:
        return {r: getattr(self, r).to_dict() for r in ROLES}


@dataclass(frozen=True, slots=True)
class PolnearScores:
    """Corpus scores.

    ``attribution``: cue and content both overlap.  ``attribution_exact``: cue, content
    and (where gold has one) source all exact.
    """

    exact: RoleScores = RoleScores()
    overlap: RoleScores = RoleScores()
    attribution: PRF = PRF()
    attribution_exact: PRF = PRF()
    documents: int = 0

    def __add__(self, other: "PolnearScores") -> "PolnearScores":
        return PolnearScores(self.exact + other.exact, self.overlap + other.overlap,
                             self.attribution + other.attribution,
                             self.attribution_exact + other.attribution_exact,
                             self.documents + other.documents)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "exact": self.exact.to_dict(),
                "overlap": self.overlap.to_dict(),
                "attribution": {"overlap": self.attribution.to_dict(),
                                "all_exact": self.attribution_exact.to_dict()}}

    def floor_view(self) -> dict[str, dict[str, float]]:
        """F1 values keyed like ``eval/floors.json``'s ``polnear_dev`` section."""
        return {"exact": {r: getattr(self.exact, r).f1 for r in ROLES},
                "overlap": {r: getattr(self.overlap, r).f1 for r in ROLES},
                "attribution": {"overlap": self.attribution.f1,
                                "all_exact": self.attribution_exact.f1}}


def score_document(gold: GoldDocument, predictions: Sequence[PredAttribution]) -> PolnearScores:
    """Scores of one article's predictions (offsets into ``gold.text``)."""
    g = [_stripped(a, gold.text) for a in gold.attributions]
    p = [_stripped(a, gold.text) for a in predictions]
    exact, loose = {}, {}
    for role in ROLES:
        gs = [s for a in g if (s := getattr(a, role))]
        ps = [s for a in p if (s := getattr(a, role))]
        exact[role] = PRF(sum((Counter(gs) & Counter(ps)).values()), len(gs), len(ps))
        pairs = greedy_match(len(gs), len(ps), lambda i, j: overlap(gs[i], ps[j]))
        loose[role] = PRF(len(pairs), len(gs), len(ps))

    def both_overlap(i: int, j: int) -> float:
        cue, content = overlap(g[i].cue, p[j].cue), overlap(g[i].content, p[j].content)
        return cue + content if cue and content else 0

    def all_exact(i: int, j: int) -> float:
        if g[i].cue != p[j].cue or g[i].content != p[j].content:
            return 0
        if g[i].source is None:
            return 1
        return 2 if g[i].source == p[j].source else 0

    return PolnearScores(
        exact=RoleScores(**exact), overlap=RoleScores(**loose),
        attribution=_prf(both_overlap, len(g), len(p)),
        attribution_exact=_prf(all_exact, len(g), len(p)), documents=1)


def score_polnear(gold_docs: Sequence[GoldDocument],
                  predictions: Sequence[Sequence[PredAttribution]]) -> PolnearScores:
    """Micro-averaged scores; ``predictions[i]`` belongs to ``gold_docs[i]``."""
    if len(gold_docs) != len(predictions):
        raise ValueError(f"{len(gold_docs)} gold documents but {len(predictions)} prediction "
                         "lists: pass one (possibly empty) list per document, in order")
    total = PolnearScores()
    for gold, preds in zip(gold_docs, predictions):
        total = total + score_document(gold, preds)
    return total


def evaluate_polnear(directory: str | Path, extractor: "Extractor | None" = None,
                     limit: int | None = None) -> PolnearScores:
    """Run the extractor over a PolNeAR split directory and score it."""
    from onrecord.pipeline import ArticleMeta, Extractor

    docs = read_polnear(directory, limit)
    extractor = extractor or Extractor()
    meta = _metadata(Path(directory))
    items = [(d.text, meta.get(d.name, ArticleMeta(id=d.name))) for d in docs]
    predictions = []
    for doc, article in zip(docs, extractor.extract_many(items)):
        if len(article.text) != len(doc.text):
            raise ValueError(
                f"{doc.name}: the extracted text has {len(article.text)} characters, the "
                f"source {len(doc.text)}; offsets must index the original text "
                "(prepare_text must keep the length)")
        predictions.append(article_to_polnear(article))
    return score_polnear(docs, predictions)


def _stripped(a: GoldAttribution | PredAttribution, text: str) -> GoldAttribution:
    return GoldAttribution(source=strip_span(a.source, text) or None if a.source else None,
                           cue=strip_span(a.cue, text), content=strip_span(a.content, text))


def _prf(weight: Callable[[int, int], float], n_gold: int, n_pred: int) -> PRF:
    return PRF(len(greedy_match(n_gold, n_pred, weight)), n_gold, n_pred)


def _metadata(directory: Path) -> dict[str, Any]:
    """Publication date, outlet and title per article from ``metadata.tsv`` next to the split."""
    from onrecord.pipeline import ArticleMeta

    path = directory.parent / "metadata.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {r["filename"]: ArticleMeta(id=r["filename"], title=r.get("title") or None,
                                           outlet=r.get("publisher") or None,
                                           published=r.get("publication_date") or None)
                for r in rows if r.get("filename")}
