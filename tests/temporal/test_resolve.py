"""resolve(): relative and absolute English time expressions against a publication date."""

from __future__ import annotations

import random
from dataclasses import FrozenInstanceError
from datetime import date, datetime

import pytest

from onrecord.records import TimeRef
from onrecord.temporal import Resolved, parse_published, resolve, time_ref

PUB = date(2024, 10, 15)  # a Tuesday, ISO 2024-W42


def _check(expression: str, published: date | None, value: str | None,
           granularity: str | None, past: bool = True) -> None:
    got = resolve(expression, published, past=past)
    if value is None:
        assert got is None
    else:
        assert got == Resolved(value, granularity)  # type: ignore[arg-type]


SEED = [
    ("last week", "2024-W41", "week"),
    ("on Monday", "2024-10-14", "day"),
    ("on Saturday", "2024-10-12", "day"),
    ("Earlier this year", "2024", "year"),
    ("In August", "2024-08", "month"),
    ("since 2014", "2014", "year"),
]


@pytest.mark.parametrize(("expression", "value", "granularity"), SEED)
def test_seed(expression: str, value: str, granularity: str) -> None:
    _check(expression, PUB, value, granularity)


PAST = [
    # weekdays: the latest on or before publication; the publication day itself counts
    ("on Tuesday", "2024-10-15", "day"),
    ("on Wednesday", "2024-10-09", "day"),
    ("Sunday", "2024-10-13", "day"),
    ("ON MONDAY", "2024-10-14", "day"),
    ("monday", "2024-10-14", "day"),
    ("Monday's", "2024-10-14", "day"),
    ("on Monday.", "2024-10-14", "day"),
    ("earlier on Monday", "2024-10-14", "day"),
    ("late on Friday", "2024-10-11", "day"),
    ("late Friday", "2024-10-11", "day"),
    ("Monday night", "2024-10-14", "day"),
    ("on Monday morning", "2024-10-14", "day"),
    ("Sunday evening", "2024-10-13", "day"),
    ("Tuesday afternoon", "2024-10-15", "day"),
    # shifted weekdays: last = strictly before, next = strictly after, this = same ISO week
    ("last Monday", "2024-10-14", "day"),
    ("last Tuesday", "2024-10-08", "day"),
    ("this past Sunday", "2024-10-13", "day"),
    ("this Monday", "2024-10-14", "day"),
    ("this Friday", "2024-10-18", "day"),
    ("next Monday", "2024-10-21", "day"),
    ("next Tuesday", "2024-10-22", "day"),
    ("this coming Thursday", "2024-10-17", "day"),
    # deictic days
    ("today", "2024-10-15", "day"),
    ("earlier today", "2024-10-15", "day"),
    ("tonight", "2024-10-15", "day"),
    ("this morning", "2024-10-15", "day"),
    ("yesterday", "2024-10-14", "day"),
    ("Yesterday afternoon", "2024-10-14", "day"),
    ("last night", "2024-10-14", "day"),
    ("the day before yesterday", "2024-10-13", "day"),
    ("tomorrow", "2024-10-16", "day"),
    ("tomorrow night", "2024-10-16", "day"),
    ("the day after tomorrow", "2024-10-17", "day"),
    # weeks (ISO)
    ("this week", "2024-W42", "week"),
    ("earlier this week", "2024-W42", "week"),
    ("later this week", "2024-W42", "week"),
    ("next week", "2024-W43", "week"),
    ("since last week", "2024-W41", "week"),
    # weekends: the Saturday
    ("over the weekend", "2024-10-12", "day"),
    ("at the weekend", "2024-10-12", "day"),
    ("last weekend", "2024-10-12", "day"),
    ("this past weekend", "2024-10-12", "day"),
    ("this weekend", "2024-10-19", "day"),
    ("next weekend", "2024-10-26", "day"),
    # months
    ("this month", "2024-10", "month"),
    ("earlier this month", "2024-10", "month"),
    ("last month", "2024-09", "month"),
    ("next month", "2024-11", "month"),
    ("in October", "2024-10", "month"),
    ("in December", "2023-12", "month"),
    ("since January", "2024-01", "month"),
    ("in mid-August", "2024-08", "month"),
    ("early September", "2024-09", "month"),
    ("last August", "2024-08", "month"),
    ("last October", "2023-10", "month"),
    ("this December", "2024-12", "month"),
    ("next August", "2025-08", "month"),
    ("in Sept.", "2024-09", "month"),
    # years
    ("this year", "2024", "year"),
    ("later this year", "2024", "year"),
    ("last year", "2023", "year"),
    ("next year", "2025", "year"),
    ("in 2014", "2014", "year"),
    ("2014", "2014", "year"),
    ("back in 2014", "2014", "year"),
    ("in early 2019", "2019", "year"),
    ("mid-2019", "2019", "year"),
    # month + day, no year: the latest on or before publication
    ("on Oct. 3", "2024-10-03", "day"),
    ("Oct 3", "2024-10-03", "day"),
    ("October 3", "2024-10-03", "day"),
    ("October 3rd", "2024-10-03", "day"),
    ("3 October", "2024-10-03", "day"),
    ("on 3 Oct.", "2024-10-03", "day"),
    ("the 3rd of October", "2024-10-03", "day"),
    ("Sept. 11", "2024-09-11", "day"),
    ("Sep 11", "2024-09-11", "day"),
    ("on Oct. 15", "2024-10-15", "day"),
    ("on Oct. 20", "2023-10-20", "day"),
    ("Dec. 25", "2023-12-25", "day"),
    ("Feb. 29", "2024-02-29", "day"),
    ("Monday, Oct. 7", "2024-10-07", "day"),
    # full dates
    ("October 3, 2024", "2024-10-03", "day"),
    ("on Oct. 3, 2024", "2024-10-03", "day"),
    ("Oct. 3 2024", "2024-10-03", "day"),
    ("3 October 2024", "2024-10-03", "day"),
    ("Thursday, October 3, 2024", "2024-10-03", "day"),
    ("2024-10-03", "2024-10-03", "day"),
    ("on 2019-03-01", "2019-03-01", "day"),
    # month + year
    ("March 2019", "2019-03", "month"),
    ("in March 2019", "2019-03", "month"),
    ("Aug. 2019", "2019-08", "month"),
    ("September, 2001", "2001-09", "month"),
    ("2019-03", "2019-03", "month"),
    ("2024-W41", "2024-W41", "week"),
    # N units ago
    ("three days ago", "2024-10-12", "day"),
    ("10 days ago", "2024-10-05", "day"),
    ("a week ago", "2024-W41", "week"),
    ("two weeks ago", "2024-W40", "week"),
    ("Two Weeks Ago", "2024-W40", "week"),
    ("one month ago", "2024-09", "month"),
    ("two months ago", "2024-08", "month"),
    ("eleven months ago", "2023-11", "month"),
    ("a year ago", "2023", "year"),
    ("twelve years ago", "2012", "year"),
    ("an hour ago", None, None),
]


