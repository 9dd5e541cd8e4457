"""find_expressions(): spans of time expressions in running text."""

from __future__ import annotations

import random
import time
from datetime import date

import pytest

from onrecord.temporal import find_expressions, resolve

PUB = date(2024, 10, 15)


def _texts(text: str) -> list[str]:
    return [found for _, _, found in find_expressions(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Smith said on Monday.", ["on Monday"]),
    ("the minister said last week", ["last week"]),
    ("Earlier this year, the company said", ["Earlier this year"]),
    ("In August, officials said", ["In August"]),
    ("has argued since 2014 that", ["since 2014"]),
    ("she told reporters on Saturday", ["on Saturday"]),
    ("he said Monday night", ["Monday night"]),
    ("said late on Friday", ["late on Friday"]),
    ("told the BBC on Oct. 3, 2024, that", ["on Oct. 3, 2024"]),
    ("said on Monday, Oct. 7", ["on Monday, Oct. 7"]),
    ("wrote on 3 October 2024", ["on 3 October 2024"]),
    ("said in a statement Sept. 11", ["Sept. 11"]),
    ("posted 2024-10-03 on X", ["2024-10-03"]),
    ("said in March 2019", ["in March 2019"]),
    ("said two weeks ago", ["two weeks ago"]),
    ("said a week ago", ["a week ago"]),
    ("announced 10 days ago", ["10 days ago"]),
    ("said over the weekend", ["over the weekend"]),
    ("said this past weekend", ["this past weekend"]),
    ("said earlier today", ["earlier today"]),
    ("said yesterday afternoon", ["yesterday afternoon"]),
    ("said last night", ["last night"]),
    ("said in mid-October", ["in mid-October"]),
    ("said back in 2014", ["back in 2014"]),
    ("the Tuesday statement", ["Tuesday"]),
    ("said at Monday's meeting", ["at Monday"]),
    ("said on Monday and again on Wednesday", ["on Monday", "on Wednesday"]),
    ("said last month, and earlier this week", ["last month", "earlier this week"]),
])
def test_finds(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize("text", [
    "",
    "the spokesman said",
    "this may be true",            # modal, not the month
    "they will march on the capital",
    "Jan Smith said",               # a name
    "said in Jan",                  # lone abbreviation
    "2014 people were hurt",        # a bare number
    "in 1500 cases",                # outside 1800-2099
    "in the 1990s",
    "a weekend of talks",
    "weekend",
    "the mayday call",
    "monday2024",
])
def test_finds_nothing(text: str) -> None:
    assert _texts(text) == []


def test_known_false_positive_year_after_preposition() -> None:
    # A preposition plus a plausible year is taken as a year; the regexes cannot tell.
    assert _texts("in 2000 cases") == ["in 2000"]


def test_longest_match_wins() -> None:
    text = "said on Monday, Oct. 7, 2024, and earlier this year"
    assert find_expressions(text) == [
        (5, 28, "on Monday, Oct. 7, 2024"),
        (34, 51, "earlier this year"),
    ]


def test_spans_are_offsets_into_the_text() -> None:
    text = "Officials said on Saturday that talks begun in August would resume next week."
    for start, end, found in find_expressions(text):
        assert text[start:end] == found
    assert [f for _, _, f in find_expressions(text)] == ["on Saturday", "in August", "next week"]


def test_non_overlapping_and_ordered() -> None:
    text = ("On Monday, Oct. 7 and last week and in May 2019 and the day before yesterday "
            "and two weeks ago over the weekend since 2014 this Friday night")
    spans = find_expressions(text)
    assert spans == sorted(spans)
    for (_, end1, _), (start2, _, _) in zip(spans, spans[1:]):
        assert end1 <= start2


@pytest.mark.parametrize(("text", "value"), [
    ("said on Monday", "2024-10-14"),
    ("said last week", "2024-W41"),
    ("said on Saturday", "2024-10-12"),
    ("Earlier this year, he said", "2024"),
    ("In August, she said", "2024-08"),
    ("has said since 2014", "2014"),
    ("said on Oct. 3, 2024,", "2024-10-03"),
    ("said two weeks ago", "2024-W40"),
    ("said over the weekend", "2024-10-12"),
    ("said at Monday's meeting", "2024-10-14"),
])
def test_found_text_resolves(text: str, value: str) -> None:
    (_, _, found), = find_expressions(text)
    got = resolve(found, PUB)
    assert got is not None and got.value == value


def test_case_insensitive_except_ambiguous_months() -> None:
    assert _texts("SAID ON MONDAY LAST WEEK") == ["ON MONDAY", "LAST WEEK"]
    assert _texts("said in may") == []
    assert _texts("said in May") == ["in May"]


def test_garbage_never_raises() -> None:
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 .,-'\u2019\u00a0\nMOTWSJ"
    for _ in range(1000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        for start, end, found in find_expressions(text):
            assert 0 <= start < end <= len(text) and text[start:end] == found
    assert find_expressions(None) == []  # type: ignore[arg-type]
    assert find_expressions(42) == []  # type: ignore[arg-type]


def test_fast_on_long_text() -> None:
    text = ("The minister said on Monday that the deal, first proposed in 2014, would be "
            "signed next week, officials told reporters. ") * 500
    began = time.perf_counter()
    spans = find_expressions(text)
    assert len(spans) == 1500
    assert time.perf_counter() - began < 2.0
