"""Mining the trigger lexicon's extension from PLV train, and the shipped extension."""

import pytest

from onrecord.eventcoder.data import CodedSentence
from onrecord.eventcoder.labels import TYPES
from onrecord.events.trigger_mining import mine, predicates, stoplist
from onrecord.events.triggers import MINED, find_triggers, lexicon

pytestmark = pytest.mark.slow


def _rows(*pairs):
    return [CodedSentence(str(n), text, t, "", "") for n, (text, t) in enumerate(pairs)]


def test_predicates_are_the_root_its_xcomp_and_a_light_verbs_object(nlp):
    assert [t.lemma_ for t in predicates(nlp("Troops began deploying on Tuesday.")[:])] == ["deploy"]
    assert "warfare" in [t.lemma_ for t in predicates(nlp("Israel launched cyber warfare against Iran.")[:])]


def test_mining_keeps_consistent_uncovered_lemmas_only(nlp):
    rows = _rows(("Nigeria deployed troops to Liberia.", "AID"), ("Kenya deployed medics to Somalia.", "AID"),
                 ("Police deployed tear gas.", "ASSAULT"),
                 ("Chad said it was ready.", "AGREE"), ("Mali said it was ready.", "AGREE"))
    mined = {(m.lemma, m.type): m for m in mine(rows, nlp.pipe([r.text for r in rows]))}
    assert ("deploy", "AID") in mined and mined[("deploy", "AID")].share == pytest.approx(0.67)
    assert ("deploy", "ASSAULT") not in mined  # one sentence is under min_count
    assert not any(lemma == "say" for lemma, _ in mined)  # stoplisted


def test_shipped_extension_is_well_formed_and_used_only_when_extended(nlp):
    rows = [l.split("\t") for l in MINED.read_text(encoding="utf-8").splitlines()
            if l and not l.startswith("#") and not l.startswith("trigger\t")]
    assert rows and all(r[1] in TYPES and int(r[2]) >= 2 and r[0] not in stoplist() for r in rows)
    hand, extended = lexicon(extended=False), lexicon()
    assert all(r[1] in extended[(r[0],)] for r in rows)
    assert any(r[1] not in hand.get((r[0],), ()) for r in rows)  # the extension adds something
    sentence = nlp("The court convicted the journalist.")[:]
    assert any("ACCUSE" in t.types for t in find_triggers(sentence))
    assert not any("ACCUSE" in t.types for t in find_triggers(sentence, extended=False))
