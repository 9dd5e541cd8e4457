"""Accuracy, macro-F1 and micro-F1 of a root-type classification."""

from __future__ import annotations


def scores(gold: list[str], predicted: list[str | None]) -> dict[str, float]:
    """Accuracy, micro-F1 (= accuracy when every item gets one label) and macro-F1 over the
    gold types; an item with no prediction counts as wrong."""
    labels = sorted(set(gold))
    f1s = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    correct = sum(1 for g, p in zip(gold, predicted) if g == p)
    answered = sum(1 for p in predicted if p is not None)
    precision = correct / answered if answered else 0.0
    recall = correct / len(gold) if gold else 0.0
    micro = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": round(correct / len(gold), 4) if gold else 0.0,
            "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0, "micro_f1": round(micro, 4)}
