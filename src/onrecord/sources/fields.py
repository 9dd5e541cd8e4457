"""Turn a JSON/CSV record into a RawDoc: known fields by their usual names, the rest kept."""

from __future__ import annotations

from typing import Any

from onrecord.sources.dates import normalise_date
from onrecord.sources.model import DocMeta, RawDoc, ReadFailure

TEXT_FIELDS = ("text", "content", "body", "maintext", "article")
HTML_FIELDS = ("html", "raw_html")
ALIASES = {
    "ext_id": ("id", "article_id", "doc_id", "uuid"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "sitename", "publisher", "source_domain"),
    "published": ("date", "published", "publish_date", "date_publish", "pubdate"),
    "url": ("url", "link", "canonical_url"),
    "bias": ("bias",),
}


def _first(record: dict[str, Any], names: tuple[str, ...], used: set[str]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            used.add(name)
            return value
    return None


def record_to_doc(record: Any, source: str, locator: str, pos: int) -> RawDoc | ReadFailure:
    """A mapping with text (or html) and metadata -> RawDoc; anything else -> ReadFailure."""
    if not isinstance(record, dict):
        return ReadFailure(source, locator, "not-a-record",
                           f"expected a JSON object, got {type(record).__name__}", pos=pos)
    used: set[str] = set()
    text = _first(record, TEXT_FIELDS, used)
    html = None if text is not None else _first(record, HTML_FIELDS, used)
    if text is None and html is None:
        return ReadFailure(source, locator, "no-text",
                           f"no text field (one of {', '.join(TEXT_FIELDS)})", pos=pos)
    values = {key: _first(record, names, used) for key, names in ALIASES.items()}
    # 'source' is the outlet only when it is a name; AllSides has both source and source_url
    extra = {k: v for k, v in record.items() if k not in used and v not in (None, "")}
    raw_date = values["published"]
    if raw_date is not None and normalise_date(raw_date) is None:
        extra.setdefault("date_raw", raw_date)
    bias = values["bias"]
    meta = DocMeta(
        ext_id=_str(values["ext_id"]), title=_str(values["title"]), outlet=_str(values["outlet"]),
        published=normalise_date(raw_date), url=_str(values["url"]),
        bias=_str(bias).lower() if bias is not None else None, extra=extra)
    if text is not None:
        return RawDoc(source, locator, meta, text=str(text), pos=pos)
    return RawDoc(source, locator, meta, html=str(html).encode("utf-8"), pos=pos)


def _str(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None
