"""Candidate phrase heads for event roles."""

import pytest

from onrecord.roles.candidates import candidate_heads

pytestmark = pytest.mark.slow


def test_heads_of_noun_phrases_without_the_trigger_numbers_or_name_parts(nlp):
    doc = nlp("The Tokyo Stock Exchange signed a deal with Iran on Monday for $5 million.")
    trigger = next(t for t in doc if t.text == "signed")
    heads = [t.text for t in candidate_heads(doc[:], trigger)]
    assert "Exchange" in heads and "Iran" in heads and "deal" in heads
    assert not {"Tokyo", "Stock", "Monday", "million", "signed"} & set(heads)
