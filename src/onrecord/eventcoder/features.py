"""What the coder reads: one sentence (or a statement's sentence) as word pieces, cut to a
fixed length. Shared by training and prediction so both see the same input."""

from __future__ import annotations

MAX_PIECES = 96


def encode(tokenizer, texts: list[str]) -> tuple[list[list[int]], list[list[int]]]:
    """(input ids, attention masks), padded to the longest text, at most MAX_PIECES each."""
    encodings = tokenizer.encode_batch(texts)
    ids = [e.ids[:MAX_PIECES - 1] + ([e.ids[-1]] if len(e.ids) >= MAX_PIECES else []) for e in encodings]
    width = max((len(i) for i in ids), default=0)
    masks = [[1] * len(i) + [0] * (width - len(i)) for i in ids]
    return [i + [0] * (width - len(i)) for i in ids], masks
