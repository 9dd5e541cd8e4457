"""The shipped pronoun-antecedent ranker: scores candidates, picks the best (predict side)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from onrecord.coref.features import FEATURES
from onrecord.coref.trees import ModelFileError, TreeEnsemble, load_ensemble

MODEL_DIR = Path(__file__).with_name("model")
MODEL_FILE = MODEL_DIR / "pronoun_ranker.json"
REBUILD = ("onrecord train coref --train ../shared/data/gum/train --dev ../shared/data/gum/dev "
           "--gap ../shared/data/gap/gap-development.tsv --out " + str(MODEL_FILE))


class PronounRanker:
    """Probability that each candidate is the pronoun's antecedent."""

    def __init__(self, model: TreeEnsemble) -> None:
        if tuple(model.features) != FEATURES:
            raise ModelFileError("the model's features do not match this version of onrecord; "
                                 f"rebuild it with: {REBUILD}")
        self.model = model

    def score(self, rows: list[list[float]]) -> np.ndarray:
        return self.model.probability(np.asarray(rows, dtype=np.float64))

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> "PronounRanker":
        return cls(load_ensemble(path, REBUILD))


@lru_cache(maxsize=1)
def default_ranker() -> PronounRanker:
    """The model shipped with the package, loaded once per process."""
    return PronounRanker.load(MODEL_FILE)


__all__ = ["PronounRanker", "default_ranker", "ModelFileError", "MODEL_FILE"]
