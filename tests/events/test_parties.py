"""Event parties from whole sentences: said events, coordinated speakers, mutual events; none without an event."""

import pytest

pytestmark = pytest.mark.slow


def _events(extractor, text):
    return extractor.extract(text).events


@pytest.fixture(scope="module")
def coder_extractor():
    from onrecord.pipeline import Extractor
    return Extractor(events=True)


def test_a_coordinated_speaker_is_a_compound_actor_of_a_mutual_event(coder_extractor):
    event = _events(coder_extractor, "India and Pakistan agreed to a cease-fire along their border.")[0]
    assert event.type == "AGREE"
    assert [a.text for a in event.actors] == ["India", "Pakistan"]
    assert [r.text for r in event.recipients] == ["Pakistan", "India"]


def test_a_demand_is_addressed_to_the_contents_subject(coder_extractor):
    events = _events(coder_extractor, "Eritrea's ambassador said on Tuesday that Qatar must mediate with Djibouti.")
    request = next(e for e in events if e.type == "REQUEST")
    assert [r.text for r in request.recipients] == ["Qatar"]


def test_a_sentence_without_an_event_gives_none(coder_extractor):
    assert _events(coder_extractor, "The weather in the capital was mild and sunny.") == ()
