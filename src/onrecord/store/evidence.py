"""Speaker evidence: how a statement's speaker was resolved, and filters on it.

The methods are those of the ``onrecord.article/1`` contract (``records.ResolutionMethod``);
``unknown`` stands for statements without a recorded method (unresolved, or ingested before
schema 3).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, get_args

from onrecord.records import ResolutionMethod
from onrecord.store.errors import FilterError

METHODS: tuple[str, ...] = get_args(ResolutionMethod)
NAMED_METHODS = ("name", "surname", "registry")  # --named-only: the speaker was named, not inferred
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class EvidenceFilter:
    """Statements whose speaker was resolved by one of ``methods``, with at least ``min_confidence``;
    ``named_only`` keeps speakers resolved by name, surname or registry."""

    methods: tuple[str, ...] = ()
    min_confidence: float | None = None
    named_only: bool = False

    def is_empty(self) -> bool:
        return not self.methods and self.min_confidence is None and not self.named_only

    def sql(self, alias: str = "s") -> tuple[list[str], list[Any]]:
        """WHERE conditions (joined by AND) and their parameters, on statements aliased ``alias``."""
        where: list[str] = []
        params: list[Any] = []
        col = f"{alias}.speaker_resolution"
        if self.methods:
            known = [m for m in self.methods if m != UNKNOWN]
            parts = [f"{col} IN ({', '.join('?' * len(known))})"] if known else []
            if UNKNOWN in self.methods:
                parts.append(f"{col} IS NULL")
            where.append(f"({' OR '.join(parts)})")
            params += known
        if self.named_only:
            where.append(f"{col} IN ({', '.join('?' * len(NAMED_METHODS))})")
            params += NAMED_METHODS
        if self.min_confidence is not None:
            where.append(f"{alias}.speaker_confidence >= ?")
            params.append(self.min_confidence)
        return where, params


def parse_methods(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """``"pronoun, role"`` (or repeated values) -> ``("pronoun", "role")``; FilterError names the bad one."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else [p for v in value for p in v.split(",")]
    methods = tuple(dict.fromkeys(m.strip().lower() for m in items if m.strip()))
    bad = [m for m in methods if m not in METHODS and m != UNKNOWN]
    if bad:
        raise FilterError(f"resolution must be one or more of {', '.join(METHODS)} or {UNKNOWN} "
                          f"(comma-separated), not {bad[0]!r}")
    return methods


def parse_confidence(value: str | float | None) -> float | None:
    """A minimum confidence from 0 to 1 (``"0.8"``); FilterError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not 0 <= number <= 1:
        raise FilterError(f"min_confidence must be a number from 0 to 1 such as 0.8, not {value!r}")
    return number


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("", "0", "false", "no", "off")


def parse_flag(name: str, value: str | bool | None) -> bool:
    """A yes/no query parameter (``1``, ``true``, ``on``; ``0``, ``false``, empty)."""
    if value is None or isinstance(value, bool):
        return bool(value)
    v = value.strip().lower()
    if v in _TRUE or v in _FALSE:
        return v in _TRUE
    raise FilterError(f"{name} must be true or false (1 or 0), not {value!r}")


def evidence_filter(resolution: str | tuple[str, ...] | None = None, min_confidence: str | float | None = None,
                    named_only: str | bool | None = None) -> EvidenceFilter:
    """An EvidenceFilter from user input (CLI options or query parameters), validated."""
    return EvidenceFilter(parse_methods(resolution), parse_confidence(min_confidence),
                          parse_flag("named_only", named_only))


def describe(method: str | None, confidence: float | None, antecedent: str | None) -> str:
    """How a speaker was resolved, in words: "resolved through ‘Vladimir Zelensky’ (pronoun, 0.93)"."""
    if not method:
        return "resolution not recorded"
    detail = method if confidence is None else f"{method}, {confidence:.2f}"
    if antecedent:
        return f"resolved through ‘{antecedent}’ ({detail})"
    return f"resolved by {method}" + ("" if confidence is None else f" ({confidence:.2f})")
