"""The speaker timeline's share chart: a bar a month, or a bar a year past ten years, each share
over all of the corpus's statements in that bar."""

from __future__ import annotations

from datetime import date

from onrecord.explorer.share_chart import MAX_MONTHS, by_year, share_timeline


def _href(start: date, end: date) -> str:
    return f"/s?since={start}&until={end}"


def test_a_bar_a_month_within_ten_years():
    rows = [("2020-01", "neutral", 2, 100, 0.02), ("2020-03", "neutral", 1, 50, 0.02)]
    chart = share_timeline(rows, _href, corpus={"2020-01": 100, "2020-02": 80, "2020-03": 50})
    assert chart.granularity == "month" and len(chart.columns) == 2
    assert chart.columns[0].href == "/s?since=2020-01-01&until=2020-01-31"


def test_past_ten_years_a_bar_a_year_with_the_year_s_corpus():
    corpus = {f"{y}-{m:02d}": 10 for y in range(2000, 2012) for m in range(1, 13)}
    rows = [("2000-01", "neutral", 3, 10, 0.3), ("2000-05", "neutral", 1, 10, 0.1),
            ("2011-12", "hedged", 6, 10, 0.6), ("", "neutral", 4, 0, None)]
    assert 12 * 12 > MAX_MONTHS
    yearly = by_year(rows, corpus)
    assert yearly[:2] == [("2000-01", "neutral", 4, 120, 4 / 120), ("2011-01", "hedged", 6, 120, 6 / 120)]
    chart = share_timeline(rows, _href, corpus=corpus)
    assert chart.granularity == "year" and len(chart.columns) == 2 and chart.undated == 4
    assert chart.columns[0].href == "/s?since=2000-01-01&until=2000-12-31"
    assert "of the corpus's 120 that year" in chart.columns[0].rects[0].label
    assert [label for _, label in chart.xticks][0] == "2000"
    assert share_timeline(rows, _href).granularity == "month"  # without the corpus's months: as before
