"""Names as a user types them -> corpus entities, through every alias, and "did you mean".

An entity is found through ``entity_aliases`` and through the entity registry: the registry's
names for the entity's registry id (``Bill Barr`` finds William Barr, ``onrecord:william-barr``),
and the registry's names for what the typed name denotes there.  When nothing matches,
``suggest`` gives close names: the registry's ``suggest`` and difflib over the corpus's speakers.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from onrecord.store.db import Database
from onrecord.store.entities import base_key, entity_registry, registry_names
from onrecord.store.errors import UnknownName
from onrecord.store.normalise import name_key

Found = tuple[int, str, str]  # entity id, canonical name, type


def _marks(values: Iterable[object]) -> str:
    return ", ".join("?" for _ in values)


def find_entities(db: Database, name: str, *, types: tuple[str, ...] = (), loose: bool = True) -> list[Found]:
    """Entities a user-typed name may mean: exact alias or registry name; without an exact alias
    (and ``loose``), also names the typed one is a whole word of (``Barr`` -> William Barr)."""
    key = name_key(name)
    if not key:
        return []
    type_sql = f" AND e.type IN ({_marks(types)})" if types else ""
    exact = db.query("SELECT e.id, e.name, e.type, e.registry_id FROM entity_aliases a "
                     f"JOIN entities e ON e.id = a.entity_id WHERE a.alias_key = ?{type_sql}", (key, *types))
    found: dict[int, Found] = {r[0]: (r[0], r[1], r[2]) for r in exact}
    ids = _registry_ids(name, key, [r[3] for r in exact if r[3]], bool(exact))
    for row in _registry_entities(db, ids, type_sql, types):
        found.setdefault(row[0], row)
    if loose and not exact:
        for row in db.query(
                "SELECT DISTINCT e.id, e.name, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
                f"WHERE (a.alias_key LIKE ? OR a.alias_key LIKE ? OR a.alias_key LIKE ?){type_sql}",
                (f"{key} %", f"% {key}", f"% {key} %", *types)):
            found.setdefault(row[0], row)
    return sorted(found.values())


def _registry_ids(name: str, key: str, known: list[str], exact: bool) -> set[str]:
    """Registry ids the name stands for: those of the exact matches, and the registry's reading of
    the name (only an unambiguous one for a bare word the corpus already knows, so that ``Trump``
    stays the corpus's Trump rather than every Trump in the registry)."""
    ids = set(known)
    reg = entity_registry()
    if reg is None:
        return ids
    if exact and " " not in key:
        actor = reg.resolve(name)
        ids |= {actor.id} if actor else set()
    else:
        ids |= {a.id for a in reg.lookup(name)}
    return ids


def _registry_entities(db: Database, ids: set[str], type_sql: str, types: tuple[str, ...]) -> list[Found]:
    """Entities with one of these registry ids, or going by one of their registry names (and no
    other registry id)."""
    if not ids:
        return []
    rids = sorted(ids)
    rows = db.query(f"SELECT e.id, e.name, e.type FROM entities e WHERE e.registry_id IN ({_marks(rids)})"
                    f"{type_sql}", (*rids, *types))
    keys = sorted({k for rid in rids for k in map(name_key, registry_names(rid)) if k})
    if keys:
        rows += db.query(
            "SELECT DISTINCT e.id, e.name, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
            f"WHERE a.alias_key IN ({_marks(keys)}) AND (e.registry_id IS NULL OR e.registry_id IN "
            f"({_marks(rids)})){type_sql}", (*keys, *rids, *types))
    return [(r[0], r[1], r[2]) for r in rows]


def suggest(db: Database, name: str, *, limit: int = 5) -> list[tuple[int, str]]:
    """Speakers (entity id, name) with names close to ``name``: the registry's suggestions that
    are in the corpus first, then difflib over the names of the corpus's speakers."""
    key = name_key(name)
    if not key:
        return []
    out: dict[int, str] = {}
    reg = entity_registry()
    if reg is not None:
        for close in reg.suggest(name, limit):
            for eid, ename, _ in find_entities(db, close, loose=False):
                out.setdefault(eid, ename)
        out = {eid: n for eid, n in out.items() if eid in _speaking(db, list(out))}
    speakers = db.query("SELECT e.id, e.name, e.key FROM entities e WHERE e.id IN "
                        "(SELECT s.speaker_entity_id FROM statements s WHERE s.speaker_entity_id IS NOT NULL)")
    by_key: dict[str, list[tuple[int, str]]] = {}
    by_last: dict[str, list[tuple[int, str]]] = {}
    for eid, ename, ekey in speakers:
        k = base_key(ekey)
        by_key.setdefault(k, []).append((eid, ename))
        if " " in k:
            by_last.setdefault(k.rsplit(" ", 1)[1], []).append((eid, ename))
    matches = [by_key[k] for k in difflib.get_close_matches(key, by_key, n=limit, cutoff=0.75)]
    if " " not in key:
        matches += [by_last[k] for k in difflib.get_close_matches(key, by_last, n=limit, cutoff=0.8)]
    for group in matches:
        for eid, ename in group:
            out.setdefault(eid, ename)
    return list(out.items())[:limit]


def _speaking(db: Database, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    return {r[0] for r in db.query("SELECT DISTINCT speaker_entity_id FROM statements "
                                   f"WHERE speaker_entity_id IN ({_marks(ids)})", ids)}


DOMINANT_SHARE = 0.9  # of a surname's statements, for a bare surname to mean one person


def find_speakers(db: Database, name: str, *, hint: str = "list speakers with `onrecord speakers`") -> list[Found]:
    """The entities a speaker's name means; ``UnknownName`` with suggestions when there are none.
    A bare surname also means the person of that surname who made at least 90% of the statements
    of all the corpus's people of that surname (``Barr`` is William Barr; ``Sanders`` stays the
    statements attributed to "Sanders" alone, see ``namesakes``)."""
    found = find_entities(db, name)
    key = name_key(name)
    if key and " " not in key:
        counts = namesakes(db, key)
        total = sum(n for _, _, n in counts)
        if counts and counts[0][2] >= DOMINANT_SHARE * total:
            eid, ename, _ = counts[0]
            if eid not in {f[0] for f in found}:
                found.append((eid, ename, "person"))
    if not found:
        raise UnknownName("speaker", name.strip(), suggest(db, name), hint)
    return found


def namesakes(db: Database, surname_key: str) -> list[tuple[int, str, int]]:
    """People with a full name ending in this surname who speak: (id, name, statements), most first."""
    rows = db.query(
        "SELECT e.id, e.name, count(s.id) FROM entities e JOIN statements s ON s.speaker_entity_id = e.id "
        "WHERE e.type = 'person' AND (e.key LIKE ? OR e.key LIKE ?) GROUP BY e.id, e.name "
        "ORDER BY count(s.id) DESC, e.id", (f"% {surname_key}", f"% {surname_key} #%"))
    return [(int(r[0]), r[1], int(r[2])) for r in rows]
