"""Sources: who a reporting verb attributes its content to, from the parse."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.attribution.spans import Span

_SUBJECT_DEPS = ("nsubj", "csubj")
_SOURCE_STOP_DEPS = {"advcl", "parataxis"}
_DATELINE_MARKS = {"--", "—", "―", "–"}
_INHERIT_DEPS = {"advcl", "xcomp", "conj", "acl", "pcomp", "prep", "dep"}  # dep: left unlabelled


def source_of(verb: Token) -> tuple[Token | None, Span | None]:
    """The speaker of a reporting verb: its subject, else the subject it shares with its head
    (a passive head's subject too: 'X is heard yelling', 'X was quoted as saying')."""
    inverted = inverted_speaker(verb)
    if inverted is not None:
        return inverted, source_span(inverted)
    node = verb
    for _ in range(5):
        subject = _subject_child(node, passive=node is not verb)
        if subject is not None:
            return subject, source_span(subject)
        agent = _passive_agent(node)
        if agent is not None:
            return agent, source_span(agent)
        if node.dep_ not in _INHERIT_DEPS and not _coordination_parsed_as_ccomp(node) \
                or node.head.i == node.i:
            return None, None
        node = _speaker_clause(node)
    return None, None


def inverted_speaker(verb: Token) -> Token | None:
    """'That will be bad news, argued the deputy solicitor general, Jeffrey Wall.' parsed as a
    verb coordinated after a comma whose speaker is its object: no subject, a comma before it,
    and the object's phrase, which names someone, ending the sentence."""
    doc = verb.doc
    if verb.dep_ != "conj" or verb.head.i > verb.i or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in (*_SUBJECT_DEPS, "nsubjpass") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or any(t.is_quote or t.text == "“" for t in obj.subtree) or not _names_someone(obj):
        return None
    rest = doc[obj.right_edge.i + 1:verb.sent.end]
    return obj if all(t.is_punct or t.is_space for t in rest) else None


def _names_someone(head: Token) -> bool:
    """A noun phrase that names a person or body: a name, or a noun with a name in apposition."""
    return head.ent_type_ in ("PERSON", "ORG", "NORP") or head.pos_ == "PROPN" or any(
        c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)


def _speaker_clause(node: Token) -> Token:
    """Where a subjectless cue's speaker is found.

    A participial adjunct ('..., saying ...', 'Citing X, Y said') shares the subject of its
    sentence's main verb, wherever the parser hung it ('[X denied [that Y did Z], saying ...]'
    hangs it on the content's verb, but the one saying it is X).  A verb coordinated with a
    verb inside a content or a relative clause ('X said the refusal is unprecedented and warned
    ...', 'X has called it an operation that was botched and has said ...') belongs to the outer
    clause when its tense and auxiliaries match the outer verb's and not the inner one's.
    """
    head = node.head
    if node.tag_ == "VBG" and node.dep_ == "advcl":
        return _main_clause_verb(head)
    if node.dep_ == "conj" and head.dep_ in ("ccomp", "relcl"):
        outer = head.head if head.dep_ == "ccomp" else head.head.head
        if outer.i != head.i and outer.pos_ in ("VERB", "AUX") and \
                _form(node) == _form(outer) != _form(head):
            return outer
    return head


def _main_clause_verb(node: Token) -> Token:
    """The nearest ancestor (or ``node``) that heads a main clause: the root or a verb
    coordinated with it ('X claimed A, but officials denied it, saying ...': 'denied')."""
    start = node
    for _ in range(12):
        if node.dep_ in ("ROOT", "conj") and node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return start


def _coordination_parsed_as_ccomp(node: Token) -> bool:
    """'X has called it a deal that was botched and has said ...' parsed with 'said' as a
    subjectless complement of 'called': a finite complement in the head's own form."""
    return node.dep_ == "ccomp" and node.tag_ in ("VBD", "VBZ", "VBN", "VBP") and \
        any(c.dep_ == "cc" for c in node.doc[node.head.i + 1:node.i]) and _form(node) == _form(node.head)


def _form(verb: Token) -> tuple[str, tuple[str, ...]]:
    """A verb's tag with its auxiliaries' lemmas: how coordinated verbs show they share a clause."""
    return verb.tag_, tuple(c.lemma_ for c in verb.children if c.dep_ in ("aux", "auxpass"))


def _subject_child(verb: Token, passive: bool = False) -> Token | None:
    """The verb's subject; of two (a misparsed quote beside the cue), the one nearest the verb."""
    deps = (*_SUBJECT_DEPS, "nsubjpass") if passive else _SUBJECT_DEPS
    subjects = [c for c in verb.children if c.dep_ in deps]
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
