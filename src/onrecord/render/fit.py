"""Tables that fit the terminal: whole-word headers, one line per row, the essentials kept.

A table is a list of ``Col`` (how a column behaves when room is short) and rows of cells (text or
``rich.text.Text``). At the console's width the least important columns are dropped until every
kept column gets its minimum (its header's longest word, a short column's values up to ``cap``,
a long column ``LONG_MIN``); the room left goes to the short columns first, then to the long ones
by ``ratio``. Cells are cut with an ellipsis to one line. ``wide`` keeps every column, short ones
in full, and wraps long cells instead, widening the table past the console when that needs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

LONG_MIN = 12
SHORT_GROW = 24  # a short column grows to this before long columns get the rest
GAP = 2  # columns are separated by a padding space and the (blank) divider


@dataclass(frozen=True)
class Col:
    """A column: ``keep`` 0 is essential, higher numbers are dropped first (rightmost first among
    equals); ``long`` columns (content, titles, URLs) take the room left; ``ratio`` shares it."""

    name: str
    keep: int = 2
    long: bool = False
    cap: int = 16
    minimum: int = LONG_MIN
    ratio: int = 1

    @property
    def header(self) -> str:
        return self.name.replace("_", " ")


Cell = str | Text | None


def fitted_table(cols: Sequence[Col], rows: Sequence[Sequence[Cell]], width: int, *, wide: bool = False,
                 title: str | None = None, caption: str | None = None) -> Table:
    """A rich Table of ``rows`` that is at most ``width`` cells wide (unless ``wide`` needs more);
    a column empty in every row is left out unless ``wide``."""
    texts = [[_text(c, wide) for c in r] for r in rows]
    natural = [max([len(c.header)] + [t.cell_len for t in (r[i] for r in texts)]) for i, c in enumerate(cols)]
    minimum = [max(_header_min(c), min(n, c.minimum if c.long else n if wide else c.cap))
               for c, n in zip(cols, natural)]
    shown = list(range(len(cols)))
    if not wide:
        shown = [i for i in shown if not texts or any(r[i].plain for r in texts)] or shown  # nothing to show
        while len(shown) > 1 and _total(minimum, shown) > width:
            shown.remove(max(shown, key=lambda i: (cols[i].keep, i)))
    widths = _grow(cols, shown, natural, minimum, max(width, _total(minimum, shown)))
    table = Table(title=title, caption=caption, title_justify="left", caption_justify="left",
                  box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0),
                  width=sum(widths[i] for i in shown) + GAP * (len(shown) - 1) if wide else None)
    for i in shown:
        wraps = wide and cols[i].long
        table.add_column(Text(cols[i].header, style="bold", no_wrap=False, overflow="fold"), width=widths[i],
                         no_wrap=not wraps, overflow="fold" if wraps else "ellipsis")
    for r in texts:
        table.add_row(*(r[i] for i in shown))
    return table


class PipeConsole(Console):
    """A Console that leaves a closed pipe (``| head``) to the CLI's entry point, where every
    command ends the same quiet way (rich would exit with status 1 by itself)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def print_fitted(console: Console, table: Table) -> None:
    """Print a fitted table; a ``wide`` one wider than the console is not cropped."""
    console.print(table, crop=table.width is None or table.width <= console.width)


def _text(cell: Cell, wide: bool) -> Text:
    text = cell.copy() if isinstance(cell, Text) else Text("" if cell is None else str(cell))
    if not wide:
        text = Text(" ").join(text.split("\n"))  # one line per row
        text.no_wrap, text.overflow = True, "ellipsis"
    else:
        text.no_wrap, text.overflow = False, "fold"
    return text


def _header_min(col: Col) -> int:
    return max((len(w) for w in col.header.split()), default=1)


def _total(widths: Sequence[int], shown: Sequence[int]) -> int:
    return sum(widths[i] for i in shown) + GAP * (len(shown) - 1)


def _grow(cols: Sequence[Col], shown: list[int], natural: list[int], minimum: list[int], width: int) -> list[int]:
    """Minimum widths, then short columns up to SHORT_GROW, long columns by ratio, short ones in full."""
    widths = list(minimum)
    spare = width - _total(widths, shown)
    for i in sorted((i for i in shown if not cols[i].long), key=lambda i: (cols[i].keep, i)):
        add = max(0, min(spare, min(natural[i], max(SHORT_GROW, minimum[i])) - widths[i]))
        widths[i] += add
        spare -= add
    longs = [i for i in shown if cols[i].long]
    while spare > 0 and any(widths[i] < natural[i] for i in longs):
        hungry = [i for i in longs if widths[i] < natural[i]]
        share = sum(cols[i].ratio for i in hungry)
        given = 0
        for i in hungry:
            add = min(natural[i] - widths[i], max(1, spare * cols[i].ratio // share), spare - given)
            widths[i] += add
            given += add
        spare -= given
        if not given:
            break
    for i in shown:
        if not cols[i].long and spare > 0:
            add = min(spare, natural[i] - widths[i])
            widths[i] += add
            spare -= add
    return widths
