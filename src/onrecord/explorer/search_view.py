"""The search page's extras: matched words marked in the results, facet values as links.

Marked text is built from character offsets: each piece of text is escaped on its own and the
only markup added is ``<mark>``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from markupsafe import Markup, escape

from onrecord.explorer.queries import Page

TITLES = {"speaker": "Speaker", "outlet": "Outlet", "bias": "Bias", "month": "Month",
          "cue_class": "Cue class", "modality": "Modality"}
MARKED_COLUMNS = ("content", "content2")


def marked(text: str | None, spans: Iterable[Iterable[int]]) -> Markup | str | None:
    """``text`` as escaped HTML with each (start, end) stretch in ``<mark>``; as is without spans."""
    pairs = sorted((int(s), int(e)) for s, e in spans)
    if not text or not pairs:
        return text
    out: list[str] = []
    pos = 0
    for start, end in pairs:
        if start < pos or end > len(text) or start >= end:
            continue  # overlapping or outside the text: left unmarked
        out += [str(escape(text[pos:start])), "<mark>", str(escape(text[start:end])), "</mark>"]
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def marked_page(page: Page, found: Mapping[int, tuple[list, list]]) -> Page:
    """``page`` with its content and content2 cells marked where the search words matched."""
    if not found:
        return page
    cols = page.columns
    at = cols.index("statement_id")
    part = {cols.index(c): k for k, c in enumerate(MARKED_COLUMNS) if c in cols}  # column -> spans index
    rows = []
    for r in page.rows:
        spans = found.get(r[at])
        if spans:
            r = tuple(marked(v, spans[part[i]]) if i in part else v for i, v in enumerate(r))
        rows.append(r)
    return replace(page, rows=rows)


def facet_links(facets: Mapping[str, Mapping[str, Any]], form: Mapping[str, Any],
                url: Callable[..., str], chosen: Mapping[str, Iterable[Any]] | None = None) -> list[dict[str, Any]]:
    """The facets as the page shows them: each value with the URL that adds its filter (this
    page's URL with the filter set, first page), whether it is the filter in use (``chosen``: the
    ids a speaker or outlet name stands for), and a link that drops the facet's filter when one is set."""
    picked = {k: {str(v) for v in vs} for k, vs in (chosen or {}).items()}

    def in_use(key: str, value: Any) -> bool:
        return str(value) in picked.get(key, {str(form.get(key) or "")})

    out = []
    for name, facet in facets.items():
        values, keys = [], set()
        for v in facet["values"]:
            narrow = v["filter"]
            keys |= set(narrow or ())
            active = bool(narrow) and all(in_use(k, x) for k, x in narrow.items())
            values.append({**v, "url": url(**narrow, offset=None) if narrow else None, "active": active})
        set_keys = [k for k in sorted(keys) if form.get(k)]
        out.append({"name": name, "title": TITLES.get(name, name), "values": values, "others": facet["others"],
                    "clear_url": url(**{k: None for k in set_keys}, offset=None) if set_keys else None})
    return out
