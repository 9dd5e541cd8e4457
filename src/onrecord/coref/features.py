"""Features of a (pronoun, candidate antecedent) pair: distance, salience, agreement, syntax,
quotation and speaker context. Pure: a parsed Doc and positions in, a vector of floats out."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from onrecord.coref.context import DiscourseContext

_SUBJECT = {"nsubj", "nsubjpass", "csubj"}
_OBJECT = {"dobj", "iobj", "pobj", "dative", "attr", "oprd"}
_FEMININE = {"she", "her", "hers", "herself"}
_REFLEXIVE = {"himself", "herself"}
KINDS = ("name", "description", "pronoun")


@dataclass(frozen=True, slots=True)
class Candidate:
    """An earlier entity as a pronoun's possible antecedent, summarised at the pronoun."""

    start: int          # its latest mention before the pronoun (characters)
    end: int
    head: int           # that mention's head token
    kind: str           # that mention's kind: name | description | pronoun
    first_head: int     # head token of the entity's first mention
    mentions: int       # mentions so far
    gender: str | None  # 'm' | 'f' as the text or a first-name lexicon says; None unknown
    rank: int           # 0 for the most recently mentioned entity
    is_person: bool
    has_full_name: bool
    doc_first: bool = False  # the document's first-mentioned person (its topic, in a biography)


FEATURES = (
    "sent_dist", "log_tok_dist", "para_dist", "rank", "log_mentions",
    "gender_match", "gender_clash", "gender_unknown",
    "kind_name", "kind_description", "kind_pronoun",
    "cand_subject", "cand_object", "cand_possessor", "cand_sentence_initial", "cand_in_apposition",
    "pron_subject", "pron_object", "pron_possessive", "pron_reflexive", "same_role",
    "same_sentence", "same_verb", "cand_dominates_pron",
    "pron_in_quote", "cand_in_quote", "same_quote", "cand_in_other_quote",
    "pron_is_source", "cand_is_source", "last_speaker", "recent_speaker_rank", "speaker_count",
    "para_opens_with_quote", "first_mention_subject", "is_person", "has_full_name",
    "cand_is_pronoun_same_form", "cand_prev_sentence_subject", "doc_first", "pron_sentence_initial",
)


def pronoun_gender(word: str) -> str:
    return "f" if word.lower() in _FEMININE else "m"


def _role(tok: Token) -> tuple[bool, bool, bool]:
    dep = tok.dep_
    if dep == "poss":
        return False, False, True
    head = tok
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    dep = head.dep_
    return dep in _SUBJECT, dep in _OBJECT, False


def _clause_verb(tok: Token) -> Token:
    node = tok
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node


def _dominates(a: Token, b: Token) -> bool:
    node = b
    while node.head.i != node.i:
        node = node.head
        if node.i == a.i:
            return True
    return False


def _speaker_features(ctx: DiscourseContext, pos: int,
                      same_entity: Callable[[int], bool]) -> tuple[float, float, float]:
    """Was the candidate the last speaker before ``pos``; how far back it last spoke; how often."""
    sites = ctx.sources_before(pos)
    spoke = [i for i, s in enumerate(sites) if same_entity(s.head)]
    last = 1.0 if spoke and spoke[-1] == len(sites) - 1 else 0.0
    rank = float(len(sites) - 1 - spoke[-1]) if spoke else 10.0
    return last, min(rank, 10.0), float(len(spoke))


def sentence_numbers(doc: Doc) -> list[int]:
    """For each token, the number of its sentence."""
    numbers = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        numbers[sent.start:sent.end] = [n] * len(sent)
    return numbers


def pair_features(doc: Doc, sent_of: Sequence[int], pron: Token, cand: Candidate,
                  ctx: DiscourseContext, same_entity: Callable[[int], bool]) -> list[float]:
    """The feature vector of one pair, in the order of ``FEATURES``.

    ``sent_of`` is ``sentence_numbers(doc)``; ``same_entity(token_i)`` tells whether a token
    belongs to the candidate's entity (for the speaker features)."""
    ctok = doc[cand.head]
    same_sent = sent_of[pron.i] == sent_of[ctok.i]
    sent_dist = float(max(0, sent_of[pron.i] - sent_of[ctok.i]))
    tok_dist = max(1, pron.i - ctok.i)
    p_start = pron.idx
    p_gender = pronoun_gender(pron.text)
    c_subj, c_obj, c_poss = _role(ctok)
    p_subj, p_obj, p_poss = _role(pron)
    p_quote, c_quote = ctx.quote_at(p_start), ctx.quote_at(cand.start)
    heads = ctx.source_heads
    last, speaker_rank, speaker_count = _speaker_features(ctx, p_start, same_entity)
    first = doc[cand.first_head]
    return [
        min(sent_dist, 20.0), math.log(tok_dist), float(min(ctx.paragraph_of(p_start)
                                                             - ctx.paragraph_of(cand.start), 10)),
        float(min(cand.rank, 20)), math.log(cand.mentions),
        float(cand.gender == p_gender), float(cand.gender is not None and cand.gender != p_gender),
        float(cand.gender is None),
        *(float(cand.kind == k) for k in KINDS),
        float(c_subj), float(c_obj), float(c_poss), float(ctok.i - ctok.sent.start <= 2),
        float(any(t.dep_ == "appos" for t in ctok.children) or ctok.dep_ == "appos"),
        float(p_subj), float(p_obj), float(p_poss), float(pron.lower_ in _REFLEXIVE),
        float((c_subj, c_obj, c_poss) == (p_subj, p_obj, p_poss)),
        float(same_sent), float(same_sent and _clause_verb(pron).i == _clause_verb(ctok).i),
        float(same_sent and _dominates(ctok, pron)),
        float(p_quote is not None), float(c_quote is not None),
        float(p_quote is not None and p_quote == c_quote),
        float(c_quote is not None and c_quote != p_quote),
        float(pron.i in heads), float(ctok.i in heads), last, speaker_rank, speaker_count,
        float(ctx.paragraph_opens_with_quote(p_start)), float(_role(first)[0]),
        float(cand.is_person), float(cand.has_full_name),
        float(cand.kind == "pronoun" and pronoun_gender(ctok.text) == p_gender),
        float(sent_of[ctok.i] == sent_of[pron.i] - 1 and c_subj), float(cand.doc_first),
        float(pron.i - pron.sent.start <= 1),
    ]

