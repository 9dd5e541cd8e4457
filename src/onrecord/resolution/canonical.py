"""Canonical names from the entity registry: 'Bill Barr' is William Barr, 'DOJ' the Justice
Department. A bare surname is never looked up (a 'Wu' in a story is not David Wu)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onrecord.resolution.entities import EntityDraft

_COMPATIBLE = {
    "person": {"person"},
    "organization": {"organization", "government", "party", "media"},
    "media": {"media"},
}


@lru_cache(maxsize=1)
def _registry():
    from onrecord.registry import load_registry
    return load_registry()


def known_name(name: str) -> bool:
    """The registry knows this name (an alias of some actor)."""
    return bool(_registry().lookup(name))


def registry_type(name: str) -> str | None:
    """The registry's type for a name it resolves to one actor, else None."""
    actor = _registry().resolve(name)
    return actor.type if actor is not None else None


def registry_names(entities: "list[EntityDraft]") -> None:
    """Give each entity the registry's id and canonical name where the registry is sure."""
    registry = _registry()
    for entity in entities:
        allowed = _COMPATIBLE.get(entity.type)
        if not allowed or not entity.names:
            continue
        name = entity.canonical()
        if entity.type == "person" and len(name.split()) < 2:
            continue
        actor = registry.resolve(name)
        if actor is None or actor.type not in allowed:
            continue
        entity.registry = actor.id
        if actor.name != name:
            entity.registry_name = actor.name
