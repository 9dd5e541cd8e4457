"""Padding windows into batches (training and evaluation)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from onrecord.coref.encoder.windows import Window


def pad(windows: Sequence[Window]) -> dict[str, np.ndarray]:
    """Arrays for ``PronounScorer.forward`` plus ``labels``; every window gets at least one
    candidate slot (masked) so shapes stay fixed."""
    b = len(windows)
    length = max(len(w.ids) for w in windows)
    cands = max(1, max(len(w.kept) for w in windows))
    out = {"ids": np.zeros((b, length), np.int64), "mask": np.zeros((b, length), np.int64),
           "pronoun": np.zeros((b, length), np.float32),
           "candidates": np.zeros((b, cands, length), np.float32),
           "buckets": np.zeros((b, cands), np.int64), "cand_mask": np.zeros((b, cands), np.float32),
           "labels": np.full(b, -100, np.int64)}
    for i, w in enumerate(windows):
        n, c = len(w.ids), len(w.kept)
        out["ids"][i, :n] = w.ids
        out["mask"][i, :n] = 1
        out["pronoun"][i, :n] = w.pronoun
        if c:
            out["candidates"][i, :c, :n] = w.candidates
            out["buckets"][i, :c] = w.buckets
            out["cand_mask"][i, :c] = 1.0
        out["labels"][i] = w.label
    return out


def shuffled(windows: Sequence[Window], size: int, rng: np.random.Generator) -> Iterator[dict]:
    """Batches of similar length (sorted within shuffled chunks of 50 batches)."""
    order = rng.permutation(len(windows))
    chunk = size * 50
    batches = []
    for k in range(0, len(order), chunk):
        part = sorted(order[k:k + chunk], key=lambda i: len(windows[i].ids))
        batches += [part[j:j + size] for j in range(0, len(part), size)]
    for j in rng.permutation(len(batches)):
        yield pad([windows[i] for i in batches[j]])


def ordered(windows: Sequence[Window], size: int) -> Iterator[tuple[list[int], dict]]:
    """``(indices, batch)`` in length order, for prediction."""
    order = sorted(range(len(windows)), key=lambda i: len(windows[i].ids))
    for k in range(0, len(order), size):
        part = order[k:k + size]
        yield part, pad([windows[i] for i in part])
