"""Publication dates to ISO 8601 (``YYYY-MM-DD``), or None when unusable."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
MIN_YEAR, MAX_YEAR = 1900, 2100


def normalise_date(value: object) -> str | None:
    """``2016-09-20``, ``2016-09-20T10:00:00Z``, ``9/20/16``, RFC 2822 -> ``2016-09-20``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _checked(value.date())
    if isinstance(value, date):
        return _checked(value)
    s = str(value).strip()
    if not s:
        return None
    if m := _ISO.match(s):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _US.match(s):
        year = int(m[3])
        if year < 100:
            year += 2000 if year < 70 else 1900
        return _make(year, int(m[1]), int(m[2]))
    try:
        return _checked(parsedate_to_datetime(s).date())
    except (TypeError, ValueError, IndexError):
        return None


def _make(y: int, m: int, d: int) -> str | None:
    try:
        return _checked(date(y, m, d))
    except ValueError:
        return None


def _checked(d: date) -> str | None:
    return d.isoformat() if MIN_YEAR <= d.year <= MAX_YEAR else None
