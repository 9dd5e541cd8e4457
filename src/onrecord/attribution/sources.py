"""Sources: who a reporting verb attributes its content to, from the parse."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.attribution.spans import Span

_SUBJECT_DEPS = ("nsubj", "csubj")
_SOURCE_STOP_DEPS = {"advcl", "parataxis"}
_DATELINE_MARKS = {"--", "—", "―", "–"}
_INHERIT_DEPS = {"advcl", "xcomp", "conj", "acl", "pcomp", "prep"}


def source_of(verb: Token) -> tuple[Token | None, Span | None]:
    """The speaker of a reporting verb: its subject, else the subject it shares with its head."""
    node = verb
    for _ in range(5):
        subject = _subject_child(node)
        if subject is not None:
            return subject, source_span(subject)
        agent = _passive_agent(node)
        if agent is not None:
            return agent, source_span(agent)
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
    """The verb's subject; of two (a misparsed quote beside the cue), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _passive_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def source_span(head: Token) -> Span:
    """The noun phrase of the source with its appositions and relative clauses (PolNeAR keeps
    them), without a participle hung on it after a comma (', speaking to ...') and without a
    dateline ('WASHINGTON -- ')."""
    doc = head.doc
    end_tok = head
    for child in head.rights:
        if _ends_source(child):
            break
        end_tok = child.right_edge
    while end_tok.i > head.i and (end_tok.is_punct and end_tok.text not in ")]") or end_tok.is_space:
        end_tok = doc[end_tok.i - 1]
    start_tok = head.left_edge
    for tok in doc[head.left_edge.i:head.i]:
        if tok.text in _DATELINE_MARKS or "\n" in tok.text:
            start_tok = doc[tok.i + 1]
    while start_tok.i < head.i and (start_tok.is_punct or start_tok.is_space):
        start_tok = doc[start_tok.i + 1]
    return start_tok.idx, end_tok.idx + len(end_tok.text)


def _ends_source(child: Token) -> bool:
    if child.dep_ in _SOURCE_STOP_DEPS:
        return True
    first = child.left_edge
    after_comma = first.i > 0 and child.doc[first.i - 1].text == ","
    return child.dep_ == "acl" and after_comma  # ', speaking to a veterans group,' (relative clauses stay)
