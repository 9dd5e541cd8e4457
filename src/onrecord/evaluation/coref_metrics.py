"""Coreference scores of a response clustering against a key: MUC, B-cubed, CEAF-e, CoNLL F1.

As the CoNLL-2012 reference scorer (v8; Pradhan et al. 2014) does, the metrics run on the
partitions as given: nothing is added or removed, a mention missing from the other side simply
shares no cluster with anything there.  Singletons are kept.  A clustering is an iterable of
clusters, each an iterable of hashable mentions; a mention may be in one cluster only (else
ValueError); duplicate mentions within a cluster and empty clusters are dropped.  Undefined
ratios (0/0) are 0.0, so an empty input scores 0.0.

A corpus score as the reference scorer reports it (sums over documents): pass all documents'
clusters at once with mentions qualified by document, e.g. ``(doc, start, end)``; CEAF-e's
alignment then never pairs entities of different documents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Score", "muc", "b_cubed", "ceaf_e", "conll_f1", "coref_scores", "max_weight_assignment"]

Clustering = Iterable[Iterable[Hashable]]
_Partition = list[frozenset[Hashable]]


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 of one metric."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, p_num: float, p_den: float, r_num: float, r_den: float) -> Score:
        """From numerators and denominators; 0.0 where a denominator is 0."""
        precision = p_num / p_den if p_den else 0.0
        recall = r_num / r_den if r_den else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)


def muc(key: Clustering, response: Clustering) -> Score:
    """MUC (Vilain et al. 1995): links kept, counted over each cluster's split by the other side."""
    k, r = _partition(key, "key"), _partition(response, "response")
    return Score.of(*_muc_counts(r, _index(k)), *_muc_counts(k, _index(r)))


def b_cubed(key: Clustering, response: Clustering) -> Score:
    """B-cubed (Bagga & Baldwin 1998): per-mention overlap of its key and response clusters."""
    k, r = _partition(key, "key"), _partition(response, "response")
    return Score.of(*_b3_counts(r, _index(k)), *_b3_counts(k, _index(r)))


def ceaf_e(key: Clustering, response: Clustering) -> Score:
    """Entity CEAF (Luo 2005): phi4 similarity under the best one-to-one entity alignment."""
    k, r = _partition(key, "key"), _partition(response, "response")
    r_index = _index(r)
    phi4: dict[tuple[int, int], float] = {}
    for i, cluster in enumerate(k):
        for j, common in Counter(r_index[m] for m in cluster if m in r_index).items():
            phi4[i, j] = 2 * common / (len(cluster) + len(r[j]))
    total = _aligned_similarity(phi4)
    return Score.of(total, len(r), total, len(k))


def conll_f1(key: Clustering, response: Clustering) -> float:
    """Mean of the MUC, B-cubed and CEAF-e F1s."""
    k, r = _partition(key, "key"), _partition(response, "response")
    return (muc(k, r).f1 + b_cubed(k, r).f1 + ceaf_e(k, r).f1) / 3


def coref_scores(key: Clustering, response: Clustering) -> dict[str, Score | float]:
    """``{"muc": Score, "b_cubed": Score, "ceaf_e": Score, "conll_f1": float}``."""
    k, r = _partition(key, "key"), _partition(response, "response")
    scores = {"muc": muc(k, r), "b_cubed": b_cubed(k, r), "ceaf_e": ceaf_e(k, r)}
    return {**scores, "conll_f1": sum(s.f1 for s in scores.values()) / 3}


