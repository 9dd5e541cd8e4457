"""Who did what to whom, from the parse: the actor and recipient phrases of a trigger's clause.

Active clauses give subject -> object (or the object of a directed preposition: "against",
"on", "with" ...); passive ones the "by" agent -> the passive subject; nominal triggers
("an attack on the base", "Israel's offensive") their possessor or compound modifier ->
their prepositional object. Coordinated phrases ("France and Germany") are compound actors.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from onrecord.lexicons import load_lexicon

DIRECTED = {"against", "on", "with", "to", "at", "into", "upon", "toward", "towards", "for", "from", "over", "of"}
SUBJECTS = {"nsubj", "csubj"}
OBJECTS = {"dobj", "obj", "dative", "attr"}
DATELINE_BREAKS = {"-", "--", "—", "–", ")", ":"}
_DROP_LEFT = {"det", "predet", "punct", "cc", "preconj"}
_CLAUSE_BREAK = {"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "prep", "ccomp", "xcomp"}


def phrase(doc: Doc, head: Token) -> Span:
    """The noun phrase headed by ``head``: its left modifiers and an "of" phrase, without a
    leading determiner or the clauses hanging off it."""
    left = [t for t in head.lefts if t.dep_ not in ("punct", "cc")]
    start = min((t.left_edge.i for t in left), default=head.i)
    breaks = [t.i for t in doc[start:head.i] if t.text in DATELINE_BREAKS]
    if breaks:  # "PARIS (Reuters) - Fighters ..." -> "Fighters ..."
        start = breaks[-1] + 1
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
    while token.dep_ in ("xcomp", "conj") and token.head.i != token.i and token.head.pos_ in ("VERB", "AUX"):
        token = token.head
    return token


def governing_verb(token: Token) -> Token:
    """The clause verb, climbing out of a purpose infinitive too ("lent $1 billion to
    Indonesia to aid ..." -> "lent")."""
    verb = clause_verb(token)
    if verb.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and verb.head.pos_ in ("VERB", "AUX"):
        return clause_verb(verb.head)
    return verb


def actor_heads(trigger: Token) -> list[Token]:
    """Heads of the trigger's actor phrase(s); a document's author stands for the document
    ("Zelensky's roadmap calls for ..." -> Zelensky)."""
    return [_author(h) for h in _actor_heads(trigger)]


def _author(head: Token) -> Token:
    if head.pos_ == "NOUN" and load_lexicon().document_nouns.get(head.lemma_.lower()):
        owner = [c for c in head.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
        if owner:
            return owner[0]
    return head


def _actor_heads(trigger: Token) -> list[Token]:
    subjects = [c for c in trigger.children if c.dep_ in SUBJECTS]
    if subjects:  # also a trigger the tagger took for a noun ("the roadmap calls for ...")
        return subjects[:1]
    if trigger.pos_ in ("NOUN", "PROPN"):
        governor = trigger.head
        if trigger.dep_ == "dobj" and governor.lemma_ in LIGHT_VERBS:
            subjects = [c for c in governor.children if c.dep_ in SUBJECTS]
            if subjects:
                return subjects[:1]
        return [c for c in trigger.children if c.dep_ in ("poss", "compound", "amod")
                and c.pos_ in ("PROPN", "NOUN", "ADJ") and (c.ent_type_ or c.pos_ == "PROPN")][:1]
    agent = [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agent:
        return agent[:1]
    for verb in (trigger, clause_verb(trigger), governing_verb(trigger)):
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subj:
            return subj[:1]
    return []


NOT_PARTIES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
PARTY_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
LIGHT_VERBS = {"launch", "hold", "stage", "express", "file", "begin", "reiterate", "promise", "offer",
               "announce", "issue", "make", "carry", "conduct", "receive", "face", "mount", "open"}
"""Verbs whose object noun is the event ("launched a probe", "staged a protest")."""


def recipient_heads(trigger: Token) -> list[Token]:
    """Heads of the trigger's recipient phrase(s): the affected party, not the thing acted
    with ("imposed sanctions on three firms" -> the firms; "refused to send troops to Iraq" -> Iraq)."""
    if trigger.pos_ in ("VERB", "AUX"):
        passive = [c for c in trigger.children if c.dep_ == "nsubjpass"]
        if passive:
            return passive[:1]
    candidates = _recipient_candidates(trigger)
    parties = [c for c in candidates if party(c)] or _clause_parties(trigger)
    return (parties or candidates)[:1]


PARTY_SLOTS = {"pobj", "dobj", "dative", "attr", "appos"}


def _clause_parties(trigger: Token) -> list[Token]:
    """Parties named elsewhere in the trigger's clause, after the trigger and outside its actor
    phrase, when its own objects name none ("agreed to a ceasefire in eastern Ukraine" ->
    Ukraine; "lent $1 billion to Indonesia to aid the country's recovery" -> Indonesia)."""
    verb = governing_verb(trigger)
    actors = {t.i for h in _actor_heads(trigger) for t in h.subtree}
    found = [t for t in verb.subtree if t.dep_ in PARTY_SLOTS and t.i not in actors and t.i != trigger.i
             and t.ent_type_ not in NOT_PARTIES and party(t) and not _in_relative(t, verb)]
    ranked = sorted((t for t in found if t.i > trigger.i), key=lambda t: (_locative(t), t.i - trigger.i))
    return ranked[:1]


LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "within"}


def _locative(token: Token) -> bool:
    """Whether the token is where something happened ("in Paris"), not who it happened to."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE


def _in_relative(token: Token, verb: Token) -> bool:
    """Whether a clause of its own (relative, adverbial, reported) stands between token and verb."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("relcl", "ccomp", "advcl", "acl") and token.i != verb.i:
            return True
        token = token.head
    return False


def _recipient_candidates(trigger: Token) -> list[Token]:
    """Objects and the objects of directed prepositions, on the trigger, on the verb a
    nominal trigger is the object of ("filed a lawsuit against ..."), on an infinitive it
    governs ("refused to send troops to Iraq"), then inside those (up to three levels:
    "lift a ban on imports of British beef")."""
    verbs = [trigger] + [c for c in trigger.children if c.dep_ == "xcomp"]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj":
        verbs.append(trigger.head)
    out = [c for v in verbs if v.pos_ in ("VERB", "AUX") for c in v.children if c.dep_ in OBJECTS]
    out += [g for v in verbs for g in _directed_objects(v)]
    frontier = list(out)
    for _ in range(3):
        frontier = [g for t in frontier for g in _directed_objects(t)]
        out += frontier
    return [t for t in out if t.ent_type_ not in NOT_PARTIES and t.i != trigger.i]


def party(token: Token) -> bool:
    """Whether a noun names a party (a person, group, organisation or country). Role nouns
    the sector registry knows ("journalist", "forces") are left out: on PLV dev they cost
    4 recipient matches of 210."""
    if token.pos_ == "PROPN" or token.ent_type_ in PARTY_ENTITIES:
        return True
    return any(c.ent_type_ in PARTY_ENTITIES or c.pos_ == "PROPN" for c in token.children
               if c.dep_ in ("amod", "compound", "poss"))


def _directed_objects(token: Token) -> list[Token]:
    return [g for prep in token.children if prep.dep_ == "prep" and prep.lower_ in DIRECTED
            for g in prep.children if g.dep_ == "pobj"]


def participants(doc: Doc, trigger: Token) -> tuple[list[Span], list[Span]]:
    """(actor phrases, recipient phrases) of the trigger's clause."""
    actors = [m for h in actor_heads(trigger) for m in members(doc, h)]
    recipients = [m for h in recipient_heads(trigger) for m in members(doc, h)]
    return actors, recipients

