"""What a content states, read from its parse: a proposition (a main clause with a finite verb:
"the port was sold") rather than a thing named ("the second memo", "the inquiry as a sham"),
not a question ("did Zelensky complain ...") nor hypothetical ("it would be troubling if ..."),
and its verbs.  Only propositions can be agreed with or contradicted, and two contents state
one claim only where they share a verb, the main one of at least one of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
HYPOTHETICAL = frozenset({"would", "could", "might", "may"})
LIGHT_VERBS = frozenset({"be", "have", "do"})
"""Verbs too light to tie two contents to one claim ("was an issue", "is at the heart")."""
QUESTION_START = frozenset({"be", "do", "have", "will", "would", "can", "could", "should", "shall", "may", "might"})


@dataclass(frozen=True, slots=True)
class Proposition:
    clause: bool
    question: bool = False
    hypothetical: bool = False
    verbs: frozenset[str] = frozenset()
    roots: frozenset[str] = frozenset()

    @property
    def sided(self) -> bool:
        """A proposition one can agree or disagree with."""
        return self.clause and not self.question and not self.hypothetical


def same_claim(a: Proposition, b: Proposition) -> bool:
    """Both sided, sharing a verb that is the main verb of one of them."""
    shared = a.verbs & b.verbs
    return a.sided and b.sided and bool(shared & (a.roots | b.roots))


def read(doc) -> Proposition:
    """The ``Proposition`` of a parsed content (a spaCy Doc)."""
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if not words:
        return Proposition(False)
    roots = [s.root for s in doc.sents]
    clause = any(r.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                              for c in r.children) for r in roots)
    question = words[0].lemma_.lower() in QUESTION_START and words[0].tag_ in FINITE_TAGS
    hypothetical = any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for r in roots for c in r.children)
    verbs = {_verb(t) for t in doc if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")}
    tops = {_verb(r) for r in roots if r.pos_ in ("VERB", "AUX")}
    return Proposition(clause, question, hypothetical, frozenset(verbs - LIGHT_VERBS), frozenset(tops - LIGHT_VERBS))


def _verb(tok) -> str:
    """A verb's lemma; an existential be is "there-be" ("there was a deal" meets "there is no deal")."""
    lemma = tok.lemma_.lower()
    if lemma == "be" and any(c.dep_ == "expl" for c in tok.children):
        return "there-be"
    return lemma


def proposition_reader(nlp: Callable | None = None) -> Callable[[str], Proposition]:
    """A cached ``proposition(text)`` over the engine's spaCy model (or ``nlp``)."""
    cache: dict[str, Proposition] = {}

    def proposition(text: str) -> Proposition:
        nonlocal nlp
        if text not in cache:
            if nlp is None:
                from onrecord.pipeline import load_model

                nlp = load_model()
            cache[text] = read(nlp(text.strip().strip("\"“”'‘’").strip()))
        return cache[text]
    return proposition
