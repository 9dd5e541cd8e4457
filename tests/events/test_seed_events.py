"""The seed article's events, as the events issue asks: each from its statement, with offsets."""

from pathlib import Path

import pytest

from onrecord.pipeline import ArticleMeta, Extractor

pytestmark = pytest.mark.slow
SEED = Path(__file__).parents[2] / ".." / "shared" / "seed" / "article.txt"


@pytest.fixture(scope="module")
def article(extractor):
    return Extractor(nlp=extractor.nlp, events=True).extract(SEED.read_text(), ArticleMeta(published="2024-10-15"))


def _find(article, kind: str, actor: str):
    return [e for e in article.events if e.type == kind and any(a.name == actor for a in e.actors)]


def test_peskov_rejects_the_financial_times_report(article):
    (event,) = _find(article, "REJECT", "Dmitry Peskov")
    assert [r.name for r in event.recipients] == ["Financial Times"]
    assert "negation" not in event.aux and event.statement == "s1"
    assert article.text[event.trigger.start:event.trigger.end] == event.trigger.text


def test_zelensky_rejects_trading_territory(article):
    (event,) = _find(article, "REJECT", "Volodymyr Zelensky")
    assert "yield" in event.mode and "territory" in event.context


def test_putin_demands_the_withdrawal_and_rules_out_engagement_with_kiev(article):
    demands = _find(article, "REQUEST", "Vladimir Putin")
    assert any(e.trigger.text == "withdraws" and [r.name for r in e.recipients] == ["Ukraine"] for e in demands)
    (refusal,) = _find(article, "REJECT", "Vladimir Putin")
    assert [r.name for r in refusal.recipients] == ["Kyiv"]
    assert all(e.statement for e in demands + [refusal])


def test_the_background_referendum_sentences_code_no_current_event(article):
    background = article.text.index("The Donetsk and Lugansk People’s Republics and Kherson and Zaporozhye Regions joined")
    late = [e for e in article.events if e.sentence.start >= background]
    assert all("historical" in e.aux for e in late)
