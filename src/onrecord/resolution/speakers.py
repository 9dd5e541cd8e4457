"""Speaker resolution: a source span to the entity it names, describes or stands for."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.doctext import doc_text
from onrecord.lexicons import Lexicon
from onrecord.resolution.entities import EntityDraft, EntityIndex

_RELATIVE = {"who", "which", "that", "whom"}


def speaker_entity(index: EntityIndex, head: Token | None, start: int, end: int,
                   lexicon: Lexicon) -> EntityDraft | None:
    """The entity a source refers to, or None if the text does not say."""
    if head is None:
        return None
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
        head = head.head.head
    entity = index.entity_at(head.i)
    if entity is not None:
        return entity
    doc: Doc = head.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        for tok in span:
            entity = index.entity_at(tok.i)
            if entity is not None and tok.dep_ not in ("poss",) and entity.type != "place":
                return entity
    if _is_group(head, lexicon):
        core = doc[max(head.left_edge.i, span.start if span is not None else 0):head.i + 1]
        return index.group(core.text, core.start_char, core.end_char, head.i)  # 'Democrats', not its apposition
    return None


def _is_group(head: Token, lexicon: Lexicon) -> bool:
    return head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in lexicon.group_heads
