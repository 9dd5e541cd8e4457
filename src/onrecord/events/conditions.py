"""Conditions as demands: "we will declare a ceasefire as soon as they withdraw" also codes
a REQUEST by the speaker that the other party withdraw (PLOVER codes what is demanded).

A condition is an adverbial clause of the statement's content opened by a conditional
marker, whose subject is another party than the speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.records import Statement

MARKERS = ("as soon as", "as long as", "if", "unless", "once", "provided", "providing", "until",
           "on condition that", "only if", "only when")


def conditions(doc: Doc, statement: Statement) -> list[tuple[Token, Token]]:
    """(the condition's verb, its subject's head) for each condition in the content."""
    content = doc.char_span(statement.content.start, statement.content.end, alignment_mode="expand")
    if content is None:
        return []
    out = []
    for token in content:
        if token.dep_ != "advcl" or token.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not _opened(doc, token) or _is_speaker(subject, statement):
            continue
        out.append((token, subject))
    return out


def _opened(doc: Doc, verb: Token) -> bool:
    """Whether a conditional marker ends at the clause's first word ("as soon as" is parsed
    as two adverbs before the clause and its own "as")."""
    first = verb.left_edge.i
    words = [t.lower_ for t in doc[max(0, first - 3):first + 1]]
    return any(words[-len(m.split()):] == m.split() for m in MARKERS)


def _is_speaker(subject: Token, statement: Statement) -> bool:
    if subject.lower_ in ("i", "we"):
        return True
    speaker = statement.speaker
    return bool(speaker and speaker.start <= subject.idx < speaker.end)
