"""The span scorer's inputs (``coref.encoder.examples``, ``windows``, ``batches``); no torch needed."""

import numpy as np

from onrecord.coref.encoder.batches import ordered, pad
from onrecord.coref.encoder.examples import from_gap, from_gum
from onrecord.coref.encoder.windows import MAX_PIECES, encode
from onrecord.coref.gap import GapExample
from onrecord.coref.gum import GoldMention, GumDocument



class WordTokenizer:
    """A stand-in for the MiniLM tokenizer: one piece per space-separated word."""

    def token_to_id(self, token):
        return {"[CLS]": 101, "[SEP]": 102}[token]

    def encode(self, text, add_special_tokens=False):
        class Encoding:
            pass

        enc, pos = Encoding(), 0
        enc.ids, enc.offsets = [], []
        for word in text.split(" "):
            enc.ids.append(1000 + len(enc.ids))
            enc.offsets.append((pos, pos + len(word)))
            pos += len(word) + 1
        return enc


TEXT = "Ana Ruiz met Tom Berg in Lima and she said the talks failed"


def gap_example(a_coref=True, b_coref=False):
    return GapExample("x-1", TEXT, "she", TEXT.index("she"), "Ana Ruiz", 0, a_coref,
                      "Tom Berg", TEXT.index("Tom"), b_coref)


def test_a_gap_row_gives_its_two_names_and_the_answer():
    ex = from_gap(gap_example())
    assert [TEXT[s:e] for s, e in ex.candidates] == ["Ana Ruiz", "Tom Berg"]
    assert TEXT[slice(*ex.pronoun)] == "she" and ex.label == 0
    assert from_gap(gap_example(False, False)).label == -1


def test_a_gum_pronoun_takes_the_latest_mention_of_each_earlier_person():
    words = tuple("Ana Ruiz met Tom Berg and then Ana called him".split())
    mentions = (GoldMention(0, 2, "person-1", "person", None), GoldMention(3, 5, "person-2", "person", None),
                GoldMention(7, 8, "person-1", "person", None), GoldMention(9, 10, "person-2", "person", None))
    (ex,) = from_gum(GumDocument("GUM_news_x", words, (0,), mentions))
    text = " ".join(words)
    assert text[slice(*ex.pronoun)] == "him"
    assert [text[s:e] for s, e in ex.candidates] == ["Ana", "Tom Berg"]  # most recent first
    assert ex.label == 1


def test_a_window_marks_the_pronoun_and_each_candidate_and_labels_from_one():
    w = encode(WordTokenizer(), from_gap(gap_example(False, True)), 101, 102)
    assert w.ids[0] == 101 and w.ids[-1] == 102
    assert np.flatnonzero(w.pronoun).tolist() == [TEXT.split(" ").index("she") + 1]
    assert [np.flatnonzero(r).tolist() for r in w.candidates] == [[1, 2], [4, 5]]
    assert w.label == 2 and w.kept == (0, 1)
    assert all(b < 11 for b in w.buckets)  # both names come before the pronoun


def test_a_long_text_keeps_the_pronoun_and_drops_candidates_cut_off():
    filler = " ".join(["word"] * 400)
    text = f"Ana Ruiz spoke {filler} and she left"
    ex = GapExample("x-2", text, "she", text.index(" she ") + 1, "Ana Ruiz", 0, True,
                    "Ana Ruiz", 0, False)
    w = encode(WordTokenizer(), from_gap(ex), 101, 102)
    assert len(w.ids) <= MAX_PIECES and w.pronoun.sum() == 1
    assert w.kept == () and w.label == 0  # the antecedent fell outside: "none" is the answer


def test_batches_pad_every_window_to_one_shape():
    tok = WordTokenizer()
    windows = [encode(tok, from_gap(gap_example()), 101, 102),
               encode(tok, from_gap(GapExample("x-3", "Bo ran and he fell", "he", 11, "Bo", 0, True,
                                               "Bo", 0, False)), 101, 102)]
    batch = pad(windows)
    assert batch["ids"].shape == batch["mask"].shape == batch["pronoun"].shape
    assert batch["candidates"].shape[:2] == batch["cand_mask"].shape == (2, 2)
    assert batch["cand_mask"][1].tolist() == [1.0, 1.0] and batch["labels"].tolist() == [1, 1]
    (indices, _), *_ = list(ordered(windows, 8))
    assert sorted(indices) == [0, 1]
