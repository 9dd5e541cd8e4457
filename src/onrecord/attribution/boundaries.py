"""Boundaries: where a content starts and ends (complementizer, connectives, glosses, quotes)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from onrecord.attribution.quotes import Quote, after
from onrecord.doctext import doc_text
from onrecord.attribution.spans import Span, drop_complementizer, trim, widen_over_quotes

_CONNECTIVES = {"however", "meanwhile", "still", "moreover", "instead", "indeed", "also"}
_OPENER_WORDS = 6
_NOT_A_GLOSS = {"including", "according", "excluding", "regarding", "concerning"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_COMMA_PARTICIPLE = re.compile(r",\s+(\w+)\b")


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


def starts_gloss(tok: Token) -> bool:
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
        if tok is not None and starts_gloss(tok[0]):
            return start, pos
    return span


def extend_to_sentence_start(verb: Token, content: Span, text: str) -> Span:
    """A content before its cue takes in the clauses before it ('A, but B, a source said')."""
    sent = verb.sent
    if content[0] < sent.start_char:
        return content
    gap = [t for t in sent if t.idx < content[0]]
    if any(t.tag_ in _FINITE_TAGS for t in gap):
        return without_opener(verb.doc, trim(text, (sent.start_char, content[1])), text)
    return content
