"""Speaker resolution: a source span to the entity it names, describes or stands for."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.lexicons import Lexicon
from onrecord.resolution.entities import EntityDraft, EntityIndex

_RELATIVE = {"who", "which", "that", "whom"}


def speaker_entity(index: EntityIndex, head: Token | None, start: int, end: int,
                   lexicon: Lexicon) -> EntityDraft | None:
    """The entity a source refers to, or None if the text does not say."""
    if head is None:
        return None
    doc: Doc = head.doc
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
        head = head.head.head  # 'officials who said': the officials
        start, end = head.left_edge.idx, head.idx + len(head.text)
    entity = index.entity_at(head.i)
    if entity is not None:
        return entity
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for tok in span:
        entity = index.entity_at(tok.i)
        if entity is not None and tok.dep_ != "poss" and entity.type != "place":
            return entity
    if _is_group(head, lexicon) and span.start <= head.i < span.end:
        core = doc[max(head.left_edge.i, span.start):head.i + 1]  # 'Democrats', not its apposition
        return index.group(core.text, core.start_char, core.end_char, head.i)
    return None


def _is_group(head: Token, lexicon: Lexicon) -> bool:
    return head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in lexicon.group_heads
