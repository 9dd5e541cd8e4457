"""Trigger lexicon extension mined from PLV train: the predicates of hand-coded sentences the
hand lexicon (``data/triggers.tsv``) has no trigger for.

A sentence's predicates are its root, the verbs chained to it by ``xcomp`` ("began deploying")
and the object noun of a light verb ("launched cyber warfare"). A lemma becomes a trigger for a
type when at least ``min_count`` train sentences of that type have it as a predicate and the
type holds at least ``min_share`` of the lemma's sentences. Only the train split is read; the
dev split stays unseen. Output: ``data/triggers_plv.tsv`` (``onrecord train triggers``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from onrecord.eventcoder.data import CodedSentence
from onrecord.events.participants import LIGHT_VERBS
from onrecord.events.triggers import find_triggers

STOPLIST = Path(__file__).parent / "data" / "trigger_stoplist.tsv"


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """Lemmas too general to propose an event type whatever the counts say (reviewed data)."""
    lines = STOPLIST.read_text(encoding="utf-8").splitlines()
    return frozenset(l.split("\t")[0] for l in lines if l and not l.startswith("#") and not l.startswith("lemma\t"))


@dataclass(frozen=True, slots=True)
class MinedTrigger:
    lemma: str
    type: str
    count: int
    share: float


def predicates(sentence: Span) -> list[Token]:
    """The sentence root, the verbs chained to it by xcomp, and a light verb's object noun."""
    never = stoplist()
    root = sentence.root
    out = [root] + [c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    for verb in list(out):
        if verb.lemma_.lower() in LIGHT_VERBS or verb.lemma_.lower() in never:
            out += [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return [t for t in out if t.pos_ in ("VERB", "NOUN") and t.lemma_.lower() not in never
            and t.lemma_.lower() not in LIGHT_VERBS and t.lemma_.isalpha()]


def mine(rows: Sequence[CodedSentence], docs: Iterable, *, min_count: int = 2,
         min_share: float = 0.5) -> list[MinedTrigger]:
    """Lemma -> type pairs for the sentences the hand lexicon leaves without a fitting trigger."""
    by_lemma: dict[str, Counter] = defaultdict(Counter)
    uncovered: dict[str, Counter] = defaultdict(Counter)
    for row, doc in zip(rows, docs):
        fitting = any(row.type in t.types for s in doc.sents for t in find_triggers(s, extended=False))
        for token in {t.lemma_.lower() for s in doc.sents for t in predicates(s)}:
            by_lemma[token][row.type] += 1
            if not fitting:
                uncovered[token][row.type] += 1
    out = []
    for lemma, types in uncovered.items():
        total = sum(by_lemma[lemma].values())
        for event_type, n in types.items():
            share = by_lemma[lemma][event_type] / total
            if n >= min_count and share >= min_share:
                out.append(MinedTrigger(lemma, event_type, n, round(share, 2)))
    return sorted(out, key=lambda m: (m.type, -m.count, m.lemma))


def write_tsv(mined: Sequence[MinedTrigger], path: Path, source: str) -> None:
    """The mined lexicon as a versioned data file (same columns as triggers.tsv, plus evidence)."""
    lines = ["# onrecord.events trigger lexicon extension, mined from PLV train (onrecord train triggers).",
             f"# Source: {source} (train split only). Columns: trigger, type, train sentences, share of the",
             "# lemma's train sentences with that type. Review before shipping; delete a row to drop it.",
             "trigger\ttype\tcount\tshare"]
    lines += [f"{m.lemma}\t{m.type}\t{m.count}\t{m.share}" for m in mined]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
