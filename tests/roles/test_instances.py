"""Training decisions from coded sentences."""

import pytest

from onrecord.eventcoder.data import CodedSentence
from onrecord.roles.instances import gold_head, gold_trigger, groups

pytestmark = pytest.mark.slow


def test_gold_head_is_the_head_of_the_gold_phrase(nlp):
    doc = nlp("Troops loyal to Laurent Gbagbo blockaded the headquarters.")
    assert gold_head(doc, "Troops loyal to Laurent Gbagbo").text == "Troops"
    assert gold_head(doc, "recipient") is None and gold_head(doc, "absent words") is None


def test_gold_trigger_proposes_the_gold_type(nlp):
    doc = nlp("The army attacked the village after talks failed.")
    assert gold_trigger(doc[:], "ASSAULT").text == "attacked"


def test_one_decision_per_role_with_one_gold_candidate(nlp):
    rows = [CodedSentence("1", "The army attacked the village.", "ASSAULT", "army", "village"),
            CodedSentence("2", "The army attacked the village.", "ASSAULT", "army", "recipient")]
    decisions = list(groups(rows, nlp.pipe([r.text for r in rows])))
    assert [g.role for g in decisions] == ["actor", "recipient", "actor"]
    assert all(sum(g.labels) == 1 for g in decisions)
