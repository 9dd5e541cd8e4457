"""Normalisation and hashing: article content hashes, entity name keys, quote hashes."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")
_QUOTE_CHARS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                              "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'",
                              "–": "-", "—": "-", "\u00a0": " "})
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{3,}?)[\"“”«»]")
TITLES = frozenset("mr mrs ms miss dr prof sir dame".split())
MIN_QUOTE_WORDS = 4


def normalise_text(text: str) -> str:
    """NFKC, straight quotes and dashes, collapsed whitespace, case-folded."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_CHARS)
    return _SPACE.sub(" ", text).strip().casefold()


def content_hash(text: str) -> str:
    """The identity of an article: sha256 of its normalised text (32 hex digits)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:32]


def bytes_hash(data: bytes, salt: str = "") -> str:
    """Identity of a raw input (an HTML page, a bad record)."""
    return hashlib.sha256(salt.encode("utf-8") + data).hexdigest()[:32]


def name_key(name: str) -> str:
    """``Volodymyr Zelenskyy`` / ``volodymyr zelenskyy`` / ``Mr. Zelenskyy`` -> comparable key."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = folded.translate(_QUOTE_CHARS).replace("'s ", " ")
    if folded.endswith("'s"):
        folded = folded[:-2]
    words = [w for w in _NON_WORD.sub(" ", folded).split() if w]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def quote_words(text: str) -> list[str]:
    return _NON_WORD.sub(" ", normalise_text(text)).split()


def quote_text(content: str, kind: str) -> str | None:
    """The direct-quote part of a statement: all of a direct one, the longest quoted part of a mixed one."""
    if kind == "direct":
        inner = [m.group(1) for m in _QUOTED.finditer(content)]
        text = max(inner, key=len) if inner and len(max(inner, key=len)) > len(content) * 0.8 else content
    elif kind == "mixed":
        inner = [m.group(1) for m in _QUOTED.finditer(content)]
        if not inner:
            return None
        text = max(inner, key=len)
    else:
        return None
    text = text.strip(" \t\n\"'“”‘’«»,.;:")
    return text if len(quote_words(text)) >= MIN_QUOTE_WORDS else None


def quote_hash(text: str) -> str:
    """Same words in the same order -> same hash, whatever the quotes, case and punctuation."""
    return hashlib.sha256(" ".join(quote_words(text)).encode("utf-8")).hexdigest()[:32]


def quote_id(qhash: str) -> str:
    """Short public id of a quote group, e.g. ``q3f9a0c12be45d1e2``."""
    return "q" + qhash[:16]


def occurrence(outlet: str | None, published: str | None) -> tuple[str, str]:
    """Where and when a text appeared: the same text with another one is a syndicated copy."""
    return name_key(outlet or ""), (published or "").strip()


def copy_key(chash: str, outlet: str | None, published: str | None) -> str:
    """The identity of one copy of an article (its text's hash, outlet and date)."""
    where, when = occurrence(outlet, published)
    return bytes_hash(f"{chash}|{where}|{when}".encode("utf-8"), "copy:")
