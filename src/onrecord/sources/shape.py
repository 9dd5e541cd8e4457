"""Checks on a decoded JSON record before it becomes an article: nesting depth and lone surrogates.

``json`` turns an escape such as ``"\\ud800"`` into a lone surrogate, which no UTF-8 encoder,
hash or database accepts; a record nested deeper than ``MAX_DEPTH`` would overflow the stack of
whatever walks it next (pickling to a worker, ``json.dumps`` in the writer).
"""

from __future__ import annotations

import re
from typing import Any

MAX_DEPTH = 64
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def may_hold_surrogates(raw: bytes) -> bool:
    """Whether JSON source bytes contain a surrogate escape (valid UTF-8 has no other way in)."""
    return _SURROGATE_ESCAPE.search(raw) is not None


def record_problem(value: Any, *, strings: bool = True) -> tuple[str, str] | None:
    """``(reason, detail)`` when the record is too deeply nested or holds a lone surrogate.

    ``strings=False`` skips the surrogate search (for input whose bytes cannot produce one).
    The walk is iterative: it cannot itself run out of stack.
    """
    stack: list[tuple[Any, tuple[str, ...]]] = [(value, ())]
    while stack:
        v, path = stack.pop()
        if len(path) > MAX_DEPTH:
            return ("too-deeply-nested",
                    f"nested deeper than {MAX_DEPTH} levels (at {_show(path[:3])}...); flatten the record")
        if isinstance(v, str):
            if strings and _SURROGATE.search(v):
                return ("bad-encoding", f"{_show(path)} holds a lone surrogate escape (such as \\ud800); "
                                        "fix the escape or drop the field")
        elif isinstance(v, dict):
            for k, x in v.items():
                key = str(k)
                if strings and _SURROGATE.search(key):
                    return ("bad-encoding", f"a field name in {_show(path)} holds a lone surrogate escape; "
                                            "fix the escape")
                stack.append((x, (*path, key)))
        elif isinstance(v, list):
            stack.extend((x, (*path, f"[{i}]")) for i, x in enumerate(v))
    return None


def _show(path: tuple[str, ...]) -> str:
    """A readable, always-encodable name for a place in the record."""
    if not path:
        return "the record"
    text = "".join(p if p.startswith("[") else f".{p}" for p in path).lstrip(".")
    return "field " + text.encode("utf-8", "backslashreplace").decode("utf-8")
