"""One pronoun decision as model input: word pieces, the pronoun's and candidates' piece masks.

The window is at most ``MAX_PIECES`` pieces of the text around the pronoun (left context first:
antecedents come before); a candidate the window cuts off is dropped.  Distances are bucketed
by log2 of the piece distance, signed (a candidate after the pronoun is cataphora).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from onrecord.coref.encoder.examples import PronounExample

__all__ = ["Window", "encode", "MAX_PIECES", "BUCKETS"]

MAX_PIECES = 256
RIGHT_CONTEXT = 48  # pieces kept after the pronoun when the text is longer than the window
BUCKETS = 22  # 0-10 before the pronoun, 11-21 after


@dataclass(frozen=True, slots=True)
class Window:
    ids: np.ndarray  # int64 [pieces]
    pronoun: np.ndarray  # float32 [pieces], 1 on the pronoun's pieces
    candidates: np.ndarray  # float32 [kept candidates, pieces]
    buckets: np.ndarray  # int64 [kept candidates]
    kept: tuple[int, ...]  # index in the example's candidates of each kept row
    label: int  # index into ``kept`` rows + 1 (0 = none), -100 when unknown


def _bucket(distance: int) -> int:
    b = min(10, int(math.log2(abs(distance) + 1)))
    return b if distance >= 0 else 11 + b


def _pieces(offsets, start: int, end: int) -> list[int]:
    return [i for i, (s, e) in enumerate(offsets) if e > s and s < end and e > start]


def encode(tokenizer, ex: PronounExample, cls_id: int, sep_id: int) -> Window | None:
    """The model input of ``ex``; None when the pronoun has no pieces."""
    enc = tokenizer.encode(ex.text, add_special_tokens=False)
    offsets = enc.offsets
    pron = _pieces(offsets, *ex.pronoun)
    if not pron:
        return None
    room = MAX_PIECES - 2
    hi = min(len(offsets), max(pron[-1] + 1 + RIGHT_CONTEXT, room))
    lo = max(0, hi - room)
    ids = [cls_id, *enc.ids[lo:hi], sep_id]
    n = len(ids)
    pmask = np.zeros(n, np.float32)
    pmask[[p - lo + 1 for p in pron]] = 1.0
    rows, buckets, kept = [], [], []
    for k, (s, e) in enumerate(ex.candidates):
        pieces = [p for p in _pieces(offsets, s, e) if lo <= p < hi]
        if not pieces:
            continue
        row = np.zeros(n, np.float32)
        row[[p - lo + 1 for p in pieces]] = 1.0
        rows.append(row)
        buckets.append(_bucket(pron[0] - pieces[-1]) if pieces[-1] < pron[0] else _bucket(pron[0] - pieces[0]))
        kept.append(k)
    label = -100 if ex.label is None else (kept.index(ex.label) + 1 if ex.label in kept else 0)
    cands = np.stack(rows) if rows else np.zeros((0, n), np.float32)
    return Window(np.asarray(ids, np.int64), pmask, cands, np.asarray(buckets, np.int64),
                  tuple(kept), label)
