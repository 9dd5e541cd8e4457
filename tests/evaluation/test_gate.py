"""The evaluation gate: the engine's scores on PolNeAR dev and the seed stay above
the floors in ``eval/floors.json``.  Needs ``../shared`` next to the project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from onrecord.evaluation.floors import below_floors, load_floors
from onrecord.evaluation.polnear import evaluate_polnear
from onrecord.evaluation.seed import evaluate_seed

ROOT = Path(__file__).parents[2]
SHARED = ROOT / ".." / "shared"
FLOORS = ROOT / "eval" / "floors.json"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def shared() -> Path:
    needed = [SHARED / "data" / "polnear" / "dev", SHARED / "seed" / "gold.json",
              SHARED / "seed" / "article.txt"]
    missing = [str(p.resolve()) for p in needed if not p.exists()]
    if missing:
        pytest.fail(f"the evaluation gate needs the shared corpora; missing: {', '.join(missing)} "
                    "(check out shared/ next to the project, as CI does)")
    return SHARED


@pytest.fixture(scope="module")
def floors() -> dict[str, Any]:
    return load_floors(FLOORS)


@pytest.fixture(scope="module")
def extractor() -> Any:
    from onrecord.pipeline import Extractor

    return Extractor()


def test_polnear_dev_meets_floors(shared: Path, floors: dict[str, Any], extractor: Any) -> None:
    scores = evaluate_polnear(shared / "data" / "polnear" / "dev", extractor)
    assert scores.documents == 84
    print(scores.to_dict())
    failures = below_floors(floors["polnear_dev"], scores.floor_view())
    assert not failures, "PolNeAR dev below floors:\n" + "\n".join(failures)


def test_seed_meets_floors(shared: Path, floors: dict[str, Any], extractor: Any) -> None:
    scores = evaluate_seed(shared / "seed" / "gold.json", shared / "seed" / "article.txt",
                           extractor)
    print(scores.report())
    failures = below_floors(floors["seed"], scores.floor_view())
    assert not failures, "seed below floors:\n" + "\n".join(failures) + "\n" + scores.report()


def test_speaker_gold_meets_floors(shared: Path, floors: dict[str, Any], extractor: Any) -> None:
    from onrecord.evaluation.speakers import evaluate_speakers

    texts = shared / "data" / "allsides" / "articles.jsonl.gz"
    [scores] = evaluate_speakers(ROOT / "eval" / "speakers" / "dev", texts, extractor, systems=("learned",))
    assert scores.articles >= 30
    failures = below_floors(floors["speakers_dev"], scores.floor_view())
    assert not failures, "speaker gold below floors:\n" + "\n".join(failures)


def test_gum_dev_coreference_meets_floors(shared: Path, floors: dict[str, Any], extractor: Any) -> None:
    from onrecord.evaluation.coref_eval import evaluate_gum

    [result] = evaluate_gum(shared / "data" / "gum" / "dev" / "conll", extractor.nlp, ("learned",))
    assert result.documents == 30
    failures = below_floors(floors["gum_dev_coref"], result.floor_view())
    assert not failures, "GUM dev coreference below floors:\n" + "\n".join(failures)


def test_gap_validation_meets_floors(shared: Path, floors: dict[str, Any], extractor: Any) -> None:
    from onrecord.evaluation.coref_eval import evaluate_gap, gap_floor_view

    result = evaluate_gap(shared / "data" / "gap" / "gap-validation.tsv", extractor.nlp, ("learned",))["learned"]
    assert result["examples"] == 454
    failures = below_floors(floors["gap_validation"], gap_floor_view(result))
    assert not failures, "GAP validation below floors:\n" + "\n".join(failures)


@pytest.fixture(scope="module")
def accurate(extractor: Any) -> Any:
    from onrecord.pipeline import Extractor

    return Extractor(nlp=extractor.nlp, mode="accurate")


def test_polnear_dev_in_accurate_mode_meets_floors(shared: Path, floors: dict[str, Any],
                                                   accurate: Any) -> None:
    """All 84 dev articles, in accurate mode (the learned tagger, int8 ONNX)."""
    scores = evaluate_polnear(shared / "data" / "polnear" / "dev", accurate)
    assert scores.documents == 84
    print(scores.to_dict())
    failures = below_floors(floors["polnear_dev_accurate"], scores.floor_view())
    assert not failures, "PolNeAR dev (accurate mode) below floors:\n" + "\n".join(failures)


def test_seed_in_accurate_mode_meets_floors(shared: Path, floors: dict[str, Any], accurate: Any) -> None:
    scores = evaluate_seed(shared / "seed" / "gold.json", shared / "seed" / "article.txt", accurate)
    print(scores.report())
    failures = below_floors(floors["seed_accurate"], scores.floor_view())
    assert not failures, "seed (accurate mode) below floors:\n" + "\n".join(failures) + "\n" + scores.report()


def test_plover_event_coding_meets_floors(shared: Path, floors: dict[str, Any], extractor: Any) -> None:
    """PLV dev (the fixed split of PLV train) and the PLOVER gold records: the coder and the pipeline."""
    from onrecord.eventcoder.predict import default_coder
    from onrecord.evaluation.plover import evaluate_plover, floor_view
    from onrecord.pipeline import Extractor

    plover = shared / "data" / "plover"
    report = evaluate_plover(plover / "plv_train.csv", plover / "PLOVER_GSR_CAMEO.dev.json",
                             Extractor(nlp=extractor.nlp, events=True), default_coder())
    print(report)
    failures = below_floors(floors["plover"], floor_view(report))
    assert not failures, "PLOVER event coding below floors:\n" + "\n".join(failures)
