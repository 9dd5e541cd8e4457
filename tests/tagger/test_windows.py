"""Windows cover every piece, and each word is read where it has the most context."""

import numpy as np

from onrecord.tagger.windows import Encoded, centrality, windows, word_scores


def _encoded(n_words: int) -> Encoded:
    return Encoded(np.arange(1000, 1000 + n_words, dtype=np.int64), np.arange(n_words),
                   tuple((i * 2, i * 2 + 1) for i in range(n_words)))


def test_windows_cover_every_piece_with_special_tokens():
    wins = windows(_encoded(50), 101, 102, window=12, stride=8)
    covered = {int(w) for win in wins for w in win.first_of_word if w >= 0}
    assert covered == set(range(50))
    assert all(win.ids[0] == 101 and win.ids[-1] == 102 and len(win.ids) <= 12 for win in wins)
    assert wins[-1].offset + len(wins[-1].ids) - 2 == 50


def test_a_short_text_is_one_window():
    [win] = windows(_encoded(3), 101, 102)
    assert list(win.ids) == [101, 1000, 1001, 1002, 102]


def test_each_word_takes_the_most_central_window():
    wins = windows(_encoded(20), 101, 102, window=12, stride=5)
    scores = [np.full((len(w.ids), 2), float(k)) for k, w in enumerate(wins)]
    out = word_scores(wins, scores, 20)
    for word in range(20):
        best = max(range(len(wins)), key=lambda k: (
            centrality(wins[k])[list(wins[k].first_of_word).index(word)]
            if word in wins[k].first_of_word else -1, -k))
        assert out[word, 0] == best