def max_weight_assignment(weights: np.ndarray | Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row-column pairs of a one-to-one assignment with the largest total weight (Kuhn-Munkres).

    Any rectangular matrix of finite weights; ``min(rows, columns)`` pairs, sorted (none if empty).  Shortest
    augmenting paths with row and column potentials, O(n^2 m), vectorised over columns.
    """
    w = np.asarray(weights, dtype=float)
    if w.size == 0:
        return []
    if w.ndim != 2:
        raise ValueError(f"weights must be a matrix, got shape {w.shape}")
    if not np.isfinite(w).all():
        raise ValueError("weights must be finite")
    transposed = w.shape[0] > w.shape[1]
    cost = (w.max() - w).T if transposed else w.max() - w  # rows <= columns; minimise cost
    n, m = cost.shape
    u, v = np.zeros(n + 1), np.zeros(m + 1)  # potentials; column 0 is a virtual start
    owner = np.zeros(m + 1, dtype=int)  # owner[j]: row (1-based) holding column j, 0 if free
    way = np.zeros(m + 1, dtype=int)
    for row in range(1, n + 1):
        owner[0], j0 = row, 0
        minv = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        while owner[j0]:
            used[j0] = True
            free = ~used[1:]
            reduced = cost[owner[j0] - 1] - u[owner[j0]] - v[1:]
            better = free & (reduced < minv[1:])
            minv[1:][better] = reduced[better]
            way[1:][better] = j0
            candidates = np.where(free, minv[1:], np.inf)
            j1 = int(np.argmin(candidates)) + 1
            delta = candidates[j1 - 1]
            u[owner[used]] += delta
            v[used] -= delta
            minv[~used] -= delta
            j0 = j1
        while j0:  # flip the augmenting path
            owner[j0] = owner[way[j0]]
            j0 = way[j0]
    pairs = [(int(owner[j]) - 1, j - 1) for j in range(1, m + 1) if owner[j]]
    return sorted((c, r) for r, c in pairs) if transposed else sorted(pairs)


def _partition(clusters: Clustering, side: str) -> _Partition:
    result: _Partition = []
    seen: set[Hashable] = set()
    for cluster in clusters:
        mentions = frozenset(cluster)
        if shared := seen & mentions:
            raise ValueError(f"{side}: mention {next(iter(shared))!r} is in more than one cluster")
        if mentions:
            seen |= mentions
            result.append(mentions)
    return result


def _index(partition: _Partition) -> dict[Hashable, int]:
    return {m: i for i, cluster in enumerate(partition) for m in cluster}


def _muc_counts(gold: _Partition, other: dict[Hashable, int]) -> tuple[int, int]:
    """Links of ``gold`` kept by ``other``: sum |C| - |parts of C|, over sum |C| - 1."""
    kept = links = 0
    for cluster in gold:
        parts = {other[m] for m in cluster if m in other}
        kept += len(cluster) - len(parts) - sum(m not in other for m in cluster)
        links += len(cluster) - 1
    return kept, links


def _b3_counts(gold: _Partition, other: dict[Hashable, int]) -> tuple[float, int]:
    """Sum over ``gold`` clusters C and ``other`` clusters D of |C & D|^2 / |C|, over all mentions."""
    total = 0.0
    for cluster in gold:
        overlaps = Counter(other[m] for m in cluster if m in other)
        total += sum(n * n for n in overlaps.values()) / len(cluster)
    return total, sum(len(cluster) for cluster in gold)


def _aligned_similarity(similarity: dict[tuple[int, int], float]) -> float:
    """Best one-to-one total of a sparse similarity, solved per connected block of overlaps."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in similarity:
        parent[root(("key", i))] = root(("response", j))
    blocks: dict[tuple[str, int], list[tuple[int, int, float]]] = defaultdict(list)
    for (i, j), value in similarity.items():
        blocks[root(("key", i))].append((i, j, value))
    total = 0.0
    for edges in blocks.values():
        if len(edges) == 1:
            total += edges[0][2]
            continue
        rows = {i: n for n, i in enumerate(sorted({i for i, _, _ in edges}))}
        cols = {j: n for n, j in enumerate(sorted({j for _, j, _ in edges}))}
        matrix = np.zeros((len(rows), len(cols)))
        for i, j, value in edges:
            matrix[rows[i], cols[j]] = value
        total += float(sum(matrix[a, b] for a, b in max_weight_assignment(matrix)))
    return total
