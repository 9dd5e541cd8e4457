"""Features of a (trigger, candidate phrase head) pair for the role ranker. Pure: a parsed
sentence, the trigger, the candidate and the event type in, a vector of floats out."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.eventcoder.labels import TYPES
from onrecord.events.participants import actor_heads, governing_verb, party, recipient_heads

DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "conj", "appos", "attr", "dative",
        "npadvmod", "ROOT")
PREPS = ("against", "on", "to", "with", "in", "from", "by", "of", "for", "at", "into", "over", "between")
ENTS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
FEATURES = (
    *(f"dep_{d}" for d in DEPS), "dep_other",
    *(f"prep_{p}" for p in PREPS), "prep_other",
    *(f"ent_{e}" for e in ENTS), "ent_none",
    "propn", "pron", "party", "before", "log_tok_dist", "tree_dist", "in_trigger_subtree",
    "subject_of_clause", "object_of_trigger", "rule_actor", "rule_recipient", "in_rule_actor_phrase",
    "trigger_noun", "trigger_passive", "n_candidates", "party_rank_after", "phrase_words",
    "sentence_start", "in_parentheses_or_dateline",
    *(f"type_{t}" for t in TYPES),
)


def _path_to_root(token: Token) -> list[int]:
    out = [token.i]
    while token.head.i != token.i and len(out) < 40:
        token = token.head
        out.append(token.i)
    return out


def tree_distance(a: Token, b: Token) -> int:
    pa, pb = _path_to_root(a), _path_to_root(b)
    common = set(pa) & set(pb)
    if not common:
        return 40
    return min(pa.index(c) + pb.index(c) for c in common)


class RuleContext:
    """What the rules (``onrecord.events.participants``) say about a trigger, computed once."""

    def __init__(self, trigger: Token) -> None:
        self.actors = {h.i for h in actor_heads(trigger)}
        self.recipients = {h.i for h in recipient_heads(trigger)}
        self.actor_tokens = {t.i for i in self.actors for t in trigger.doc[i].subtree}
        self.verb = governing_verb(trigger)


def vector(trigger: Token, candidate: Token, event_type: str | None, rules: RuleContext,
           candidates: list[Token]) -> list[float]:
    """The pair's features, in ``FEATURES`` order."""
    dep = candidate.dep_ if candidate.dep_ in DEPS else None
    prep = candidate.head.lower_ if candidate.dep_ == "pobj" else None
    ent = candidate.ent_type_ if candidate.ent_type_ in ENTS else None
    after_parties = [c for c in candidates if c.i > trigger.i and party(c)]
    rank = next((k for k, c in enumerate(after_parties) if c.i == candidate.i), -1)
    sentence = candidate.sent
    left = candidate.left_edge.i
    row = [float(dep == d) for d in DEPS] + [float(dep is None)]
    row += [float(prep == p) for p in PREPS] + [float(prep is not None and prep not in PREPS)]
    row += [float(ent == e) for e in ENTS] + [float(ent is None)]
    row += [
        float(candidate.pos_ == "PROPN"), float(candidate.pos_ == "PRON"), float(party(candidate)),
        float(candidate.i < trigger.i), _log(abs(candidate.i - trigger.i)),
        float(tree_distance(candidate, trigger)), float(trigger.left_edge.i <= candidate.i <= trigger.right_edge.i),
        float(candidate.head.i == rules.verb.i and candidate.dep_ in ("nsubj", "nsubjpass")),
        float(candidate.head.i == trigger.i and candidate.dep_ in ("dobj", "dative", "attr")),
        float(candidate.i in rules.actors), float(candidate.i in rules.recipients),
        float(candidate.i in rules.actor_tokens),
        float(trigger.pos_ in ("NOUN", "PROPN")), float(any(c.dep_ == "nsubjpass" for c in trigger.children)),
        float(len(candidates)), float(rank), float(candidate.right_edge.i - left + 1),
        float(left == sentence.start),
        float(any(t.text in ("(", "-", "--", "—") for t in trigger.doc[left:candidate.i]) or
              any(t.text == ")" for t in trigger.doc[candidate.i:candidate.i + 2])),
    ]
    row += [float(event_type == t) for t in TYPES]
    return row


def _log(n: int) -> float:
    import math
    return math.log1p(n)
