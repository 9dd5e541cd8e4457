"""Constrained decoding: word tag scores -> the best valid BIO sequence -> role spans.

Valid: ``I-X`` only right after ``B-X`` or ``I-X``.  Viterbi over log-probabilities with
the forbidden transitions removed, so no span is made up from a stray ``I-``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from onrecord.tagger.labels import LABELS

_NEG = -1e9


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A run of words with one role: character offsets, and the mean tag probability."""

    role: str
    start: int
    end: int
    score: float


def _transitions() -> tuple[np.ndarray, np.ndarray]:
    n = len(LABELS)
    allowed = np.zeros((n, n))
    start = np.zeros(n)
    for j, to in enumerate(LABELS):
        if to.startswith("I-"):
            start[j] = _NEG
            for i, frm in enumerate(LABELS):
                if frm[2:] != to[2:] or frm == "O":
                    allowed[i, j] = _NEG
    return allowed, start


_ALLOWED, _START = _transitions()


def viterbi(log_probs: np.ndarray) -> np.ndarray:
    """Best valid tag index per word, from ``(n_words, n_labels)`` log-probabilities."""
    n = len(log_probs)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    score = log_probs[0] + _START
    back = np.zeros((n, len(LABELS)), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + _ALLOWED
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + log_probs[t]
    tags = np.zeros(n, dtype=np.int64)
    tags[-1] = int(score.argmax())
    for t in range(n - 1, 0, -1):
        tags[t - 1] = back[t, tags[t]]
    return tags


def spans_from_tags(tags: np.ndarray, words: tuple[tuple[int, int], ...],
                    probs: np.ndarray | None = None) -> list[RoleSpan]:
    """The role spans a valid tag sequence names, in text order."""
    out: list[RoleSpan] = []
    run: list[int] = []
    role = None

    def close() -> None:
        if run:
            score = float(np.mean([probs[i, tags[i]] for i in run])) if probs is not None else 1.0
            out.append(RoleSpan(role, words[run[0]][0], words[run[-1]][1], score))

    for i, t in enumerate(tags):
        label = LABELS[int(t)]
        if label.startswith("B-") or label == "O":
            close()
            run, role = ([i], label[2:]) if label != "O" else ([], None)
        else:
            run.append(i)
    close()
    return out


def decode(probs: np.ndarray, words: tuple[tuple[int, int], ...]) -> list[RoleSpan]:
    """Role spans from per-word tag probabilities."""
    tags = viterbi(np.log(np.clip(probs, 1e-9, 1.0)))
    return spans_from_tags(tags, words, probs)
