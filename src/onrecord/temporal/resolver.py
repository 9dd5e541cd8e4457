"""Resolve one English time expression against a publication date.

Each rule is a regex over the expression's core (after optional framing words such as
"on", "since", "earlier", "back in", "mid-") and a small handler that computes the value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from onrecord.records import Granularity, TimeRef
from onrecord.temporal import dates
from onrecord.temporal.vocabulary import (
    DAY, DEICTIC, MONTH, NUMBER, PART, PREFIX, SHIFT, UNIT, VOCAB, WEEKDAY, YEAR,
)

_MAX_EXPRESSION = 120


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved time: ISO 8601 ``value`` at ``granularity``.

    day ``2024-10-14``; week ``2024-W41``; month ``2024-08``; year ``2014``.
    """

    value: str
    granularity: Granularity


Handler = Callable[[re.Match[str], date | None, bool], Resolved | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern for an expression core and the handler that resolves it.

    ``findable``: used by :func:`find_expressions`; ``needs_context``: when finding, a lone
    core word is skipped ("May", "2014", "weekend") but "in May", "last May" are kept.
    """

    name: str
    core: str
    handler: Handler
    findable: bool = True
    needs_context: bool = False


# --- value builders ---------------------------------------------------------------------

def _day(d: date) -> Resolved:
    return Resolved(d.isoformat(), "day")


def _week(d: date) -> Resolved:
    return Resolved(dates.iso_week(d), "week")


def _month(year: int, month: int) -> Resolved:
    return Resolved(dates.iso_month(year, month), "month")


def _year(year: int) -> Resolved:
    date(year, 1, 1)  # raises ValueError outside datetime's range
    return Resolved(f"{year:04d}", "year")


# --- group readers ----------------------------------------------------------------------

def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _month_of(m: re.Match[str]) -> int:
    return VOCAB.months[_words(m.group("month"))]


def _shift_of(m: re.Match[str]) -> int | None:
    shift = m.group("shift")
    return None if shift is None else VOCAB.shifts[_words(shift)]


def _number_of(m: re.Match[str]) -> int:
    text = _words(m.group("number"))
    return int(text) if text.isdigit() else VOCAB.numbers[text]


# --- handlers ---------------------------------------------------------------------------

def _iso_date(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    return _day(date(int(m.group("year")), int(m.group("mon")), int(m.group("day"))))


def _iso_week(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    return _week(date.fromisocalendar(int(m.group("year")), int(m.group("week")), 1))


def _iso_month(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    return _valid_month(int(m.group("year")), int(m.group("mon")))


def _valid_month(year: int, month: int) -> Resolved:
    date(year, month, 1)  # validates
    return _month(year, month)


def _month_day(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    month, day = _month_of(m), int(m.group("day"))
    if m.group("year"):
        return _day(date(int(m.group("year")), month, day))
    if ref is None:
        return None
    found = dates.date_near(ref, month, day, past)
    return _day(found) if found else None


def _month_year(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    return _valid_month(int(m.group("year")), _month_of(m))


def _bare_month(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    if ref is None:
        return None
    return _month(*dates.month_near(ref, _month_of(m), _shift_of(m), past))


def _bare_year(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    return _year(int(m.group("year")))


def _deictic(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    if ref is None:
        return None
    return _day(ref + timedelta(days=VOCAB.day_offsets[_words(m.group("deictic"))]))


def _weekday_of(ref: date, weekday: int, shift: int | None, past: bool) -> date:
    if shift is None:
        pick = dates.weekday_on_or_before if past else dates.weekday_on_or_after
        return pick(ref, weekday)
    if shift == 0:
        return dates.week_monday(ref) + timedelta(days=weekday)
    return (dates.weekday_before if shift < 0 else dates.weekday_after)(ref, weekday)


def _weekday(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    if ref is None:
        return None
    return _day(_weekday_of(ref, VOCAB.weekdays[m.group("weekday").lower()], _shift_of(m), past))


def _weekend(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    if ref is None:
        return None
    saturday, shift = VOCAB.weekend_day, _shift_of(m)
    if shift is None and past:
        return _day(dates.weekday_on_or_before(ref, saturday))
    return _day(dates.week_monday(ref, shift or 0) + timedelta(days=saturday))


def _shifted_unit(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    if ref is None:
        return None
    return _offset(ref, m.group("unit").lower(), _shift_of(m) or 0)


def _ago(m: re.Match[str], ref: date | None, past: bool) -> Resolved | None:
    if ref is None:
        return None
    return _offset(ref, m.group("unit").lower(), -_number_of(m))


def _offset(ref: date, unit: str, k: int) -> Resolved | None:
    """``ref`` moved by ``k`` units, at that unit's granularity."""
    if unit == "day":
        return _day(ref + timedelta(days=k))
    if unit == "week":
        return _week(ref + timedelta(weeks=k))
    if unit == "month":
        return _month(*dates.add_months(ref.year, ref.month, k))
    if unit == "year":
        return _year(ref.year + k)
    return None


# --- the rules, most specific first -----------------------------------------------------

_LEAD_WEEKDAY = rf"(?:{WEEKDAY},?\s+)?"

RULES: tuple[Rule, ...] = (
    Rule("iso_date", r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})\b", _iso_date),
    Rule("iso_week", r"(?P<year>\d{4})-?w(?P<week>\d{1,2})\b", _iso_week),
    Rule("iso_month", r"(?P<year>\d{4})-(?P<mon>\d{2})\b", _iso_month, findable=False),
    Rule("month_day", rf"{_LEAD_WEEKDAY}{MONTH}\s*{DAY}(?:,?\s+{YEAR})?", _month_day),
    Rule("day_month", rf"{_LEAD_WEEKDAY}(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?",
         _month_day),
    Rule("month_year", rf"{MONTH},?\s+{YEAR}", _month_year),
    Rule("month", rf"(?:{SHIFT}\s+)?{MONTH}", _bare_month, needs_context=True),
    Rule("year", YEAR, _bare_year, needs_context=True),
    Rule("deictic", rf"{DEICTIC}\b{PART}", _deictic),
    Rule("weekday", rf"(?:{SHIFT}\s+)?{WEEKDAY}{PART}", _weekday),
    Rule("weekend", rf"(?:{SHIFT}\s+|the\s+)?weekend\b", _weekend, needs_context=True),
    Rule("unit", rf"{SHIFT}\s+{UNIT}\b", _shifted_unit),
    Rule("ago", rf"{NUMBER}\s+{UNIT}s?\s+ago\b", _ago),
)

