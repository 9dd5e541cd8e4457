"""The ``onrecord.article/1`` JSON document."""

from __future__ import annotations

import json

from onrecord.records import Article


def article_json(article: Article, *, indent: int | None = 2) -> str:
    """The article as JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=indent)