@pytest.mark.parametrize(("expression", "value", "granularity"), PAST)
def test_past(expression: str, value: str | None, granularity: str | None) -> None:
    _check(expression, PUB, value, granularity)


FUTURE = [
    ("on Monday", "2024-10-21", "day"),
    ("on Tuesday", "2024-10-15", "day"),
    ("on Saturday", "2024-10-19", "day"),
    ("in August", "2025-08", "month"),
    ("in October", "2024-10", "month"),
    ("in December", "2024-12", "month"),
    ("on Oct. 3", "2025-10-03", "day"),
    ("on Oct. 20", "2024-10-20", "day"),
    ("Feb. 29", "2028-02-29", "day"),
    ("over the weekend", "2024-10-19", "day"),
    # explicit shifts ignore the direction
    ("last Monday", "2024-10-14", "day"),
    ("next week", "2024-W43", "week"),
    ("yesterday", "2024-10-14", "day"),
    ("in 2014", "2014", "year"),
]


@pytest.mark.parametrize(("expression", "value", "granularity"), FUTURE)
def test_future(expression: str, value: str, granularity: str) -> None:
    _check(expression, PUB, value, granularity, past=False)


BOUNDARIES = [
    # published Thursday 2025-01-02, ISO 2025-W01
    (date(2025, 1, 2), "last week", "2024-W52", "week"),
    (date(2025, 1, 2), "this week", "2025-W01", "week"),
    (date(2025, 1, 2), "two weeks ago", "2024-W51", "week"),
    (date(2025, 1, 2), "in December", "2024-12", "month"),
    (date(2025, 1, 2), "in January", "2025-01", "month"),
    (date(2025, 1, 2), "last month", "2024-12", "month"),
    (date(2025, 1, 2), "last year", "2024", "year"),
    (date(2025, 1, 2), "earlier this year", "2025", "year"),
    (date(2025, 1, 2), "on Tuesday", "2024-12-31", "day"),
    (date(2025, 1, 2), "on Dec. 31", "2024-12-31", "day"),
    (date(2025, 1, 2), "over the weekend", "2024-12-28", "day"),
    (date(2025, 1, 1), "yesterday", "2024-12-31", "day"),
    # Monday 2024-12-30 already belongs to ISO 2025-W01
    (date(2024, 12, 30), "this week", "2025-W01", "week"),
    (date(2024, 12, 30), "last week", "2024-W52", "week"),
    (date(2024, 12, 31), "next month", "2025-01", "month"),
    (date(2024, 12, 31), "tomorrow", "2025-01-01", "day"),
    # Sunday 2021-01-03 is in ISO 2020-W53
    (date(2021, 1, 3), "this week", "2020-W53", "week"),
    (date(2021, 1, 3), "last week", "2020-W52", "week"),
    (date(2021, 1, 3), "next week", "2021-W01", "week"),
    (date(2021, 1, 3), "this weekend", "2021-01-02", "day"),
    (date(2021, 1, 3), "last weekend", "2020-12-26", "day"),
    (date(2021, 1, 3), "2020-W53", "2020-W53", "week"),
    # month arithmetic across years; leap days
    (date(2024, 3, 31), "two months ago", "2024-01", "month"),
    (date(2024, 1, 15), "three months ago", "2023-10", "month"),
    (date(2025, 3, 1), "Feb. 29", "2024-02-29", "day"),
    (date(2024, 3, 1), "a week ago", "2024-W08", "week"),
]


