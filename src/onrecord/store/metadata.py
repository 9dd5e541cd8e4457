"""Article metadata beyond the ``articles`` row (schema 9): bylines in ``article_authors``, and the
canonical outlets with the sections their articles came from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from onrecord.sources.outlets import name_key
from onrecord.store.db import Database

if TYPE_CHECKING:
    from onrecord.store.queries import Table


def store_authors(db: Database, article_id: int, authors: Sequence[str]) -> None:
    """The article's bylines, in order (the same name twice is stored once)."""
    seen: dict[str, str] = {}
    for name in authors:
        seen.setdefault(name_key(name), name)
    db.executemany("INSERT INTO article_authors (article_id, position, name, name_key) VALUES (?, ?, ?, ?)",
                   [(article_id, i, name, key) for i, (key, name) in enumerate(seen.items())])


def author_key(name: str) -> str:
    """What the author filter compares with ``article_authors.name_key``."""
    return name_key(name)


def section_counts(db: Database, *, outlet: str | None = None) -> dict[str, dict[str, int]]:
    """Per canonical outlet (``articles.outlet``), its articles by section ('' for none)."""
    where, params = ("WHERE outlet = ?", [outlet]) if outlet else ("", [])
    out: dict[str, dict[str, int]] = {}
    for name, section, n in db.query(
            f"SELECT outlet, coalesce(outlet_section, ''), count(*) FROM articles {where} "
            "GROUP BY outlet, coalesce(outlet_section, '') ORDER BY 1, 3 DESC", params):
        out.setdefault(name or "", {})[section] = int(n)
    return out


def raw_names(db: Database) -> dict[str, list[str]]:
    """Per canonical outlet, the raw names its articles were filed under."""
    out: dict[str, list[str]] = {}
    for name, raw in db.query("SELECT DISTINCT outlet, outlet_raw FROM articles WHERE outlet_raw IS NOT NULL "
                              "ORDER BY 1, 2"):
        if raw != name:
            out.setdefault(name or "", []).append(raw)
    return out


def with_sections(db: Database, table: Table) -> Table:
    """An outlets table (an ``outlet`` column of entity names) with each outlet's articles by section
    (``online 2,905, editorial 87``) and the raw names they were filed under (``filed_as``)."""
    from onrecord.store.queries import Table

    sections: dict[str, list[str]] = {}
    for name, section, n in db.query(
            "SELECT o.name, coalesce(a.outlet_section, ''), count(*) FROM articles a "
            "JOIN entities o ON o.id = a.outlet_id GROUP BY o.name, coalesce(a.outlet_section, '') "
            "ORDER BY 1, 3 DESC, 2"):
        sections.setdefault(name, []).append(f"{section or 'unsectioned'} {int(n):,}")
    filed: dict[str, list[str]] = {}
    for name, raw in db.query("SELECT DISTINCT o.name, a.outlet_raw FROM articles a JOIN entities o "
                              "ON o.id = a.outlet_id WHERE a.outlet_raw IS NOT NULL ORDER BY 1, 2"):
        if raw != name:
            filed.setdefault(name, []).append(raw)
    at = table.columns.index("outlet")
    rows = [(*r, ", ".join(sections.get(r[at], [])), "; ".join(filed.get(r[at], []))) for r in table.rows]
    return Table(table.title, [*table.columns, "sections", "filed_as"], rows)
