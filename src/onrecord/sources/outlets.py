"""Outlet names normalised as documents are read, from two versioned data files in
``onrecord/lexicons``: ``outlet_names.tsv`` (a raw name -> its canonical outlet and section, or a
columnist or label filed as an outlet) and ``outlet_domains.tsv`` (a web domain -> its outlet,
for articles whose raw outlet names none).  The raw name is kept in ``DocMeta.outlet_raw``."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Iterator
from urllib.parse import urlsplit

from onrecord.sources.model import DocMeta, RawDoc

KINDS = ("outlet", "columnist", "label")
SECTIONS = ("news", "online", "opinion", "editorial", "blog", "fact-check", "feature")
NAMES_FILE, DOMAINS_FILE = "outlet_names.tsv", "outlet_domains.tsv"


@dataclass(frozen=True, slots=True)
class NameRule:
    """One line of ``outlet_names.tsv``."""

    raw: str
    kind: str  # outlet | columnist | label
    name: str  # the canonical outlet (outlet), the person (columnist), empty (label)
    section: str | None


@dataclass(frozen=True, slots=True)
class OutletTable:
    """The two data files, keyed for lookup."""

    rules: dict[str, NameRule]  # name key -> rule
    domains: dict[str, str]  # domain -> canonical outlet

    def rule(self, raw: str | None) -> NameRule | None:
        return self.rules.get(name_key(raw)) if raw else None

    def outlet_of_host(self, host: str | None) -> str | None:
        """The outlet of a web host: its own line or its nearest parent domain's."""
        parts = (host or "").lower().removeprefix("www.").split(".")
        for i in range(len(parts) - 1):
            if (found := self.domains.get(".".join(parts[i:]))) is not None:
                return found
        return None


def name_key(name: str) -> str:
    """How names are matched: case and repeated spaces ignored."""
    return " ".join(name.split()).casefold()


def _rows(filename: str) -> Iterator[tuple[int, list[str]]]:
    text = resources.files("onrecord.lexicons").joinpath(filename).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line.split("\t")


def _rule(filename: str, number: int, cells: list[str]) -> NameRule:
    if len(cells) != 4:
        raise ValueError(f"{filename}:{number}: expected 4 tab-separated cells, found {len(cells)}")
    raw, kind, name, section = (c.strip() for c in cells)
    if kind not in KINDS or section and section not in SECTIONS:
        raise ValueError(f"{filename}:{number}: kind must be one of {', '.join(KINDS)} and section "
                         f"one of {', '.join(SECTIONS)} or empty; found {kind!r}, {section!r}")
    if (kind == "label") != (not name):
        raise ValueError(f"{filename}:{number}: a label has no name, an outlet or columnist has one")
    return NameRule(raw, kind, name, section or None)


def read_names(filename: str = NAMES_FILE) -> list[NameRule]:
    """The rules of the names file in order (the header line skipped); ValueError names a bad line."""
    return [_rule(filename, n, cells) for n, cells in _rows(filename) if cells[0] != "raw"]


def read_domains(filename: str = DOMAINS_FILE) -> list[tuple[str, str]]:
    """(domain, outlet) pairs of the domains file in order (the header skipped)."""
    pairs = []
    for number, cells in _rows(filename):
        if cells[0] == "domain":
            continue
        if len(cells) != 2 or not all(c.strip() for c in cells):
            raise ValueError(f"{filename}:{number}: expected a domain and an outlet, tab-separated")
        pairs.append((cells[0].strip().lower(), cells[1].strip()))
    return pairs


@lru_cache(maxsize=1)
def outlet_table() -> OutletTable:
    return OutletTable({name_key(r.raw): r for r in read_names()}, dict(read_domains()))


def _host(meta: DocMeta) -> str | None:
    """The article's web host: from its URL, else a ``source_url`` field (AllSides)."""
    for value in (meta.url, meta.extra.get("source_url")):
        if isinstance(value, str) and value.strip():
            text = value.strip()
            host = urlsplit(text if "//" in text else f"//{text}").hostname
            if host:
                return host
    return None


def normalise_meta(meta: DocMeta, table: OutletTable | None = None) -> DocMeta:
    """``meta`` with its canonical outlet, the raw name in ``outlet_raw`` and the section; a
    columnist's name first among the authors.  Metadata normalised once is left as it is."""
    if meta.outlet_raw is not None or not meta.outlet:
        return meta
    table = table or outlet_table()
    raw = re.sub(r"\s+", " ", meta.outlet).strip()
    rule = table.rule(raw)
    if rule is None:
        return replace(meta, outlet=raw, outlet_raw=meta.outlet)
    if rule.kind == "outlet":
        return replace(meta, outlet=rule.name, outlet_raw=meta.outlet, section=rule.section)
    authors = meta.authors
    if rule.kind == "columnist":
        authors = (rule.name, *(a for a in authors if name_key(a) != name_key(rule.name)))
    return replace(meta, outlet=table.outlet_of_host(_host(meta)), outlet_raw=meta.outlet,
                   section=rule.section, authors=authors)


def normalise_doc(doc: RawDoc) -> RawDoc:
    """A document as read with its outlet normalised (``normalise_meta``)."""
    meta = normalise_meta(doc.meta)
    return doc if meta is doc.meta else replace(doc, meta=meta)
