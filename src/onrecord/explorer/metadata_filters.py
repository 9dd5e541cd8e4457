"""Article-metadata filters shared by every statement list and the articles list: the AllSides
topic, an author (any byline, case and spacing ignored) and the outlet's section (schema 9)."""

from __future__ import annotations

from typing import Any, Protocol

from onrecord.sources.outlets import SECTIONS
from onrecord.store.db import Database
from onrecord.store.errors import FilterError
from onrecord.store.metadata import author_key


class HasMetadata(Protocol):
    topic: str | None
    author: str | None
    section: str | None


def checked(topic: str | None, author: str | None, section: str | None) -> dict[str, str | None]:
    """The three values stripped (empty as None); ``FilterError`` for a section not in the vocabulary."""
    topic, author = (topic or "").strip() or None, (author or "").strip() or None
    section = (section or "").strip().lower() or None
    if section and section not in SECTIONS:
        raise FilterError(f"section must be one of {', '.join(SECTIONS)}, not {section!r}")
    return {"topic": topic, "author": author, "section": section}


def article_conditions(f: HasMetadata, alias: str = "a") -> tuple[list[str], list[Any]]:
    """WHERE conditions (and their parameters) on the articles table ``alias``."""
    where: list[str] = []
    params: list[Any] = []
    if f.topic:
        where.append(f"{alias}.topic = ?")
        params.append(f.topic)
    if f.section:
        where.append(f"{alias}.outlet_section = ?")
        params.append(f.section)
    if f.author:
        where.append(f"EXISTS (SELECT 1 FROM article_authors au WHERE au.article_id = {alias}.id "
                     "AND au.name_key = ?)")
        params.append(author_key(f.author))
    return where, params


def uses_articles(f: HasMetadata) -> bool:
    return bool(f.topic or f.author or f.section)


def metadata_choices(db: Database) -> dict[str, list[tuple[str, int]]]:
    """Topics and sections present in the corpus, most articles first, for the filter menus."""
    out = {}
    for key, col in (("topics", "topic"), ("sections", "outlet_section")):
        out[key] = [(r[0], int(r[1])) for r in db.query(
            f"SELECT {col}, count(*) FROM articles WHERE {col} IS NOT NULL GROUP BY {col} ORDER BY 2 DESC, 1 LIMIT 500")]
    return out
