"""Event dates: the time expression in the trigger's own clause, resolved against publication."""

import signal
from contextlib import contextmanager
from datetime import date

import pytest

from onrecord.events.dates import date_range, event_time

pytestmark = pytest.mark.slow
PUBLISHED = date(2024, 10, 15)


@contextmanager
def _deadline(seconds: int):
    """Fail instead of hanging (a walk up the parse that never reaches the root)."""
    def _raise(*_):
        raise AssertionError(f"took over {seconds} s")
    old = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _time(nlp, text: str, word: str):
    doc = nlp(text)
    with _deadline(10):
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
