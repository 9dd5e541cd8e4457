"""Syndicated copies: an article text seen again under another outlet or date.

The text and its statements are stored once; each copy is a row of ``copies`` pointing at
the article, with its own outlet, date, title and URL, which spread and outlet statistics
count (``article_occurrences``).  The same text with the same outlet and date is a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone

from onrecord.sources import DocMeta, RawDoc
from onrecord.store.db import Database
from onrecord.store.entities import EntityResolver
from onrecord.store.normalise import copy_key, occurrence
from onrecord.store.sanitise import clean_text, json_text


@dataclass(frozen=True, slots=True)
class CopyItem:
    """A text input whose text is already known: a copy (or a duplicate), stored without extraction."""

    content_hash: str
    source: str
    locator: str
    meta: DocMeta

    @classmethod
    def of(cls, content_hash: str, doc: RawDoc) -> "CopyItem":
        return cls(content_hash, doc.source, doc.locator, doc.meta)  # the text itself is not kept


def clean_meta(m: DocMeta) -> DocMeta:
    """Metadata the database accepts (see ``sanitise``)."""
    return replace(m, ext_id=clean_text(m.ext_id), title=clean_text(m.title), outlet=clean_text(m.outlet),
                   published=clean_text(m.published), url=clean_text(m.url), bias=clean_text(m.bias),
                   topic=clean_text(m.topic), outlet_raw=clean_text(m.outlet_raw), section=clean_text(m.section),
                   authors=tuple(a for a in (clean_text(a) for a in m.authors) if a))


def add_copy(db: Database, entities: EntityResolver, run_id: int, chash: str, item: CopyItem) -> bool | None:
    """Store ``item`` as a copy of the article with text hash ``chash``: True when it is a new copy,
    False when it is a duplicate (the article's own outlet and date, or a copy already stored),
    None when no article has that text (the original failed; its failure stands for this text)."""
    row = db.query("SELECT id, outlet, published FROM articles WHERE content_hash = ?", (chash,))
    if not row:
        return None
    article_id, outlet, published = row[0]
    meta = clean_meta(item.meta)
    if occurrence(meta.outlet, meta.published) == occurrence(outlet, published):
        return False
    key = copy_key(chash, meta.outlet, meta.published)
    if db.scalar("SELECT id FROM copies WHERE copy_key = ?", (key,)) is not None:
        return False
    outlet_id = entities.resolve(meta.outlet, "media", origin="outlet")
    db.execute(
        "INSERT INTO copies (copy_key, article_id, ext_id, title, outlet, outlet_id, published, url, bias, "
        "source, locator, meta, run_id, ingested_at, outlet_raw, outlet_section) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (key, article_id, meta.ext_id, meta.title, meta.outlet, outlet_id, meta.published, meta.url, meta.bias,
         clean_text(item.source), clean_text(item.locator), json_text(meta.extra), run_id,
         datetime.now(timezone.utc).isoformat(timespec="seconds"), meta.outlet_raw or meta.outlet, meta.section))
    return True
