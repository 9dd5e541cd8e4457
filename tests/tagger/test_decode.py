"""Constrained decoding never starts a span with I- and turns tags into character spans."""

import numpy as np

from onrecord.tagger.decode import decode, spans_from_tags, viterbi
from onrecord.tagger.labels import LABEL_ID, LABELS

WORDS = ((0, 3), (4, 8), (9, 13), (14, 18))


def _probs(rows: list[dict[str, float]]) -> np.ndarray:
    out = np.full((len(rows), len(LABELS)), 1e-4)
    for i, row in enumerate(rows):
        for label, p in row.items():
            out[i, LABEL_ID[label]] = p
    return out / out.sum(axis=1, keepdims=True)


def test_a_stray_inside_tag_is_not_a_span_start():
    probs = _probs([{"O": 0.9}, {"I-CON": 0.6, "O": 0.4}, {"I-CON": 0.9}, {"O": 0.9}])
    tags = [LABELS[t] for t in viterbi(np.log(probs))]
    assert tags[1] != "I-CON" or tags[0] in ("B-CON", "I-CON")
    assert all(not t.startswith("I-") or tags[i - 1][2:] == t[2:] for i, t in enumerate(tags) if i)


def test_spans_take_the_first_and_last_word_offsets():
    probs = _probs([{"B-SRC": 0.9}, {"B-CUE": 0.9}, {"B-CON": 0.8, "O": 0.2}, {"I-CON": 0.9, "O": 0.1}])
    spans = decode(probs, WORDS)
    assert [(s.role, s.start, s.end) for s in spans] == [("SRC", 0, 3), ("CUE", 4, 8), ("CON", 9, 18)]
    assert 0.75 < spans[2].score < 0.9


def test_consecutive_begin_tags_make_separate_spans():
    tags = np.array([LABEL_ID["B-CON"], LABEL_ID["B-CON"], 0, LABEL_ID["B-CUE"]])
    assert [(s.start, s.end) for s in spans_from_tags(tags, WORDS)] == [(0, 3), (4, 8), (14, 18)]
