"""Attribution stage: cues, their sources and contents, quotations, nesting.

Modules: ``quotes`` (quotation marks), ``cues`` (reporting verbs and 'according to'),
``sources`` and ``contents`` (what the parse attaches to a cue), ``boundaries`` (where a
content starts and ends), ``verb_frames``, ``noun_frames``, ``according`` and ``signatures``
(the kinds of frame), ``chains`` and ``continuation`` (frames adjusted against each other),
``nesting`` (parents).
"""

from __future__ import annotations

from spacy.tokens import Doc

from onrecord.attribution.according import according_frame
from onrecord.attribution.chains import cut_shared_subject_conjuncts, merge_chained_cues
from onrecord.attribution.continuation import attach_continuations
from onrecord.attribution.cues import match_according_to
from onrecord.attribution.frame import Frame
from onrecord.attribution.noun_frames import noun_frame
from onrecord.attribution.quotes import Quote, find_quotes
from onrecord.attribution.signatures import layout_frames
from onrecord.attribution.verb_frames import verb_frame
from onrecord.doctext import doc_text
from onrecord.lexicons import Lexicon

__all__ = ["Frame", "Quote", "find_frames", "find_quotes"]


def find_frames(doc: Doc, quotes: list[Quote], lexicon: Lexicon) -> list[Frame]:
    """Every attribution frame in the document, in text order of the cue."""
    text = doc_text(doc)
    frames: list[Frame] = []
    taken: set[tuple[int, int]] = set()
    for tok in doc:
        according = match_according_to(tok, lexicon)
        frame = (according_frame(according, text, quotes) if according is not None
                 else verb_frame(tok, text, quotes, lexicon, taken)
                 or noun_frame(tok, text, quotes, lexicon))
        if frame is not None:
            frames.append(frame)
            taken.add(frame.content)
    frames.extend(f for f in layout_frames(doc, quotes, lexicon) if f.content not in taken)
    frames = merge_chained_cues(cut_shared_subject_conjuncts(frames, text))
    return attach_continuations(doc, frames, quotes)
