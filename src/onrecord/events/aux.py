"""PLOVER's auxiliary modes of an event: negation, hypothetical, future, historical.

Read from the trigger's clause (its auxiliaries, negators, conditional markers and the verbs
it is an infinitive of) and from the event's date against the publication date.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Token

HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "ought"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
CONDITIONAL_MARKS = {"if", "unless", "should"}
INTENT_VERBS = {"plan", "intend", "expect", "aim", "prepare", "schedule", "seek", "hope", "vow", "pledge",
                "promise", "threaten", "want", "consider", "propose"}
HISTORICAL_AFTER = timedelta(days=31)
"""An event dated this long before publication is historical (background, not news)."""


def aux_modes(trigger: Token, event_date: tuple[date, date] | None, published: date | None,
              *, negated_cue: bool = False) -> tuple[str, ...]:
    """The auxiliary modes that hold, in PLOVER's order."""
    out = []
    if negated_cue or _negated(trigger):
        out.append("negation")
    if _hypothetical(trigger):
        out.append("hypothetical")
    if _future(trigger, event_date, published):
        out.append("future")
    elif event_date and published and event_date[1] < published - HISTORICAL_AFTER:
        out.append("historical")
    return tuple(out)


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs it hangs on within its clause ("wants to attack": attack, wants)."""
    out = [trigger]
    while trigger.dep_ in ("xcomp", "pobj", "dobj") and trigger.head.i != trigger.i and len(out) < 4:
        trigger = trigger.head
        out.append(trigger)
    return out


def _negated(trigger: Token) -> bool:
    if any(c.dep_ == "neg" for c in trigger.children):
        return True
    return trigger.pos_ == "NOUN" and any(c.lower_ == "no" and c.dep_ == "det" for c in trigger.children)


def _hypothetical(trigger: Token) -> bool:
    for verb in _chain(trigger):
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in verb.children):
            return True
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                        for c in verb.children):
            return True
    return False


def _future(trigger: Token, event_date: tuple[date, date] | None, published: date | None) -> bool:
    chain = _chain(trigger)
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for v in chain for c in v.children):
        return True
    if any(v.lemma_ in INTENT_VERBS and v.i != trigger.i for v in chain):
        return True
    if any(v.lemma_ == "go" and any(c.dep_ == "xcomp" for c in v.children) and v.tag_ == "VBG" for v in chain):
        return True
    return bool(event_date and published and event_date[0] > published)
