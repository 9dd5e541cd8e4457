"""since/until filters: ISO days, months and years; anything else is refused with advice."""

import pytest

from onrecord.store.date_filters import date_bounds
from onrecord.store.errors import FilterError


def test_days_months_and_years():
    assert date_bounds("2013-01-01", "2013-02-28") == ("2013-01-01", "2013-02-28")
    assert date_bounds("2013-01", "2013-02") == ("2013-01", "2013-02-99")  # all of February
    assert date_bounds(None, "2013") == (None, "2013-99-99")
    assert date_bounds(" ", "") == (None, None)


@pytest.mark.parametrize("bad", ["2013/01/01", "yesterday", "2013-13", "2013-02-30", "13-01-01"])
def test_anything_else_is_refused_saying_what_to_write(bad):
    with pytest.raises(FilterError, match="--since must be a date like 2020-01-31"):
        date_bounds(bad, None)
