"""The noun phrases of a sentence that could be an event's actor or recipient."""

from __future__ import annotations

from spacy.tokens import Span, Token

NOT_PARTIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
_INSIDE = frozenset({"compound", "amod", "det", "nummod", "flat"})


def candidate_heads(sentence: Span, trigger: Token) -> list[Token]:
    """Heads of the sentence's noun phrases (names, nouns, pronouns; possessors included),
    without the trigger, numbers, dates and words inside another phrase's name."""
    return [t for t in sentence if t.pos_ in ("PROPN", "NOUN", "PRON") and t.i != trigger.i
            and t.ent_type_ not in NOT_PARTIES and not _inside_name(t)]


def _inside_name(token: Token) -> bool:
    """A word modifying another noun inside one phrase ("Stock" in "Tokyo Stock Exchange")."""
    return token.dep_ in _INSIDE and token.head.pos_ in ("PROPN", "NOUN") and token.head.i > token.i
