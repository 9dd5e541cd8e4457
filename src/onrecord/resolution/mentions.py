"""Mentions: names (NER and the outlet lexicon), descriptions ('the British newspaper'), pronouns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from onrecord.doctext import doc_text
from onrecord.lexicons import Lexicon, Outlet

_NAME_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                "FAC": "place"}
_PERSONAL = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_DESCRIPTION_DETS = {"the", "this", "that"}
_POSSESSIVE = re.compile(r"(’s|'s|’|')$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that refers to an entity."""

    start: int
    end: int
    text: str
    kind: str  # name | description | pronoun | group
    type: str  # person | organization | media | place | group | other
    head: int  # token index of the syntactic head
    outlet: Outlet | None = None


def name_mentions(doc: Doc, lexicon: Lexicon) -> list[Mention]:
    """Named entities, outlets first: an outlet name beats the NER label on the same words."""
    in_ents = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    untagged = untagged_people(doc, lexicon, in_ents)
    outlets = outlet_mentions(doc, lexicon, [(m.start, m.end) for m in untagged])
    taken = set()
    for m in outlets:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        taken.update(range(span.start, span.end) if span is not None else ())
    names = list(outlets)
    for ent in doc.ents:
        label = _NAME_LABELS.get(ent.label_)
        if label is None or any(i in taken for i in range(ent.start, ent.end)):
            continue
        span = _strip_possessive(ent)
        if span is None or span.root.pos_ == "ADJ":
            continue
        names.append(Mention(span.start_char, span.end_char, span.text, "name", label, span.root.i))
    for m in untagged:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and not any(i in taken for i in range(span.start, span.end)):
            names.append(m)
    return sorted(names, key=lambda m: m.start)


def person_like(words: list[str], lexicon: Lexicon) -> bool:
    """'Firstname Surname': a certain first name, capitalised words, none naming an
    organisation, an outlet or a nationality ('Virginia Tech' is no person)."""
    return (2 <= len(words) <= 4 and words[0] in lexicon.first_names
            and all(w[:1].isupper() for w in words)
            and not any(w.lower() in lexicon.organization_words or w in lexicon.media_name_words
                        or w in lexicon.demonyms for w in words))


def untagged_people(doc: Doc, lexicon: Lexicon, tagged: set[int]) -> list[Mention]:
    """'Anita Hill' the tagger missed: a certain first name followed by capitalised proper nouns
    (tokens in ``tagged``, the tagger's entities, are left alone; words right before a tagged
    person are that person's title, not another person)."""
    taken = set(tagged)
    found = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or tok.text not in lexicon.first_names or tok.pos_ != "PROPN":
            i += 1
            continue
        end = i + 1
        while (end < len(doc) and end not in taken and doc[end].pos_ == "PROPN"
               and doc[end].text[:1].isupper() and end - i < 4):
            end += 1
        before_name = end < len(doc) and doc[end].ent_type_ == "PERSON"  # 'Vice President Mike Pence'
        if end - i >= 2 and doc[end - 1].tag_ != "NNPS" and not before_name and person_like(
                [t.text for t in doc[i:end]], lexicon):
            span = doc[i:end]
            found.append(Mention(span.start_char, span.end_char, span.text, "name", "person",
                                 span.root.i))
            taken.update(range(i, end))
        i = end
    return found


def _strip_possessive(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    if ent.doc[start].lower_ == "the":
        start += 1
    while end > start and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    return ent.doc[start:end] if end > start else None


def outlet_mentions(doc: Doc, lexicon: Lexicon, people: list[tuple[int, int]] = ()) -> list[Mention]:
    """Every outlet name or short name written in the text, except inside a person's name."""
    table, pattern = _outlet_pattern(lexicon)
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"] + list(people)
    found = []
    for match in pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        if any(s <= match.start() and match.end() <= e and e - s > match.end() - match.start()
               for s, e in people):
            continue  # 'Anita Hill' is a person, not The Hill
        if _opens_title(doc_text(doc), match.start(), lexicon):
            continue  # 'Vice President' is no mention of Vice
        outlet = table[match.group(0)]
        found.append(Mention(match.start(), match.end(), match.group(0), "name", "media",
                             span.root.i, outlet))
    return found


def _opens_title(text: str, start: int, lexicon: Lexicon) -> bool:
    """A title of several words starts at ``start`` ('Vice President', 'Prime Minister')."""
    ahead = text[start:start + 40].lower()
    return any(" " in t and ahead.startswith(t) and not ahead[len(t):len(t) + 1].isalpha()
               for t in lexicon.titles)


def _outlet_pattern(lexicon: Lexicon) -> tuple[dict[str, Outlet], re.Pattern[str]]:
    return _compiled_outlets(id(lexicon), lexicon)


_OUTLET_CACHE: dict[int, tuple[dict[str, Outlet], re.Pattern[str]]] = {}


def _compiled_outlets(key: int, lexicon: Lexicon) -> tuple[dict[str, Outlet], re.Pattern[str]]:
    if key in _OUTLET_CACHE:
        return _OUTLET_CACHE[key]
    table = lexicon.outlet_by_surface()
    forms = sorted(table, key=len, reverse=True)
    compiled = table, re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
    _OUTLET_CACHE[key] = compiled
    return compiled


def description_mentions(doc: Doc, lexicon: Lexicon) -> list[Mention]:
    """Definite descriptions headed by a role word: 'the outlet', 'the Ukrainian leader'."""
    found = []
    for tok in doc:
        if tok.tag_ not in ("NN", "NNS") or tok.dep_ in ("compound", "amod"):
            continue
        typ = lexicon.titles.get(tok.lower_) or lexicon.titles.get(tok.lemma_.lower())
        if typ is None:
            continue
        left = list(tok.lefts)
        if not left or left[0].lower_ not in _DESCRIPTION_DETS:
            continue
        if any(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP") for t in left) or any(
                c.pos_ == "PROPN" for c in tok.rights):
            continue
        start = left[0].idx
        end = tok.idx + len(tok.text)
        found.append(Mention(start, end, doc_text(doc)[start:end], "description", typ, tok.i))
    return found


def pronoun_mentions(doc: Doc) -> list[Mention]:
    """Third-person singular personal pronouns."""
    return [Mention(t.idx, t.idx + len(t.text), t.text, "pronoun", "person", t.i)
            for t in doc if t.lower_ in _PERSONAL and t.tag_ in ("PRP", "PRP$")]


def role_words(doc: Doc, head: Token, name_start: int) -> tuple[str, ...]:
    """Words before a name in its noun phrase, or in an apposition: its titles and roles."""
    words = [t.lower_ for t in doc[head.left_edge.i:head.i + 1]
             if t.idx < name_start and t.pos_ in ("NOUN", "ADJ", "PROPN") and t.dep_ != "poss"]
    for child in head.rights:
        if child.dep_ == "appos":
            words.extend(t.lower_ for t in child.subtree if t.pos_ in ("NOUN", "ADJ", "PROPN"))
    return tuple(words)


def clean_name(text: str) -> str:
    """'the FT’s' -> 'FT'; whitespace normalised."""
    text = " ".join(text.split())
    if text.lower().startswith("the "):
        text = text[4:]
    return _POSSESSIVE.sub("", text)
