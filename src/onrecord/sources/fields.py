"""Turn a JSON/CSV record into a RawDoc: known fields by their usual names, the rest kept."""

from __future__ import annotations

import math
import re
from typing import Any

from onrecord.sources.dates import normalise_date
from onrecord.sources.model import DocMeta, RawDoc, ReadFailure
from onrecord.sources.shape import record_problem

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
AUTHOR_FIELDS = ("authors", "author", "byline", "creator")


def _first(record: dict[str, Any], names: tuple[str, ...], used: set[str], *,
           scalar: bool = False) -> Any:
    """The first present value among ``names``; ``scalar`` skips lists, objects and booleans."""
    for name in names:
        value = record.get(name)
        if value in (None, "") or scalar and not _is_scalar(value):
            continue
        used.add(name)
        return value
    return None


def _is_scalar(value: Any) -> bool:
    """A string or a finite number: usable as a title, an id, an outlet (NaN and lists are not)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, (str, int))


def _body(record: dict[str, Any], source: str, locator: str, pos: int) -> tuple[str, str, bool] | ReadFailure:
    """(field name, body, is it text (else HTML)), or a failure when there is none or it is no string."""
    for names, is_text in ((TEXT_FIELDS, True), (HTML_FIELDS, False)):
        name = next((n for n in names if record.get(n) not in (None, "")), None)
        if name is None:
            continue
        value = record[name]
        if not isinstance(value, str):
            return ReadFailure(source, locator, "bad-field",
                               f"field {name!r} holds {_json_type(value)}, not a string; "
                               "store the article body as one JSON string", pos=pos)
        return name, value, is_text
    return ReadFailure(source, locator, "no-text",
                       f"no text field (one of {', '.join(TEXT_FIELDS)})", pos=pos)


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return {dict: "an object", list: "an array"}.get(type(value), type(value).__name__)


def record_to_doc(record: Any, source: str, locator: str, pos: int, *,
                  check_strings: bool = True) -> RawDoc | ReadFailure:
    """A mapping with text (or html) and metadata -> RawDoc; anything else -> ReadFailure.

    Metadata that is no string or number (a list, an object) is kept in ``extra``, not used.
    ``check_strings=False`` skips the lone-surrogate search (the caller knows there are none).
    """
    if not isinstance(record, dict):
        return ReadFailure(source, locator, "not-a-record",
                           f"expected a JSON object, got {type(record).__name__}", pos=pos)
    problem = record_problem(record, strings=check_strings)
    if problem is not None:
        return ReadFailure(source, locator, *problem, pos=pos)
    body = _body(record, source, locator, pos)
    if isinstance(body, ReadFailure):
        return body
    name, value, is_text = body
    used = {name}
    values = {key: _first(record, names, used, scalar=True) for key, names in ALIASES.items()}
    topic = _first(record, ("topic",), set(), scalar=True)  # kept in extra (meta) as well, as are the bylines
    authors = _authors(record, set())
    # 'source' is the outlet only when it is a name; AllSides has both source and source_url
    extra = {k: v for k, v in record.items() if k not in used and v not in (None, "")}
    raw_date = values["published"]
    if raw_date is not None and normalise_date(raw_date) is None:
        extra.setdefault("date_raw", raw_date)
    bias = values["bias"]
    meta = DocMeta(
        ext_id=_str(values["ext_id"]), title=_str(values["title"]), outlet=_str(values["outlet"]),
        published=normalise_date(raw_date), url=_str(values["url"]),
        bias=_str(bias).lower() if bias is not None else None, extra=extra,
        topic=_str(topic), authors=authors)
    if is_text:
        return RawDoc(source, locator, meta, text=value, pos=pos)
    return RawDoc(source, locator, meta, html=value.encode("utf-8"), pos=pos)


def _authors(record: dict[str, Any], used: set[str]) -> tuple[str, ...]:
    """Bylines from the first author field: a string of names separated by commas, ';' or ' and ',
    or a list of strings.  Pieces that are no name (digits, markup words) are dropped."""
    for name in AUTHOR_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            pieces = re.split(r"\s*(?:[,;|]|\band\b)\s*", value)
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            pieces = value
        else:
            continue
        used.add(name)
        names = [p.strip().strip('"').strip() for p in pieces]
        return tuple(dict.fromkeys(n for n in names if _is_name(n)))[:20]
    return ()


def _is_name(text: str) -> bool:
    return 2 <= len(text) <= 80 and not re.search(r"[\d_@/<>]", text)


def _str(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None
