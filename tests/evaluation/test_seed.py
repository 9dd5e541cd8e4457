"""The seed checklist, on a small hand-made gold and hand-built Articles."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from onrecord.evaluation.seed import Criterion, score_seed
from onrecord.evaluation.seed_gold import (GoldRelation, GoldSpan, GoldStatement, SeedGold,
                                           load_seed_gold)
from onrecord.records import Article, Entity, Reply, Statement, TextSpan

from .helpers import at, span, statement

TEXT = ("Smith said on Monday the plan failed. Officials said the ministry denied the report. "
        "The ministry denies everything, a memo says. Rain fell in the north.")


def g(phrase: str, name: str | None = None, nth: int = 0) -> GoldSpan:
    s, e = at(TEXT, phrase, nth)
    return GoldSpan(s, e, phrase, name)


GOLD = SeedGold(
    published="2024-10-15",
    statements=(
        GoldStatement("g1", g("Smith", "John Smith"), g("said"), g("the plan failed"),
                      "indirect", None, "2024-10-14", True),
        GoldStatement("g2", g("Officials"), g("said", nth=1), g("the ministry denied the report"),
                      "indirect", None, None, True),
        GoldStatement("g3", g("the ministry", "Ministry of Defence"), g("denied"),
                      g("the report"), "indirect", "g2", None, True),
        GoldStatement("g4", g("a memo"), g("says"), g("The ministry denies everything"),
                      "indirect", None, None, False),
    ),
    own_voice=(g("Rain fell in the north."),),
    coreference=(g("The ministry", "Ministry of Defence"),),
    relations=(GoldRelation("g2", "g1", "rejects", "Officials said"),
               GoldRelation("g3", "g1", "responds")),
)


def perfect(**changes: object) -> Article:
    """An Article that gets everything right (ids deliberately differ from gold ids)."""
    sts = [
        statement(TEXT, "p1", "said", "the plan failed", speaker="Smith", name="JOHN SMITH",
                  time="2024-10-14"),
        statement(TEXT, "p2", "Officials said", "the ministry denied the report",
                  speaker="Officials", replies=(Reply("p1", "rejects"),)),
        statement(TEXT, "p3", "denied", "the report", speaker="the ministry",
                  name="Ministry of Defence", parent="p2", replies=(Reply("p1", "responds"),)),
    ]
    ministry = Entity("e1", "Ministry of Defence", "organization",
                      (span(TEXT, "the ministry"), span(TEXT, "The ministry")))
    article = Article(text=TEXT, statements=tuple(sts), entities=(ministry,),
                      own_voice=(span(TEXT, "Rain fell in the north."),))
    return replace(article, **changes)  # type: ignore[arg-type]


def replace_statement(article: Article, st: Statement) -> Article:
    return replace(article, statements=tuple(st if s.id == st.id else s
                                             for s in article.statements))


def test_a_perfect_article_passes_every_criterion() -> None:
    scores = score_seed(GOLD, perfect())
    assert scores.passed
    assert all(c.passed and c.score == 1.0 for c in scores.criteria)
    assert scores.matches == (("g1", "p1"), ("g2", "p2"), ("g3", "p3"))
    assert scores.criterion("statements").total == 3  # g4 is not required
    assert scores.spurious == ()


def test_an_empty_article_fails_with_reasons() -> None:
    scores = score_seed(GOLD, Article(text=TEXT))
    assert not scores.passed
    assert scores.criterion("statements").hits == 0
    assert scores.criterion("speakers").total == 3  # unmatched statements count as wrong
    assert scores.criterion("statement_precision").passed  # nothing predicted, nothing spurious
    assert "g1 (said): not found" in scores.report()
    json.dumps(scores.to_dict())


def test_matching_needs_cue_and_content_overlap() -> None:
    wrong_content = statement(TEXT, "p1", "said", "Rain fell", speaker="Smith", name="John Smith")
    scores = score_seed(GOLD, replace_statement(perfect(), wrong_content))
    assert scores.criterion("statements").hits == 2
    assert scores.spurious == ("p1",)
    assert scores.criterion("statement_precision").hits == 2


def test_matching_is_one_to_one() -> None:
    dup = statement(TEXT, "p9", "said", "plan failed", speaker="Smith", name="John Smith")
    scores = score_seed(GOLD, replace(perfect(), statements=perfect().statements + (dup,)))
    assert ("g1", "p1") in scores.matches  # the larger overlap wins
    assert scores.spurious == ("p9",)
    assert scores.criterion("statement_precision").passed  # the issue allows one spurious
    second = statement(TEXT, "p10", "said", "plan failed", speaker="Smith", name="John Smith")
    worse = score_seed(GOLD, replace(perfect(), statements=perfect().statements + (dup, second)))
    assert not worse.criterion("statement_precision").passed


def test_optional_gold_statements_are_neither_rewarded_nor_penalised() -> None:
    memo = statement(TEXT, "p4", "says", "The ministry denies everything", speaker="a memo")
    scores = score_seed(GOLD, replace(perfect(), statements=perfect().statements + (memo,)))
    assert scores.passed
    assert scores.spurious == ()
    assert scores.criterion("statements").total == 3


def test_speaker_names_compare_case_insensitively_and_groups_allow_null() -> None:
    article = perfect()
    wrong = statement(TEXT, "p1", "said", "the plan failed", speaker="Smith", name="Jane Smith",
                      time="2024-10-14")
    assert not score_seed(GOLD, replace_statement(article, wrong)).criterion("speakers").passed
    group = statement(TEXT, "p2", "Officials said", "the ministry denied the report",
                      speaker="Officials", name="officials", replies=(Reply("p1", "rejects"),))
    assert score_seed(GOLD, replace_statement(article, group)).criterion("speakers").passed
    named = replace(group, speaker=replace(group.speaker, name="Reuters"))
    assert not score_seed(GOLD, replace_statement(article, named)).criterion("speakers").passed


def test_parent_is_mapped_through_the_matching() -> None:
    orphan = replace(perfect().statement("p3"), parent=None)
    scores = score_seed(GOLD, replace_statement(perfect(), orphan))
    assert scores.criterion("parents").hits == 2
    assert "expected 'p2'" in scores.criterion("parents").details[0]


def test_time_null_in_gold_means_null_prediction() -> None:
    timed = replace(perfect().statement("p2"), time=perfect().statement("p1").time)
    assert score_seed(GOLD, replace_statement(perfect(), timed)).criterion("times").hits == 2
    wrong = replace(perfect().statement("p1"), time=None)
    assert score_seed(GOLD, replace_statement(perfect(), wrong)).criterion("times").hits == 2


def test_coreference_needs_an_overlapping_mention_with_the_gold_name() -> None:
    renamed = Entity("e1", "Ministry of Finance", "organization", (span(TEXT, "The ministry"),))
    assert score_seed(GOLD, perfect(entities=(renamed,))).criterion("coreference").hits == 0
    other = Entity("e1", "Ministry of Defence", "organization", (span(TEXT, "the ministry"),))
    assert score_seed(GOLD, perfect(entities=(other,))).criterion("coreference").hits == 0


def test_replies_found_and_typed() -> None:
    wrong_type = replace(perfect().statement("p2"), replies_to=(Reply("p1", "confirms"),))
    scores = score_seed(GOLD, replace_statement(perfect(), wrong_type))
    assert scores.criterion("replies").passed
    assert not scores.criterion("reply_types").passed
    unlinked = replace(perfect().statement("p3"), replies_to=())
    scores = score_seed(GOLD, replace_statement(perfect(), unlinked))
    assert scores.criterion("replies").passed  # g3 -> g1 has no evidence: not required
    assert scores.criterion("replies_all").hits == 1 and not scores.criterion("replies_all").required
    assert scores.passed


def test_own_voice_coverage_and_spurious_spans() -> None:
    s, e = at(TEXT, "Rain fell in the north.")
    short = TextSpan(s, s + 10, TEXT[s:s + 10])  # under 90% of the sentence
    scores = score_seed(GOLD, perfect(own_voice=(short,)))
    assert not scores.criterion("own_voice").passed
    near = TextSpan(s, e - 1, TEXT[s:e - 1])  # 22 of 23 characters
    extra = span(TEXT, "Smith said on Monday")
    scores = score_seed(GOLD, perfect(own_voice=(near, extra)))
    assert scores.criterion("own_voice").passed
    precision = scores.criterion("own_voice_precision")
    assert (precision.hits, precision.total, precision.passed) == (1, 2, False)


def test_criterion_score_without_items_is_one() -> None:
    assert Criterion("x", "x", 0, 0).score == 1.0
    assert Criterion("x", "x", 1, 4).score == 0.25


def test_load_seed_gold_and_check_text(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    s1 = {"id": "s1", "speaker": {"text": "Smith", "start": 0, "end": 5, "name": "John Smith"},
          "cue": {"text": "said", "start": 6, "end": 10},
          "content": {"text": "on Monday", "start": 11, "end": 20}, "kind": "indirect",
          "parent": None, "time": {"text": "on Monday", "value": "2024-10-14",
                                   "granularity": "day"}, "required": True}
    path.write_text(json.dumps({"schema": "onrecord.gold/1", "published_assumed": "2024-10-15",
                                "statements": [s1], "own_voice": [], "coreference": [],
                                "relations": [{"from": "s1", "to": "s1", "type": "rejects",
                                               "evidence": "x"}]}), "utf-8")
    gold = load_seed_gold(path)
    assert gold.statements[0].time_value == "2024-10-14"
    assert gold.relations[0].required
    gold.check_text(TEXT)
    with pytest.raises(ValueError, match="article.txt"):
        gold.check_text("Jones said on Monday")
    path.write_text(json.dumps({"schema": "other"}), "utf-8")
    with pytest.raises(ValueError, match="onrecord.gold/1"):
        load_seed_gold(path)
