"""The rules: negation, hypothetical, future and question flags and the source kind of one statement."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from onrecord.modality.lexicon import ModalityWords, load_modality_words
from onrecord.records import Modality, Statement

_CHAIN_DEPS = {"xcomp"}  # 'did not want to comment': comment -> want
_MAX_CHAIN = 3
_QUOTE_TAIL = " \t\r\n\"'”’»)]."


def with_modality(doc: Doc, statements: Sequence[Statement]) -> list[Statement]:
    """The statements with their ``modality`` set (nothing else changes)."""
    return [replace(s, modality=statement_modality(doc, s)) for s in statements]


def statement_modality(doc: Doc, statement: Statement, words: ModalityWords | None = None) -> Modality:
    """The modality of one statement, read from the parse around its cue."""
    words = words or load_modality_words()
    head = cue_head(doc, statement)
    if head is None:
        return Modality(question=_ends_with_question(statement), kind=_kind(doc, statement, None, words))
    content = _content_range(statement)
    chain = _chain(head)
    negated = _negated(chain)
    return Modality(
        negated=negated,
        hypothetical=_hypothetical(chain, negated, content, words),
        future=_future(chain, words),
        question=_ends_with_question(statement) or _question_cue(doc, head, statement, words),
        kind=_kind(doc, statement, head, words),
    )


def cue_head(doc: Doc, statement: Statement) -> Token | None:
    """The cue's head word: the token of the cue span whose lemma opens the cue's lemma
    ("has said" -> said, "ruled out" -> ruled, "according to" -> according), else the span's root."""
    span = doc.char_span(statement.cue.start, statement.cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first = statement.cue.lemma.split()[0].lower() if statement.cue.lemma.split() else ""
    for tok in span:
        if tok.lemma_.lower() == first or tok.lower_ == first:
            return tok
    return span.root


def _chain(head: Token) -> list[Token]:
    """The cue and the verbs it is an infinitive of, within its clause."""
    out = [head]
    tok = head
    while tok.dep_ in _CHAIN_DEPS and tok.head.i != tok.i and len(out) <= _MAX_CHAIN:
        tok = tok.head
        out.append(tok)
    return out


def _negated(chain: list[Token]) -> bool:
    """A grammatical negator on the cue or a verb it hangs on ('not', "n't", 'never'; 'no' on a noun cue)."""
    for tok in chain:
        for child in tok.children:
            if child.dep_ == "neg":
                return True
            if tok.pos_ == "NOUN" and child.dep_ == "det" and child.lower_ == "no":
                return True
    return False


def _hypothetical(chain: list[Token], negated: bool, content: list[tuple[int, int]], words: ModalityWords) -> bool:
    for tok in chain:
        for child in tok.children:
            if child.dep_ == "aux":
                value = words.modal.get(child.lower_)
                if value == "hypothetical" or (value == "hypothetical/past-if-negated" and not negated):
                    return True
            elif child.dep_ == "advcl" and not _inside(child, content) and _conditional_clause(child, words):
                return True  # 'If asked, he said ...'
        if tok.dep_ == "advcl" and _conditional_clause(tok, words):
            return True  # 'If she says so, ...'
    return False


def _conditional_clause(verb: Token, words: ModalityWords) -> bool:
    return any(c.dep_ == "mark" and words.mark.get(c.lower_) == "conditional" for c in verb.children)


def _inside(tok: Token, content: list[tuple[int, int]]) -> bool:
    return any(start <= tok.idx < end for start, end in content)


def _future(chain: list[Token], words: ModalityWords) -> bool:
    for tok in chain:
        if any(c.dep_ == "aux" and words.modal.get(c.lower_) == "future" for c in tok.children):
            return True
    for gov in chain[1:]:
        lemma = gov.lemma_.lower()
        if words.governor.get(lemma) == "future" and (lemma != "go" or gov.tag_ == "VBG") and not _past(gov):
            return True
    return False


def _past(verb: Token) -> bool:
    """'was intended to', 'had planned to': the governor itself is past."""
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _ends_with_question(statement: Statement) -> bool:
    last = statement.content2 or statement.content
    return last.text.rstrip(_QUOTE_TAIL).endswith("?") or last.text.rstrip().endswith("?")


def _question_cue(doc: Doc, head: Token, statement: Statement, words: ModalityWords) -> bool:
    how = words.question.get(head.lemma_.lower())
    if how == "always":
        return True
    if how != "wh":
        return False
    first = _first_word(doc, statement)
    return first is not None and words.wh.get(first.lower_) == "question"


def _first_word(doc: Doc, statement: Statement) -> Token | None:
    span = doc.char_span(statement.content.start, statement.content.end, alignment_mode="expand")
    if span is None:
        return None
    return next((t for t in span if t.is_alpha), None)


def _kind(doc: Doc, statement: Statement, head: Token | None, words: ModalityWords) -> str:
    noun = _source_noun(doc, statement, words)
    if noun is not None:
        found = words.source.get(noun.lemma_.lower()) or words.source.get(noun.lower_)
        if found:
            return found
    if head is not None:
        lemma = head.lemma_.lower()
        if words.cue.get(lemma) == "document":
            return "document"
        if statement.cue.cls == "intent" and words.volition.get(lemma) == "intent":
            return "intent"
    return "speech"


def _source_noun(doc: Doc, statement: Statement, words: ModalityWords) -> Token | None:
    """The head noun of the source as written (or, for a pronoun, of the mention it was resolved
    through): only a common noun ("a new poll", "the letter"), never a name ("The Post")."""
    sp = statement.speaker
    if sp is None:
        return None
    root = _root(doc, sp.start, sp.end)
    if root is not None and root.pos_ == "PRON" and sp.antecedent is not None:
        root = _root(doc, sp.antecedent.start, sp.antecedent.end)
    if root is not None and root.pos_ == "NOUN" and (root.is_lower or root.i == root.sent.start):
        return _through_partitive(root, words)
    return None


def _through_partitive(noun: Token, words: ModalityWords) -> Token | None:
    """'a number of health groups' -> groups (a name there: None, it speaks for itself)."""
    if words.partitive.get(noun.lemma_.lower()) != "of":
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if inner is None:
        return noun
    return inner if inner.pos_ == "NOUN" else None


def _root(doc: Doc, start: int, end: int) -> Token | None:
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _content_range(statement: Statement) -> list[tuple[int, int]]:
    spans = [statement.content, statement.content2] if statement.content2 else [statement.content]
    return [(s.start, s.end) for s in spans]
