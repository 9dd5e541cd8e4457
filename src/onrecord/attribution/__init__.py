"""Attribution stage: cues, their sources and contents, quotations, nesting."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from onrecord.doctext import doc_text
from onrecord.attribution.according import according_frame
from onrecord.attribution.continuation import attach_continuations
from onrecord.attribution.cues import match_according_to, match_verb_cue
from onrecord.attribution.frames import (
    Frame, clause_content, extend_to_sentence_start, finish_content, quote_beside, source_of,
    without_opener,
)
from onrecord.attribution.frames import interrupted_clause
from onrecord.attribution.quotes import Quote, find_quotes
from onrecord.attribution.signatures import layout_frames
from onrecord.attribution.spans import trim
from onrecord.lexicons import Lexicon

__all__ = ["Frame", "Quote", "find_frames", "find_quotes"]


def find_frames(doc: Doc, quotes: list[Quote], lexicon: Lexicon) -> list[Frame]:
    """Every attribution frame in the document, in text order of the cue."""
    text = doc_text(doc)
    frames: list[Frame] = []
    taken: set[tuple[int, int]] = set()
    for tok in doc:
        frame = _frame_at(tok, text, quotes, lexicon, taken)
        if frame is not None:
            frames.append(frame)
            taken.add(frame.content)
    frames.extend(f for f in layout_frames(doc, quotes, lexicon) if f.content not in taken)
    frames = merge_chained_cues(cut_shared_subject_conjuncts(frames, text))
    return attach_continuations(doc, frames, quotes)


def _frame_at(tok, text: str, quotes: list[Quote], lexicon: Lexicon,
              taken: set[tuple[int, int]]) -> Frame | None:
    according = match_according_to(tok, lexicon)
    if according is not None:
        return according_frame(according, text, quotes)
    cue = match_verb_cue(tok, lexicon)
    if cue is None:
        return None
    source_head, source = source_of(cue.head)
    around = interrupted_clause(cue, text)
    if around is not None:
        content, content2 = (finish_content(p, text, quotes) if p else None for p in around)
        content = without_opener(tok.doc, content, text)
        return Frame(cue, source, source_head, content, content2)
    content = clause_content(cue)
    if content is None and cue.entry.frame not in ("belief", "intent"):
        content = quote_beside(cue, source, quotes, text, taken)
    if content is None:
        return None
    content = finish_content(content, text, quotes, doc=tok.doc)
    if content[1] <= cue.start:
        content = extend_to_sentence_start(cue.head, content, text)
    if content[1] - content[0] < 2 or _overlaps(content, (cue.start, cue.end)):
        return None
    return Frame(cue, source, source_head, content)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def cut_shared_subject_conjuncts(frames: list[Frame], text: str) -> list[Frame]:
    """'X promised A and said B': A ends where the second cue, sharing X, begins."""
    by_source: dict[tuple[int, int], list[Frame]] = {}
    for frame in frames:
        if frame.source is not None:
            by_source.setdefault(frame.source, []).append(frame)
    out = []
    for frame in frames:
        for other in by_source.get(frame.source, ()) if frame.source else ():
            if (other is not frame and frame.content[0] < other.cue.start < frame.content[1]
                    and other.cue.head.dep_ == "conj"):
                cut = _conjunction_before(other.cue.head)
                frame = replace(frame, content=trim(text, (frame.content[0], cut)))
        out.append(frame)
    return out


def _conjunction_before(verb) -> int:
    doc = verb.doc
    i = verb.left_edge.i
    while i > 0 and doc[i - 1].dep_ in ("cc", "punct"):
        i -= 1
    return doc[i].idx


_CHAIN_HEADS = {"seem", "appear", "continue", "begin", "start", "go", "try"}


def merge_chained_cues(frames: list[Frame]) -> list[Frame]:
    """'appeared to suggest that X' is one cue: the outer verb joins the inner cue's words."""
    by_head = {f.cue.head.i: f for f in frames}
    dropped: set[int] = set()
    merged: dict[int, Frame] = {}
    for frame in frames:
        verb = frame.cue.head
        if frame.cue.entry.lemma not in _CHAIN_HEADS:
            continue
        inner = next((by_head[c.i] for c in verb.children if c.dep_ == "xcomp" and c.i in by_head), None)
        if inner is None:
            continue
        dropped.add(verb.i)
        cue = replace(inner.cue, start=min(frame.cue.start, inner.cue.start))
        merged[inner.cue.head.i] = replace(inner, cue=cue, source=inner.source or frame.source,
                                           source_head=inner.source_head or frame.source_head)
    return [merged.get(f.cue.head.i, f) for f in frames if f.cue.head.i not in dropped]
