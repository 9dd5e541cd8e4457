"""Matching keys for actor names: one key for every way of writing the same name."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ı": "i", "þ": "th", "æ": "ae", "œ": "oe",
                       "’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
_PUNCT = re.compile(r"[^\w@&'.\s-]")
_PREFIX = re.compile(r"\b(?:then|ex|former)-")
_POSSESSIVE = re.compile(r"'s$|(?<=s)'$")
_INITIAL = re.compile(r"^(?:[a-z]\.)+$|^[a-z]$")
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@lru_cache(maxsize=1)
def titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Name titles (data/name_titles.txt) as token tuples by first word, longest first."""
    text = resources.files("onrecord.registry").joinpath("data/name_titles.txt").read_text(encoding="utf-8")
    rows = sorted({tuple(line.split()) for line in text.splitlines() if line.strip() and not line.startswith("#")},
                  key=lambda t: (-len(t), t))
    table: dict[str, list[tuple[str, ...]]] = {}
    for row in rows:
        table.setdefault(row[0], []).append(row)
    return {first: tuple(rows) for first, rows in table.items()}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c))


def _strip_front(tokens: list[str]) -> list[str]:
    """Drop a leading 'the' and leading titles while a name is left ('the President' stays)."""
    while len(tokens) > 1:
        bare = tuple(t.replace(".", "") for t in tokens)
        if bare[0] == "the":
            tokens = tokens[1:]
            continue
        title = next((t for t in titles().get(bare[0], ()) if bare[:len(t)] == t), None)
        if title is None or len(title) >= len(tokens):
            break
        tokens = tokens[len(title):]
    return tokens


def _words(text: str, keep_initials: bool) -> list[str]:
    text = _PUNCT.sub(" ", _PREFIX.sub("", _fold(text)))
    tokens = _strip_front([t for t in (_POSSESSIVE.sub("", t) for t in text.split()) if t.strip(".")])
    if not keep_initials:
        last = len(tokens) - 1
        tokens = [t for i, t in enumerate(tokens) if i in (0, last) or not _INITIAL.match(t)]
    return " ".join(t.replace(".", "") for t in tokens).replace("-", " ").replace("_", " ").split()


def name_key(text: str) -> str:
    """The matching key of a name: "Sen. John A. Boehner's" -> 'john boehner'."""
    return " ".join(_words(text, keep_initials=False))


def strict_key(text: str) -> str:
    """name_key keeping middle initials: 'George W. Bush' -> 'george w bush'."""
    return " ".join(_words(text, keep_initials=True))


def surname_key(text: str) -> str | None:
    """The last word of a personal name's key, past Jr./III ('Donald Trump Jr.' -> 'trump')."""
    words = [w for w in name_key(text).split() if w not in SUFFIXES]
    return words[-1] if len(words) > 1 and not words[0].startswith("@") else None
