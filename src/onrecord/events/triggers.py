"""Event triggers: words and lemma sequences that propose PLOVER types (``data/triggers.tsv``).

A trigger proposes; the learned coder decides the type. Without a trigger, a reply link or a
confident coder, a sentence yields no event.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

LEXICON = Path(__file__).parent / "data" / "triggers.tsv"
MINED = Path(__file__).parent / "data" / "triggers_plv.tsv"
"""Reviewed extension mined from PLV train (``onrecord.events.trigger_mining``)."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger found in a sentence: its tokens (doc indices, end exclusive) and the types it proposes."""

    start: int
    end: int
    types: frozenset[str]

    def head(self, doc) -> Token:
        """The trigger's syntactic head token (a verb's own token for phrasal triggers)."""
        tokens = doc[self.start:self.end]
        return tokens.root


@lru_cache(maxsize=2)
def lexicon(extended: bool = True) -> dict[tuple[str, ...], frozenset[str]]:
    """Lemma sequence -> the types it proposes (the hand lexicon, plus the mined extension
    unless ``extended`` is False)."""
    table: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for path in (LEXICON, MINED) if extended else (LEXICON,):
        for words, event_type in _rows(path):
            table[tuple(words.split())].add(event_type)
    return {k: frozenset(v) for k, v in table.items()}


def _rows(path: Path) -> list[tuple[str, str]]:
    """(trigger, type) rows of a lexicon file; extra evidence columns are ignored."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("trigger\t"):
            words, event_type = line.split("\t")[:2]
            out.append((words, event_type))
    return out


def find_triggers(sentence: Span, extended: bool = True) -> list[Trigger]:
    """Every trigger in the sentence, longest match first at each position, never overlapping."""
    table = lexicon(extended)
    longest = max(len(k) for k in table)
    lemmas = [t.lemma_.lower() for t in sentence]
    words = [t.lower_ for t in sentence]
    found, i = [], 0
    while i < len(lemmas):
        for n in range(min(longest, len(lemmas) - i), 0, -1):
            key = tuple(lemmas[i:i + n])
            types = table.get(key) or table.get(tuple(words[i:i + n]))
            if types and _content_word(sentence[i:i + n]):
                found.append(Trigger(sentence.start + i, sentence.start + i + n, types))
                i += n
                break
        else:
            i += 1
    return found


def _content_word(tokens: Span) -> bool:
    return any(t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ") for t in tokens) or len(tokens) > 1


@lru_cache(maxsize=1)
def _listed_order() -> dict[str, int]:
    order: dict[str, int] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("trigger\t"):
            order.setdefault(line.split("\t")[1], len(order))
    return order


def first_type(trigger: Trigger) -> str:
    """The trigger's type listed first in the lexicon (the lexicon baseline's pick)."""
    order = _listed_order()
    return min(trigger.types, key=lambda t: order.get(t, len(order)))
