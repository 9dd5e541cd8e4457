"""The temporal lexicon (``vocabulary.json``), loaded once, and the regex pieces built from it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from collections.abc import Iterable
from typing import Any


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Lookup tables of the temporal lexicon; all keys lower-case."""

    months: dict[str, int]
    capitalized_months: frozenset[str]
    weekdays: dict[str, int]
    weekend_day: int
    numbers: dict[str, int]
    units: tuple[str, ...]
    shifts: dict[str, int]
    day_offsets: dict[str, int]
    parts_of_day: tuple[str, ...]
    prepositions: tuple[str, ...]
    modifiers: tuple[str, ...]


def _load() -> Vocabulary:
    """Read ``vocabulary.json`` from the package."""
    raw: dict[str, Any] = json.loads(
        resources.files(__package__).joinpath("vocabulary.json").read_text("utf-8"))
    return Vocabulary(
        months={k.lower(): int(v) for k, v in raw["months"].items()},
        capitalized_months=frozenset(k.lower() for k in raw["capitalized_months"]),
        weekdays={k.lower(): int(v) for k, v in raw["weekdays"].items()},
        weekend_day=int(raw["weekend_day"]),
        numbers={k.lower(): int(v) for k, v in raw["numbers"].items()},
        units=tuple(raw["units"]),
        shifts={k.lower(): int(v) for k, v in raw["shifts"].items()},
        day_offsets={k.lower(): int(v) for k, v in raw["day_offsets"].items()},
        parts_of_day=tuple(raw["parts_of_day"]),
        prepositions=tuple(raw["prepositions"]),
        modifiers=tuple(raw["modifiers"]),
    )


VOCAB: Vocabulary = _load()


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex alternation, longest first; spaces match any whitespace run."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


# Regex fragments (case-insensitive use). Named groups are unique within each rule.
MONTH = rf"(?P<month>{alternation(VOCAB.months)})\b\.?"
WEEKDAY = rf"(?P<weekday>{alternation(VOCAB.weekdays)})\b"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
YEAR = r"(?P<year>[1-9]\d{3})\b(?!%)"
SHIFT = rf"(?P<shift>{alternation(VOCAB.shifts)})"
PART = rf"(?:\s+{alternation(VOCAB.parts_of_day)}\b)?"
NUMBER = rf"(?P<number>\d{{1,4}}|{alternation(VOCAB.numbers)})"
UNIT = rf"(?P<unit>{alternation(VOCAB.units)})"
DEICTIC = rf"(?P<deictic>{alternation(VOCAB.day_offsets)})"
PREPOSITION = alternation(VOCAB.prepositions)
MODIFIER = rf"{alternation(VOCAB.modifiers)}(?:\s+|-)"
# Leading words that frame an expression ("earlier on", "back in", "in mid-"): never change it.
PREFIX = rf"(?:\b{MODIFIER})?(?:\b{PREPOSITION}\s+)?(?:\b{MODIFIER})?"
