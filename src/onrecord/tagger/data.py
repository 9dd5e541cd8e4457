"""Training examples: PolNeAR articles -> encoder windows with word-tag targets."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from onrecord.evaluation.brat import GoldDocument
from onrecord.tagger.labels import IGNORE, LABEL_ID, role_fragments, word_tags
from onrecord.tagger.windows import Encoded, Window, encode, windows


@dataclass(frozen=True, slots=True)
class Example:
    """One window and its targets (``IGNORE`` where no word starts)."""

    ids: np.ndarray
    targets: np.ndarray


def document_examples(tokenizer, doc: GoldDocument, cls_id: int, sep_id: int
                      ) -> tuple[Encoded, list[Window], list[Example]]:
    """The windows of one gold article with their targets."""
    enc = encode(tokenizer, doc.text)
    tags = np.asarray([LABEL_ID[t] for t in word_tags(enc.words, role_fragments(doc.attributions))],
                      dtype=np.int64)
    wins = windows(enc, cls_id, sep_id)
    examples = [Example(w.ids, np.where(w.first_of_word >= 0, tags[np.maximum(w.first_of_word, 0)],
                                        IGNORE)) for w in wins]
    return enc, wins, examples


def batches(examples: list[Example], size: int, rng: np.random.Generator | None = None):
    """Padded ``(ids, mask, targets)`` int64 arrays, shuffled when ``rng`` is given."""
    order = rng.permutation(len(examples)) if rng is not None else np.arange(len(examples))
    for i in range(0, len(order), size):
        chunk = [examples[j] for j in order[i:i + size]]
        n = max(len(e.ids) for e in chunk)
        ids = np.zeros((len(chunk), n), dtype=np.int64)
        mask = np.zeros((len(chunk), n), dtype=np.int64)
        tg = np.full((len(chunk), n), IGNORE, dtype=np.int64)
        for k, e in enumerate(chunk):
            ids[k, :len(e.ids)] = e.ids
            mask[k, :len(e.ids)] = 1
            tg[k, :len(e.ids)] = e.targets
        yield ids, mask, tg
