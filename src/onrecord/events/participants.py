"""Who did what to whom, from the parse: the actor and recipient phrases of a trigger's clause.

Active clauses give subject -> object (or the object of a directed preposition: "against",
"on", "with" ...); passive ones the "by" agent -> the passive subject; nominal triggers
("an attack on the base", "Israel's offensive") their possessor or compound modifier ->
their prepositional object. Coordinated phrases ("France and Germany") are compound actors.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

DIRECTED = {"against", "on", "with", "to", "at", "into", "upon", "toward", "towards", "for", "from", "over"}
SUBJECTS = {"nsubj", "csubj"}
OBJECTS = {"dobj", "obj", "dative", "attr"}
_DROP_LEFT = {"det", "predet", "punct", "cc", "preconj"}
_CLAUSE_BREAK = {"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "prep", "ccomp", "xcomp"}


def phrase(doc: Doc, head: Token) -> Span:
    """The noun phrase headed by ``head``: its left modifiers and an "of" phrase, without a
    leading determiner or the clauses hanging off it."""
    left = [t for t in head.lefts if t.dep_ not in ("punct", "cc")]
    start = min((t.left_edge.i for t in left), default=head.i)
    while start < head.i and doc[start].dep_ in _DROP_LEFT:
        start += 1
    end = head.i + 1
    for right in head.rights:
        if right.dep_ == "prep" and right.lower_ == "of" and right.i == end:
            end = right.right_edge.i + 1
        elif right.dep_ in ("compound", "nummod", "flat") and right.i == end:
            end = right.i + 1
        else:
            break
    return doc[start:end]


def members(doc: Doc, head: Token) -> list[Span]:
    """The phrase and its coordinated siblings ("France and Germany" -> two phrases)."""
    out = [phrase(doc, head)]
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(members(doc, c))
    return out


def clause_verb(token: Token) -> Token:
    """The verb whose subject a trigger shares: itself, or the verb an infinitive hangs on
    ("plans to attack" -> "plans")."""
    while token.dep_ in ("xcomp", "conj") and token.head is not token and token.head.pos_ in ("VERB", "AUX"):
        token = token.head
    return token


def actor_heads(trigger: Token) -> list[Token]:
    """Heads of the trigger's actor phrase(s)."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return [c for c in trigger.children if c.dep_ in ("poss", "compound", "amod")
                and c.pos_ in ("PROPN", "NOUN", "ADJ") and (c.ent_type_ or c.pos_ == "PROPN")][:1]
    agent = [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agent:
        return agent[:1]
    for verb in (trigger, clause_verb(trigger)):
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subj:
            return subj[:1]
    return []


def recipient_heads(trigger: Token) -> list[Token]:
    """Heads of the trigger's recipient phrase(s)."""
    if trigger.pos_ in ("VERB", "AUX"):
        passive = [c for c in trigger.children if c.dep_ == "nsubjpass"]
        if passive:
            return passive[:1]
        obj = [c for c in trigger.children if c.dep_ in OBJECTS]
        if obj:  # "ruled out any engagement with Kiev": the party inside the object
            return _directed_party(obj[0]) or obj[:1]
    return _directed_objects(trigger)[:1]


def _directed_objects(token: Token) -> list[Token]:
    return [g for prep in token.children if prep.dep_ == "prep" and prep.lower_ in DIRECTED
            for g in prep.children if g.dep_ == "pobj"]


def _directed_party(noun: Token) -> list[Token]:
    return [g for g in _directed_objects(noun) if g.pos_ == "PROPN" or g.ent_type_][:1]


def participants(doc: Doc, trigger: Token) -> tuple[list[Span], list[Span]]:
    """(actor phrases, recipient phrases) of the trigger's clause."""
    actors = [m for h in actor_heads(trigger) for m in members(doc, h)]
    recipients = [m for h in recipient_heads(trigger) for m in members(doc, h)]
    return actors, recipients
