"""The Registry: actors by id and by name key, loaded from the versioned data files."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import fields, replace
from functools import cache
from importlib import resources

from onrecord.registry.actors import Actor, Office
from onrecord.registry.names import name_key, strict_key, surname_key

DATA_FILES = ("kb_people.tsv", "kb_newspapers.tsv", "curated.tsv")  # later files refine earlier ones


def _field(row: dict[str, str], column: str) -> str | None:
    return row.get(column) or None


def parse_tsv(text: str, source: str = "<tsv>") -> list[dict[str, str]]:
    """Rows of a registry TSV as dicts; '#' lines are comments, the first other line the header."""
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        values = line.split("\t")
        if len(values) != len(header):
            raise ValueError(f"{source}: row {number} has {len(values)} fields, header has {len(header)}")
        rows.append(dict(zip(header, values)))
    return rows


def actor_from_row(row: dict[str, str]) -> Actor:
    """One data-file row as an Actor (missing columns are None)."""
    return Actor(
        id=row["id"], name=row["name"], type=row["type"],
        aliases=tuple(a for a in (row.get("aliases") or "").split("|") if a),
        gender=_field(row, "gender"),
        offices=tuple(Office.parse(o) for o in (row.get("offices") or "").split(";") if o),
        party=_field(row, "party"), country=_field(row, "country"),
        wikipedia=_field(row, "wikipedia"), state=_field(row, "state"))


def refine(base: Actor, curated: Actor) -> Actor:
    """The curated row over the kb row: its non-empty fields win, names of both are aliases."""
    given = {f.name: getattr(curated, f.name) for f in fields(Actor) if getattr(curated, f.name)}
    given["aliases"] = tuple(a for a in dict.fromkeys((*curated.aliases, *base.names)) if a != curated.name)
    return replace(base, **given)


class Registry:
    """Actors by id and by every name key (see names.name_key); one actor per id."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._by_id: dict[str, Actor] = {}
        for actor in actors:
            if actor.id in self._by_id:
                raise ValueError(f"duplicate actor id {actor.id}")
            self._by_id[actor.id] = actor
        self._loose: dict[str, list[Actor]] = {}
        self._strict: dict[str, list[Actor]] = {}
        for actor in self._by_id.values():
            for form in actor.names:
                for table, key in ((self._loose, name_key(form)), (self._strict, strict_key(form))):
                    found = table.setdefault(key, [])
                    if not found or found[-1] is not actor:
                        found.append(actor)
        self._forms: dict[bool, dict[str, tuple[str, str]]] = {}
        self._surnames: dict[str, tuple[str, ...]] | None = None

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._by_id.values())

    def by_id(self, id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self._by_id.get(id)

    def lookup(self, name: str) -> tuple[Actor, ...]:
        """Every actor one of whose names has this name's key (names.name_key).

        A name written with middle initials first matches names with the same initials
        ('George W. Bush' is not 'George H. W. Bush'). A one-word name that is nobody's
        alias gives every person with that surname ('Sanders' -> Bernie and Sarah Sanders).
        """
        strict, loose = strict_key(name), name_key(name)
        if strict != loose and strict in self._strict:
            return tuple(self._strict[strict])
        if loose in self._loose:
            return tuple(self._loose[loose])
        if loose and " " not in loose:
            return tuple(self._by_id[i] for i in self._surname_index().get(loose, ()))
        return ()

    def resolve(self, name: str) -> Actor | None:
        """The one actor this name denotes, or None when there is none or more than one."""
        found = self.lookup(name)
        return found[0] if len(found) == 1 else None

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Canonical names and aliases close to this name ("did you mean"), best first, one per actor.

        A bare surname gives the canonical names of the people with that surname ('Obama' ->
        ['Barack Obama', 'Michelle Obama']); then names whose keys are close (difflib), then,
        for one word, the people whose surname is close ('Pelossi' -> ['Nancy Pelosi']).
        """
        key, surnames = name_key(name), self._surname_index()
        bare = bool(key) and " " not in key
        found = {i: self._by_id[i].name for i in surnames.get(key, ())} if bare else {}
        forms = self._form_index(handles=key.startswith("@"))
        for close in difflib.get_close_matches(key, forms, n=limit, cutoff=0.75):
            actor_id, form = forms[close]
            found.setdefault(actor_id, form)
        if bare:
            for close in difflib.get_close_matches(key, surnames, n=limit, cutoff=0.8):
                for actor_id in surnames[close]:
                    found.setdefault(actor_id, self._by_id[actor_id].name)
        return list(found.values())[:limit]

    def _surname_index(self) -> dict[str, tuple[str, ...]]:
        """Surname key -> ids of the people with that surname, sorted by canonical name."""
        if self._surnames is None:
            table: dict[str, set[str]] = {}
            for actor in self._by_id.values():
                if actor.type == "person":
                    for form in actor.names:
                        if surname := surname_key(form):
                            table.setdefault(surname, set()).add(actor.id)
            self._surnames = {k: tuple(sorted(v, key=lambda i: (self._by_id[i].name, i))) for k, v in table.items()}
        return self._surnames

    def _form_index(self, handles: bool) -> dict[str, tuple[str, str]]:
        """Key -> (actor id, first name written so) for difflib; @handles only when asked for."""
        if handles not in self._forms:
            table: dict[str, tuple[str, str]] = {}
            for actor in self._by_id.values():
                for form in actor.names:
                    if form.startswith("@") == handles:
                        table.setdefault(name_key(form), (actor.id, form))
            self._forms[handles] = table
        return self._forms[handles]


def read_actors(text: str, source: str = "<tsv>") -> list[Actor]:
    """The actors of one data file."""
    return [actor_from_row(row) for row in parse_tsv(text, source)]


def merge(layers: Iterable[list[Actor]]) -> list[Actor]:
    """Actors of several files, each later file refining earlier actors with the same id."""
    merged: dict[str, Actor] = {}
    for actors in layers:
        seen: set[str] = set()
        for actor in actors:
            if actor.id in seen:
                raise ValueError(f"actor id {actor.id} twice in one file")
            seen.add(actor.id)
            merged[actor.id] = refine(merged[actor.id], actor) if actor.id in merged else actor
    return list(merged.values())


@cache
def load_registry() -> Registry:
    """The registry of the packaged data files (loaded once)."""
    data = resources.files("onrecord.registry").joinpath("data")
    return Registry(merge(read_actors(data.joinpath(f).read_text(encoding="utf-8"), f) for f in DATA_FILES))
