"""The terminal view of query results (``said``, ``search``, ``spread``, ``outlets``, ``events`` …):
each result table fitted to the console (``render.fit``), JSON and CSV keep every column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from rich.console import Console

from onrecord.render.fit import Col, PipeConsole, fitted_table, print_fitted

EVIDENCE = ("resolution", "confidence", "antecedent")
JOIN = " … "

# how each known column behaves when the terminal is narrow: keep 0 stays at 80 columns
COLUMNS: dict[str, Col] = {c.name: c for c in (
    Col("published", 0, cap=10), Col("date", 0, cap=10), Col("first_date", 0, cap=10),
    Col("outlet", 0, cap=16), Col("speaker", 0, cap=18), Col("content", 0, long=True, minimum=30, ratio=4),
    Col("text", 0, long=True, minimum=30, ratio=4), Col("table", 0), Col("rows", 0),
    Col("type", 0, cap=12), Col("actors", 0, cap=18), Col("reason", 0), Col("n", 0, cap=6),
    Col("cue", 1, cap=12), Col("title", 1, long=True, ratio=2), Col("first_title", 2, long=True, ratio=2),
    Col("recipients", 1, cap=18), Col("statements", 1), Col("articles", 1), Col("trigger", 1),
    Col("n_reports", 1), Col("first_outlet", 1), Col("source", 1, long=True),
    Col("url", 2, long=True, ratio=1), Col("sentence", 2, long=True, ratio=3), Col("place", 2),
    Col("bias", 2, cap=6), Col("n_articles", 1), Col("n_outlets", 1), Col("first_published", 1, cap=10),
    Col("last_published", 2, cap=10), Col("group_reports", 2),
    Col("speaker_text", 3, cap=18), Col("cue_class", 3, cap=12), Col("kind", 3, cap=8), Col("modality", 3, cap=12),
    Col("resolved", 3, cap=12), Col("detail", 3, long=True), Col("example_detail", 3, long=True),
    Col("example_source", 3, long=True), Col("locator", 3, long=True), Col("resolved_by", 3, long=True),
)}


class Rows(Protocol):
    """A query result: ``onrecord.store.queries.Table``."""

    title: str
    columns: list[str]
    rows: list[tuple]


def terminal_columns(columns: Sequence[str], rows: Sequence[tuple], *, wide: bool = False
                     ) -> tuple[list[str], list[tuple]]:
    """The columns a terminal shows: content and content2 joined with " … ", resolution and
    confidence folded into "resolved" ("pronoun .60"), ``*_id`` columns left out unless ``wide``."""
    cols, rows = list(columns), [tuple(r) for r in rows]
    if "content" in cols and "content2" in cols:
        a, b = cols.index("content"), cols.index("content2")
        rows = [tuple(_joined(r[a], r[b]) if i == a else v for i, v in enumerate(r) if i != b) for r in rows]
        del cols[b]
    if all(c in cols for c in EVIDENCE):
        idx = [cols.index(c) for c in EVIDENCE]
        keep = [i for i in range(len(cols)) if i not in idx]
        rows = [(*(r[i] for i in keep), _resolved(*(r[i] for i in idx))) for r in rows]
        cols = [*(cols[i] for i in keep), "resolved"]
    if not wide and len(cols) > 3:
        keep = [i for i, c in enumerate(cols) if not c.endswith("_id")]
        cols, rows = [cols[i] for i in keep], [tuple(r[i] for i in keep) for r in rows]
    return cols, rows


def render_results(tables: Sequence[Rows], console: Console | None = None, *, wide: bool = False) -> None:
    """Print each result table fitted to the console (default: stdout; ``wide``: every column,
    cells wrapped)."""
    console = console or PipeConsole()
    for t in tables:
        cols, rows = terminal_columns(t.columns, t.rows, wide=wide)
        specs = [COLUMNS.get(c) or Col(c, 2, long=_looks_long(c, rows, i)) for i, c in enumerate(cols)]
        print_fitted(console, fitted_table(specs, [[_cell(v) for v in r] for r in rows], console.width,
                                           wide=wide, title=t.title))
        if not t.rows:
            console.print("  (no rows)")


def _joined(content: Any, content2: Any) -> Any:
    return JOIN.join(str(p) for p in (content, content2) if p) if content2 else content


def _resolved(method: Any, confidence: Any, _antecedent: Any) -> str:
    parts = (method, None if confidence is None else f"{confidence:.2f}".lstrip("0"))
    return " ".join(p for p in parts if p)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _looks_long(name: str, rows: Sequence[tuple], i: int) -> bool:
    return any(len(_cell(r[i])) > 40 for r in rows)
