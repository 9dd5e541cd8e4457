"""Contents: what a cue attributes: a complement clause, an object, a quote beside it, or
the clause the cue interrupts."""

from __future__ import annotations

import re

from spacy.tokens import Token

from onrecord.attribution.cues import CueMatch
from onrecord.attribution.quotes import Quote, after
from onrecord.attribution.spans import Span, trim
from onrecord.attribution.boundaries import starts_gloss
from onrecord.attribution.sources import inverted_speaker

_OBJECT_COMPLEMENTS = {"oprd", "xcomp", "ccomp"}
_ADDRESSEE_VERBS = {"tell", "ask", "inform", "remind", "assure", "urge", "advise", "warn"}
_QUOTE_MARKS = set("“”\"‘’«»")
_OBJECT_PREPS = {"as", "for", "of"}  # 'described the law as a crazy system', 'criticized X for Y'
_ADVERBIAL_DEPS = {"prep", "advmod", "npadvmod", "advcl", "intj"}
_CONDITION_MARKS = {"if", "unless", "provided"}
_XCOMP_CLASSES = {"denial", "directive", "assertive"}
_SPEECH_CLASSES = {"neutral", "assertive", "contested", "report", "confirmation", "denial"}
_LEFT_GLUE = re.compile(r"^[\s,—–-]*$")
_RIGHT_GLUE = re.compile(r"^[^.!?\"“”]{0,80}?[:,—–]\s*$|^\s*(?:--|—|–)?\s*$")


def _subtree_span(tok: Token) -> Span:
    right = tok.right_edge
    return tok.left_edge.idx, right.idx + len(right.text)


def clause_content(cue: CueMatch) -> Span | None:
    """The content the parse gives: a complement clause, an object, or the clause the cue interrupts."""
    verb = cue.head
    entry = cue.entry
    for child in verb.children:
        if child.dep_ == "ccomp":
            return _subtree_span(child)
    stranded = _stranded_complement(verb) if entry.frame == "clause" else None
    if stranded is not None:
        return stranded
    if entry.frame == "object":
        obj = _object_of(cue)
        if obj is not None:
            return obj
    if entry.frame in ("belief", "intent") or entry.cls in _XCOMP_CLASSES or entry.lemma in _ADDRESSEE_VERBS:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.i > verb.i:
                start, end = _subtree_span(child)
                obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < child.i), None)
                return (obj.left_edge.idx if obj is not None else start), end
    if entry.frame == "clause" and entry.cls == "neutral" and entry.lemma not in _ADDRESSEE_VERBS:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is not None and not any(t.text in _QUOTE_MARKS for t in obj.subtree):
            return _subtree_span(obj)  # 'said the same thing', 'announced a run for office'
    return None


def _stranded_complement(verb: Token) -> Span | None:
    """'told reporters at a summit that he could not comment': a 'that' clause the parser hung on
    a noun after the verb as a relative clause (its 'that' is still a complementizer: the mark,
    or tagged IN, where a relative pronoun is WDT)."""
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.dep_ != "relcl" or tok.head.i <= verb.i:
            continue
        mark = next((c for c in tok.children if c.lower_ == "that" and (c.tag_ == "IN" or c.dep_ == "mark")), None)
        if mark is not None and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return mark.idx, _end(tok.right_edge)
    return None


def interrupted_clause(cue: CueMatch, text: str) -> tuple[Span, Span | None] | None:
    """'Acts of protest, Mr. Obama said, are acts of patriotism': the clause around the cue
    (also around 'That is bad news, argued the solicitor general', parsed as a coordination)."""
    verb = cue.head
    if verb.dep_ != "parataxis" and inverted_speaker(verb) is None or \
            any(c.dep_ == "ccomp" for c in verb.children):
        return None
    head = verb.head
    whole = (head.left_edge.idx, _end(head.right_edge))
    cue_region = (verb.left_edge.idx, _end(verb.right_edge))
    before = trim(text, (max(whole[0], text.rfind("\n", 0, cue_region[0]) + 1), cue_region[0]))
    after_end = text.find("\n", cue_region[1], whole[1])
    after = trim(text, (cue_region[1], whole[1] if after_end < 0 else after_end))
    parts = [p for p in (before, after) if p[1] - p[0] > 1 and _says_something(verb.doc, p, text)]
    if not parts:
        return None
    return parts[0], (parts[1] if len(parts) > 1 else None)


def _says_something(doc, span: Span, text: str) -> bool:
    """A part of the clause that can be content, unlike the adverbial 'In a statement' of
    'In a statement, Flynn said, "..."' ('Acts of protest, Mr. Obama said, are ...' is)."""
    if any(m in text[span[0]:span[1]] for m in _QUOTE_MARKS):
        return True
    part = doc.char_span(span[0], span[1], alignment_mode="expand")
    return part is not None and part.root.dep_ not in _ADVERBIAL_DEPS


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _object_of(cue: CueMatch) -> Span | None:
    """For speech acts: the object, with the clauses that qualify the act ('as long as ...')."""
    verb = cue.head
    holder = cue.particle if cue.particle is not None and cue.particle.dep_ == "prep" else verb
    obj = next((c for c in holder.children if c.dep_ in ("dobj", "pobj", "pcomp")), None)
    if obj is None:
        return None
    start, end = _subtree_span(obj)
    for child in verb.rights:
        if child.i > obj.i and (child.dep_ in _OBJECT_COMPLEMENTS or _is_qualifying_clause(child)
                                or (child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS)):
            end = max(end, _subtree_span(child)[1])
    return start, _cut_trailing_aside(obj, end)


def _cut_trailing_aside(obj: Token, end: int) -> int:
    """An object's span stops before ', saying ...' or ', who ...' hung on its end."""
    doc = obj.doc
    for tok in doc[obj.i + 1:]:
        if tok.idx >= end:
            break
        if tok.text == "," and tok.i + 1 < len(doc):
            nxt = doc[tok.i + 1]
            if starts_gloss(nxt) or nxt.tag_ in ("WP", "WDT"):
                return tok.idx
    return end


def _is_qualifying_clause(tok: Token) -> bool:
    """A condition on the act: '... as long as X', 'unless X', 'if X' (not 'when', 'to', 'until')."""
    if tok.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in tok.children)
    return (tok.dep_ == "advmod" and tok.lower_ == "long"
            and any(c.dep_ == "advcl" for c in tok.children))


def quote_beside(cue: CueMatch, source: Span | None, quotes: list[Quote], text: str,
                 taken: set[Span]) -> Span | None:
    """A quotation right before the cue clause ('"...," he said') or right after ('said: "..."')."""
    left = min(cue.start, source[0]) if source else cue.start
    right = max(cue.end, source[1]) if source else cue.end
    later = after(quotes, left)
    n_before = len(quotes) - len(later)
    if n_before:
        prev = quotes[n_before - 1]
        if (prev.start, prev.end) not in taken and _LEFT_GLUE.match(text[prev.end:left]):
            return prev.start, prev.end
    nxt = next((q for q in later if q.start >= right), None)
    if nxt is None or (nxt.start, nxt.end) in taken:
        return None
    glue = text[right:nxt.start]
    if _RIGHT_GLUE.match(glue) and (glue.strip() or cue.entry.cls in _SPEECH_CLASSES):
        return nxt.start, nxt.end
    return None
