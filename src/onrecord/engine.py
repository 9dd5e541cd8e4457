"""Placeholder: replaced by the real engine (attribution, resolution, time, discourse)."""

from __future__ import annotations

from typing import Any

from onrecord.records import Article


def prepare_text(text: str) -> str:
    return text


def article_from_doc(doc: Any, meta: Any) -> Article:
    return Article(text=doc.text, id=meta.id, title=meta.title, outlet=meta.outlet,
                   published=meta.published)
