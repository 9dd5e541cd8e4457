"""Versioned lexicons (reporting verbs, titles, outlets, demonyms, aliases) loaded from data files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

CUE_CLASSES = ("neutral", "assertive", "tentative", "contested", "denial", "confirmation",
               "report", "directive", "evaluative", "intent")
FRAMES = ("clause", "object", "belief", "intent")


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One reporting verb: its framing class and how its content attaches."""

    lemma: str
    cls: str
    frame: str


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet and the short names it goes by."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the rules read, keyed for fast lookup."""

    verbs: dict[str, VerbEntry]
    titles: dict[str, str]
    outlets: tuple[Outlet, ...]
    demonyms: dict[str, str]
    aliases: dict[str, str]
    reply_markers: dict[str, frozenset[str]]
    group_heads: frozenset[str]
    non_speaker_labels: frozenset[str]
    media_name_words: frozenset[str]
    gender_words: dict[str, str]
    nouns: dict[str, VerbEntry]
    first_names: dict[str, str]  # first name -> 'm' | 'f', only where the sources agree
    document_nouns: dict[str, bool]  # document noun -> whether a name in front is its author
    institution_nouns: frozenset[str]
    spokesperson_nouns: frozenset[str]
    staff_nouns: frozenset[str]  # 'the aide' may continue the last statement's spokesperson
    organization_words: frozenset[str]
    party_members: frozenset[str]

    def outlet_by_surface(self) -> dict[str, Outlet]:
        """Every written form of every outlet (canonical name, aliases, with and without 'the')."""
        table: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for form in (outlet.name, *outlet.aliases):
                table.setdefault(form, outlet)
                bare = form[4:] if form.lower().startswith("the ") else form
                table.setdefault(bare, outlet)
                table.setdefault("the " + bare, outlet)
                table.setdefault("The " + bare, outlet)
        return table

    def canonical_name(self, name: str) -> str:
        """The canonical spelling of a name (itself when the alias table does not know it)."""
        return self.aliases.get(name, name)


def _rows(filename: str) -> Iterator[list[str]]:
    """Data rows of a tab-separated lexicon file: comments and the header line skipped."""
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen and "\t" in line and _looks_like_header(cells):
            header_seen = True
            continue
        yield cells


def _looks_like_header(cells: list[str]) -> bool:
    return cells[0] in {"lemma", "word", "name", "demonym", "canonical"}


def _verbs() -> dict[str, VerbEntry]:
    table = {}
    for lemma, cls, frame in _rows("reporting_verbs.tsv"):
        if cls not in CUE_CLASSES or frame not in FRAMES:
            raise ValueError(f"reporting_verbs.tsv: bad class or frame for {lemma!r}")
        table[lemma] = VerbEntry(lemma, cls, frame)
    return table


def _outlets() -> tuple[Outlet, ...]:
    return tuple(Outlet(name, tuple(a for a in aliases.split("|") if a), kind, country)
                 for name, aliases, kind, country in _rows("outlets.tsv"))


def _aliases() -> dict[str, str]:
    table = {}
    for canonical, variants in _rows("aliases.tsv"):
        for variant in variants.split("|"):
            table[variant] = canonical
    return table


def _reply_markers() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for word, kind in _rows("reply_markers.tsv"):
        kinds.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in kinds.items()}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicons, read once per process."""
    return Lexicon(
        verbs=_verbs(),
        titles={word: typ for word, typ in _rows("titles.tsv")},
        outlets=_outlets(),
        demonyms={d: c for d, c in _rows("demonyms.tsv")},
        aliases=_aliases(),
        reply_markers=_reply_markers(),
        group_heads=frozenset(row[0] for row in _rows("groups.tsv")),
        non_speaker_labels=frozenset(row[0] for row in _rows("non_speaker_labels.txt")),
        media_name_words=frozenset(row[0] for row in _rows("media_name_words.txt")),
        gender_words={word: gender for word, gender in _rows("gender_words.tsv")},
        nouns={lemma: VerbEntry(lemma, cls, "clause") for lemma, cls in _rows("reporting_nouns.tsv")},
        first_names={name: gender for name, gender, _seen in _rows("first_names.tsv")},
        document_nouns={word: authored == "yes" for word, authored in _rows("document_nouns.tsv")},
        institution_nouns=frozenset(row[0] for row in _rows("institution_nouns.txt")),
        spokesperson_nouns=frozenset(row[0] for row in _rows("spokesperson_nouns.txt")),
        staff_nouns=frozenset(row[0] for row in _rows("staff_nouns.txt")),
        organization_words=frozenset(row[0] for row in _rows("organization_words.txt")),
        party_members=frozenset(row[0] for row in _rows("party_members.txt")),
    )
