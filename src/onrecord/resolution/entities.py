"""Entities: mentions clustered into canonical people, organisations, outlets, places and groups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from onrecord.doctext import doc_text
from onrecord.lexicons import Lexicon
from onrecord.resolution.canonical import registry_type
from onrecord.resolution.evidence import Resolution
from onrecord.resolution.offices import office_roles, surname_offices, us_states
from onrecord.resolution.mentions import (
    Mention, clean_name, description_mentions, name_mentions, person_like, pronoun_mentions,
    role_words,
)
from onrecord.resolution.pronouns import RulePronouns

_COMPATIBLE = {
    "person": {"person"},
    "media": {"media"},
    "organization": {"organization", "media"},
    "group": {"group"},
}
_RECENCY_WINDOW = 3000  # characters: how far back a description looks
_RECENT_ENTITIES = 40
_PROPAGATED_TYPES = {"person", "organization", "media"}  # entities a description may refer back to


@dataclass
class EntityDraft:
    """An entity while it is being built."""

    type: str
    names: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    outlet_kind: str | None = None
    gender: str | None = None  # 'm' or 'f' once a title or a pronoun has told
    registry: str | None = None  # the entity registry's id, once matched
    registry_name: str | None = None  # the registry's canonical name where it differs

    @property
    def registry_renamed(self) -> bool:
        return self.registry_name is not None

    def canonical(self) -> str:
        """The registry's name, else the fullest name the article gives (after the alias table)."""
        if self.registry_name:
            return self.registry_name
        if not self.names:
            return self.mentions[0].text
        return max(self.names, key=lambda n: (len(n.split()), len(n)))

    def last_mention_before(self, pos: int) -> int:
        """End of the latest mention ending at or before ``pos`` (mentions arrive in text order)."""
        for m in reversed(self.mentions):
            if m.end <= pos:
                return m.end
        return -1


