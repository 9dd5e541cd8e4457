"""Pair features of the role ranker."""

import pytest

from onrecord.roles.candidates import candidate_heads
from onrecord.roles.features import FEATURES, RuleContext, tree_distance, vector

pytestmark = pytest.mark.slow


def _features(nlp, text, trigger_word, candidate_word, event_type="ASSAULT"):
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == trigger_word)
    candidates = candidate_heads(doc[:], trigger)
    candidate = next(t for t in candidates if t.text == candidate_word)
    return dict(zip(FEATURES, vector(trigger, candidate, event_type, RuleContext(trigger), candidates)))


def test_one_value_per_feature_and_the_event_type_one_hot(nlp):
    f = _features(nlp, "Rebels attacked the base.", "attacked", "Rebels")
    assert len(f) == len(FEATURES)
    assert f["type_ASSAULT"] == 1.0 and sum(v for k, v in f.items() if k.startswith("type_")) == 1.0


def test_subject_flags_and_the_rules_opinion(nlp):
    subject = _features(nlp, "Rebels attacked the base near Goma.", "attacked", "Rebels")
    assert subject["dep_nsubj"] == 1.0 and subject["before"] == 1.0 and subject["rule_actor"] == 1.0
    place = _features(nlp, "Rebels attacked the base near Goma.", "attacked", "Goma")
    assert place["prep_other"] == 1.0 and place["before"] == 0.0 and place["rule_actor"] == 0.0


def test_tree_distance(nlp):
    doc = nlp("Rebels attacked the base.")
    assert tree_distance(doc[0], doc[1]) == 1 and tree_distance(doc[0], doc[3]) == 2
