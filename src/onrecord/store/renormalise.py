"""Apply today's outlet normalisation (``onrecord.sources.outlets``: ``lexicons/outlet_names.tsv``,
``outlet_domains.tsv``) to a corpus stored before it, or before the lexicons last changed: each
article's and copy's outlet as given (``outlet_raw``) is mapped again to its canonical outlet,
section and, for a columnist filed as an outlet, its first author.  Re-running changes nothing."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from onrecord.sources.model import DocMeta
from onrecord.sources.outlets import OutletTable, name_key, normalise_meta, outlet_table
from onrecord.store.db import Database
from onrecord.store.entities import EntityResolver
from onrecord.store.metadata import store_authors
from onrecord.store.normalise import copy_key, occurrence

__all__ = ["RenormaliseSummary", "renormalise_outlets"]


@dataclass
class RenormaliseSummary:
    articles: int = 0  # articles whose outlet, section or authors changed
    copies: int = 0  # copies whose outlet or section changed
    merged_copies: int = 0  # copies that became the same copy as another (one kept)
    outlets_before: int = 0
    outlets_after: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def _meta(raw: str | None, url: str | None, meta: str | dict | None, authors: tuple[str, ...]) -> DocMeta:
    """The stored metadata as the normaliser reads it (``meta``: JSON text, or JSONB's dict)."""
    extra = meta
    if isinstance(meta, str):
        try:
            extra = json.loads(meta)
        except ValueError:
            extra = None
    return DocMeta(outlet=raw, url=url, extra=extra if isinstance(extra, dict) else {}, authors=authors)


def _authors(db: Database, article_id: int) -> tuple[str, ...]:
    return tuple(r[0] for r in db.query("SELECT name FROM article_authors WHERE article_id = ? ORDER BY position",
                                        (article_id,)))


def _outlet_count(db: Database) -> int:
    return int(db.scalar("SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"))


def renormalise_outlets(db: Database, table: OutletTable | None = None) -> RenormaliseSummary:
    """Re-map every article's and copy's outlet in one transaction; returns what changed."""
    table = table or outlet_table()
    out = RenormaliseSummary(outlets_before=_outlet_count(db))
    resolver = EntityResolver(db)
    with db.transaction():
        resolver.sync()
        for aid, raw, outlet, section, url, meta_json in db.query(
                "SELECT id, outlet_raw, outlet, outlet_section, url, meta FROM articles WHERE outlet_raw IS NOT NULL"):
            authors = _authors(db, aid)
            new = normalise_meta(_meta(raw, url, meta_json, authors), table)
            moved = (new.outlet, new.section) != (outlet, section)
            if moved:
                db.execute("UPDATE articles SET outlet = ?, outlet_id = ?, outlet_section = ? WHERE id = ?",
                           (new.outlet, resolver.resolve(new.outlet, "media", origin="outlet"), new.section, aid))
            bylines = [name_key(a) for a in new.authors] != [name_key(a) for a in authors]
            if bylines:
                db.execute("DELETE FROM article_authors WHERE article_id = ?", (aid,))
                store_authors(db, aid, new.authors)
            out.articles += moved or bylines
        _copies(db, table, resolver, out)
        resolver.settle()
    out.outlets_after = _outlet_count(db)
    return out


def _copies(db: Database, table: OutletTable, resolver: EntityResolver, out: RenormaliseSummary) -> None:
    seen: set[str] = set(r[0] for r in db.query("SELECT copy_key FROM copies"))
    for cid, key, raw, outlet, section, url, meta_json, published, chash, a_outlet, a_published in db.query(
            "SELECT c.id, c.copy_key, c.outlet_raw, c.outlet, c.outlet_section, c.url, c.meta, c.published, "
            "a.content_hash, a.outlet, a.published FROM copies c JOIN articles a ON a.id = c.article_id "
            "WHERE c.outlet_raw IS NOT NULL ORDER BY c.id"):
        new = normalise_meta(_meta(raw, url, meta_json, ()), table)
        if (new.outlet, new.section) == (outlet, section):
            continue
        new_key = copy_key(chash, new.outlet, published)
        seen.discard(key)
        same_as_article = occurrence(new.outlet, published) == occurrence(a_outlet, a_published)
        if new_key in seen or same_as_article:  # two names of one outlet: the same appearance twice
            db.execute("DELETE FROM copies WHERE id = ?", (cid,))
            out.merged_copies += 1
            continue
        seen.add(new_key)
        db.execute("UPDATE copies SET copy_key = ?, outlet = ?, outlet_id = ?, outlet_section = ? WHERE id = ?",
                   (new_key, new.outlet, resolver.resolve(new.outlet, "media", origin="outlet"), new.section, cid))
        out.copies += 1
