"""Corpus-wide canonical entities: one row per person, organisation, outlet, place.

An entity registry id (``onrecord.registry``) is the strongest key: article entities with the
same registry id are one corpus entity, whatever their names.  Otherwise names are matched by
``name_key`` through ``entity_aliases``, seeded from the engine's lexicons
(``onrecord.lexicons``), ``store/aliases.tsv`` and the registry's names of each registry id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from onrecord.store.db import Database
from onrecord.store.event_groups import events_of_entity, regroup
from onrecord.store.normalise import name_key

if TYPE_CHECKING:
    from onrecord.registry import Registry

ALIASES_FILE = Path(__file__).with_name("aliases.tsv")
# one-word lexicon aliases that are also ordinary words: matched case-insensitively they would
# turn "who" into the WHO or "independent" into The Independent
AMBIGUOUS_ALIASES = frozenset("independent post mail sky times journal globe star sun".split())
# entity types that speak but are never ranked among speakers (top lists, speakers_view)
NON_SPEAKER_TYPES = ("group", "document")
NOT_GROUP_SQL = f"NOT IN ({', '.join(repr(t) for t in NON_SPEAKER_TYPES)})"  # as in f"e.type {NOT_GROUP_SQL}"


@lru_cache(maxsize=1)
def entity_registry() -> "Registry | None":
    """The packaged entity registry, or None when it cannot be loaded (the store works without)."""
    try:
        from onrecord.registry import load_registry

        return load_registry()
    except (ImportError, OSError, ValueError):  # pragma: no cover - shipped with the package
        return None


def registry_names(registry_id: str) -> list[str]:
    """The registry's names for an id that denote that actor alone (no @handles, no shared titles)."""
    reg = entity_registry()
    actor = reg.by_id(registry_id) if reg else None
    if actor is None:
        return []
    return [n for n in actor.names if not n.startswith("@") and reg.resolve(n) is actor]


def base_key(key: str) -> str:
    """An entity key without the ``#registry-id`` that sets apart two entities with one name."""
    return key.split(" #", 1)[0]


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
        self._by_registry: dict[tuple[str, str], int] = {}
        self._mark: tuple | None = None

    def forget(self) -> None:
        """Drop the caches (after a rolled-back transaction)."""
        self._cache.clear()
        self._by_registry.clear()
        self._mark = None

    def sync(self) -> None:
        """At the start of a write transaction: drop the caches when another connection has written
        since ours (another ingest may have merged away a cached entity)."""
        if self._mark is None or self.db.change_mark() != self._mark:
            self._cache.clear()
            self._by_registry.clear()

    def settle(self) -> None:
        """At the end of a write transaction (still holding the write lock): what ``sync`` compares."""
        self._mark = self.db.change_mark()

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

    def resolve(self, name: str | None, type_: str, *, origin: str = "observed",
                registry: str | None = None) -> int | None:
        """The entity a name (and registry id, when known) refers to; a new one if it is unknown."""
        if not name:
            return None
        key = name_key(name)
        if is_nameless(key):
            return None
        if registry:
            return self._resolve_registry(name.strip(), key, type_, registry, origin)
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

    def _resolve_registry(self, name: str, key: str, type_: str, rid: str, origin: str) -> int:
        """The entity with this registry id; else the one going by this name if it has no registry id
        yet (it gets this one); else a new entity (keyed ``name #id`` when the name is taken).
        The name becomes an alias of the entity, and so do the registry's names for the id."""
        cached = self._by_registry.get((rid, key))
        if cached is not None:
            return cached
        db = self.db
        eid = db.scalar("SELECT min(id) FROM entities WHERE registry_id = ?", (rid,))
        if eid is None:
            named = db.query("SELECT e.id, e.registry_id FROM entity_aliases a JOIN entities e "
                             "ON e.id = a.entity_id WHERE a.alias_key = ?", (key,))
            if named and named[0][1] is None:
                eid = named[0][0]
                db.execute("UPDATE entities SET registry_id = ? WHERE id = ?", (rid, eid))
            else:
                for ekey in (key, f"{key} #{rid}"):
                    db.execute("INSERT INTO entities (name, type, key, registry_id) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT (key) DO NOTHING", (name, type_, ekey, rid))
                    eid, owner = db.query("SELECT id, registry_id FROM entities WHERE key = ?", (ekey,))[0]
                    if owner in (None, rid):
                        db.execute("UPDATE entities SET registry_id = ? WHERE id = ?", (rid, eid))
                        break
        db.execute("INSERT INTO entity_aliases (alias_key, alias, entity_id, origin) "
                   "VALUES (?, ?, ?, ?) ON CONFLICT (alias_key) DO NOTHING", (key, name, eid, origin))
        self._add_registry_aliases(int(eid), rid)
        self._by_registry[(rid, key)] = int(eid)
        return int(eid)

    def _add_registry_aliases(self, eid: int, rid: str) -> None:
        for alias in registry_names(rid):
            key = name_key(alias)
            if key and not is_nameless(key) and key not in AMBIGUOUS_ALIASES:
                self.db.execute("INSERT INTO entity_aliases (alias_key, alias, entity_id, origin) "
                                "VALUES (?, ?, ?, 'registry') ON CONFLICT (alias_key) DO NOTHING",
                                (key, alias, eid))


