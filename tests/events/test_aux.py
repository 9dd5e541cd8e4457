"""Auxiliary modes from the trigger's clause and the event date."""

from datetime import date

import pytest

from onrecord.events.aux import aux_modes

pytestmark = pytest.mark.slow
PUBLISHED = date(2024, 10, 15)


def _aux(nlp, text: str, word: str, when=None):
    doc = nlp(text)
    return aux_modes(next(t for t in doc if t.text == word), when, PUBLISHED)


def test_negation(nlp):
    assert _aux(nlp, "The army did not attack the town.", "attack") == ("negation",)


def test_hypothetical_and_conditional(nlp):
    assert "hypothetical" in _aux(nlp, "The rebels could attack the town.", "attack")
    assert "hypothetical" in _aux(nlp, "They will retaliate if the army attacks the town.", "attacks")


def test_future_from_auxiliary_intent_or_date(nlp):
    assert _aux(nlp, "The army will attack the town.", "attack") == ("future",)
    assert _aux(nlp, "The army plans to attack the town.", "attack") == ("future",)
    assert _aux(nlp, "The army attacked the town.", "attacked",
                (date(2024, 11, 1), date(2024, 11, 1))) == ("future",)


def test_historical_when_dated_well_before_publication(nlp):
    assert _aux(nlp, "The region joined Russia in 2014.", "joined", (date(2014, 1, 1), date(2014, 12, 31))) == (
        "historical",)
    assert _aux(nlp, "The army attacked the town.", "attacked", (date(2024, 10, 12), date(2024, 10, 12))) == ()
