"""The PolNeAR scorer and the Article adapter."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.evaluation.adapter import PredAttribution, article_to_polnear
from onrecord.evaluation.brat import GoldAttribution, GoldDocument
from onrecord.evaluation.matching import greedy_match
from onrecord.evaluation.polnear import PRF, evaluate_polnear, score_document, score_polnear
from onrecord.evaluation.spans import strip_span
from onrecord.records import Article

from .helpers import FakeExtractor, at, polnear_split, statement

TEXT = "Smith said that taxes will rise, and added that costs fell. Rain came, officials noted."


def gold(source: str | None, cue: str, *content: str) -> GoldAttribution:
    return GoldAttribution(source=(at(TEXT, source),) if source else None, cue=(at(TEXT, cue),),
                           content=tuple(at(TEXT, c) for c in content))


def pred(source: tuple[int, int] | None, cue: tuple[int, int],
         *content: tuple[int, int]) -> PredAttribution:
    return PredAttribution(source=(source,) if source else None, cue=(cue,), content=content)


DOC = GoldDocument("doc", TEXT, (gold("Smith", "said", "that taxes will rise"),))


def test_prf_is_zero_when_undefined() -> None:
    assert PRF(0, 0, 0).f1 == 0.0
    assert PRF(1, 2, 4).precision == 0.25 and PRF(1, 2, 4).recall == 0.5
    assert PRF(1, 2, 4).f1 == pytest.approx(1 / 3)


def test_strip_span_trims_each_fragment() -> None:
    assert strip_span(((0, 7), (8, 14)), "  abc    def  ") == ((2, 5), (9, 12))
    assert strip_span(((9, 40),), "  abc    def  ") == ((9, 12),)  # clipped to the text
    assert strip_span(((0, 2),), "   ") == ()


def test_exact_match_after_trimming_whitespace() -> None:
    s, e = at(TEXT, "that taxes will rise")
    scores = score_document(DOC, [pred(at(TEXT, "Smith"), at(TEXT, "said"), (s - 1, e))])
    assert scores.exact.content == PRF(1, 1, 1)
    assert scores.exact.source == PRF(1, 1, 1) and scores.exact.cue == PRF(1, 1, 1)
    assert scores.attribution_exact == PRF(1, 1, 1)


def test_exact_vs_overlap() -> None:
    s, e = at(TEXT, "that taxes will rise")
    scores = score_document(DOC, [pred(at(TEXT, "Smith"), at(TEXT, "said"), (s + 5, e))])
    assert scores.exact.content == PRF(0, 1, 1)
    assert scores.overlap.content == PRF(1, 1, 1)
    assert scores.attribution == PRF(1, 1, 1)
    assert scores.attribution_exact == PRF(0, 1, 1)


def test_discontinuous_exact_needs_every_fragment() -> None:
    doc = GoldDocument("d", TEXT, (gold("Smith", "said", "that taxes", "costs fell"),))
    one = score_document(doc, [pred(None, at(TEXT, "said"), at(TEXT, "that taxes"))])
    both = score_document(doc, [pred(None, at(TEXT, "said"), at(TEXT, "costs fell"),
                                     at(TEXT, "that taxes"))])
    assert one.exact.content.tp == 0 and one.overlap.content.tp == 1
    assert both.exact.content.tp == 1


def test_each_gold_span_matches_at_most_once() -> None:
    cue = at(TEXT, "said")
    preds = [pred(None, cue, at(TEXT, "taxes")), pred(None, cue, at(TEXT, "will rise"))]
    scores = score_document(DOC, preds)
    assert scores.overlap.content == PRF(1, 1, 2)
    assert scores.exact.cue == PRF(1, 1, 2)  # duplicate exact spans also count once
    assert scores.attribution == PRF(1, 1, 2)


def test_greedy_matching_takes_the_largest_overlap_first() -> None:
    # p0 overlaps g0 and g1 equally; p1 overlaps only g0 (more): both golds get a match
    weights = {(0, 0): 5, (1, 0): 5, (0, 1): 8}
    assert greedy_match(2, 2, lambda g, p: weights.get((g, p), 0)) == [(0, 1), (1, 0)]


def test_no_source_gold_adds_no_gold_source() -> None:
    doc = GoldDocument("d", TEXT, (gold(None, "noted", "Rain came"),))
    scores = score_document(doc, [pred(at(TEXT, "officials"), at(TEXT, "noted"),
                                       at(TEXT, "Rain came"))])
    assert scores.exact.source == PRF(0, 0, 1)  # a predicted source is still a prediction
    assert scores.attribution_exact == PRF(1, 1, 1)  # the source is not checked


def test_attribution_needs_both_cue_and_content_overlap() -> None:
    scores = score_document(DOC, [pred(None, at(TEXT, "said"), at(TEXT, "costs fell"))])
    assert scores.overlap.cue.tp == 1
    assert scores.attribution == PRF(0, 1, 1)


def test_scores_are_micro_averaged() -> None:
    other = GoldDocument("e", TEXT, (gold(None, "noted", "Rain came"),
                                     gold("Smith", "added", "that costs fell")))
    preds = [[pred(None, at(TEXT, "said"), at(TEXT, "that taxes will rise"))], []]
    scores = score_polnear([DOC, other], preds)
    assert scores.documents == 2
    assert scores.exact.content == PRF(1, 3, 1)
    assert scores.exact.source == PRF(0, 2, 0)
    assert scores.floor_view()["exact"]["content"] == pytest.approx(0.5)


def test_score_polnear_needs_one_prediction_list_per_document() -> None:
    with pytest.raises(ValueError, match="one .* list per document"):
        score_polnear([DOC], [])


def test_adapter_keeps_outermost_statements_and_joins_content2() -> None:
    article = Article(text=TEXT, statements=(
        statement(TEXT, "s1", "said", "that taxes will rise", speaker="Smith",
                  content2="costs fell"),
        statement(TEXT, "s2", "noted", "Rain came", parent="s1"),
        statement(TEXT, "s3", "added", "that costs fell"),
    ))
    preds = article_to_polnear(article)
    assert preds == [
        PredAttribution((at(TEXT, "Smith"),), (at(TEXT, "said"),),
                        (at(TEXT, "that taxes will rise"), at(TEXT, "costs fell"))),
        PredAttribution(None, (at(TEXT, "added"),), (at(TEXT, "that costs fell"),)),
    ]


def test_evaluate_polnear_runs_the_extractor_and_scores(tmp_path: Path) -> None:
    fake = FakeExtractor()
    scores = evaluate_polnear(polnear_split(tmp_path), extractor=fake)  # type: ignore[arg-type]
    assert scores.documents == 1
    assert scores.exact.source.f1 == scores.exact.cue.f1 == scores.exact.content.f1 == 1.0
    assert fake.seen == ["2016-09-01"]  # metadata.tsv feeds the publication date


def test_evaluate_polnear_rejects_shifted_offsets(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="prepare_text"):
        evaluate_polnear(polnear_split(tmp_path), extractor=FakeExtractor(shorten=True))  # type: ignore[arg-type]


def test_adapter_applies_polnear_span_conventions() -> None:
    text = "Brian Fallon, the press secretary, said in a statement: the vote is close."
    other = "Ann Lee said that the count is over."
    first = article_to_polnear(Article(text=text, statements=(
        statement(text, "s1", "said", "the vote is close", speaker="Brian Fallon, the press secretary"),)))[0]
    second = article_to_polnear(Article(text=other, statements=(
        statement(other, "s1", "said", "the count is over", speaker="Ann Lee"),)))[0]
    assert text[first.source[0][0]:first.source[0][1]] == "Brian Fallon, the press secretary,"
    assert text[first.cue[0][0]:first.cue[0][1]] == "said in a statement:"
    assert other[second.content[0][0]:second.content[0][1]] == "that the count is over"
