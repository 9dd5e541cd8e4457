"""Event dates: the time expression in the trigger's own clause, resolved against publication."""

from datetime import date

import pytest

from onrecord.events.dates import date_range, event_time
from tests.deadline import deadline

pytestmark = pytest.mark.slow
PUBLISHED = date(2024, 10, 15)


def _time(nlp, text: str, word: str):
    doc = nlp(text)
    with deadline(10, "event_time"):  # a walk up the parse that never reaches the root hangs
        return event_time(doc, next(t for t in doc if t.text == word), PUBLISHED)


def test_date_in_the_trigger_clause(nlp):
    ref = _time(nlp, "The army attacked the town on Monday.", "attacked")
    assert ref is not None and ref.value == "2024-10-14"


def test_verbless_sentence_terminates_and_still_dates(nlp):
    # The root is a noun: the walk up to the nearest verb must stop at the root.
    ref = _time(nlp, "Mass protests in Paris on Monday.", "protests")
    assert ref is not None and ref.value == "2024-10-14"


def test_date_of_a_relative_clause_is_not_the_event_date(nlp):
    assert _time(nlp, "Ukraine attacked the lands it has lost since 2014.", "attacked") is None


def test_date_range_of_iso_values():
    assert date_range("2024-10") == (date(2024, 10, 1), date(2024, 10, 31))
    assert date_range("2024-W42") == (date(2024, 10, 14), date(2024, 10, 20))
    assert date_range("not a date") is None
