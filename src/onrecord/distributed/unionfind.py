"""Corpus-wide entity clusters: union-find over the store's alias keys and registry ids.

Nodes are normalised names (``store.normalise.name_key``) and registry ids; edges come from the
same sources the store's ``EntityResolver`` uses: the seeded aliases (``store.entities.alias_entries``),
an article entity's registry id and the registry's names for it (``registry_names``), and the
surname rule of ``merge_surnames``.  Two clusters with different registry ids are never joined
(the store keeps them apart too).  Names are taken first come, in plan order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from onrecord.store.entities import AMBIGUOUS_ALIASES, alias_entries, base_key, is_nameless, registry_names
from onrecord.store.normalise import name_key


@dataclass
class Cluster:
    key: str  # the first key: the cluster's id
    name: str
    type: str
    registries: set[str] = field(default_factory=set)
    lexicon: bool = False


class EntityClusters:
    """Union-find with cannot-link on registry ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.info: dict[str, Cluster] = {}
        self.order: dict[str, int] = {}

    def find(self, node: str) -> str:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def add(self, node: str, name: str, type_: str, *, lexicon: bool = False) -> str:
        if node not in self.parent:
            self.parent[node] = node
            self.order[node] = len(self.order)
            self.info[node] = Cluster(node, name, type_, lexicon=lexicon)
        return self.find(node)

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ia, ib = self.info[ra], self.info[rb]
        if ia.registries and ib.registries and ia.registries != ib.registries:
            return False  # two registry ids: two actors
        first, second = (ra, rb) if self.order[ra] < self.order[rb] else (rb, ra)
        self.parent[second] = first
        f, s = self.info[first], self.info.pop(second)
        f.registries |= s.registries
        f.lexicon |= s.lexicon
        return True

    def seed(self) -> None:
        for entry in alias_entries():
            key = name_key(entry.canonical)
            if is_nameless(key):
                continue
            self.add(key, entry.canonical, entry.type, lexicon=True)
            for alias in entry.aliases:
                k = name_key(alias)
                if k and not is_nameless(k) and k not in AMBIGUOUS_ALIASES and k not in self.parent:
                    self.add(k, alias, entry.type, lexicon=True)
                    self.union(key, k)

    def observe(self, name: str, type_: str, registry: str | None) -> str | None:
        """An article entity (in plan order); returns its cluster's key."""
        key = name_key(name or "")
        if is_nameless(key):
            return None
        self.add(key, name.strip(), type_)
        if registry:
            rnode = f"#{registry}"
            if rnode not in self.parent:
                self.add(rnode, name.strip(), type_)
                self.info[rnode].registries.add(registry)
                for alias in registry_names(registry):
                    k = name_key(alias)
                    if k and not is_nameless(k) and k not in AMBIGUOUS_ALIASES:
                        self.add(k, alias, type_)
                        self.union(rnode, k)
            if not self.union(rnode, key):
                return self.find(rnode)  # the name belongs to another actor: this one keeps its id
            return self.find(rnode)
        return self.find(key)

    def merge_surnames(self) -> None:
        """A one-word person cluster joins the only multi-word person cluster with that last name."""
        roots = {self.find(n) for n in self.parent}
        people = [self.info[r] for r in roots if self.info[r].type == "person" and not r.startswith("#")]
        by_last: dict[str, list[Cluster]] = {}
        for c in people:
            k = base_key(c.key)
            if " " in k:
                by_last.setdefault(k.rsplit(" ", 1)[1], []).append(c)
        for c in people:
            full = by_last.get(c.key, [])
            if " " not in c.key and not c.lexicon and len(full) == 1:
                self.union(full[0].key, c.key)

    @classmethod
    def from_rows(cls, rows: Iterable[dict]) -> "EntityClusters":
        """The clusters as ``rows`` saved them (an earlier reduce)."""
        uf = cls()
        for r in rows:
            root = uf.add(r["entity"], r["name"], r["type"], lexicon=bool(r["lexicon"]))
            if r["registry_id"]:
                uf.info[root].registries.add(r["registry_id"])
            uf.add(r["node"], r["name"], r["type"])
            uf.union(r["entity"], r["node"])
        return uf

    def rows(self) -> Iterable[dict]:
        for node in self.parent:
            c = self.info[self.find(node)]
            yield {"node": node, "entity": c.key, "name": c.name, "type": c.type,
                   "registry_id": min(c.registries) if c.registries else None, "lexicon": c.lexicon}

