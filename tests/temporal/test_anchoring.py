"""Statement times come from the cue's clause, never from the content."""

from tests.conftest import by_cue


def test_time_of_saying_resolved_against_publication(extract):
    a = extract("Speaking on Monday, the minister stated that taxes would fall.", published="2024-10-15")
    assert by_cue(a, "stated").time.value == "2024-10-14"


def test_time_inside_content_is_not_the_statement_time(extract):
    a = extract("According to Bloomberg, the leader met the president in Washington last month.",
                published="2024-10-15")
    assert by_cue(a, "According to").time is None


def test_relative_times_with_granularity(extract):
    a = extract("Earlier this year, the president said the war would end. In August, the president "
                "ruled out any talks. The paper reported last week that talks had resumed.",
                published="2024-10-15")
    assert (by_cue(a, "said").time.value, by_cue(a, "said").time.granularity) == ("2024", "year")
    assert by_cue(a, "ruled out").time.value == "2024-08"
    assert (by_cue(a, "reported").time.value, by_cue(a, "reported").time.granularity) == ("2024-W41", "week")


def test_no_publication_date_leaves_relative_times_unresolved(extract):
    a = extract("The minister said on Monday that taxes would fall.")
    t = by_cue(a, "said").time
    assert t.text == "on Monday" and t.value is None
