"""Date filters of the corpus queries: ``since``/``until`` as a day, a month or a year."""

from __future__ import annotations

import re
from datetime import date

from onrecord.store.errors import FilterError

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """(since, until) checked and comparable with stored ISO dates; ``until`` a month or year
    includes all of it. FilterError for anything else ("2013/01/01", "yesterday")."""
    out = []
    for name, value in (("since", since), ("until", until)):
        v = (value or "").strip() or None
        if v and not _valid(v):
            raise FilterError(f"--{name} must be a date like 2020-01-31 (or 2020-01, 2020), not {value!r}")
        out.append(v)
    low, high = out
    if high and len(high) < 10:
        high += "-99" if len(high) == 7 else "-99-99"
    if low and high and low > high:
        raise FilterError(f"--since ({low}) is after --until ({until}); swap them")
    return low, high


def is_date(value: str) -> bool:
    """A day, month or year that exists (2020-02-29, 2020-02, 2020; not 2021-02-29 or 2020-13)."""
    return _valid(value)


def _valid(value: str) -> bool:
    if not DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True
