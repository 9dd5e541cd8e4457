"""Minimum scores (``eval/floors.json``) and the check of scores against them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def load_floors(path: str | Path) -> dict[str, Any]:
    """The floors file: nested sections of minimum scores."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, float]:
    """``{"exact": {"cue": 0.5}}`` -> ``{"exact.cue": 0.5}``."""
    out: dict[str, float] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, name + "."))
        else:
            out[name] = float(value)
    return out


def below_floors(floors: Mapping[str, Any], scores: Mapping[str, Any]) -> list[str]:
    """One message per score under its floor, or per floor naming no known score."""
    have = flatten(scores)
    failures = []
    for name, floor in flatten(floors).items():
        if name not in have:
            failures.append(f"{name}: floor {floor} names no score (known: {', '.join(have)})")
        elif have[name] + 1e-9 < floor:
            failures.append(f"{name}: {have[name]:.4f} < floor {floor:.4f}")
    return failures
