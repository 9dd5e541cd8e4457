"""A gradient-boosted tree ensemble as plain JSON, scored with numpy (no training library needed).

Format ``onrecord.trees/1``: ``{"format", "features": [names], "base": float,
"trees": [{"feature": [...], "threshold": [...], "left": [...], "right": [...], "value": [...]}]}``;
a node with feature -1 is a leaf holding ``value``; a row goes left when ``x <= threshold``.
The score is ``base`` plus the sum of the leaves reached; ``probability`` is its logistic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

FORMAT = "onrecord.trees/1"


class ModelFileError(RuntimeError):
    """A model file that is missing, unreadable or not in the expected format."""


@dataclass(frozen=True)
class Tree:
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray


@dataclass(frozen=True)
class TreeEnsemble:
    features: tuple[str, ...]
    base: float
    trees: tuple[Tree, ...]
    meta: dict

    def margin(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != len(self.features):
            raise ValueError(f"expected rows of {len(self.features)} features, got shape {X.shape}")
        if not self.trees:
            return np.full(len(X), self.base)
        feature, threshold, left, right, value, roots = self._packed
        node = np.broadcast_to(roots, (len(X), len(roots))).copy()
        rows = np.arange(len(X))[:, None]
        while True:  # every tree of every row steps down together: one pass per tree level
            f = feature[node]
            inner = f >= 0
            if not inner.any():
                break
            go_left = X[rows, np.maximum(f, 0)] <= threshold[node]
            node = np.where(inner, np.where(go_left, left[node], right[node]), node)
        return self.base + value[node].sum(axis=1)

    @cached_property
    def _packed(self) -> tuple[np.ndarray, ...]:
        """All trees in one set of arrays (child indices made global)."""
        offsets = np.cumsum([0] + [len(t.feature) for t in self.trees[:-1]])
        def shifted(a, off):
            return np.where(a >= 0, a + off, -1)
        return (np.concatenate([t.feature for t in self.trees]),
                np.concatenate([t.threshold for t in self.trees]),
                np.concatenate([shifted(t.left, o) for t, o in zip(self.trees, offsets)]),
                np.concatenate([shifted(t.right, o) for t, o in zip(self.trees, offsets)]),
                np.concatenate([t.value for t in self.trees]), offsets.astype(np.int64))

    def probability(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.margin(X)))

    def to_json(self) -> dict:
        return {"format": FORMAT, "features": list(self.features), "base": self.base,
                "meta": self.meta,
                "trees": [{k: getattr(t, k).tolist() for k in ("feature", "threshold", "left",
                                                               "right", "value")}
                          for t in self.trees]}

    @classmethod
    def from_json(cls, data: dict) -> "TreeEnsemble":
        if data.get("format") != FORMAT:
            raise ValueError(f"not an {FORMAT} model (format={data.get('format')!r})")
        trees = tuple(Tree(np.asarray(t["feature"], dtype=np.int64),
                           np.asarray(t["threshold"], dtype=np.float64),
                           np.asarray(t["left"], dtype=np.int64),
                           np.asarray(t["right"], dtype=np.int64),
                           np.asarray(t["value"], dtype=np.float64)) for t in data["trees"])
        return cls(tuple(data["features"]), float(data["base"]), trees, data.get("meta", {}))


def load_ensemble(path: Path, rebuild_hint: str) -> TreeEnsemble:
    """Read a model file; a missing or corrupt file raises ModelFileError saying how to rebuild it."""
    try:
        return TreeEnsemble.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise ModelFileError(f"model file {path} is missing; rebuild it with: {rebuild_hint}") from None
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ModelFileError(f"model file {path} is corrupt ({err}); rebuild it with: "
                             f"{rebuild_hint}") from None
