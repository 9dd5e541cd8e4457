from onrecord.crosslinks.linktypes import claim_type, reply_type
from onrecord.crosslinks.rows import Row
from onrecord.crosslinks.words import bag


def row(cue_lemma: str, content: str, cue_class: str = "neutral", **kw) -> Row:
    return Row(1, 1, None, None, 1, "Ana Ruiz", cue_lemma, cue_lemma, cue_class, content, **kw)


def test_reply_types():
    assert reply_type(row("dismiss", "the report", "denial"), bag("the report")) == "rejects"
    assert reply_type(row("confirm", "the report", "confirmation"), bag("the report")) == "confirms"
    assert reply_type(row("say", "it is not true"), bag("it is not true")) == "rejects"
    assert reply_type(row("say", "we will look at it"), bag("we will look at it")) == "responds"
    # "could not confirm the report" is no confirmation
    assert reply_type(row("confirm", "the report", "confirmation", negated=True), bag("the report")) == "responds"


def test_claim_types_from_polarity():
    sold = "the port of Kessa was sold to Orlan"
    asserts, denies = row("say", sold), row("deny", sold, "denial")
    negates = row("say", "the port of Kessa was not sold to Orlan")
    assert claim_type(denies, bag(sold), asserts, bag(sold)) == "contradicts"
    assert claim_type(negates, bag(negates.content), asserts, bag(sold)) == "contradicts"
    assert claim_type(negates, bag(negates.content), denies, bag(sold)) == "supports"
    assert claim_type(asserts, bag(sold), row("say", sold), bag(sold)) == "supports"


def test_statements_that_take_no_side_are_not_typed():
    sold = "the port of Kessa was sold to Orlan"
    asserts = row("say", sold)
    for other in (row("say", sold, hypothetical=True), row("say", sold, negated=True),
                  row("refuse", sold, "denial"), row("say", sold + "?"), row("say", sold, kind="intent")):
        assert claim_type(other, bag(sold), asserts, bag(sold)) is None
