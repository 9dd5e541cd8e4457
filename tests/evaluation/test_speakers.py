"""The speaker gold: file validation, matching and the right/wrong decision."""

import json
from pathlib import Path

import pytest

from onrecord.evaluation.speakers import (
    GoldArticle, GoldStatement, SpeakerScores, read_gold, score_article, speaker_right,
)
from onrecord.records import Article, Cue, Entity, Speaker, Statement, TextSpan
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[2]


def gold(name, accept=(), members=(), mention="surname"):
    return GoldStatement((10, 14), (0, 5), mention, name, tuple(accept), tuple(members))


def statement(name, entity="e1", cue=(10, 14)):
    return Statement("s1", Speaker(0, 5, "x", entity, name), Cue(*cue, "said", "say", "neutral"),
                     TextSpan(20, 30, "y"), "indirect")


def test_names_match_by_key_accept_list_and_members():
    assert speaker_right(gold("Mitt Romney"), statement("Mitt Romney"))
    assert speaker_right(gold("Mitt Romney", ["Romney"]), statement("Romney"))
    assert speaker_right(gold("Mitch McConnell"), statement("Sen. Mitch McConnell"))
    assert not speaker_right(gold("Mitt Romney"), statement("Barack Obama"))
    assert speaker_right(gold("Barack Obama", members=["Ban Ki-moon"]), statement("Ban Ki-moon"))
    assert speaker_right(gold(None, mention="group"), statement(None))
    assert not speaker_right(gold(None, mention="group"), statement("Democratic Party"))


def test_the_registry_joins_two_spellings_of_one_actor():
    assert speaker_right(gold("Bill Barr"), statement("William Barr", "e1"), {"e1": "onrecord:william-barr"})
    assert not speaker_right(gold("Bill Barr"), statement("William Barr", "e1"), {})


def test_scores_count_found_statements_and_list_errors():
    g = GoldArticle("a1", "Outlet", "0" * 64, (gold("Mitt Romney"), GoldStatement(
        (40, 44), (35, 38), "pronoun", "Mitt Romney", (), ())))
    article = Article(text="z" * 50, statements=(statement("Barack Obama"),),
                      entities=(Entity("e1", "Barack Obama", "person"),))
    scores = SpeakerScores("learned")
    score_article(scores, g, article, "z" * 50)
    assert (scores.gold, scores.found, scores.right) == (2, 1, 0)
    assert scores.errors[0]["predicted"] == "Barack Obama"
    assert scores.to_dict()["by_mention"]["pronoun"]["found"] == 0


def test_a_bad_file_is_named(tmp_path):
    (tmp_path / "x.json").write_text(json.dumps({"schema": "other/1"}))
    with pytest.raises(ValueError, match="x.json: not a valid speaker gold file"):
        read_gold(tmp_path)
    with pytest.raises(ValueError, match="no speaker gold files"):
        read_gold(tmp_path / "empty")


@pytest.mark.slow
def test_the_repository_gold_covers_enough_articles_and_outlets_and_matches_the_texts():
    from onrecord.evaluation.speakers import load_texts

    articles = read_gold(ROOT / "eval" / "speakers" / "dev")
    assert len(articles) >= 30 and len({a.outlet for a in articles}) >= 15
    texts = load_texts(articles, SHARED / "data" / "allsides" / "articles.jsonl.gz")
    assert set(texts) == {a.id for a in articles}
    for a in articles:
        raw = json.loads((ROOT / "eval" / "speakers" / "dev" / f"{a.id}.json").read_text())
        assert all("text" not in s for s in raw["statements"])  # offsets only, no publisher text
