"""Statement permalinks: ``/statements/{id}`` (the store's statement id, stable across runs of the
explorer), prefixed with ``--base-url`` when one is configured, never built from the Host header."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from onrecord.explorer.queries import Page

PATH = "/statements/{id}"


def permalink(request: Request, statement_id: int) -> str:
    """The statement's page: relative (``/statements/7``) unless the app has a base URL."""
    return f"{request.app.state.base_url}{PATH.format(id=statement_id)}"


def with_permalinks(request: Request, page: Page) -> Page:
    """``page`` with a ``permalink`` column after its rows' ``statement_id`` (unchanged without one)."""
    if "statement_id" not in page.columns or "permalink" in page.columns:
        return page
    at = page.columns.index("statement_id")
    rows = [(*r, permalink(request, r[at]) if r[at] is not None else None) for r in page.rows]
    return Page(page.title, [*page.columns, "permalink"], rows, page.total, page.limit, page.offset)


def add_permalink(request: Request, st: dict[str, Any], key: str = "id") -> dict[str, Any]:
    """A statement object with its ``permalink`` (its id under ``key``)."""
    return {**st, "permalink": permalink(request, st[key])}
