"""The registry in the engine: canonical names, offices answering role descriptions, retyping."""

from onrecord.resolution.offices import office_roles, us_states
from tests.conftest import by_cue


def test_offices_come_from_the_registry():
    roles = office_roles("Bernie Sanders")
    assert "VT" in roles["senator"]
    assert us_states()["Vermont"] == "VT"
    assert office_roles("Nobody Inparticular") == {}


def test_a_role_description_finds_the_office_holder_of_that_state(extract):
    a = extract("Bernie Sanders and Ted Cruz spoke on Sunday. The Vermont senator said the plan "
                "would fail.")
    assert by_cue(a, "said").speaker.name == "Bernie Sanders"


def test_a_national_modifier_agrees_with_a_us_office(extract):
    a = extract("Donald Trump spoke about the treaty on Monday. Later, the U.S. president said the "
                "deal was dead.")
    assert by_cue(a, "said").speaker.name == "Donald Trump"


def test_a_national_modifier_still_rules_out_a_person_without_that_office(extract):
    a = extract("Angela Merkel spoke about the treaty on Monday. Later, the U.S. president said the "
                "deal was dead.")
    assert by_cue(a, "said").speaker.name != "Angela Merkel"


def test_a_bare_surname_is_never_looked_up(extract):
    a = extract("Wu said the bill was dead.")
    assert by_cue(a, "said").speaker.name != "David Wu"


def test_names_the_tagger_calls_people_but_the_registry_knows_as_organisations(extract):
    a = extract("Twitter said it would label the posts.")
    speaker = by_cue(a, "said").speaker
    assert [e.type for e in a.entities if e.id == speaker.entity] in (["organization"], ["media"], [])



def test_the_us_president_is_the_president_the_text_named_by_surname(extract):
    a = extract("President Trump threatened to impose sanctions on Sunday. Speaking to reporters on "
                "Air Force One, the U.S. president said the sanctions would be severe.")
    said = by_cue(a, "said")
    assert said.speaker.name in ("Trump", "Donald Trump")
    assert said.speaker.resolution == "role"
