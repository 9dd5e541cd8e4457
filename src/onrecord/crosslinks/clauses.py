"""Whether a content states a proposition (a clause with a finite verb: "the port was sold")
rather than naming a thing ("the second memo", "Parnas' claims"): only propositions can be
agreed with or contradicted."""

from __future__ import annotations

from collections.abc import Callable

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def clause_checker(nlp: Callable | None = None) -> Callable[[str], bool]:
    """A cached ``is_clause(text)`` over the engine's spaCy model (or ``nlp``)."""
    cache: dict[str, bool] = {}

    def is_clause(text: str) -> bool:
        nonlocal nlp
        if text not in cache:
            if nlp is None:
                from onrecord.pipeline import load_model

                nlp = load_model()
            cache[text] = any(t.tag_ in FINITE_TAGS for t in nlp(text))
        return cache[text]
    return is_clause
