"""Offices an entity holds according to the entity registry: 'the Vermont senator' is the
article's person whose registry record has a Senate seat for VT."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def us_states() -> dict[str, str]:
    """State name (and lower-cased name) -> postal code."""
    text = resources.files("onrecord.registry").joinpath("data/us_states.tsv").read_text("utf-8")
    table = {}
    for line in text.splitlines()[2:]:
        name, code = line.split("\t")
        table[name] = table[name.lower()] = code
    return table


@lru_cache(maxsize=4096)
def office_roles(name: str) -> dict[str, frozenset[str]]:
    """Role word -> the places (state codes, 'US') where the named actor held such an office."""
    from onrecord.registry import load_registry

    actor = load_registry().resolve(name)
    if actor is None or actor.type != "person":
        return {}
    roles: dict[str, set[str]] = {}
    for office in actor.offices:
        where = (office.where or "").split("-")[0]
        for word in office.role.lower().replace("-", " ").split():
            roles.setdefault(word, set()).add(where)
        if office.role.lower() == "president":
            roles.setdefault("president", set()).add("US")
    return {k: frozenset(v) for k, v in roles.items()}


@lru_cache(maxsize=4096)
def surname_offices(surname: str) -> frozenset[str]:
    """Role words of offices held by anyone in the registry with this surname: the text's
    'President Trump' and 'the U.S. president' agree when some Trump held a US presidency."""
    from onrecord.registry import load_registry

    if " " in surname.strip():
        return frozenset()
    words: set[str] = set()
    for actor in load_registry().lookup(surname):
        if actor.type == "person":
            words.update(office_roles(actor.name))
    return frozenset(words)