class EntityIndex:
    """All entities of one document and which mention belongs to which."""

    def __init__(self, doc: Doc, lexicon: Lexicon, pronouns=None) -> None:
        """``pronouns`` chooses pronoun antecedents (``resolution.pronouns``; rules by default)."""
        self.doc = doc
        self.lexicon = lexicon
        self.pronouns = pronouns if pronouns is not None else RulePronouns()
        self.evidence: dict[int, Resolution] = {}  # mention start -> how it was resolved
        self.entities: list[EntityDraft] = []
        self.by_token: dict[int, EntityDraft] = {}
        self._groups: dict[str, EntityDraft] = {}
        self._by_name: dict[tuple[str, str], EntityDraft] = {}
        self._by_surname: dict[str, EntityDraft] = {}
        self._by_outlet: dict[str, EntityDraft] = {}
        self._recent: list[EntityDraft] = []
        mentions = (name_mentions(doc, lexicon) + description_mentions(doc, lexicon)
                    + pronoun_mentions(doc))
        for mention in sorted(mentions, key=lambda m: m.start):
            self._add(mention)
        self._propagate_names()

    def _propagate_names(self) -> None:
        """Every other occurrence of a known name is a mention too (the tagger misses some)."""
        forms: dict[str, EntityDraft] = {}
        for entity in self.entities:
            if entity.type in _PROPAGATED_TYPES:
                for m in entity.mentions:
                    if m.kind == "name" and len(m.text) >= 4 and m.text[0].isupper():
                        forms.setdefault(m.text, entity)
        if not forms:
            return
        alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
        for match in re.finditer(rf"(?<![\w-])(?:{alternatives})(?![\w-])", doc_text(self.doc)):
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="contract")
            if span is None or len(span) == 0 or any(t.i in self.by_token for t in span):
                continue
            entity = forms[match.group(0)]
            self._attach(entity, Mention(match.start(), match.end(), match.group(0), "name",
                                         entity.type, span.root.i))
        for entity in self.entities:
            entity.mentions.sort(key=lambda m: m.start)

    # -- building ---------------------------------------------------------------
    def _add(self, m: Mention) -> None:
        if any(tok in self.by_token for tok in self._tokens(m)):
            return
        if m.kind == "name":
            entity = self._entity_for_name(m)
        elif m.kind == "description":
            entity = self._antecedent(m)
            if entity is not None:
                last = [x for x in entity.mentions if x.end <= m.start]
                self.evidence[m.start] = Resolution(
                    "role", (last[-1].start, last[-1].end) if last else None, 0.8)
        else:
            entity, how = self.pronouns.choose(self, m)
            if how is not None:
                self.evidence[m.start] = how
        if entity is not None:
            self._attach(entity, m)

    def _tokens(self, m: Mention) -> range:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(m.head, m.head + 1)

    def _attach(self, entity: EntityDraft, m: Mention) -> None:
        entity.mentions.append(m)
        for tok in self._tokens(m):
            self.by_token[tok] = entity
        if entity in self._recent:
            self._recent.remove(entity)
        self._recent.append(entity)
        if len(self._recent) > _RECENT_ENTITIES:
            self._recent.pop(0)

    def _entity_for_name(self, m: Mention) -> EntityDraft:
        if m.outlet is not None:
            return self._outlet_entity(m)
        name = self.lexicon.canonical_name(clean_name(m.text))
        typ = self._name_type(name, m.type)
        entity = self._same_name(name, typ) or self._person_by_surname(name, typ)
        if entity is None:
            entity = EntityDraft(type=typ)
            self.entities.append(entity)
        self._remember_name(entity, name)
        if m.type == "person":
            self._learn_roles(entity, m)
        return entity

    def _outlet_entity(self, m: Mention) -> EntityDraft:
        outlet = m.outlet
        entity = self._by_outlet.get(outlet.name)
        if entity is None:
            entity = EntityDraft(type="media", names=[outlet.name], outlet_kind=outlet.kind,
                                 countries={outlet.country})
            self._by_outlet[outlet.name] = entity
            self.entities.append(entity)
        return entity

    def _same_name(self, name: str, typ: str) -> EntityDraft | None:
        """The entity this name belongs to: same name, or a surname of a full name (either way)."""
        entity = self._by_name.get((typ, name))
        if entity is not None:
            return entity
        tokens = name.split()
        if typ in ("organization", "media"):
            # 'the Herald' after 'the Velmora Herald': a one-word short form of a longer name
            return self._by_surname.get(f"{typ}:{tokens[0]}") if len(tokens) == 1 else None
        if typ != "person":
            return None
        if not tokens:
            return None
        entity = self._by_surname.get(tokens[-1])
        if entity is None and len(tokens) == 1:
            return self._by_first_name(tokens[0])
        if entity is None or len(tokens) == 1:
            return entity
        # a full name joins a surname-only entity, never another full name ('Bill' vs 'Hillary')
        return entity if all(len(n.split()) == 1 for n in entity.names) else None

    def _by_first_name(self, word: str) -> EntityDraft | None:
        """'Kathleen' after 'Kathleen Nott': a known first name alone joins the one person of the
        article with that first name (never when two people share it)."""
        if word not in self.lexicon.first_names:
            return None
        found = {id(e): e for e in self.entities if e.type == "person"
                 and any(len(n.split()) > 1 and n.split()[0] == word for n in e.names)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _name_type(self, name: str, tagged: str) -> str:
        """An outlet-like name ('Velmora Herald', 'the Gazette') is media whatever the tagger said;
        'Firstname Surname' tagged as an organisation or place is a person when the first name is
        certain and no word of it names an organisation or place."""
        words = name.split()
        if tagged == "organization" and any(w in self.lexicon.media_name_words for w in words):
            return "media"
        if tagged == "person" and words and words[-1] in self.lexicon.media_name_words:
            return "media"
        if tagged in ("organization", "place") and person_like(words, self.lexicon):
            return "person"
        if tagged == "person":
            known = registry_type(name)  # 'Twitter', 'the NRA' tagged as people
            if known is not None and known != "person":
                return "media" if known == "media" else "organization"
        return tagged

    def _person_by_surname(self, name: str, typ: str) -> EntityDraft | None:
        """'Trump' tagged as an organisation after 'Donald Trump' is still the person."""
        if typ == "person" or " " in name:
            return None
        entity = self._by_surname.get(name)
        return entity if entity is not None and entity.type == "person" else None

    def _remember_name(self, entity: EntityDraft, name: str) -> None:
        if name not in entity.names:
            entity.names.append(name)
        self._by_name[(entity.type, name)] = entity
        words = name.split()
        if entity.type == "person" and words:
            self._by_surname[words[-1]] = entity
        elif entity.type in ("organization", "media") and len(words) > 1:
            self._by_surname.setdefault(f"{entity.type}:{words[-1]}", entity)

    def _learn_roles(self, entity: EntityDraft, m: Mention) -> None:
        words = role_words(self.doc, self.doc[m.head], m.start)
        entity.roles.update(words)
        first = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        before = self.doc[first.start - 1].lower_ if first is not None and first.start > 0 else ""
        for word in (*words, before):
            entity.gender = entity.gender or self.lexicon.gender_words.get(word)
        for word in words:
            country = self.lexicon.demonyms.get(word.capitalize()) or self.lexicon.demonyms.get(word)
            if country:
                entity.countries.add(country)

    # -- reference ---------------------------------------------------------------
    def _antecedent(self, m: Mention) -> EntityDraft | None:
        """The earlier entity a description refers to, by type, roles, country, then recency."""
        head = self.doc[m.head]
        modifiers = [t for t in head.lefts if t.pos_ in ("ADJ", "PROPN", "NOUN")]
        best, best_key = None, None
        for entity in self._recent:
            if entity.type not in _COMPATIBLE.get(m.type, {m.type}):
                continue
            last = entity.last_mention_before(m.start)
            if last < 0 or m.start - last > _RECENCY_WINDOW:
                continue
            score = self._description_score(entity, head.lower_, modifiers, m.type)
            if score is None:
                continue
            key = (score, last)
            if best_key is None or key > best_key:
                best, best_key = entity, key
        return best

    def _description_score(self, entity: EntityDraft, noun: str, modifiers,
                           described: str) -> int | None:
        named = noun in entity.roles or noun in {w.lower() for n in entity.names for w in n.split()}
        offices = office_roles(entity.canonical()) if entity.type == "person" and entity.names else {}
        if not named and noun in offices:
            places = offices[noun]
            states = [us_states()[m.text] for m in modifiers if m.text in us_states()]
            if states and not set(states) & places:
                return None  # 'the Vermont senator' is no senator of Ohio
            named = True
        if described in ("organization", "person") and not named:
            return None  # 'the council', 'the mayor': only an entity whose name or roles say so
        score = 2 if named else 0
        if entity.outlet_kind and noun == entity.outlet_kind:
            score += 1
        for mod in modifiers:
            country = self.lexicon.demonyms.get(mod.text)
            if mod.lower_ in entity.roles:
                score += 2
            elif country and entity.countries:
                if country not in entity.countries:
                    return None
                score += 1
            elif country == "US" and (noun in offices or noun in entity.roles and
                                      noun in surname_offices(entity.canonical())):
                score += 1  # 'the U.S. president': the registry's office is a US one
            elif country and entity.type == "person":
                return None  # 'the Ukrainian leader' is no one whose roles say nothing of Ukraine
        return score

    def name_gender(self, entity: EntityDraft) -> str | None:
        """A person's gender from a first name the lexicon is certain of."""
        if entity.type != "person":
            return None
        for name in sorted(entity.names, key=lambda n: -len(n.split())):
            words = name.split()
            if len(words) > 1:
                return self.lexicon.first_names.get(words[0])
        # only a one-word name: a first name used alone ('Nicole') tells too
        return self.lexicon.first_names.get(entity.names[0]) if entity.names else None

    def person_by_surname(self, surname: str) -> EntityDraft | None:
        entity = self._by_surname.get(surname)
        return entity if entity is not None and entity.type == "person" else None

    def new_person(self, span) -> EntityDraft:
        """A person the tagger missed ('Schiff said' with no entity), named by the span."""
        entity = self._entity_for_name(Mention(span.start_char, span.end_char, span.text, "name",
                                               "person", span.root.i))
        self._attach(entity, Mention(span.start_char, span.end_char, span.text, "name", "person",
                                     span.root.i))
        entity.mentions.sort(key=lambda m: m.start)
        return entity

    @property
    def recent(self) -> list[EntityDraft]:
        """Recently mentioned entities, the latest last."""
        return self._recent

    # -- lookup ------------------------------------------------------------------
    def entity_at(self, token_i: int) -> EntityDraft | None:
        return self.by_token.get(token_i)

    def group(self, text: str, start: int, end: int, head: int) -> EntityDraft:
        """The entity of an unnamed group ('several media outlets'), one per wording."""
        return self._by_wording("group", text, start, end, head)

    def document(self, text: str, start: int, end: int, head: int) -> EntityDraft:
        """A report, poll or statement speaking without a named author, one per wording."""
        return self._by_wording("document", text, start, end, head)

    def named_organization(self, text: str, start: int, end: int, head: int) -> EntityDraft:
        """An organisation named after a person or place ('the Trump administration')."""
        return self._by_wording("organization", text, start, end, head)

    def _by_wording(self, typ: str, text: str, start: int, end: int, head: int) -> EntityDraft:
        words = text.split()
        if typ != "group" and words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        key = typ + ":" + " ".join(w.lower() for w in words)
        entity = self._groups.get(key)
        if entity is None:
            entity = EntityDraft(type=typ, names=[] if typ == "group" else [clean_name(" ".join(words))])
            self._groups[key] = entity
            self.entities.append(entity)
        entity.mentions.append(Mention(start, end, text, typ if typ == "group" else "description",
                                       typ, head))
        return entity
