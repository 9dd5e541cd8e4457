"""Record types of the entity registry: one Actor per real-world person, body or outlet."""

from __future__ import annotations

import re
from dataclasses import dataclass

TYPES = ("person", "organization", "government", "media", "party")
_QID = re.compile(r"Q[0-9]+")


@dataclass(frozen=True, slots=True)
class Office:
    """A post held: role ('senator'), where ('NY', 'TX-2', 'US'), ISO start and end dates."""

    role: str
    where: str | None
    start: str | None
    end: str | None

    @classmethod
    def parse(cls, text: str) -> Office:
        """'senator:NY:2017-01-03:2023-01-03' (empty parts are None)."""
        role, where, start, end = (text.split(":") + ["", "", ""])[:4]
        return cls(role, where or None, start or None, end or None)

    def __str__(self) -> str:
        return ":".join(p or "" for p in (self.role, self.where, self.start, self.end))


@dataclass(frozen=True, slots=True)
class Actor:
    """One identity: a stable id (Wikidata QID where known), its canonical name and aliases."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    gender: str | None
    offices: tuple[Office, ...]
    party: str | None
    country: str | None
    wikipedia: str | None
    state: str | None = None

    @property
    def wikidata(self) -> str | None:
        """The Wikidata QID, or None for onrecord:/bioguide:/govtrack: ids."""
        return self.id if _QID.fullmatch(self.id) else None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name, then every alias."""
        return (self.name, *self.aliases)
