from datetime import date

from onrecord.crosslinks.candidates import Corpus, Rules, claim_candidates, reply_candidates
from onrecord.crosslinks.rows import ReplyRow, Row

SOLD = "the Velmar government agreed to sell the northern port of Kessa to Orlan Shipping for 400 million crowns"
SOLD2 = "the Velmar government had agreed to sell the northern harbour of Kessa to Orlan Shipping in a secret deal"


def row(id: int, article: int, day: int, speaker: int, content: str, cue: str = "say", **kw) -> Row:
    names = {1: "Ana Ruiz", 2: "Tomas Brel", 3: "Harbour Gazette", 4: "Lida Varn"}
    cls = "denial" if cue == "deny" else "neutral"
    return Row(id, article, date(2031, 5, day), None, speaker, names[speaker], cue, cue, cls, content, **kw)


def pairs(cands):
    return {(c.source.id, c.target.id, c.kind) for c in cands}


def test_two_speakers_on_one_claim_in_two_articles_are_a_candidate():
    corpus = Corpus([row(1, 1, 3, 2, SOLD), row(2, 2, 5, 4, SOLD2, cue="deny")])
    assert pairs(claim_candidates(corpus)) == {(2, 1, "claim+overlap")}  # later -> earlier
    # the very same words by two speakers are one utterance reported twice: no claim
    assert claim_candidates(Corpus([row(1, 1, 3, 2, SOLD), row(2, 2, 5, 4, SOLD, cue="deny")])) == []


def test_no_claim_candidate_without_evidence():
    unrelated = "the orchard festival opens on Friday with ten thousand visitors and the best cherries"
    cases = [
        [row(1, 1, 3, 2, SOLD), row(2, 2, 5, 2, SOLD)],  # one speaker
        [row(1, 1, 3, 2, SOLD), row(2, 1, 3, 4, SOLD)],  # one article
        [row(1, 1, 3, 2, SOLD), row(2, 2, 5, 4, unrelated)],  # different matters
        [row(1, 1, 3, 2, SOLD), Row(2, 2, date(2031, 9, 1), None, 4, "Lida Varn", "say", "say", "", SOLD)],  # months apart
        [row(1, 1, 3, 2, SOLD), Row(2, 2, date(2031, 5, 5), None, None, "someone", "say", "say", "", SOLD)],  # unresolved
    ]
    for rows in cases:
        assert claim_candidates(Corpus(rows)) == []


def test_a_reply_inside_an_article_is_carried_to_the_report_elsewhere():
    report = row(1, 1, 2, 3, "the government is preparing to sell the port of Kessa to Orlan Shipping")
    in_article = row(10, 2, 4, 3, "the government would sell the port of Kessa to Orlan Shipping")
    reply = row(11, 2, 4, 1, "the report", cue="deny")
    later = row(2, 3, 9, 3, "the government is preparing to sell the port of Kessa to Orlan Shipping")
    corpus = Corpus([report, in_article, reply, later])
    found = reply_candidates(corpus, [ReplyRow(11, 10, "rejects")])
    assert pairs(found) == {(11, 1, "reply+source")}  # not to the later one, nor inside its own article
    assert found[0].via is in_article


def test_a_reply_follows_the_quote_group():
    quote = "we will never sell Kessa"
    first = row(1, 1, 2, 2, quote, quote_id="q1")
    again = row(10, 2, 4, 2, quote, quote_id="q1")
    reply = row(11, 2, 4, 1, "the remarks", cue="deny")
    found = reply_candidates(Corpus([first, again, reply]), [ReplyRow(11, 10, "rejects")])
    assert pairs(found) == {(11, 1, "reply+quote")}


def test_two_speakers_merely_saying_alike_words_are_no_candidate():
    assert claim_candidates(Corpus([row(1, 1, 3, 2, SOLD), row(2, 2, 5, 4, SOLD)])) == []


def test_stricter_rules_give_fewer_candidates():
    rows = [row(1, 1, 3, 2, SOLD), row(2, 2, 5, 4, "the Velmar government agreed to sell the port of Kessa soon", cue="deny")]
    assert claim_candidates(Corpus(rows), Rules(claim_min_score=0.6, claim_min_shared=4))
    assert not claim_candidates(Corpus(rows), Rules(claim_min_shared=7))
