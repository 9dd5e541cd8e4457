"""Floors: flattening, comparison, and the committed floors file's keys."""

from __future__ import annotations

from pathlib import Path

from onrecord.evaluation.coref_eval import CorefResult, gap_floor_view
from onrecord.evaluation.coref_metrics import Score
from onrecord.evaluation.plover import empty_floor_view
from onrecord.evaluation.floors import below_floors, flatten, load_floors
from onrecord.evaluation.polnear import PolnearScores
from onrecord.evaluation.seed import score_seed
from onrecord.evaluation.seed_gold import SeedGold
from onrecord.evaluation.speakers import SpeakerScores
from onrecord.records import Article

FLOORS = Path(__file__).parents[2] / "eval" / "floors.json"


def test_flatten() -> None:
    assert flatten({"a": {"b": 0.5, "c": {"d": 1}}}) == {"a.b": 0.5, "a.c.d": 1.0}


def test_below_floors_reports_low_and_unknown_scores() -> None:
    failures = below_floors({"x": 0.5, "y": 0.1, "z": 0.0}, {"x": 0.4, "y": 0.1})
    assert len(failures) == 2
    assert failures[0].startswith("x: 0.4000 < floor 0.5000")
    assert failures[1].startswith("z: floor 0.0 names no score")


def test_committed_floors_name_known_scores() -> None:
    floors = load_floors(FLOORS)
    empty_seed = score_seed(SeedGold(None, (), (), (), ()), Article(text=""))
    gum = CorefResult("learned", 0, 0, 0, {"conll_f1": 0.0, **{k: Score(0.0, 0.0, 0.0) for k in
                                                               ("muc", "b_cubed", "ceaf_e")}}, 0.0)
    zero = {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    gap = {"overall": zero, "masculine": zero, "feminine": zero, "bias": 0.0}
    known = {"polnear_dev": PolnearScores().floor_view(), "seed": empty_seed.floor_view(),
             "speakers_dev": SpeakerScores("learned").floor_view(),
             "gum_dev_coref": gum.floor_view(), "gap_validation": gap_floor_view(gap),
             "polnear_dev_accurate": PolnearScores().floor_view(), "seed_accurate": empty_seed.floor_view(),
             "plover": empty_floor_view()}
    assert set(floors) == set(known)
    for section, tree in floors.items():
        assert set(flatten(tree)) <= set(flatten(known[section])), section
        assert not below_floors(tree, {k: 1.0 for k in flatten(known[section])})