def merge_entity(db: Database, src: int, dst: int, *, origin: str | None = None) -> None:
    """Fold entity ``src`` into ``dst``: statements, mentions, outlets and aliases move over (with
    ``origin`` when given); ``dst`` keeps its registry id, or takes ``src``'s.  Events with ``src``
    among their participants are regrouped."""
    db.execute("UPDATE statements SET speaker_entity_id = ? WHERE speaker_entity_id = ?", (dst, src))
    moved = events_of_entity(db, src)
    db.execute("UPDATE event_participants SET entity_id = ? WHERE entity_id = ?", (dst, src))
    db.execute("UPDATE article_entities SET entity_id = ? WHERE entity_id = ?", (dst, src))
    db.execute("UPDATE articles SET outlet_id = ? WHERE outlet_id = ?", (dst, src))
    db.execute("UPDATE copies SET outlet_id = ? WHERE outlet_id = ?", (dst, src))
    if origin:
        db.execute("UPDATE entity_aliases SET entity_id = ?, origin = ? WHERE entity_id = ?", (dst, origin, src))
    else:
        db.execute("UPDATE entity_aliases SET entity_id = ? WHERE entity_id = ?", (dst, src))
    rid = db.scalar("SELECT registry_id FROM entities WHERE id = ?", (src,))
    db.execute("DELETE FROM entities WHERE id = ?", (src,))
    if rid:
        db.execute("UPDATE entities SET registry_id = coalesce(registry_id, ?) WHERE id = ?", (rid, dst))
    regroup(db, moved)


def merge_surnames(db: Database) -> int:
    """Merge one-word person entities (``Cruz``) into the only person whose last name it is
    (``Ted Cruz``).  Ambiguous surnames stay apart; lexicon entries are left alone, and so is a
    one-word entity whose registry id is not the full name's.  Returns the number of entities merged.
    Found and merged in one transaction: another ingest may be merging too."""
    with db.transaction():
        merges = _surname_merges(db)
        for src, dst in merges:
            merge_entity(db, src, dst, origin="surname")
    return len(merges)


def _surname_merges(db: Database) -> list[tuple[int, int]]:
    people = db.query("SELECT id, key, registry_id FROM entities WHERE type = 'person'")
    lexicon = {r[0] for r in db.query("SELECT DISTINCT entity_id FROM entity_aliases WHERE origin = 'lexicon'")}
    by_last: dict[str, list[tuple[int, str | None]]] = {}
    for eid, key, rid in people:
        key = base_key(key)
        if " " in key:
            by_last.setdefault(key.rsplit(" ", 1)[1], []).append((eid, rid))
    merges = []
    for eid, key, rid in people:
        full = by_last.get(key, ())
        if " " not in key and eid not in lexicon and len(full) == 1 and (not rid or full[0][1] in (None, rid)):
            merges.append((eid, full[0][0]))
    return merges


def merge_registry_names(db: Database) -> int:
    """Merge an entity without a registry id into the registry entity that one of its names
    denotes in the registry (an entity ``Bill Barr`` into ``William Barr``, onrecord:william-barr),
    when their types agree.  Returns the number of entities merged (found and merged in one transaction)."""
    with db.transaction():
        merges = _registry_merges(db)
        for src, dst in merges.items():
            merge_entity(db, src, dst)
    return len(merges)


def _registry_merges(db: Database) -> dict[int, int]:
    owners = db.query("SELECT id, registry_id, type FROM entities WHERE registry_id IS NOT NULL ORDER BY id")
    merges: dict[int, int] = {}
    for eid, rid, typ in owners:
        keys = {name_key(n) for n in registry_names(rid)}
        for key in sorted(k for k in keys if k):
            for other, other_type in db.query(
                    "SELECT e.id, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
                    "WHERE a.alias_key = ? AND e.registry_id IS NULL AND e.id <> ?", (key, eid)):
                if (other_type == typ or "other" in (other_type, typ)) and other not in merges:
                    merges[other] = eid
    return merges


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
                unlinked = events_of_entity(db, eid)
                db.execute("UPDATE event_participants SET entity_id = NULL WHERE entity_id = ?", (eid,))
                regroup(db, unlinked)
                for sql in ("UPDATE statements SET speaker_entity_id = NULL WHERE speaker_entity_id = ?",
                            "UPDATE article_entities SET entity_id = NULL WHERE entity_id = ?",
                            "UPDATE articles SET outlet_id = NULL WHERE outlet_id = ?",
                            "UPDATE copies SET outlet_id = NULL WHERE outlet_id = ?",
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
