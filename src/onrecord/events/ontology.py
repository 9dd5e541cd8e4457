"""The PLOVER ontology as data (``data/plover.json``): types, quad classes, modes, contexts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "plover.json"


@dataclass(frozen=True, slots=True)
class EventType:
    """One PLOVER event type with its modes (name -> cue words)."""

    name: str
    quad: str
    verbal: bool
    requires_recipient: bool
    definition: str
    score: float
    modes: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """Every PLOVER type by name."""
    return {name: EventType(name, t["quad"], t["verbal"], t["requires_recipient"], t["definition"], t["score"],
                            {m: tuple(v["cues"]) for m, v in t["modes"].items()})
            for name, t in _data()["types"].items()}


@lru_cache(maxsize=1)
def contexts() -> dict[str, tuple[str, ...]]:
    """Context name -> cue words."""
    return {name: tuple(c["cues"]) for name, c in _data()["contexts"].items()}


def event_type(name: str) -> EventType:
    """The type called ``name`` (ValueError naming the known ones otherwise)."""
    try:
        return event_types()[name]
    except KeyError:
        raise ValueError(f"unknown PLOVER type {name!r}; known: {', '.join(event_types())}") from None


def quad_class(name: str) -> str:
    return event_type(name).quad


def is_verbal(name: str) -> bool:
    """Whether the type's event is an act of saying (its actor is the statement's speaker)."""
    return event_type(name).verbal
