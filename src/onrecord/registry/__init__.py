"""Versioned entity registry: one identity per real-world actor (person, body, outlet) across a corpus."""

from onrecord.registry.actors import Actor, Office
from onrecord.registry.lookup import Registry, load_registry
from onrecord.registry.names import name_key

__all__ = ["Actor", "Office", "Registry", "load_registry", "name_key"]
