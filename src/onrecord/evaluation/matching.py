"""Greedy one-to-one matching between gold and predicted items."""

from __future__ import annotations

from collections.abc import Callable


def greedy_match(n_gold: int, n_pred: int,
                 weight: Callable[[int, int], float]) -> list[tuple[int, int]]:
    """Pairs ``(gold_index, pred_index)``, each index used at most once.

    Candidate pairs are those with ``weight > 0``; they are taken heaviest first,
    ties broken by gold then prediction order, so the result is deterministic.
    """
    candidates = [(-w, g, p) for g in range(n_gold) for p in range(n_pred)
                  if (w := weight(g, p)) > 0]
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _w, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)
