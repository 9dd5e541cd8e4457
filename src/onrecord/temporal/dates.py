"""Calendar arithmetic for the temporal rules (pure; may raise ValueError/OverflowError at the
edges of ``datetime.date``, which :func:`onrecord.temporal.resolve` turns into ``None``)."""

from __future__ import annotations

from datetime import date, timedelta

# How many years to look back/forward for a month-day that exists (Feb. 29).
_LEAP_SEARCH = 8


def iso_week(d: date) -> str:
    """ISO 8601 week of ``d``, e.g. ``2024-W41`` (the ISO year can differ from ``d.year``)."""
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def iso_month(year: int, month: int) -> str:
    """``YYYY-MM``."""
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    """(year, month) shifted by ``k`` months."""
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def week_monday(d: date, weeks: int = 0) -> date:
    """Monday of the ISO week of ``d``, shifted by ``weeks`` weeks."""
    return d - timedelta(days=d.weekday()) + timedelta(weeks=weeks)


def weekday_on_or_before(ref: date, weekday: int) -> date:
    """Most recent ``weekday`` (0=Monday) on or before ``ref``."""
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def weekday_on_or_after(ref: date, weekday: int) -> date:
    """Next ``weekday`` on or after ``ref``."""
    return ref + timedelta(days=(weekday - ref.weekday()) % 7)


def weekday_before(ref: date, weekday: int) -> date:
    """Most recent ``weekday`` strictly before ``ref``."""
    return ref - timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)


def weekday_after(ref: date, weekday: int) -> date:
    """Next ``weekday`` strictly after ``ref``."""
    return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)


def month_near(ref: date, month: int, shift: int | None, past: bool) -> tuple[int, int]:
    """The (year, month) of a bare month name relative to ``ref``.

    ``shift`` None: on or before the publication month if ``past``, else on or after;
    -1 ("last"): strictly before; +1 ("next"): strictly after; 0 ("this"): same year.
    """
    if shift == 0:
        return ref.year, month
    if shift is None:
        backward = past
        same_ok = True
    else:
        backward = shift < 0
        same_ok = False
    if backward:
        before = month < ref.month or (same_ok and month == ref.month)
        return (ref.year if before else ref.year - 1), month
    after = month > ref.month or (same_ok and month == ref.month)
    return (ref.year if after else ref.year + 1), month


def date_near(ref: date, month: int, day: int, past: bool) -> date | None:
    """Nearest existing month-day on or before ``ref`` (``past``) or on or after it."""
    step = -1 if past else 1
    for k in range(_LEAP_SEARCH + 1):
        try:
            candidate = date(ref.year + step * k, month, day)
        except ValueError:
            continue
        if (candidate <= ref) if past else (candidate >= ref):
            return candidate
    return None
