"""Geometry for the server-drawn SVG charts: a speaker's timeline, a quote's spread across outlets,
an outlet's framing profile and the who-quotes-whom network.  Templates only place the shapes."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from onrecord.explorer.queries import ALL_CUE_CLASSES

CLASS_COLORS = {
    "neutral": "#8d8d8d", "assertive": "#1f77b4", "tentative": "#ff7f0e", "contested": "#d62728",
    "denial": "#9467bd", "confirmation": "#2ca02c", "report": "#17becf", "directive": "#8c564b",
    "evaluative": "#e377c2", "intent": "#bcbd22", "unknown": "#cfcfcf",
}
BIAS_COLORS = {"left": "#2b6cb0", "center": "#7b57c7", "right": "#c53030", None: "#777777"}


def class_color(cls: str | None) -> str:
    return CLASS_COLORS.get(cls or "unknown", "#cfcfcf")


def bias_color(bias: str | None) -> str:
    return BIAS_COLORS.get(bias, "#777777")


def _class_order(c: str) -> int:
    return ALL_CUE_CLASSES.index(c) if c in ALL_CUE_CLASSES else len(ALL_CUE_CLASSES)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# -- timeline --------------------------------------------------------------------------------------

@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    color: str
    label: str


@dataclass
class Column:
    href: str
    rects: list[Rect]


@dataclass
class Timeline:
    width: int
    height: int
    columns: list[Column] = field(default_factory=list)
    xticks: list[tuple[float, str]] = field(default_factory=list)
    yticks: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)
    plot: tuple[float, float, float, float] = (0, 0, 0, 0)  # left, top, right, bottom
    granularity: str = "month"
    total: int = 0
    undated: int = 0


def _bin_start(d: date, gran: str) -> date:
    if gran == "day":
        return d
    if gran == "month":
        return d.replace(day=1)
    return d.replace(month=1, day=1)


def _next_bin(d: date, gran: str) -> date:
    if gran == "day":
        return d + timedelta(days=1)
    if gran == "month":
        return date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return date(d.year + 1, 1, 1)


def _bin_label(d: date, gran: str) -> str:
    return d.isoformat() if gran == "day" else d.strftime("%Y-%m") if gran == "month" else str(d.year)


def _nice_max(v: int) -> int:
    if v <= 5:
        return max(v, 1)
    mag = 10 ** int(math.log10(v))
    for step in (1, 2, 2.5, 5, 10):
        if v <= step * mag:
            return int(step * mag)
    return v


def timeline(rows: Sequence[tuple[str | None, str | None, int]], href: Callable[[date, date], str], *,
             width: int = 860, height: int = 240, color: Callable[[str], str] = class_color,
             order: Callable[[str], int] = _class_order) -> Timeline:
    """Stacked bars of statements per day, month or year, coloured by cue class (or, with ``color``
    and ``order``, by any other class of the rows: (day, class, n))."""
    chart = Timeline(width, height)
    left, top, right, bottom = 44.0, 10.0, width - 10.0, height - 28.0
    chart.plot = (left, top, right, bottom)
    dated: list[tuple[date, str, int]] = []
    for published, cls, n in rows:
        d = _day(published)
        chart.total += int(n)
        if d is None:
            chart.undated += int(n)
        else:
            dated.append((d, cls or "unknown", int(n)))
    if not dated:
        return chart
    first, last = min(d for d, _, _ in dated), max(d for d, _, _ in dated)
    span = (last - first).days
    gran = "day" if span <= 92 else "month" if span <= 366 * 12 else "year"
    chart.granularity = gran
    bins: dict[date, dict[str, int]] = {}
    for d, cls, n in dated:
        b = bins.setdefault(_bin_start(d, gran), {})
        b[cls] = b.get(cls, 0) + n
    keys = []
    k = _bin_start(first, gran)
    while k <= last:
        keys.append(k)
        k = _next_bin(k, gran)
    ymax = _nice_max(max(sum(v.values()) for v in bins.values()))
    bw = (right - left) / len(keys)
    gap = min(2.0, bw * 0.15)
    classes: set[str] = set()
    for i, k in enumerate(keys):
        counts = bins.get(k)
        if not counts:
            continue
        x, y = left + i * bw, bottom
        total = sum(counts.values())
        rects = []
        for cls in sorted(counts, key=order):
            h = (bottom - top) * counts[cls] / ymax
            y -= h
            classes.add(cls)
            rects.append(Rect(round(x + gap / 2, 2), round(y, 2), round(max(bw - gap, 0.8), 2), round(h, 2),
                              color(cls), f"{_bin_label(k, gran)}: {counts[cls]} {cls} of {total}"))
        chart.columns.append(Column(href(k, _next_bin(k, gran) - timedelta(days=1)), rects))
    step = max(1, math.ceil(len(keys) / 10))
    chart.xticks = [(round(left + (i + 0.5) * bw, 2), _bin_label(k, gran)) for i, k in enumerate(keys)
                    if i % step == 0]
    chart.yticks = [(round(bottom - (bottom - top) * f, 2), str(round(ymax * f))) for f in (0, 0.5, 1)
                    if f == 0 or ymax * f == int(ymax * f)]
    chart.legend = [(c, color(c)) for c in sorted(classes, key=order)]
    return chart


# -- quote spread ----------------------------------------------------------------------------------

@dataclass
class Dot:
    x: float
    y: float
    r: float
    color: str
    href: str
    label: str
    first: bool = False


@dataclass
class Spread:
    width: int
    height: int
    lanes: list[tuple[float, str, str]] = field(default_factory=list)  # y, outlet, href
    dots: list[Dot] = field(default_factory=list)
    xticks: list[tuple[float, str]] = field(default_factory=list)
    plot: tuple[float, float, float, float] = (0, 0, 0, 0)
    undated: int = 0


def spread(points: Sequence[tuple], *, width: int = 860, max_lanes: int = 30) -> Spread:
    """One lane per outlet (first to carry the quote on top), a dot per appearance over time."""
    lanes: dict[Any, str] = {}
    lane_href: dict[Any, str] = {}
    for published, outlet_id, outlet, _bias, _aid in points:
        key = outlet_id if outlet_id is not None else outlet
        if key not in lanes and len(lanes) < max_lanes:
            lanes[key] = outlet or "unknown outlet"
            lane_href[key] = f"/outlets/{outlet_id}" if outlet_id is not None else ""
    lane_h = 22
    left, top, right = 210.0, 10.0, width - 20.0
    height = int(top + lane_h * max(len(lanes), 1) + 30)
    chart = Spread(width, height, plot=(left, top, right, top + lane_h * max(len(lanes), 1)))
    index = {k: i for i, k in enumerate(lanes)}
    chart.lanes = [(top + lane_h * (index[k] + 0.5), lanes[k], lane_href[k]) for k in lanes]
    days = [d for d in (_day(p[0]) for p in points) if d]
    if not days:
        chart.undated = len(points)
        return chart
    first, last = min(days), max(days)
    span = max((last - first).days, 1)

    def xpos(d: date) -> float:
        return left + (right - left) * ((d - first).days / span if last > first else 0.5)

    seen_first = False
    for published, outlet_id, outlet, bias, aid in points:
        d = _day(published)
        key = outlet_id if outlet_id is not None else outlet
        if d is None:
            chart.undated += 1
            continue
        if key not in index:
            continue
        is_first = not seen_first
        seen_first = True
        chart.dots.append(Dot(round(xpos(d), 2), top + lane_h * (index[key] + 0.5), 7 if is_first else 5,
                              bias_color(bias), f"/articles/{aid}",
                              f"{d.isoformat()} · {outlet or 'unknown outlet'} ({bias or 'no bias label'})"
                              + (" · first appearance" if is_first else ""), is_first))
    n_ticks = min(6, span + 1)
    chart.xticks = [(round(xpos(first + timedelta(days=round(span * i / max(n_ticks - 1, 1)))), 2),
                     (first + timedelta(days=round(span * i / max(n_ticks - 1, 1)))).isoformat())
                    for i in range(n_ticks)] if last > first else [(round(xpos(first), 2), first.isoformat())]
    return chart


# -- outlet profile --------------------------------------------------------------------------------

@dataclass
class Profile:
    width: int
    height: int
    groups: list[tuple[str, str]]  # name, colour
    rows: list[tuple[float, str, list[Rect]]]  # y, label, bars
    scale: list[tuple[float, str]]
    plot: tuple[float, float, float, float]


def profile(shares: dict[str, dict[str, float]], *, width: int = 860) -> Profile:
    """Grouped horizontal bars: for each cue class, its share in each group (outlet, corpus, ...)."""
    palette = ["#222222", "#9a9a9a", BIAS_COLORS["left"], BIAS_COLORS["center"], BIAS_COLORS["right"]]
    names = list(shares)
    groups = [(n, palette[i % len(palette)]) for i, n in enumerate(names)]
    classes = sorted({c for s in shares.values() for c in s}, key=_class_order)
    bar_h, gap = 6.0, 10.0
    row_h = bar_h * len(names) + gap
    left, top, right = 120.0, 8.0, width - 70.0
    vmax = max([v for s in shares.values() for v in s.values()] + [0.01])
    vmax = min(1.0, math.ceil(vmax * 10) / 10)
    rows = []
    for i, cls in enumerate(classes):
        y0 = top + i * row_h
        bars = []
        for j, (name, color) in enumerate(groups):
            v = shares[name].get(cls, 0.0)
            bars.append(Rect(left, y0 + j * bar_h, round((right - left) * v / vmax, 2), bar_h - 1, color,
                             f"{cls}: {v:.1%} of statements in {name}"))
        rows.append((y0 + row_h / 2 - gap / 2, cls, bars))
    bottom = top + len(classes) * row_h
    scale = [(round(left + (right - left) * f, 2), f"{vmax * f:.0%}") for f in (0, 0.25, 0.5, 0.75, 1)]
    return Profile(width, int(bottom + 24), groups, rows, scale, (left, top, right, bottom))


# -- network ---------------------------------------------------------------------------------------

@dataclass
class Node:
    id: str
    x: float
    y: float
    r: float
    name: str
    kind: str
    color: str
    href: str
    label: str


@dataclass
class Edge:
    path: str
    width: float
    type: str
    source: str
    target: str
    label: str


@dataclass
class Network:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]


def network(graph: dict[str, Any], *, width: int = 900) -> Network:
    """Outlets in a left column, speakers in a right one; quotes run across, citations and replies
    between speakers are arcs to the right of the speaker column."""
    outlets = [n for n in graph["nodes"] if n["kind"] == "outlet"]
    speakers = [n for n in graph["nodes"] if n["kind"] == "speaker"]
    rows = max(len(outlets), len(speakers), 1)
    step = 26.0
    height = int(step * rows + 30)
    ox, sx = 190.0, width - 330.0
    nodes: dict[str, Node] = {}
    wmax = max([n["weight"] for n in graph["nodes"]] + [1])
    for col, items, x in (("outlet", outlets, ox), ("speaker", speakers, sx)):
        off = (rows - len(items)) * step / 2
        for i, n in enumerate(items):
            r = 4 + 6 * math.sqrt(n["weight"] / wmax)
            color = bias_color(n.get("bias")) if col == "outlet" else "#333333"
            href = f"/outlets/{n['entity_id']}" if col == "outlet" else f"/speakers/{n['entity_id']}"
            nodes[n["id"]] = Node(n["id"], x, round(20 + off + i * step, 2), round(r, 2), n["name"], col,
                                  color, href, f"{n['name']}: {n['weight']} statements")
    emax = max([e["weight"] for e in graph["edges"]] + [1])
    edges = []
    for e in graph["edges"]:
        a, b = nodes.get(e["source"]), nodes.get(e["target"])
        if a is None or b is None:
            continue
        w = round(1 + 5 * math.sqrt(e["weight"] / emax), 2)
        if e["type"] == "quotes":
            mid = (a.x + b.x) / 2
            path = f"M{a.x + a.r},{a.y} C{mid},{a.y} {mid},{b.y} {b.x - b.r},{b.y}"
            label = f"{a.name} quotes {b.name}: {e['weight']}"
        else:
            bulge = 40 + abs(b.y - a.y) * 0.45
            path = f"M{a.x + a.r},{a.y} C{a.x + bulge},{a.y} {b.x + bulge},{b.y} {b.x + b.r},{b.y}"
            verb = "cites" if e["type"] == "cites" else "replies to"
            label = f"{a.name} {verb} {b.name}: {e['weight']}"
        edges.append(Edge(path, w, e["type"], a.id, b.id, label))
    return Network(width, height, list(nodes.values()), edges)
