"""Quotes continued after their cue: '"A," he said, "B."' and a quote paragraph right after."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from onrecord.doctext import doc_text
from onrecord.attribution.frame import Frame
from onrecord.attribution.quotes import Quote, after

_MAX_GAP = 120
_MARKS = "“”\"‘"


def attach_continuations(doc: Doc, frames: list[Frame], quotes: list[Quote]) -> list[Frame]:
    """Give a quote-first frame the quotation that follows its cue as ``content2``."""
    text = doc_text(doc)
    claimed = _quotes_in_contents(frames, quotes)
    out = []
    for frame in frames:
        if frame.content2 is None and frame.content[1] <= frame.cue.start:
            nxt = _next_free_quote(frame, quotes, claimed, text)
            if nxt is not None:
                frame = replace(frame, content2=(nxt.start, nxt.end))
                claimed.add(nxt)
        out.append(frame)
    return out


def _quotes_in_contents(frames: list[Frame], quotes: list[Quote]) -> set[Quote]:
    claimed: set[Quote] = set()
    for frame in frames:
        for q in after(quotes, frame.content[0]):
            if q.start >= frame.content[1]:
                break
            claimed.add(q)
    return claimed


def _next_free_quote(frame: Frame, quotes: list[Quote], claimed: set[Quote],
                     text: str) -> Quote | None:
    """The next quotation after the cue clause, in the same paragraph, if no one else's."""
    clause_end = max(frame.cue.end, frame.source[1] if frame.source else 0)
    q = next((q for q in after(quotes, clause_end) if q.start >= clause_end), None)
    if q is None or q in claimed:
        return None
    between = text[clause_end:q.start]
    if len(between) > _MAX_GAP or any(m in between for m in _MARKS):
        return None
    if "\n" in between and not _quote_paragraph_follows(between, q, text):
        return None
    return q


def _quote_paragraph_follows(between: str, q: Quote, text: str) -> bool:
    """'"A," he said.' then a paragraph that is nothing but a quotation: the same speaker goes on."""
    last_line = between.rsplit("\n", 1)[1]
    first_line = between.split("\n", 1)[0]
    paragraph_end = text.find("\n", q.end)
    rest = text[q.end:paragraph_end if paragraph_end >= 0 else len(text)]
    return not last_line.strip() and first_line.strip(" .") == "" and not rest.strip(" .")
