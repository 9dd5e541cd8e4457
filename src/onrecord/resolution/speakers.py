"""Speaker resolution: a source span to the entity it names, describes or stands for, with the
evidence of how (``resolution.evidence``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from onrecord.lexicons import Lexicon
from onrecord.resolution.entities import EntityDraft, EntityIndex
from onrecord.resolution.evidence import Resolution
from onrecord.resolution.mentions import Mention

_RELATIVE = {"who", "which", "that", "whom"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
_MODIFIER_DEPS = {"compound", "poss", "amod", "nmod", "npadvmod"}
NAME_CONFIDENCE, SURNAME_CONFIDENCE, GROUP_CONFIDENCE = 0.97, 0.92, 0.9
BODY_CONFIDENCE = 0.8  # 'police' for the police department the article named


@dataclass(frozen=True, slots=True)
class SpeakerChoice:
    """The entity a source refers to (None if the text does not say) and how it was found."""

    entity: EntityDraft | None
    resolution: Resolution | None
    members: tuple[EntityDraft, ...] = ()
    spokesperson: bool = False  # speaks through a spokesperson ('a Pentagon spokesman')


_NONE = SpeakerChoice(None, None)


def speaker_entity(index: EntityIndex, head: Token | None, start: int, end: int,
                   lexicon: Lexicon) -> SpeakerChoice:
    """The entity a source refers to, with the evidence."""
    if head is None:
        return _NONE
    doc: Doc = head.doc
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
        head = head.head.head  # 'officials who said': the officials
        start, end = head.left_edge.idx, head.idx + len(head.text)
    entity = index.entity_at(head.i)
    if entity is not None and is_label(entity):
        return _NONE  # 'TARGET:', 'VERDICT:' label a list's entries; they say nothing
    if entity is not None and _party_members(head, entity, lexicon):
        return _group(index, head, doc[head.left_edge.i:head.i + 1], lexicon)
    if entity is not None and entity.type != "place":
        return SpeakerChoice(entity, mention_resolution(index, entity, head), _members(index, head, entity))
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return _NONE
    document = _document_speaker(index, head, span, lexicon)
    if document is not None:
        return document
    if head.pos_ == "NOUN":
        return _noun_headed(index, head, span, lexicon)
    for tok in span:
        entity = index.entity_at(tok.i)
        if entity is not None and _part_of_name(tok, head) and entity.type != "place":
            return SpeakerChoice(entity, mention_resolution(index, entity, tok))
    if head.tag_ in ("NNPS", "NNS"):
        return _group(index, head, span, lexicon)
    if head.pos_ == "PROPN" and head.text[:1].isupper():
        return _unrecognised_name(index, head)
    return _group(index, head, span, lexicon)


def _unrecognised_name(index: EntityIndex, head: Token) -> SpeakerChoice:
    """A proper-noun source the tagger missed: a known person's surname, else a new person
    (never a word with a determiner: 'an Iowa Republican' is no one's name)."""
    if any(t.dep_ == "det" for t in head.lefts) or head.text.isupper():
        return _NONE
    known = index.person_by_surname(head.text)
    if known is not None:
        full = [m for m in known.mentions if len(m.text.split()) > 1]
        return SpeakerChoice(known, Resolution("surname", (full[0].start, full[0].end) if full
                                               else None, SURNAME_CONFIDENCE - 0.1))
    words = [t for t in head.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
    first = words[0] if words else head
    entity = index.new_person(head.doc[first.i:head.i + 1])
    return SpeakerChoice(entity, Resolution("name", None, NAME_CONFIDENCE - 0.1))


def _noun_headed(index: EntityIndex, head: Token, span, lexicon: Lexicon) -> SpeakerChoice:
    """'the Trump administration' and 'the Chinese government' are organisations, 'a senior DOJ
    official' an unnamed person: a name in front of a common noun is never the speaker itself."""
    modifier = [t for t in head.lefts if t.dep_ in _MODIFIER_DEPS and t.pos_ == "PROPN"
                and index.entity_at(t.i) is not None]
    noun = head.lemma_.lower()
    if noun in lexicon.spokesperson_nouns or head.lower_ in lexicon.spokesperson_nouns:
        objects = [t for prep in head.rights if prep.lower_ == "for" for t in prep.children
                   if t.dep_ == "pobj"]
        employer = [t for t in objects if index.entity_at(t.i) is not None] + modifier + [
            t for o in objects for t in o.subtree if index.entity_at(t.i) is not None]
        if employer:
            entity = index.entity_at(employer[0].i)
            mention = _mention_at(entity, employer[0])
            return SpeakerChoice(entity, Resolution(
                "role", (mention.start, mention.end) if mention else None, 0.85), spokesperson=True)
    national = [t for t in head.lefts if t.dep_ in _MODIFIER_DEPS and t.text in lexicon.demonyms]
    if (modifier or national) and noun in lexicon.institution_nouns:
        core = head.doc[(modifier or national)[0].left_edge.i:head.i + 1]
        entity = index.named_organization(core.text, core.start_char, core.end_char, head.i)
        return SpeakerChoice(entity, Resolution("description", None, 0.85))
    for tok in span:
        entity = index.entity_at(tok.i)
        if entity is not None and tok.dep_ == "appos" and entity.type != "place":
            return SpeakerChoice(entity, mention_resolution(index, entity, tok))
    return _group(index, head, span, lexicon)


def _group(index: EntityIndex, head: Token, span, lexicon: Lexicon) -> SpeakerChoice:
    if _is_group(head, lexicon) and span.start <= head.i < span.end:
        named = _named_body(index, head)
        if named is not None:
            before = [m for m in named.mentions if m.end <= head.idx]
            via = (before[-1].start, before[-1].end) if before else None
            return SpeakerChoice(named, Resolution("description", via, BODY_CONFIDENCE))
        core = head.doc[max(head.left_edge.i, span.start):head.i + 1]  # 'Democrats', not its apposition
        entity = index.group(core.text, core.start_char, core.end_char, head.i)
        return SpeakerChoice(entity, Resolution("group", None, GROUP_CONFIDENCE))
    return _NONE


def _named_body(index: EntityIndex, head: Token) -> EntityDraft | None:
    """A bare group noun ('police', 'prosecutors') that names the one organisation the article
    named before with that word ('the St. Louis Metropolitan Police Department')."""
    if any(t.dep_ in _MODIFIER_DEPS or t.dep_ == "nummod" for t in head.lefts) or \
            any(t.lower_ in ("some", "many", "several", "other") for t in head.lefts):
        return None
    words = {head.lower_, head.lemma_.lower()}
    found = [e for e in index.recent if e.type == "organization" and e.names and
             e.last_mention_before(head.idx) >= 0 and
             words & {w.lower() for n in e.names for w in n.split()}]
    return found[0] if len(found) == 1 else None


def _document_speaker(index: EntityIndex, head: Token, span, lexicon: Lexicon) -> SpeakerChoice | None:
    """'an NBC News report' speaks for NBC News; 'a CNN/ORC poll' is a poll, not CNN."""
    authored = lexicon.document_nouns.get(head.lower_)
    if authored is None:
        authored = lexicon.document_nouns.get(head.lemma_.lower())
    if authored is None or head.pos_ != "NOUN":
        return None
    if authored:
        for tok in head.lefts:
            entity = index.entity_at(tok.i)
            if entity is not None and entity.type in ("person", "organization", "media"):
                mention = _mention_at(entity, tok)
                span = (mention.start, mention.end) if mention else None
                return SpeakerChoice(entity, Resolution("document-author", span, 0.85))
    core = head.doc[max(head.left_edge.i, span.start):head.i + 1]
    entity = index.document(core.text, core.start_char, core.end_char, head.i)
    return SpeakerChoice(entity, Resolution("description", None, 0.9))


def _part_of_name(tok: Token, head: Token) -> bool:
    """A token of the source's own name or apposition, not of a phrase attached to it
    ('Key Democrats in the Senate' is not the Senate)."""
    node = tok
    while node.i != head.i:
        if node.dep_ not in ("compound", "flat", "appos", "nmod", "amod") or node.head.i == node.i:
            return False
        node = node.head
    return True


def is_label(entity: EntityDraft) -> bool:
    """An entity named only by one all-capitals word the registry does not know ('TARGET')."""
    names = entity.names or [m.text for m in entity.mentions]
    if not names or entity.type not in ("person", "organization", "other"):
        return False
    from onrecord.resolution.canonical import known_name
    return all(len(n.split()) == 1 and n.isupper() and len(n) >= 4 and not known_name(n)
               for n in names)


def _party_members(head: Token, entity: EntityDraft, lexicon: Lexicon) -> bool:
    """'Democrats', 'some Republicans': members of a party speak as a group, not as the party."""
    return head.lower_ in lexicon.party_members and entity.type in ("organization", "group", "other")


def _members(index: EntityIndex, head: Token, entity: EntityDraft) -> tuple[EntityDraft, ...]:
    """'Obama and Ban Ki-moon said': every named member of a coordinated source."""
    members = [entity]
    for tok in head.conjuncts:
        other = index.entity_at(tok.i)
        if other is not None and other not in members and other.type != "place":
            members.append(other)
    return tuple(members) if len(members) > 1 else ()


def _mention_at(entity: EntityDraft, tok: Token) -> Mention | None:
    pos = tok.idx
    for m in entity.mentions:
        if m.start <= pos < m.end:
            return m
    return None


def mention_resolution(index: EntityIndex, entity: EntityDraft, tok: Token) -> Resolution:
    """How the mention at ``tok`` was tied to its entity."""
    mention = _mention_at(entity, tok)
    if mention is None or entity.type == "group":
        return Resolution("group" if entity.type == "group" else "name", None,
                          GROUP_CONFIDENCE if entity.type == "group" else NAME_CONFIDENCE)
    how = index.evidence.get(mention.start)
    if how is not None:
        return how
    if mention.kind == "name" and entity.type == "person":
        full = [m for m in entity.mentions if len(m.text.split()) > len(mention.text.split())]
        if full and len(mention.text.split()) == 1:
            return Resolution("surname", (full[0].start, full[0].end), SURNAME_CONFIDENCE)
    return Resolution("name", None, NAME_CONFIDENCE)


def first_person_speaker(parent: SpeakerChoice | None, parent_source: tuple[int, int] | None,
                         head: Token | None) -> SpeakerChoice | None:
    """'I' or 'we' as the source of a statement inside a quote: the quote's own speaker."""
    if head is None or head.lower_ not in FIRST_PERSON or parent is None or parent.entity is None:
        return None
    confidence = 0.9 if head.lower_ in ("i", "me", "my") else 0.75
    return SpeakerChoice(parent.entity, Resolution("quote-first-person", parent_source, confidence))


def same_spokesperson(previous: SpeakerChoice | None, head: Token | None,
                      lexicon: Lexicon, adjacent: bool = False) -> SpeakerChoice | None:
    """'The spokesman said' after 'a spokesman for Mitch McConnell said': the same employer
    ('the aide said' too, when the spokesperson's statement is the one just before)."""
    if previous is None or head is None:
        return None
    noun = head.lemma_.lower()
    if noun not in lexicon.spokesperson_nouns and not (adjacent and noun in lexicon.staff_nouns):
        return None
    if not any(t.dep_ == "det" and t.lower_ == "the" for t in head.lefts):
        return None
    how = previous.resolution
    return SpeakerChoice(previous.entity, Resolution("role", how.antecedent if how else None, 0.75),
                         spokesperson=True)


def _is_group(head: Token, lexicon: Lexicon) -> bool:
    return head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in lexicon.group_heads
