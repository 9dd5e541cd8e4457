"""Cue detection: which tokens are reporting verbs (and their phrasal forms), and the cue's span."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from onrecord.lexicons import Lexicon, VerbEntry

_VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
_NOT_A_CUE_DEPS = {"amod", "compound", "acl"}
_CUE_AUX_DEPS = {"aux", "auxpass", "neg", "advmod"}
_CUE_ADVERBS_TO_SKIP = {"when", "where", "how", "why", "so", "as", "then,"}


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A reporting verb found in the parse."""

    head: Token
    entry: VerbEntry
    start: int  # character offsets of the cue words
    end: int
    particle: Token | None  # "out" of "ruled out", "for" of "called for"


def match_verb_cue(tok: Token, lexicon: Lexicon) -> CueMatch | None:
    """The cue headed by ``tok``, if it is a reporting verb used as a verb."""
    if tok.tag_ not in _VERB_TAGS or tok.dep_ in _NOT_A_CUE_DEPS or not tok.text[0].isalpha():
        return None  # punctuation cues (':', '―') come from the layout rules, never as verbs
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and child.i == tok.i + 1:
            entry = lexicon.verbs.get(f"{lemma} {child.lower_}")
            if entry is not None:
                return _cue_span(tok, entry, child)
    entry = lexicon.verbs.get(lemma)
    if entry is None or " " in entry.lemma:
        return None
    return _cue_span(tok, entry, None)


def _cue_span(tok: Token, entry: VerbEntry, particle: Token | None) -> CueMatch:
    """Cue words: the verb with its auxiliaries directly before it ('has said') and its particle."""
    first = tok
    for child in reversed(list(tok.lefts)):
        if child.dep_ in _CUE_AUX_DEPS and child.i == first.i - 1 and _joins_cue(child):
            first = child
        else:
            break
    last = particle if particle is not None else tok
    if last.i + 1 < len(tok.doc):
        nxt = tok.doc[last.i + 1]
        if nxt.dep_ == "npadvmod" and nxt.head.i == tok.i and nxt.ent_type_ in ("DATE", "TIME"):
            last = nxt  # 'said Friday
    return CueMatch(tok, entry, first.idx, last.idx + len(last.text), particle)


def match_according_to(tok: Token, lexicon: Lexicon) -> CueMatch | None:
    """'according to X': the cue is the two words, headed by 'according'."""
    if tok.lower_ != "according":
        return None
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    entry = lexicon.verbs.get("according to")
    if entry is None:
        return None
    to = doc[tok.i + 1]
    return CueMatch(tok, entry, tok.idx, to.idx + len(to.text), to)


def _joins_cue(tok: Token) -> bool:
    """Auxiliaries, negation and single adverbs ('also', 'now') belong to the cue words."""
    if tok.dep_ == "advmod":
        return tok.pos_ == "ADV" and tok.lower_ not in _CUE_ADVERBS_TO_SKIP and not any(True for _ in tok.children)
    return True
