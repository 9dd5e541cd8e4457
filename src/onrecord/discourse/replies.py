"""Replies: a statement linked to the earlier statement it answers, where the text says so.

Evidence the rules read (markers kept in ``lexicons/reply_markers.tsv``):
- a response noun with a sequence verb: "His remarks came after the FT claimed ...";
- a response verb or noun around the cue: "Commenting on the FT's claim, X insisted ...",
  "In response to the report, X said ...";
- a denial whose object names a statement: "X denied the report".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from onrecord.lexicons import Lexicon
from onrecord.records import Reply, Statement
from onrecord.resolution import EntityIndex

_NEGATIONS = {"no", "not", "n't", "never", "without", "nothing", "none", "neither", "nor",
              "nobody", "false", "untrue", "baseless", "rejected", "rejects", "denied", "denies",
              "dismissed", "dismisses", "invented", "fabricated"}
_VERDICT_CLASSES = {"denial", "confirmation"}
_CLAIM_CLASSES = {"claim": "contested", "allegation": "contested", "accusation": "contested",
                  "report": "report", "story": "report", "article": "report"}


def find_replies(doc: Doc, statements: Sequence[Statement], index: EntityIndex,
                 entity_ids: dict[int, str], lexicon: Lexicon) -> list[Statement]:
    """The statements with ``replies_to`` filled in."""
    finder = _ReplyFinder(doc, list(statements), index, entity_ids, lexicon)
    links: dict[str, list[Reply]] = {}
    for replier, target in finder.links():
        if replier.id != target.id and target.id not in [r.statement for r in links.get(replier.id, [])]:
            links.setdefault(replier.id, []).append(Reply(target.id, reply_type(replier)))
    return [replace(s, replies_to=tuple(links[s.id])) if s.id in links else s for s in statements]


def reply_type(statement: Statement) -> str:
    """rejects (a denial, or a negated content), confirms (a confirmation), else responds.

    A negated verdict cue is neither ("could not confirm the report", "did not deny it"): responds."""
    if statement.modality is not None and statement.modality.negated and statement.cue.cls in _VERDICT_CLASSES:
        return "responds"
    if statement.cue.cls == "denial":
        return "rejects"
    if statement.cue.cls == "confirmation":
        return "confirms"
    words = {w.strip(".,;:“”\"'’").lower() for w in statement.content.text.split()}
    return "rejects" if words & _NEGATIONS else "responds"


class _ReplyFinder:
    def __init__(self, doc: Doc, statements: list[Statement], index: EntityIndex,
                 entity_ids: dict[int, str], lexicon: Lexicon) -> None:
        self.doc = doc
        self.statements = statements
        self.index = index
        self.entity_ids = entity_ids
        self.markers = lexicon.reply_markers
        self.by_cue_token = {}
        for st in statements:
            span = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    self.by_cue_token[tok.i] = st

    def links(self):
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if lemma in self.markers.get("response_noun", ()) and tok.dep_ in ("nsubj", "nsubjpass"):
                yield from self._remarks_came_after(tok)
            elif lemma in self.markers.get("claim_noun", ()) and tok.dep_ == "pobj":
                yield from self._commenting_on(tok)
            elif tok.i in self.by_cue_token and self.by_cue_token[tok.i].cue.cls in _VERDICT_CLASSES:
                yield from self._denied_report(tok)

    # "His remarks came after the Financial Times claimed ..."
    def _remarks_came_after(self, noun: Token):
        verb = noun.head
        if not _is_sequence(verb, self.markers.get("sequence", ())):
            return
        answered = self._first_statement_in(verb, after=verb.i)
        if answered is None:
            return
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        before = noun.sent.start_char
        replier = self._latest_by(self._entity_id(owner), before) if owner is not None else None
        if replier is None:  # 'The remarks', or 'His' with no named antecedent: the last statement
            replier = self._latest_before(before)
        if replier is not None:
            yield replier, answered

    # "Commenting on the FT's claim, Zelensky insisted ..."
    def _commenting_on(self, noun: Token):
        prep = noun.head
        marker = prep.head
        phrase = f"{marker.lemma_.lower()} {prep.lower_}"
        responding = self.markers.get("response_verb", ())
        if phrase not in responding and not (marker.lemma_.lower() == "response" and prep.lower_ == "to"):
            return
        replier = self._statement_governing(marker)
        if replier is None:
            return
        target = self._named_statement(noun, before=replier.cue.start, exclude=replier)
        if target is not None:
            yield replier, target

    # "X denied the report", "X confirmed the claims"
    def _denied_report(self, verb: Token):
        replier = self.by_cue_token[verb.i]
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in self.markers.get("claim_noun", ()):
            return
        target = self._named_statement(obj, before=replier.cue.start, exclude=replier)
        if target is not None:
            yield replier, target

    # -- helpers -------------------------------------------------------------------
    def _entity_id(self, tok: Token | None) -> str | None:
        if tok is None:
            return None
        entity = self.index.entity_at(tok.i)
        return self.entity_ids.get(id(entity)) if entity is not None else None

    def _first_statement_in(self, verb: Token, after: int) -> Statement | None:
        for tok in verb.subtree:
            if tok.i > after and tok.i in self.by_cue_token:
                return self.by_cue_token[tok.i]
        return None

    def _statement_governing(self, tok: Token) -> Statement | None:
        node = tok
        for _ in range(6):
            if node.i in self.by_cue_token:
                return self.by_cue_token[node.i]
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def _named_statement(self, noun: Token, before: int, exclude: Statement) -> Statement | None:
        """The latest earlier statement the noun phrase names: by its owner, then by its kind."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        owner_id = self._entity_id(owner)
        lemma = noun.lemma_.lower()
        candidates = [s for s in self.statements if s.cue.end <= before and s is not exclude
                      and s.parent is None]
        if owner_id is not None:
            candidates = [s for s in candidates if s.speaker and s.speaker.entity == owner_id]
        elif owner is None:
            candidates = [s for s in candidates if not _same_speaker(s, exclude)]
        else:
            return None
        for pick in (lambda s: s.cue.lemma == lemma, lambda s: s.cue.cls == _CLAIM_CLASSES.get(lemma),
                     lambda s: True):
            matching = [s for s in candidates if pick(s)]
            if matching:
                return matching[-1]
        return None

    def _latest_by(self, entity_id: str | None, before: int) -> Statement | None:
        if entity_id is None:
            return None
        found = [s for s in self.statements
                 if s.cue.end <= before and s.speaker and s.speaker.entity == entity_id]
        return found[-1] if found else None

    def _latest_before(self, before: int) -> Statement | None:
        found = [s for s in self.statements if s.cue.end <= before and s.parent is None]
        return found[-1] if found else None


def _is_sequence(verb: Token, sequences) -> bool:
    lemma = verb.lemma_.lower()
    for phrase in sequences:
        words = phrase.split()
        if words[0] != lemma:
            continue
        if len(words) == 1:
            return True
        nxt = [t.lower_ for t in verb.doc[verb.i + 1:verb.i + len(words)]]
        if nxt == words[1:]:
            return True
    return False


def _same_speaker(a: Statement, b: Statement) -> bool:
    """Both by the same entity, or (unresolved) by the same words."""
    if a.speaker is None or b.speaker is None:
        return False
    if a.speaker.entity is not None or b.speaker.entity is not None:
        return a.speaker.entity == b.speaker.entity
    return a.speaker.text.lower() == b.speaker.text.lower()
