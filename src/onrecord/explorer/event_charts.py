"""The events timeline: ``charts.timeline``'s stacked bars, coloured by PLOVER quad class."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from onrecord.explorer import charts
from onrecord.store.event_groups import QUAD_CLASSES

QUAD_COLORS = {"verbal cooperation": "#74c476", "material cooperation": "#238b45",
               "verbal conflict": "#fd8d3c", "material conflict": "#cb181d", "unknown": "#cfcfcf"}


def quad_color(quad: str | None) -> str:
    return QUAD_COLORS.get(quad or "unknown", QUAD_COLORS["unknown"])


def quad_slug(quad: str | None) -> str:
    """A CSS class suffix for a quad class: ``verbal-conflict`` (``unknown`` for anything else)."""
    return quad.replace(" ", "-") if quad in QUAD_CLASSES else "unknown"


def _quad_order(quad: str) -> int:
    return QUAD_CLASSES.index(quad) if quad in QUAD_CLASSES else len(QUAD_CLASSES)


def timeline(rows: Sequence[tuple[str | None, str | None, int]], href: Callable[[date, date], str], *,
             width: int = 860, height: int = 220) -> charts.Timeline:
    """Events per day, month or year from (day, quad class, events) rows; each bar links to ``href``
    of its first and last day."""
    return charts.timeline(rows, href, width=width, height=height, color=quad_color, order=_quad_order)
