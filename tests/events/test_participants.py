"""Actor and recipient phrases from the parse."""

import pytest

from onrecord.events.participants import participants
from onrecord.events.triggers import find_triggers

pytestmark = pytest.mark.slow


def _roles(nlp, text: str, word: str):
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == word)
    actors, recipients = participants(doc, trigger)
    return [a.text for a in actors], [r.text for r in recipients]


def test_subject_and_object(nlp):
    assert _roles(nlp, "The Iranian foreign minister condemned the court ruling.", "condemned") == (
        ["Iranian foreign minister"], ["court ruling"])


def test_the_affected_party_over_the_thing_acted_with(nlp):
    assert _roles(nlp, "The Treasury imposed sanctions on three Iranian companies.", "imposed")[1] == [
        "three Iranian companies"]


def test_passive_agent_is_the_actor(nlp):
    assert _roles(nlp, "The village was shelled by government forces.", "shelled") == (
        ["government forces"], ["village"])


def test_coordinated_actors_are_a_compound_actor(nlp):
    actors, _ = _roles(nlp, "France and Germany agreed to share intelligence.", "agreed")
    assert actors == ["France", "Germany"]


def test_a_dateline_is_not_part_of_the_actor(nlp):
    actors, _ = _roles(nlp, "LAGOS (Reuters) - Soldiers arrested a local journalist on Monday.", "arrested")
    assert actors == ["Soldiers"]
    assert _roles(nlp, "LAGOS (Reuters) - Soldiers arrested a local journalist on Monday.", "arrested")[1] == [
        "local journalist"]


def test_triggers_find_phrases_and_lemmas(nlp):
    doc = nlp("The minister ruled out talks and called for calm after rebels shelled the town.")
    found = {doc[t.start:t.end].text: t.types for t in find_triggers(doc[:])}
    assert "REJECT" in found["ruled out"]
    assert "REQUEST" in found["called for"]
    assert "ASSAULT" in found["shelled"]


def test_a_party_elsewhere_in_the_clause_over_a_thing(nlp):
    # "ceasefire" is what was agreed; the party is the place it concerns.
    assert _roles(nlp, "Russia agreed to a ceasefire in eastern Ukraine.", "agreed")[1] == ["eastern Ukraine"]


def test_a_purpose_infinitive_takes_the_clause_actor(nlp):
    actors, recipients = _roles(nlp, "Australia lent $1 billion to Indonesia to aid its recovery.", "aid")
    assert actors == ["Australia"]


def test_a_party_before_the_trigger_is_not_the_recipient(nlp):
    _, recipients = _roles(nlp, "Officials in Paris condemned the decision.", "condemned")
    assert recipients == ["decision"]
