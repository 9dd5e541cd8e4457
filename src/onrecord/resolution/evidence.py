"""How a mention was resolved: the method, the mention it was resolved through, a confidence."""

from __future__ import annotations

from dataclasses import dataclass

METHODS = ("name", "surname", "role", "pronoun", "quote-first-person", "description",
           "document-author", "registry", "group")


@dataclass(frozen=True, slots=True)
class Resolution:
    """The evidence behind one resolved mention."""

    method: str
    antecedent: tuple[int, int] | None = None  # character span of the mention resolved through
    confidence: float = 1.0

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown resolution method {self.method!r}")
