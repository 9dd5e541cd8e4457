"""What the encoder reads: a text as word pieces grouped into words, cut into windows.

Words are the tokenizer's pre-tokens (whitespace and punctuation split), each with its
character span in the original text; a word's tag sits on its first piece.  Windows of at
most ``WINDOW`` pieces overlap by ``WINDOW - STRIDE``; at prediction a word takes its tag
from the window where it lies farthest from an edge.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WINDOW = 256
"""Pieces per window, [CLS] and [SEP] included."""
STRIDE = 192
"""Pieces between the starts of consecutive windows."""


@dataclass(frozen=True, slots=True)
class Encoded:
    """A text as pieces: ids, the word each piece belongs to, and each word's characters."""

    ids: np.ndarray            # (n_pieces,) int64
    piece_word: np.ndarray     # (n_pieces,) int64, the word index of each piece
    words: tuple[tuple[int, int], ...]
    """Character span of each word."""


@dataclass(frozen=True, slots=True)
class Window:
    """One encoder input: piece ids (with [CLS]/[SEP]) and, per position, the word it starts
    (-1 for [CLS], [SEP] and non-first pieces)."""

    ids: np.ndarray
    first_of_word: np.ndarray
    offset: int
    """Index of the window's first piece in the text's pieces."""


def encode(tokenizer, text: str) -> Encoded:
    """Pieces and words of ``text`` (a ``tokenizers.Tokenizer`` without special tokens)."""
    enc = tokenizer.encode(text, add_special_tokens=False)
    word_ids = enc.word_ids
    words: list[tuple[int, int]] = []
    piece_word: list[int] = []
    last = None
    for wid, (s, e) in zip(word_ids, enc.offsets):
        if wid != last or not words:
            words.append((s, e))
            last = wid
        else:
            words[-1] = (words[-1][0], e)
        piece_word.append(len(words) - 1)
    return Encoded(np.asarray(enc.ids, dtype=np.int64), np.asarray(piece_word, dtype=np.int64),
                   tuple(words))


def windows(encoded: Encoded, cls_id: int, sep_id: int, *, window: int = WINDOW,
            stride: int = STRIDE) -> list[Window]:
    """Overlapping windows covering every piece; the last one ends at the text's end."""
    n = len(encoded.ids)
    body = window - 2
    starts = list(range(0, max(n - body, 0) + 1, stride))
    if starts[-1] + body < n:
        starts.append(n - body)
    first = _first_pieces(encoded.piece_word)
    out = []
    for s in starts:
        e = min(n, s + body)
        ids = np.concatenate(([cls_id], encoded.ids[s:e], [sep_id])).astype(np.int64)
        fw = np.concatenate(([-1], np.where(first[s:e], encoded.piece_word[s:e], -1), [-1]))
        out.append(Window(ids, fw.astype(np.int64), s))
    return out


def _first_pieces(piece_word: np.ndarray) -> np.ndarray:
    first = np.ones(len(piece_word), dtype=bool)
    first[1:] = piece_word[1:] != piece_word[:-1]
    return first


def centrality(window: Window) -> np.ndarray:
    """How far each position lies from the window's nearer edge (bigger: more context)."""
    n = len(window.ids)
    pos = np.arange(n)
    return np.minimum(pos, n - 1 - pos)


def word_scores(wins: list[Window], scores: list[np.ndarray], n_words: int) -> np.ndarray:
    """Per-word rows of ``scores`` (one ``(len(window), n_labels)`` array per window), each
    word taken from the window where it lies farthest from an edge."""
    n_labels = scores[0].shape[1] if scores else 1
    out = np.zeros((n_words, n_labels), dtype=np.float32)
    best = np.full(n_words, -1, dtype=np.int64)
    for win, sc in zip(wins, scores):
        pos = np.nonzero(win.first_of_word >= 0)[0]
        words = win.first_of_word[pos]
        central = centrality(win)[pos]
        better = central > best[words]
        out[words[better]] = sc[pos[better]]
        best[words[better]] = central[better]
    return out
