"""The speaker timeline as shares: per month, the speaker's share of all the corpus's statements,
stacked by cue class; every bar's title gives the raw counts."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from onrecord.explorer.charts import Column, Rect, Timeline, _class_order, _next_bin, class_color

Row = tuple[str, str, int, int, float | None]


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
                   height: int = 240) -> Timeline:
    """Stacked bars of the speaker's share of the corpus per month (rows from
    ``share_queries.speaker_month_shares``), coloured by cue class."""
    chart = Timeline(width, height, granularity="month")
    left, top, right, bottom = 52.0, 10.0, width - 10.0, height - 28.0
    chart.plot = (left, top, right, bottom)
    bins, totals, chart.undated = _bins(rows)
    chart.total = sum(n for _, _, n, _, _ in rows)
    if not bins:
        return chart
    keys, k = [], min(bins)
    while k <= max(bins):
        keys.append(k)
        k = _next_bin(k, "month")
    ymax = nice_ceiling(max(sum(s for _, s in v.values()) for v in bins.values()) or 1e-9)
    bw = (right - left) / len(keys)
    gap = min(2.0, bw * 0.15)
    classes: set[str] = set()
    for i, k in enumerate(keys):
        if k in bins:
            chart.columns.append(_column(k, bins[k], totals[k], left + i * bw, bw, gap, (top, bottom), ymax, href))
            classes.update(bins[k])
    step = max(1, math.ceil(len(keys) / 10))
    chart.xticks = [(round(left + (i + 0.5) * bw, 2), k.strftime("%Y-%m")) for i, k in enumerate(keys) if i % step == 0]
    chart.yticks = [(round(bottom - (bottom - top) * f, 2), percent(ymax * f)) for f in (0, 0.5, 1)]
    chart.legend = [(c, class_color(c)) for c in sorted(classes, key=_class_order)]
    return chart


def _column(k: date, counts: dict[str, tuple[int, float]], total: int, x: float, bw: float, gap: float,
            span: tuple[float, float], ymax: float, href: Callable[[date, date], str]) -> Column:
    top, bottom = span
    mine = sum(n for n, _ in counts.values())
    share = sum(s for _, s in counts.values())
    y, rects = bottom, []
    for cls in sorted(counts, key=_class_order):
        n, s = counts[cls]
        h = (bottom - top) * s / ymax
        y -= h
        label = (f"{k:%Y-%m}: {n} {cls} of {mine} statements by them, {percent(share)} of the corpus's "
                 f"{total:,} that month")
        rects.append(Rect(round(x + gap / 2, 2), round(y, 2), round(max(bw - gap, 0.8), 2), round(h, 2),
                          class_color(cls), label))
    return Column(href(k, _next_bin(k, "month") - timedelta(days=1)), rects)
