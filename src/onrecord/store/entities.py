"""Corpus-wide canonical entities: one row per person, organisation, outlet, place.

Names are matched by ``name_key`` through ``entity_aliases``; the alias table is seeded
from the engine's lexicons (``onrecord.lexicons``) and ``store/aliases.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from onrecord.store.db import Database
from onrecord.store.normalise import name_key

ALIASES_FILE = Path(__file__).with_name("aliases.tsv")
# one-word lexicon aliases that are also ordinary words: matched case-insensitively they would
# turn "who" into the WHO or "independent" into The Independent
AMBIGUOUS_ALIASES = frozenset("independent post mail sky times journal globe star sun".split())


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
        return frozenset(STOP_WORDS)
    except ImportError:  # pragma: no cover - spaCy is a dependency
        return frozenset("who whom that which it they he she we us i you this these those".split())


def is_nameless(key: str) -> bool:
    """A normalised name that is only a pronoun or function word ("who", "that", "us")."""
    return not key or key in _stop_words()


@dataclass(frozen=True, slots=True)
class AliasEntry:
    canonical: str
    type: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def alias_entries() -> tuple[AliasEntry, ...]:
    """Engine lexicon entries first (their canonical spelling wins), then the store's own."""
    entries: list[AliasEntry] = []
    try:
        from onrecord.lexicons import load_lexicon

        lex = load_lexicon()
        grouped: dict[str, list[str]] = {}
        for variant, canonical in lex.aliases.items():
            grouped.setdefault(canonical, []).append(variant)
        entries += [AliasEntry(c, "other", tuple(v)) for c, v in grouped.items()]
        entries += [AliasEntry(o.name, "media", o.aliases) for o in lex.outlets]
    except (ImportError, AttributeError, ValueError, OSError):
        pass  # the engine lexicons are optional for the store
    entries += list(_read_alias_file(ALIASES_FILE))
    return tuple(entries)


def _read_alias_file(path: Path) -> Iterator[AliasEntry]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, typ, aliases = (line.split("\t") + ["", ""])[:3]
        yield AliasEntry(canonical.strip(), typ.strip() or "other",
                         tuple(a.strip() for a in aliases.split("|") if a.strip()))


