"""Which type, if any, a unit is coded as: the coder's probabilities checked against the
evidence in the text (a trigger or a reply link that proposes the type)."""

from __future__ import annotations

from collections.abc import Sequence

from onrecord.eventcoder.labels import TYPES

CONFIDENT = 0.7
"""The coder alone decides the type when this sure (the evidence must still propose some event)."""
FALLBACK = 0.1
"""Least probability for a proposed type chosen over the coder's own first choice."""


def choose_type(probabilities: Sequence[float], proposed: frozenset[str],
                decisive: frozenset[str] = frozenset()) -> tuple[str, float | None] | None:
    """(type, the coder's probability of it), or None when nothing in the text proposes an event.

    ``decisive`` types (a reply link's, "rejects" -> REJECT, or the cue's own, "ruled out"
    -> REJECT) are what the statement does: the coder only ranks them, and where it would
    have chosen another type the confidence is None (the rule, not the model, decided)."""
    if decisive:
        p, t = max((float(probabilities[TYPES.index(t)]), t) for t in decisive)
        return t, (p if p >= max(probabilities) else None)
    if not proposed:
        return None
    best = max(range(len(TYPES)), key=lambda k: probabilities[k])
    if TYPES[best] in proposed or probabilities[best] >= CONFIDENT:
        return TYPES[best], float(probabilities[best])
    candidates = [(float(probabilities[TYPES.index(t)]), t) for t in proposed if t in TYPES]
    p, t = max(candidates, default=(0.0, ""))
    return (t, p) if p >= FALLBACK else None
