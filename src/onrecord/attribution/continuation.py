"""Quotes continued after their cue: '"A," he said, "B."' and a quote paragraph right after."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from onrecord.doctext import doc_text
from onrecord.attribution.frames import Frame
from onrecord.attribution.quotes import Quote

_MAX_GAP = 120
_MARKS = "“”\"‘"


def attach_continuations(doc: Doc, frames: list[Frame], quotes: list[Quote]) -> list[Frame]:
    """Give a quote-first frame the quotation that follows its cue as ``content2``."""
    text = doc_text(doc)
    claimed = [(f.content[0], f.content[1]) for f in frames]
    out = []
    for frame in frames:
        if frame.content2 is None and frame.content[1] <= frame.cue.start:
            nxt = _next_free_quote(frame, quotes, claimed, text)
            if nxt is not None:
                frame = replace(frame, content2=nxt)
                claimed.append(nxt)
        out.append(frame)
    return out


def _next_free_quote(frame: Frame, quotes: list[Quote], claimed: list[tuple[int, int]],
                     text: str) -> tuple[int, int] | None:
    clause_end = max(frame.cue.end, frame.source[1] if frame.source else 0)
    for q in quotes:
        if q.start < clause_end:
            continue
        if any(c[0] < q.end and q.start < c[1] for c in claimed):
            return None
        between = text[clause_end:q.start]
        if "\n" in between or len(between) > _MAX_GAP or any(m in between for m in _MARKS):
            return None
        return q.start, q.end
    return None
