"""The speaker timeline as shares: per month, the speaker's share of all the corpus's statements,
stacked by cue class; every bar's title gives the raw counts."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from onrecord.explorer.charts import Column, Rect, Timeline, _class_order, _next_bin, class_color

Row = tuple[str, str, int, int, float | None]
MAX_MONTHS = 120  # past ten years of months, one bar a year (bars stay wider than a few pixels)


def nice_ceiling(v: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten at or above ``v`` (> 0)."""
    mag = 10 ** math.floor(math.log10(v))
    return next(step * mag for step in (1, 2, 2.5, 5, 10) if v <= step * mag * (1 + 1e-9))


def percent(v: float) -> str:
    """0.0123 -> '1.23%', 0.25 -> '25%' (as few digits as tell them apart)."""
    p = v * 100
    return f"{p:.0f}%" if p >= 10 or p == int(p) else f"{p:.2g}%" if p >= 0.1 else f"{p:.1g}%"


def _month(value: str) -> date | None:
    try:
        return date.fromisoformat(f"{value[:7]}-01")
    except (TypeError, ValueError):
        return None


def _bins(rows: Sequence[Row]) -> tuple[dict[date, dict[str, tuple[int, float]]], dict[date, int], int]:
    """Month -> class -> (statements, share); month -> corpus total; statements in no month."""
    bins: dict[date, dict[str, tuple[int, float]]] = {}
    totals: dict[date, int] = {}
    undated = 0
    for month, cls, n, total, share in rows:
        d = _month(month)
        if d is None or share is None:
            undated += n
            continue
        bins.setdefault(d, {})[cls or "unknown"] = (n, share)
        totals[d] = total
    return bins, totals, undated


def share_timeline(rows: Sequence[Row], href: Callable[[date, date], str], *, width: int = 860,
                   height: int = 240, corpus: Mapping[str, int] | None = None) -> Timeline:
    """Stacked bars of the speaker's share of the corpus per month (rows from
    ``share_queries.speaker_month_shares``), coloured by cue class; with the corpus's statements
    per month (``corpus``), a span of over ``MAX_MONTHS`` months is drawn a bar a year."""
    gran = "month"
    if corpus is not None and _span_months(rows) > MAX_MONTHS:
        rows, gran = by_year(rows, corpus), "year"
    chart = Timeline(width, height, granularity=gran)
    left, top, right, bottom = 52.0, 10.0, width - 10.0, height - 28.0
    chart.plot = (left, top, right, bottom)
    bins, totals, chart.undated = _bins(rows)
    chart.total = sum(n for _, _, n, _, _ in rows)
    if not bins:
        return chart
    keys, k = [], min(bins)
    while k <= max(bins):
        keys.append(k)
        k = _next_bin(k, gran)
    ymax = nice_ceiling(max(sum(s for _, s in v.values()) for v in bins.values()) or 1e-9)
    bw = (right - left) / len(keys)
    gap = min(2.0, bw * 0.15)
    classes: set[str] = set()
    for i, k in enumerate(keys):
        if k in bins:
            chart.columns.append(_column(k, bins[k], totals[k], left + i * bw, bw, gap, (top, bottom), ymax, href,
                                         gran))
            classes.update(bins[k])
    step = max(1, math.ceil(len(keys) / 10))
    tick = "%Y-%m" if gran == "month" else "%Y"
    chart.xticks = [(round(left + (i + 0.5) * bw, 2), k.strftime(tick)) for i, k in enumerate(keys) if i % step == 0]
    chart.yticks = [(round(bottom - (bottom - top) * f, 2), percent(ymax * f)) for f in (0, 0.5, 1)]
    chart.legend = [(c, class_color(c)) for c in sorted(classes, key=_class_order)]
    return chart


def _column(k: date, counts: dict[str, tuple[int, float]], total: int, x: float, bw: float, gap: float,
            span: tuple[float, float], ymax: float, href: Callable[[date, date], str], gran: str) -> Column:
    top, bottom = span
    mine = sum(n for n, _ in counts.values())
    share = sum(s for _, s in counts.values())
    y, rects = bottom, []
    for cls in sorted(counts, key=_class_order):
        n, s = counts[cls]
        h = (bottom - top) * s / ymax
        y -= h
        when, unit = (f"{k:%Y-%m}", "month") if gran == "month" else (str(k.year), "year")
        label = (f"{when}: {n} {cls} of {mine} statements by them, {percent(share)} of the corpus's "
                 f"{total:,} that {unit}")
        rects.append(Rect(round(x + gap / 2, 2), round(y, 2), round(max(bw - gap, 0.8), 2), round(h, 2),
                          class_color(cls), label))
    return Column(href(k, _next_bin(k, gran) - timedelta(days=1)), rects)


def _span_months(rows: Sequence[Row]) -> int:
    months = [d for d in (_month(r[0]) for r in rows) if d is not None]
    if not months:
        return 0
    first, last = min(months), max(months)
    return (last.year - first.year) * 12 + last.month - first.month + 1


def by_year(rows: Sequence[Row], corpus: Mapping[str, int]) -> list[Row]:
    """Month rows summed per year and cue class, each share over the corpus's statements that
    year (every month of it, not only those the speaker was quoted in)."""
    year_totals: dict[str, int] = {}
    for month, n in corpus.items():
        year_totals[month[:4]] = year_totals.get(month[:4], 0) + int(n)
    mine: dict[tuple[str, str], int] = {}
    undated = []
    for month, cls, n, total, share in rows:
        if _month(month) is None or share is None:
            undated.append((month, cls, n, total, share))
            continue
        mine[(month[:4], cls)] = mine.get((month[:4], cls), 0) + n
    out: list[Row] = [(f"{y}-01", cls, n, year_totals.get(y, 0), n / year_totals[y] if year_totals.get(y) else None)
                      for (y, cls), n in sorted(mine.items())]
    return out + undated
