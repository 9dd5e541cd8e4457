"""Reading PolNeAR brat standoff files."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.evaluation.brat import parse_ann, parse_fragments, read_polnear

ANN = "\n".join([
    "T1\tSource 0 5\tSmith",
    "T2\tCue 6 10\tsaid",
    "T3\tContent 11 20;30 40\tfirst bit second bit",
    "T4\tAttribution 6 10\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    "T5\tCue 50 57\tclaimed",
    "T6\tContent 60 70\tsomething",
    "T7\tAttribution-no-source 50 57\tclaimed",
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6",
    "T8\tDiscuss 80 90\tunsure",
    "T9\tDiscard 95 99\tjunk",
    "#1\tAnnotatorNotes T8\tShould this count?",
    "T10\tContent 100 130\tline one",
    "continued on a second line",
    "T11\tSource 140 143\tshe",
    "T12\tCue 144 148\tsaid",
    "T13\tContent 150 160\tpart two",
    "T14\tAttribution 144 148\tsaid",
    "E3\tAttribution:T14 Source:T11 Cue:T12 Content:T10 Content2:T13",
    "T15\tAttribution 200 204\tsays",
    "E4\tAttribution:T15",
    "",
])


def test_parse_fragments_sorts_discontinuous_spans() -> None:
    assert parse_fragments("30 40;10 20") == ((10, 20), (30, 40))
    assert parse_fragments("5 9") == ((5, 9),)


def test_parse_ann_reads_attributions_in_any_argument_order() -> None:
    attributions, skipped = parse_ann(ANN)
    assert len(attributions) == 3
    first, no_source, with_content2 = attributions
    assert first.source == ((0, 5),)
    assert first.cue == ((6, 10),)
    assert first.content == ((11, 20), (30, 40))
    assert no_source.source is None
    assert no_source.cue == ((50, 57),) and no_source.content == ((60, 70),)
    # arguments in another order; Content2 merges into the content span
    assert with_content2.source == ((140, 143),)
    assert with_content2.content == ((100, 130), (150, 160))
    assert skipped == 1  # E4 has neither cue nor content


def test_parse_ann_ignores_discuss_and_discard() -> None:
    attributions, _ = parse_ann(ANN)
    covered = {f for a in attributions for part in (a.source or (), a.cue, a.content) for f in part}
    assert (80, 90) not in covered and (95, 99) not in covered


def _corpus(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a_2016-01-01_x.txt").write_text("Smith said it rained.", "utf-8")
    (tmp_path / "text" / "b_2016-01-02_y.txt").write_text("Jones said no.", "utf-8")
    ann_a = "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20\tit rained\n" \
            "E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1\n"
    (tmp_path / "attributions" / "a_2016-01-01_x_ffff.ann").write_text(ann_a, "utf-8")
    (tmp_path / "attributions" / "a_2016-01-01_x_0000.ann").write_text("", "utf-8")
    ann_b = "T1\tCue 6 10\tsaid\nT2\tContent 11 13\tno\nE1\tAttribution-no-source:T3 Cue:T1 Content:T2\n"
    (tmp_path / "attributions" / "b_2016-01-02_y_1234.ann").write_text(ann_b, "utf-8")
    return tmp_path


def test_read_polnear_uses_first_annotator_file_by_name(tmp_path: Path) -> None:
    docs = read_polnear(_corpus(tmp_path))
    assert [d.name for d in docs] == ["a_2016-01-01_x", "b_2016-01-02_y"]
    a, b = docs
    assert a.annotator == "0000" and a.other_annotators == ("ffff",)
    assert a.attributions == ()  # the (empty) first file wins, deterministically
    assert b.annotator == "1234" and b.other_annotators == ()
    assert b.attributions[0].source is None
    assert b.text[slice(*b.attributions[0].content[0])] == "no"


def test_read_polnear_limit(tmp_path: Path) -> None:
    assert len(read_polnear(_corpus(tmp_path), limit=1)) == 1


def test_read_polnear_keeps_carriage_returns_for_offsets(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "text" / "b_2016-01-02_y.txt").write_bytes(b"Jones\r\nsaid no.")
    assert read_polnear(corpus)[1].text == "Jones\r\nsaid no."


def test_read_polnear_explains_a_wrong_directory(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="polnear/dev"):
        read_polnear(tmp_path)
