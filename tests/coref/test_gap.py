"""The GAP reader and the official GAP metric."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from onrecord.coref.gap import COLUMNS, GapExample, gap_scores, read_gap

GAP_VALIDATION = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "gap" / "gap-validation.tsv"

# id, text, pronoun, A, A-coref, B, B-coref (offsets are found in the text)
ROWS = [
    ("t-1", "Kim met Ann. She smiled.", "She", "Kim", False, "Ann", True),
    ("t-2", "Bob saw Tom. He left.", "He", "Bob", True, "Tom", False),
    ("t-3", "Sue and Eve came; I saw her.", "her", "Sue", False, "Eve", False),
    ("t-4", "Al told Ed his plan.", "his", "Al", True, "Ed", False),
]


def row(id_: str, text: str, pronoun: str, a: str, a_coref: bool, b: str, b_coref: bool) -> str:
    cells = [id_, text, pronoun, text.rindex(pronoun), a, text.index(a), str(a_coref).upper(),
             b, text.index(b), str(b_coref).upper(), f"http://en.wikipedia.org/wiki/{a}"]
    return "\t".join(map(str, cells))


def gap_file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gap.tsv"
    path.write_text("\t".join(COLUMNS) + "\n" + "".join(f"{line}\n" for line in lines), "utf-8")
    return path


def test_read_gap(tmp_path: Path) -> None:
    examples = read_gap(gap_file(tmp_path, *(row(*r) for r in ROWS)))
    assert examples[0] == GapExample("t-1", "Kim met Ann. She smiled.", "She", 13, "Kim", 0, False,
                                     "Ann", 8, True)
    assert [e.gender for e in examples] == ["f", "m", "f", "m"]
    assert examples[2].pronoun_offset == 24 and examples[3].b_coref is False


def test_gender() -> None:
    def example(pronoun: str) -> GapExample:
        return GapExample("x", pronoun, pronoun, 0, "A", 0, False, "B", 0, False)
    assert [example(p).gender for p in ("she", "Her", "hers", "herself")] == ["f"] * 4
    assert [example(p).gender for p in ("He", "his", "him")] == ["m"] * 3


@pytest.mark.parametrize(("line", "message"), [
    ("t-1\tKim\tShe", "expected 11 tab-separated columns, got 3"),
    (row(*ROWS[0]).replace("FALSE", "no"), "A-coref 'no' is not TRUE or FALSE"),
    (row(*ROWS[0]).replace("\t13\t", "\tx\t"), "Pronoun-offset 'x' is not an integer"),
    (row(*ROWS[0]).replace("\t13\t", "\t99\t"), "Pronoun-offset 99 is outside the text"),
])
def test_malformed_rows_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = gap_file(tmp_path, row(*ROWS[1]), line)
    with pytest.raises(ValueError, match=re.escape(f"{path}:3: {message}")):
        read_gap(path)


def test_wrong_header(tmp_path: Path) -> None:
    path = tmp_path / "gap.tsv"
    path.write_text(row(*ROWS[0]) + "\n", "utf-8")
    with pytest.raises(ValueError, match=re.escape(f"{path}:1: header")):
        read_gap(path)


def examples() -> list[GapExample]:
    return [GapExample(i, t, p, t.rindex(p), a, t.index(a), ac, b, t.index(b), bc)
            for i, t, p, a, ac, b, bc in ROWS]


def test_gap_scores_by_hand() -> None:
    predictions = {"t-1": (True, True),    # f, gold (F, T): A false positive, B true positive
                   "t-2": (True, False),   # m, gold (T, F): A true positive, B true negative
                   "t-3": (False, True),   # f, gold (F, F): A true negative, B false positive
                   "t-4": (False, False)}  # m, gold (T, F): A false negative, B true negative
    scores = gap_scores(examples(), predictions)
    # feminine: tp 1, fp 2, fn 0 -> P 1/3, R 1, F1 2(1/3)/(4/3) = 1/2
    assert scores["feminine"] == pytest.approx({"precision": 1 / 3, "recall": 1.0, "f1": 0.5})
    # masculine: tp 1, fp 0, fn 1 -> P 1, R 1/2, F1 2/3
    assert scores["masculine"] == pytest.approx({"precision": 1.0, "recall": 0.5, "f1": 2 / 3})
    # overall: tp 2, fp 2, fn 1 -> P 1/2, R 2/3, F1 (2/3)/(7/6) = 4/7
    assert scores["overall"] == pytest.approx({"precision": 0.5, "recall": 2 / 3, "f1": 4 / 7})
    assert scores["bias"] == pytest.approx(0.5 / (2 / 3))


def test_missing_predictions_are_false_negatives_and_unknown_ids_ignored() -> None:
    predictions = {"t-1": (True, True), "t-3": (False, True), "t-4": (False, False),
                   "unknown": (True, True)}
    scores = gap_scores(examples(), predictions)
    # t-2 missing: both its decisions are false negatives (as in the official gap_scorer.py).
    # masculine: tp 0, fp 0, fn 3 -> all 0; overall: tp 1, fp 2, fn 3 -> P 1/3, R 1/4, F1 2/7
    assert scores["masculine"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert scores["overall"] == pytest.approx({"precision": 1 / 3, "recall": 1 / 4, "f1": 2 / 7})
    assert scores["bias"] == 0.0  # undefined: masculine F1 is 0


def test_perfect_and_empty() -> None:
    gold = {e.id: (e.a_coref, e.b_coref) for e in examples()}
    scores = gap_scores(examples(), gold)
    assert scores["overall"]["f1"] == scores["feminine"]["f1"] == scores["masculine"]["f1"] == 1.0
    assert scores["bias"] == 1.0
    empty = gap_scores([], {})
    assert empty["overall"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0} and empty["bias"] == 0.0


@pytest.mark.slow
def test_real_validation_file() -> None:
    if not GAP_VALIDATION.is_file():
        pytest.fail(f"{GAP_VALIDATION} is missing: this test reads GAP from ../shared/data/gap")
    rows = read_gap(GAP_VALIDATION)
    assert len(rows) == 454 and len({e.id for e in rows}) == 454
    for e in rows:
        assert e.text.startswith(e.pronoun, e.pronoun_offset), e.id
        assert e.text.startswith(e.a, e.a_offset) and e.text.startswith(e.b, e.b_offset), e.id
    assert sum(e.gender == "f" for e in rows) == 227  # gender-balanced
    gold = {e.id: (e.a_coref, e.b_coref) for e in rows}
    assert gap_scores(rows, gold)["overall"]["f1"] == 1.0
