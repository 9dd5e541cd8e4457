"""Suggest reporting verbs for lexicons/reporting_verbs.tsv from PolNeAR's train split.

For each verb lemma: how often a verb token with that lemma heads a gold cue, and how often
it occurs at all.  Prints lemmas not yet in the lexicon, most useful first.  The lexicon is
curated by hand from this list (each verb gets a framing class); the script only suggests.

    python scripts/mine_cue_verbs.py ../shared/data/polnear/train
"""

from __future__ import annotations

import collections
import sys

from onrecord.evaluation.brat import read_polnear
from onrecord.lexicons import load_lexicon
from onrecord.pipeline import load_model


def main(directory: str, min_count: int = 4, min_ratio: float = 0.25) -> None:
    docs = read_polnear(directory)
    nlp = load_model()
    as_cue: collections.Counter[str] = collections.Counter()
    seen: collections.Counter[str] = collections.Counter()
    for gold, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16)):
        cue_chars = {i for a in gold.attributions for s, e in a.cue for i in range(s, e)}
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            seen[lemma] += 1
            if tok.idx in cue_chars:
                as_cue[lemma] += 1
    known = load_lexicon().verbs
    rows = [(lemma, n, seen[lemma], n / seen[lemma]) for lemma, n in as_cue.items()
            if n >= min_count and n / seen[lemma] >= min_ratio and lemma not in known]
    for lemma, n, total, ratio in sorted(rows, key=lambda r: -r[1] * r[3]):
        print(f"{lemma}\t{n}\t{total}\t{ratio:.2f}")
    print("\nknown verbs that are rarely cues:", file=sys.stderr)
    for lemma in known:
        if seen[lemma] >= 10 and as_cue[lemma] / seen[lemma] < 0.15:
            print(f"  {lemma}\t{as_cue[lemma]}\t{seen[lemma]}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
