"""Values made storable in every backend: no NUL, no lone surrogate, no NaN in JSON.

PostgreSQL refuses NUL in text and JSONB and NaN in JSONB; no backend can encode a lone
surrogate.  Metadata comes straight from input files, so it is cleaned before it is written.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")


def clean_text(value: str | None) -> str | None:
    """``value`` without NUL characters, lone surrogates replaced by U+FFFD."""
    if value is None:
        return None
    return _BAD_CHARS.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)


def clean_json(value: Any) -> Any:
    """A JSON-ready copy of ``value``: strings cleaned, NaN and infinities as null."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_json(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return clean_text(str(value))


def json_text(value: Any) -> str | None:
    """Strict JSON (no NaN) of cleaned ``value``; None for an empty or missing value."""
    if not value:
        return None
    return json.dumps(clean_json(value), ensure_ascii=False, allow_nan=False)
