"""What a search adds to its page of statements: facet counts over all its matches (speaker,
outlet, bias, month, cue class, modality) and where its words matched in each statement.

Facets come from one grouped query over the matching rows (materialised once, then grouped per
facet), each capped at its top values; every value carries the filter that narrows to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from onrecord.explorer.queries import Filters, _statement_sql, _with_fts_fallback, check_filters
from onrecord.store import fulltext
from onrecord.store.db import Database
from onrecord.store.modality import FLAGS

FACETS = ("speaker", "outlet", "bias", "month", "cue_class", "modality")
TOP = {"speaker": 10, "outlet": 10, "month": 12}  # the others have a handful of values each
_GROUPED = (("speaker", "speaker"), ("outlet", "outlet"), ("bias", "bias"), ("month", "month"),
            ("cue_class", "cue_class"), ("kind", "kind"))


def facets(db: Database, f: Filters) -> dict[str, dict[str, Any]]:
    """Per facet: ``values`` (label, count, the ``filter`` parameters that narrow to it; most
    matches first, months in date order) and ``others`` (distinct values left out)."""
    f = check_filters(f)
    rows = _with_fts_fallback(db, f, lambda fq: _grouped(db, f, fq))
    groups: dict[str, list[tuple[str | None, int]]] = {}
    for facet, value, n in rows:
        if n:
            groups.setdefault(facet, []).append((value, int(n)))
    names = _names(db, groups)
    out = {}
    for facet in FACETS:
        values = _values(facet, groups, names)
        values.sort(key=lambda v: (-v["count"], v["label"]))
        top = TOP.get(facet, len(values))
        shown = values[:top]
        if facet == "month":
            shown.sort(key=lambda v: v["label"])
        out[facet] = {"values": shown, "others": len(values) - len(shown)}
    return out


def _grouped(db: Database, f: Filters, fts_query: str | None) -> list[tuple]:
    body, params = _statement_sql(db, f, fts_query).from_where()
    flags = "".join(f", s.modality_{x} AS m_{x}" for x in FLAGS)
    cte = ("WITH m AS MATERIALIZED (SELECT s.speaker_entity_id AS speaker, a.outlet_id AS outlet, "
           "a.bias AS bias, substr(a.published, 1, 7) AS month, s.cue_class AS cue_class, "
           f"s.modality_kind AS kind{flags} {body})")
    arms = [f"SELECT '{name}' AS facet, CAST({col} AS TEXT) AS value, count(*) AS n FROM m GROUP BY {col}"
            for name, col in _GROUPED]
    arms += [f"SELECT 'flag', '{x}', count(*) FROM m WHERE m_{x} = 1" for x in FLAGS]
    return db.query(f"{cte} {' UNION ALL '.join(arms)}", params)


def _names(db: Database, groups: dict[str, list[tuple[str | None, int]]]) -> dict[int, str]:
    """Entity names for the speakers and outlets that will be shown."""
    ids: set[int] = set()
    for facet in ("speaker", "outlet"):
        top = sorted((g for g in groups.get(facet, []) if g[0] is not None), key=lambda g: -g[1])
        ids |= {int(v) for v, _ in top[:TOP[facet]]}
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {int(i): n for i, n in db.query(f"SELECT id, name FROM entities WHERE id IN ({marks})", tuple(ids))}


def _values(facet: str, groups: dict[str, list[tuple[str | None, int]]],
            names: dict[int, str]) -> list[dict[str, Any]]:
    if facet == "modality":
        kinds = [_value(v, n, {"kind": v}) for v, n in groups.get("kind", []) if v is not None]
        return kinds + [_value(v, n, {"modality": v}) for v, n in groups.get("flag", [])]
    out = []
    for value, n in groups.get(facet, []):
        if facet in ("speaker", "outlet"):
            if value is not None:
                out.append(_value(names.get(int(value), f"entity {value}"), n, {facet: value}))
        elif facet == "month":
            out.append(_value(value or "no date", n, {"since": value, "until": value} if value else None))
        elif facet == "cue_class":
            out.append(_value(value or "unknown", n, {"cue_class": value or "unknown"}))
        else:  # bias
            out.append(_value(value or "unlabelled", n, {"bias": value} if value else None))
    return out


def _value(label: str, count: int, narrow: dict[str, str] | None) -> dict[str, Any]:
    return {"label": label, "count": count, "filter": narrow}


def match_spans(db: Database, q: str, ids: Sequence[int]) -> dict[int, tuple[list[tuple[int, int]], ...]]:
    """Offsets of the words ``q`` matched in the content and content2 of statements ``ids``."""
    return fulltext.match_spans(db, q, ids)