class EntityResolver:
    """Name -> corpus entity id, creating entities for new names; cached per writer."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[str, int] = {}

    def forget(self) -> None:
        """Drop the cache (after a rolled-back transaction)."""
        self._cache.clear()

    def seed(self) -> None:
        """Load the alias tables into the database (idempotent)."""
        types = {e.canonical: e.type for e in alias_entries() if e.type != "other"}
        with self.db.transaction():
            for entry in alias_entries():
                typ = types.get(entry.canonical, entry.type)
                if typ == "other":
                    typ = "person" if " " in entry.canonical else "other"
                eid = self.resolve(entry.canonical, typ, origin="lexicon")
                if eid is None:
                    continue
                for alias in entry.aliases:
                    key = name_key(alias)
                    if key and not is_nameless(key) and key not in AMBIGUOUS_ALIASES:
                        self.db.execute(
                            "INSERT INTO entity_aliases (alias_key, alias, entity_id, origin) "
                            "VALUES (?, ?, ?, 'lexicon') ON CONFLICT (alias_key) DO NOTHING",
                            (key, alias, eid))
        self.forget()

    def resolve(self, name: str | None, type_: str, *, origin: str = "observed") -> int | None:
        """The entity a name refers to; a new one if the name is unknown."""
        if not name:
            return None
        key = name_key(name)
        if is_nameless(key):
            return None
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        eid = self.db.scalar("SELECT entity_id FROM entity_aliases WHERE alias_key = ?", (key,))
        if eid is None:
            self.db.execute("INSERT INTO entities (name, type, key) VALUES (?, ?, ?) "
                            "ON CONFLICT (key) DO NOTHING", (name.strip(), type_, key))
            eid = self.db.scalar("SELECT id FROM entities WHERE key = ?", (key,))
            self.db.execute("INSERT INTO entity_aliases (alias_key, alias, entity_id, origin) "
                            "VALUES (?, ?, ?, ?) ON CONFLICT (alias_key) DO NOTHING",
                            (key, name.strip(), eid, origin))
        self._cache[key] = int(eid)
        return int(eid)


def find_entities(db: Database, name: str, *, types: tuple[str, ...] = ()) -> list[tuple[int, str, str]]:
    """Entities a user-typed name may mean: exact alias, else whole-word match on the name."""
    key = name_key(name)
    if not key:
        return []
    type_sql = f" AND e.type IN ({', '.join('?' * len(types))})" if types else ""
    rows = db.query("SELECT e.id, e.name, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
                    f"WHERE a.alias_key = ?{type_sql}", (key, *types))
    if rows:
        return rows
    return db.query(
        "SELECT DISTINCT e.id, e.name, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
        f"WHERE (a.alias_key LIKE ? OR a.alias_key LIKE ? OR a.alias_key LIKE ?){type_sql} ORDER BY e.id",
        (f"{key} %", f"% {key}", f"% {key} %", *types))


def merge_surnames(db: Database) -> int:
    """Merge one-word person entities (``Cruz``) into the only person whose last name it is
    (``Ted Cruz``).  Ambiguous surnames stay apart; lexicon entries are left alone.
    Returns the number of entities merged."""
    people = db.query("SELECT id, key FROM entities WHERE type = 'person'")
    lexicon = {r[0] for r in db.query("SELECT DISTINCT entity_id FROM entity_aliases WHERE origin = 'lexicon'")}
    by_last: dict[str, list[int]] = {}
    for eid, key in people:
        if " " in key:
            by_last.setdefault(key.rsplit(" ", 1)[1], []).append(eid)
    merges = [(eid, by_last[key][0]) for eid, key in people
              if " " not in key and eid not in lexicon and len(by_last.get(key, ())) == 1]
    if not merges:
        return 0
    with db.transaction():
        for src, dst in merges:
            db.execute("UPDATE statements SET speaker_entity_id = ? WHERE speaker_entity_id = ?", (dst, src))
            db.execute("UPDATE article_entities SET entity_id = ? WHERE entity_id = ?", (dst, src))
            db.execute("UPDATE articles SET outlet_id = ? WHERE outlet_id = ?", (dst, src))
            db.execute("UPDATE entity_aliases SET entity_id = ?, origin = 'surname' WHERE entity_id = ?", (dst, src))
            db.execute("DELETE FROM entities WHERE id = ?", (src,))
    return len(merges)


def drop_nameless(db: Database) -> int:
    """Unlink names that are only pronouns or ordinary words (and aliases that made them
    entities), e.g. a speaker "who" once resolved to the WHO.  Returns the links removed."""
    removed = 0
    with db.transaction():
        for (key,) in db.query("SELECT alias_key FROM entity_aliases"):
            if is_nameless(key) or (key in AMBIGUOUS_ALIASES):
                db.execute("DELETE FROM entity_aliases WHERE alias_key = ?", (key,))
        for eid, key in db.query("SELECT id, key FROM entities"):
            if is_nameless(key):
                for sql in ("UPDATE statements SET speaker_entity_id = NULL WHERE speaker_entity_id = ?",
                            "UPDATE article_entities SET entity_id = NULL WHERE entity_id = ?",
                            "UPDATE articles SET outlet_id = NULL WHERE outlet_id = ?",
                            "DELETE FROM entity_aliases WHERE entity_id = ?",
                            "DELETE FROM entities WHERE id = ?"):
                    db.execute(sql, (eid,))
                removed += 1
        for (name,) in db.query("SELECT DISTINCT speaker_name FROM statements "
                                "WHERE speaker_name IS NOT NULL AND speaker_entity_id IS NOT NULL"):
            if is_nameless(name_key(name)):
                db.execute("UPDATE statements SET speaker_entity_id = NULL WHERE speaker_name = ?", (name,))
                removed += 1
        for (text,) in db.query("SELECT DISTINCT speaker_text FROM statements "
                                "WHERE speaker_name IS NULL AND speaker_entity_id IS NOT NULL"):
            if text and is_nameless(name_key(text)):  # 'who' linked by an old alias, not a group
                db.execute("UPDATE statements SET speaker_entity_id = NULL WHERE speaker_text = ? "
                           "AND speaker_name IS NULL AND speaker_entity_id IN "
                           "(SELECT id FROM entities WHERE type <> 'group')", (text,))
                removed += 1
        for (name,) in db.query("SELECT DISTINCT name FROM article_entities WHERE entity_id IS NOT NULL"):
            if is_nameless(name_key(name)):
                db.execute("UPDATE article_entities SET entity_id = NULL WHERE name = ?", (name,))
                removed += 1
    return removed
