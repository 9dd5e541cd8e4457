"""The JSON tree ensemble: scoring, round trip, and clear errors for a missing or corrupt file."""

import json

import numpy as np
import pytest

from onrecord.coref.trees import ModelFileError, Tree, TreeEnsemble, load_ensemble


def stump(feature: int, threshold: float, left: float, right: float) -> Tree:
    return Tree(np.array([feature, -1, -1]), np.array([threshold, 0.0, 0.0]),
                np.array([1, -1, -1]), np.array([2, -1, -1]), np.array([0.0, left, right]))


def test_rows_go_left_at_or_below_the_threshold_and_leaves_add_up():
    model = TreeEnsemble(("a", "b"), 0.5, (stump(0, 1.0, -1.0, 2.0), stump(1, 0.0, 0.25, -0.25)), {})
    X = np.array([[1.0, 0.0], [1.5, 3.0], [-4.0, 1.0]])
    assert model.margin(X).tolist() == [0.5 - 1.0 + 0.25, 0.5 + 2.0 - 0.25, 0.5 - 1.0 - 0.25]
    assert np.allclose(model.probability(X), 1 / (1 + np.exp(-model.margin(X))))


def test_json_round_trip_keeps_the_scores(tmp_path):
    model = TreeEnsemble(("a", "b"), 0.1, (stump(1, 2.0, 1.0, -1.0),), {"seed": 13})
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_json()))
    again = load_ensemble(path, "rebuild it")
    X = np.array([[0.0, 1.0], [0.0, 5.0]])
    assert again.margin(X).tolist() == model.margin(X).tolist()
    assert again.meta == {"seed": 13}


def test_wrong_width_is_refused():
    model = TreeEnsemble(("a", "b"), 0.0, (stump(0, 0.0, 1.0, 2.0),), {})
    with pytest.raises(ValueError, match="2 features"):
        model.margin(np.zeros((1, 3)))


def test_missing_and_corrupt_files_say_how_to_rebuild(tmp_path):
    with pytest.raises(ModelFileError, match="missing; rebuild it with: onrecord train coref"):
        load_ensemble(tmp_path / "absent.json", "onrecord train coref ...")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ModelFileError, match="corrupt .*rebuild it with"):
        load_ensemble(bad, "onrecord train coref ...")
    bad.write_text(json.dumps({"format": "other/1"}))
    with pytest.raises(ModelFileError, match="corrupt"):
        load_ensemble(bad, "x")
