"""The shipped pronoun ranker loads, matches the feature set, and ranks sensibly."""

import pytest

from onrecord.coref.features import FEATURES
from onrecord.coref.ranker import MODEL_FILE, PronounRanker, default_ranker
from onrecord.coref.trees import ModelFileError, TreeEnsemble


def test_the_shipped_model_is_small_and_matches_the_features():
    assert MODEL_FILE.stat().st_size < 1_000_000
    ranker = default_ranker()
    assert ranker.model.features == FEATURES
    assert ranker.model.meta["seed"] == 13


def test_a_model_for_other_features_is_refused():
    with pytest.raises(ModelFileError, match="rebuild it with: onrecord train coref"):
        PronounRanker(TreeEnsemble(("x",), 0.0, (), {}))


def test_gender_agreement_outranks_a_clash():
    ranker = default_ranker()
    base = dict.fromkeys(FEATURES, 0.0) | {"log_tok_dist": 2.0, "log_mentions": 0.7, "is_person": 1.0,
                                           "kind_name": 1.0, "cand_subject": 1.0, "pron_subject": 1.0}
    agree = base | {"gender_match": 1.0}
    clash = base | {"gender_clash": 1.0}
    p = ranker.score([[agree[f] for f in FEATURES], [clash[f] for f in FEATURES]])
    assert p[0] > p[1]
