"""Words of a statement's content for matching: content words, names and negation.

Pure functions over strings; the stemming is deliberately crude (plural and tense endings) so
that "troops"/"troop", "planned"/"plans", "agree"/"agreed" meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d")
NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "none", "nobody", "neither", "nor",
                      "cannot", "without", "false", "untrue"})
_CONTRACTED_NEGATIONS = ("n't", "n’t")
_EXTRA_STOP = frozenset({"said", "says", "say", "told", "also", "would", "could", "should", "will",
                         "can", "may", "might", "must", "just", "going", "get", "got", "think", "want",
                         "know", "like", "lot", "thing", "things", "way", "really", "mr", "mrs", "ms",
                         "dr", "people", "year", "years", "time", "new", "one", "make", "need", "let"})


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
        words = set(STOP_WORDS)
    except ImportError:  # pragma: no cover - spaCy is a dependency
        words = set("a an the of to in on for and or but is are was were be been it this that he she "
                    "they we you i his her their our its with as at by from".split())
    return frozenset((words | _EXTRA_STOP) - NEGATORS)


def stem(word: str) -> str:
    """A crude stem: lower case, no possessive, no plural or -ed/-ing ending."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'.-")
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
                w = w[:-1]  # shipping -> ship
            return w
    return w[:-1] if len(w) > 3 and w.endswith("e") else w  # agree, agreed -> agre


@dataclass(frozen=True, slots=True)
class Bag:
    """What a content says, for matching: its content-word stems, the names among them
    (capitalised words past the first, and numbers) and whether it carries a negator."""

    words: frozenset[str]
    names: frozenset[str]
    negated: bool

    def __len__(self) -> int:
        return len(self.words)


def bag(text: str) -> Bag:
    """The ``Bag`` of a text."""
    stops = stop_words()
    words: set[str] = set()
    names: set[str] = set()
    negated = False
    for i, tok in enumerate(_TOKEN.findall(text or "")):
        low = tok.lower().replace("’", "'")
        if low in NEGATORS or low.endswith(_CONTRACTED_NEGATIONS):
            negated = True
            continue
        if low in stops or len(low) < 2 and not low.isdigit():
            continue
        s = stem(tok)
        if not s or s in stops:
            continue
        words.add(s)
        if tok[0].isdigit() or (i > 0 and tok[0].isupper() and tok.lower() != "i"):
            names.add(s)
    return Bag(frozenset(words), frozenset(names), negated)


def overlap(a: Bag, b: Bag) -> tuple[float, frozenset[str]]:
    """Share of the shorter bag's words found in the other, and the shared words."""
    shared = a.words & b.words
    shortest = min(len(a.words), len(b.words))
    return (len(shared) / shortest if shortest else 0.0), shared