_FULL: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(rf"{PREFIX}(?P<core>{rule.core})", re.IGNORECASE), rule.handler)
    for rule in RULES
)
_TRIM = " \t\r\n\"'()[]{}.,;:!?\u201c\u201d\u2018\u2019"
_POSSESSIVE = re.compile(r"['\u2019]s$")


# --- public -----------------------------------------------------------------------------

def normalize(expression: str) -> str:
    """Collapse whitespace; drop surrounding punctuation and a trailing possessive 's."""
    text = " ".join(expression.split()).strip(_TRIM)
    return _POSSESSIVE.sub("", text).strip(_TRIM)


def parse_published(value: date | datetime | str | None) -> date | None:
    """A publication date from a date, datetime or ISO 8601 string; None if unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    return None


def resolve(expression: str, published: date | str | None, *,
            past: bool = True) -> Resolved | None:
    """Resolve ``expression`` against the publication date ``published``.

    ``past``: the expression refers to the past (reported speech), so bare weekdays, months
    and month-days resolve to the latest such date on or before publication; otherwise to
    the earliest on or after it.  Absolute expressions resolve without ``published``
    (a date, datetime or ISO 8601 string; see :func:`parse_published`).
    Returns None when the expression is not understood; never raises.
    """
    if not isinstance(expression, str) or len(expression) > _MAX_EXPRESSION:
        return None
    text = normalize(expression)
    ref = parse_published(published)
    for pattern, handler in _FULL:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        try:
            return handler(m, ref, bool(past))
        except (ValueError, OverflowError, KeyError):
            # bad calendar values, dates beyond 1..9999, or an IGNORECASE match whose text is
            # not a lexicon key (e.g. the long s in "\u017fept")
            return None
    return None


def time_ref(text: str, published: date | str | None, *, past: bool = True,
             start: int = -1, end: int = -1) -> TimeRef:
    """A :class:`~onrecord.records.TimeRef` for ``text`` (value None when unresolved)."""
    found = resolve(text, published, past=past)
    return TimeRef(text, found.value if found else None, found.granularity if found else None,
                   start, end)
