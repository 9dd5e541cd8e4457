"""Statement modality in the store (schema 7): filters on it and its one-column summary.

Rows ingested before schema 7 have no modality (NULL): a kind or "only FLAG" filter leaves them
out, a "no FLAG" filter keeps them (nothing says they carry the flag).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from onrecord.records import MODALITY_FLAGS, ModalityKind
from onrecord.store.errors import FilterError

KINDS: tuple[str, ...] = get_args(ModalityKind)
FLAGS: tuple[str, ...] = MODALITY_FLAGS
COLUMNS = ", ".join(f"s.modality_{f} AS modality_{f}" for f in (*FLAGS, "kind"))
"""The select list of a statement query's modality (statements aliased ``s``); ``fold`` turns it
into the one ``modality`` column."""


@dataclass(frozen=True, slots=True)
class ModalityFilter:
    """Statements of one of ``kinds``, carrying every flag of ``only`` and none of ``without``."""

    kinds: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    without: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.kinds or self.only or self.without)

    def sql(self, alias: str = "s") -> tuple[list[str], list[Any]]:
        """WHERE conditions (joined by AND) and their parameters, on statements aliased ``alias``."""
        where: list[str] = []
        params: list[Any] = []
        if self.kinds:
            where.append(f"{alias}.modality_kind IN ({', '.join('?' * len(self.kinds))})")
            params += self.kinds
        for flag in self.only:
            where.append(f"{alias}.modality_{flag} = 1")
        for flag in self.without:
            where.append(f"coalesce({alias}.modality_{flag}, 0) = 0")
        return where, params


NO_MODALITY = ModalityFilter()


def _names(value: str | tuple[str, ...] | list[str] | None, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else [p for v in value for p in v.split(",")]
    names = tuple(dict.fromkeys(i.strip().lower() for i in items if i.strip()))
    bad = [n for n in names if n not in allowed]
    if bad:
        raise FilterError(f"{what} must be one or more of {', '.join(allowed)} (comma-separated), not {bad[0]!r}")
    return names


def modality_filter(kind: str | tuple[str, ...] | list[str] | None = None,
                    only: str | tuple[str, ...] | list[str] | None = None,
                    without: str | tuple[str, ...] | list[str] | None = None) -> ModalityFilter:
    """A ModalityFilter from user input (CLI options or query parameters), validated."""
    f = ModalityFilter(_names(kind, KINDS, "kind"), _names(only, FLAGS, "modality"),
                       _names(without, FLAGS, "the flags to leave out"))
    clash = set(f.only) & set(f.without)
    if clash:
        raise FilterError(f"cannot keep only and leave out {sorted(clash)[0]!r} at once")
    return f


def summary(flags: dict[str, Any]) -> str | None:
    """"speech", "finding negated", "speech question future"; None when the row has no modality."""
    kind = flags.get("modality_kind")
    if kind is None:
        return None
    return " ".join([kind, *(f for f in FLAGS if flags.get(f"modality_{f}"))])


def fold(columns: list[str], rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    """The ``modality_*`` columns of a query folded into one ``modality`` column (``summary``),
    where the first of them was."""
    idx = [i for i, c in enumerate(columns) if c.startswith("modality_")]
    if not idx:
        return columns, rows
    at = idx[0]
    before = [i for i in range(at)]
    after = [i for i in range(at, len(columns)) if i not in idx]
    out_rows = [(*(r[i] for i in before), summary({columns[i]: r[i] for i in idx}), *(r[i] for i in after))
                for r in rows]
    return [*(columns[i] for i in before), "modality", *(columns[i] for i in after)], out_rows


def summary_sql(alias: str = "s") -> str:
    """``summary`` as one SQL expression (SQLite and PostgreSQL), for queries that page in SQL."""
    flags = " || ".join(f"(CASE WHEN {alias}.modality_{f} = 1 THEN ' {f}' ELSE '' END)" for f in FLAGS)
    return f"(CASE WHEN {alias}.modality_kind IS NULL THEN NULL ELSE {alias}.modality_kind || {flags} END)"


def badges(value: str | None) -> list[str]:
    """The badges a statement shows: its flags, and its kind unless it is plain speech."""
    if not value:
        return []
    kind, *flags = value.split()
    return [*flags, *([kind] if kind != "speech" else [])]
