"""Frames: given a cue, find its source (speaker) and content in the parse and the quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from onrecord.doctext import doc_text
from onrecord.attribution.cues import CueMatch
from onrecord.attribution.quotes import Quote, after
from onrecord.attribution.spans import Span, drop_complementizer, trim, widen_over_quotes

_SUBJECT_DEPS = ("nsubj", "csubj")
_SOURCE_STOP_DEPS = {"advcl", "parataxis"}
_INHERIT_DEPS = {"advcl", "xcomp", "conj", "acl", "pcomp"}
_OBJECT_COMPLEMENTS = {"oprd", "xcomp", "ccomp"}
_ADDRESSEE_VERBS = {"tell", "ask", "inform", "remind", "assure", "urge", "advise", "warn"}
_QUOTE_MARKS = set("“”\"‘’«»")
_OBJECT_PREPS = {"as", "for", "of"}  # 'described the law as a crazy system', 'criticized X for Y'
_CONDITION_MARKS = {"if", "unless", "provided"}
_CONNECTIVES = {"however", "meanwhile", "still", "moreover", "instead", "indeed", "also"}
_OPENER_WORDS = 6
_NOT_A_GLOSS = {"including", "according", "excluding", "regarding", "concerning"}
_XCOMP_CLASSES = {"denial", "directive", "assertive"}
_SPEECH_CLASSES = {"neutral", "assertive", "contested", "report", "confirmation", "denial"}
_LEFT_GLUE = re.compile(r"^[\s,—–-]*$")
_RIGHT_GLUE = re.compile(r"^[^.!?\"“”]{0,80}?[:,]\s*$|^\s*$")


@dataclass(frozen=True, slots=True)
class Frame:
    """A cue with the source and content found for it."""

    cue: CueMatch
    source: Span | None
    source_head: Token | None
    content: Span
    content2: Span | None = None


def source_of(verb: Token) -> tuple[Token | None, Span | None]:
    """The speaker of a reporting verb: its subject, else the subject it shares with its head."""
    node = verb
    for _ in range(3):
        subject = _subject_child(node)
        if subject is not None:
            return subject, _source_span(subject)
        agent = _passive_agent(node)
        if agent is not None:
            return agent, _source_span(agent)
        if node.dep_ not in _INHERIT_DEPS or node.head.i == node.i:
            return None, None
        node = _speaker_clause(node)
    return None, None


def _speaker_clause(node: Token) -> Token:
    """Where a participle's subject is found: '[X denied [that Y did Z], saying ...]' hangs the
    participle on the content's verb in the parse, but the one saying it is X."""
    head = node.head
    if node.tag_ == "VBG" and node.dep_ == "advcl" and head.dep_ == "ccomp" and head.head.i != head.i:
        return head.head
    return head


def _subject_child(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    return None


def _passive_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _source_span(head: Token) -> Span:
    """The noun phrase of the source, without a trailing relative clause or apposition."""
    end_tok = head
    for child in head.rights:
        if child.dep_ in _SOURCE_STOP_DEPS:
            break
        end_tok = child.right_edge
    while end_tok.i > head.i and (end_tok.is_punct and end_tok.text not in ")]") or end_tok.is_space:
        end_tok = end_tok.doc[end_tok.i - 1]
    start_tok = head.left_edge
    while start_tok.i < head.i and (start_tok.is_punct or start_tok.is_space):
        start_tok = start_tok.doc[start_tok.i + 1]
    return start_tok.idx, end_tok.idx + len(end_tok.text)


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


def interrupted_clause(cue: CueMatch, text: str) -> tuple[Span, Span | None] | None:
    """'Acts of protest, Mr. Obama said, are acts of patriotism': the clause around the cue."""
    verb = cue.head
    if verb.dep_ != "parataxis" or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    head = verb.head
    whole = (head.left_edge.idx, _end(head.right_edge))
    cue_region = (verb.left_edge.idx, _end(verb.right_edge))
    before = trim(text, (max(whole[0], text.rfind("\n", 0, cue_region[0]) + 1), cue_region[0]))
    after_end = text.find("\n", cue_region[1], whole[1])
    after = trim(text, (cue_region[1], whole[1] if after_end < 0 else after_end))
    parts = [p for p in (before, after) if p[1] - p[0] > 1]
    if not parts:
        return None
    return parts[0], (parts[1] if len(parts) > 1 else None)


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
            if _starts_gloss(nxt) or nxt.tag_ in ("WP", "WDT"):
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


def finish_content(span: Span, text: str, quotes: list[Quote], doc=None) -> Span:
    """Trim, drop 'that', stop before a trailing ', adding ...', never cut a quotation in half."""
    span = drop_complementizer(text, trim(text, span))
    if doc is not None:
        span = _without_trailing_participle(doc, span, quotes)
        first = doc.char_span(span[0], span[1], alignment_mode="expand")
        if first is not None and len(first) and first[0].is_sent_start:
            span = without_opener(doc, span, text)
    return trim(text, widen_over_quotes(span, quotes))


def without_opener(doc, span: Span, text: str) -> Span:
    """'But X', 'And X', 'In addition, X', 'As it stands, X' -> 'X' (the writer's connective)."""
    first = doc.char_span(span[0], span[1], alignment_mode="expand")
    if first is None or len(first) < 3:
        return span
    tok = first[0]
    if tok.dep_ == "cc" or (tok.lower_ in _CONNECTIVES and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ","):
        return trim(text, (doc[tok.i + 1].idx, span[1]))
    for k in range(1, min(_OPENER_WORDS, len(first) - 2)):
        if first[k].text == "," and first[0].head.i == first[0].head.i and _is_opener(first[: k]):
            return trim(text, (first[k].idx + 1, span[1]))
    return span


def _is_opener(phrase) -> bool:
    """A short adverbial phrase hanging on the clause ('Details aside', 'As for complexity')."""
    root = phrase.root
    return (root.dep_ in ("prep", "advmod", "npadvmod", "advcl", "intj") and root.head.i >= phrase.end
            and not any(t.text in "“\"'‘" for t in phrase))


def _starts_gloss(tok: Token) -> bool:
    """', saying ...', ', adding ...': the writer's addition after a comma."""
    return (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp", "conj")
            and tok.lower_ not in _NOT_A_GLOSS)


def _without_trailing_participle(doc, span: Span, quotes: list[Quote]) -> Span:
    """'..., focusing on people under 30' is the writer's gloss, not the content."""
    start, end = span
    for q in after(quotes, start):  # a content that is a quotation is kept whole
        if q.start > start:
            break
        if end <= q.end + 1:
            return span
    for m in _COMMA_PARTICIPLE.finditer(doc_text(doc), start, end):
        pos = m.start()
        if any(q.start < pos < q.end for q in after(quotes, pos)[:1]):
            continue
        tok = doc.char_span(m.end() - len(m.group(1)), m.end(), alignment_mode="expand")
        if tok is not None and _starts_gloss(tok[0]):
            return start, pos
    return span


_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_COMMA_PARTICIPLE = re.compile(r",\s+(\w+)\b")


def extend_to_sentence_start(verb: Token, content: Span, text: str) -> Span:
    """A content before its cue takes in the clauses before it ('A, but B, a source said')."""
    sent = verb.sent
    if content[0] < sent.start_char:
        return content
    gap = [t for t in sent if t.idx < content[0]]
    if any(t.tag_ in _FINITE_TAGS for t in gap):
        return without_opener(verb.doc, trim(text, (sent.start_char, content[1])), text)
    return content