@pytest.mark.parametrize(("published", "expression", "value", "granularity"), BOUNDARIES)
def test_year_boundaries(published: date, expression: str, value: str, granularity: str) -> None:
    _check(expression, published, value, granularity)


ABSOLUTE_WITHOUT_DATE = [
    ("in 2014", "2014", "year"),
    ("since 2014", "2014", "year"),
    ("on Oct. 3, 2024", "2024-10-03", "day"),
    ("October 3, 2024", "2024-10-03", "day"),
    ("March 2019", "2019-03", "month"),
    ("2024-10-03", "2024-10-03", "day"),
    ("2024-W41", "2024-W41", "week"),
]


@pytest.mark.parametrize(("expression", "value", "granularity"), ABSOLUTE_WITHOUT_DATE)
def test_absolute_without_publication_date(expression: str, value: str, granularity: str) -> None:
    _check(expression, None, value, granularity)


@pytest.mark.parametrize("expression", [
    "on Monday", "last week", "yesterday", "in August", "Oct. 3", "two weeks ago",
    "this year", "over the weekend",
])
def test_relative_needs_publication_date(expression: str) -> None:
    assert resolve(expression, None) is None


@pytest.mark.parametrize("expression", [
    "", "   ", "soon", "recently", "said", "the past week", "in two weeks", "a few days ago",
    "in the 1990s", "Feb. 30", "April 31", "2024-13-01", "2024-02-30", "2024-W54", "2024-00",
    "0000", "Monday Tuesday", "last", "in", "on the", "next decade", "32 October",
    "Oct. 3, 0000", "The Monday Club", "mayday", "in 2014 and 2015", "Monday 2024",
])
def test_unresolvable(expression: str) -> None:
    assert resolve(expression, PUB) is None


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
@pytest.mark.parametrize("expression", [
    "yesterday", "tomorrow", "last week", "next week", "last month", "next month",
    "last year", "next year", "in December", "in January", "Dec. 31", "Jan. 1",
    "9999 years ago", "on Monday", "next weekend", "last weekend",
])
def test_calendar_edges_do_not_raise(published: date, expression: str) -> None:
    for past in (True, False):
        got = resolve(expression, published, past=past)
        assert got is None or isinstance(got, Resolved)


def test_garbage_never_raises() -> None:
    rng = random.Random(20241015)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 .,-'/:WMTSOJAND\u2019\u00e9\u00a0\n\t\x00"
    words = ["on", "in", "last", "next", "this", "Monday", "Oct.", "3", "2024", "ago", "weeks",
             "the", "weekend", "mid-", "2024-10-03", "W53", "99999", "since", "early"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        phrase = " ".join(rng.choice(words) for _ in range(rng.randint(0, 5)))
        for expression in (text, phrase):
            got = resolve(expression, PUB, past=rng.random() < 0.5)
            assert got is None or isinstance(got, Resolved)


@pytest.mark.parametrize("bad", [None, 42, b"on Monday", ["on Monday"], "x" * 10_000])
def test_non_strings_and_huge_input(bad: object) -> None:
    assert resolve(bad, PUB) is None  # type: ignore[arg-type]


def test_published_forms() -> None:
    expected = Resolved("2024-10-14", "day")
    assert resolve("on Monday", datetime(2024, 10, 15, 23, 59)) == expected
    assert resolve("on Monday", "2024-10-15") == expected  # type: ignore[arg-type]
    assert resolve("on Monday", "2024-10-15T08:00:00Z") == expected  # type: ignore[arg-type]
    assert resolve("on Monday", "not a date") is None  # type: ignore[arg-type]
    assert parse_published("2024-10-15") == PUB
    assert parse_published(None) is None
    assert parse_published(20241015) is None  # type: ignore[arg-type]


def test_whitespace_and_punctuation() -> None:
    assert resolve("  on\n  Monday , ", PUB) == Resolved("2024-10-14", "day")
    assert resolve("(Oct.\u00a03)", PUB) == Resolved("2024-10-03", "day")
    assert resolve("Monday\u2019s", PUB) == Resolved("2024-10-14", "day")


def test_resolved_is_frozen() -> None:
    got = resolve("today", PUB)
    assert got is not None
    with pytest.raises(FrozenInstanceError):
        got.value = "x"  # type: ignore[misc]


def test_time_ref() -> None:
    assert time_ref("on Monday", PUB, start=3, end=12) == TimeRef(
        "on Monday", "2024-10-14", "day", 3, 12)
    assert time_ref("soon", PUB) == TimeRef("soon", None, None)
