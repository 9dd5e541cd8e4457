"""Attributions marked by layout, not by a verb.

- a label before a colon at the start of a paragraph: headlines ("Pence: Flowers Won't Be at
  Debate") and transcripts ("WALLACE: Let's start ...");
- a signature after a quote: "“... our greatest shame.” ― Sonya Herridge".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from onrecord.doctext import doc_text
from onrecord.attribution.cues import CueMatch
from onrecord.attribution.frame import Frame
from onrecord.attribution.quotes import Quote
from onrecord.attribution.spans import trim
from onrecord.lexicons import Lexicon

_NAME = r"[A-Z][\w.’'-]*(?:[ \t]+(?:[A-Z][\w.’'-]*|of|de|van|von|al|bin)){0,4}"
_LABEL = re.compile(rf"^[ \t]*[\"“”']?[ \t]*({_NAME})[ \t]*:[ \t]+(\S[^\n]*)", re.MULTILINE)
_SPEAKER_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_HEADING_OPENERS = {"what", "how", "why", "who", "when", "where", "which", "inside", "explainer"}
_SIGNATURE = re.compile(rf"[ \t]*([―—]|--)[ \t]*({_NAME})")


def layout_frames(doc: Doc, quotes: list[Quote], lexicon: Lexicon) -> list[Frame]:
    """Frames for colon labels and dash signatures."""
    return _label_frames(doc, lexicon) + _signature_frames(doc, quotes, lexicon)


def _label_frames(doc: Doc, lexicon: Lexicon) -> list[Frame]:
    entry = lexicon.verbs.get(":")
    text = doc_text(doc)
    frames = []
    for m in _LABEL.finditer(text):
        if entry is None or not _names_a_speaker(doc, m.start(1), m.end(1), lexicon):
            continue
        if m.group(2).split(maxsplit=1)[0].lower() in _HEADING_OPENERS:
            continue  # 'IRS Investigation: What We Know' is a heading, not a quote
        content = _label_content(text, m.start(2), m.end(2), headline=not text[:m.start()].strip())
        frame = _frame(doc, entry, text.index(":", m.end(1)), (m.start(1), m.end(1)), content)
        if frame is not None:
            frames.append(frame)
    return frames


def _names_a_speaker(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """A transcript label ('PENCE'), one word ('Sanders', 'Poll') or a name the tagger knows
    ('Pat Caddell'), not a section heading ('IRS Targeting Investigation: What ...')."""
    label = doc_text(doc)[start:end]
    if label.lower() in lexicon.non_speaker_labels or any(c.isdigit() for c in label):
        return False
    if label.isupper() and len(label) > 1:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    named = sum(1 for t in span if t.ent_type_ in _SPEAKER_ENTS)
    return len(span) == 1 or named >= 0.8 * len(span)


def _label_content(text: str, start: int, end: int, *, headline: bool) -> tuple[int, int]:
    """The rest of the paragraph; a headline (the first line) loses its final period."""
    body = text[start:end].rstrip()
    if headline and body.endswith("."):
        body = body[:-1]
    return start, start + len(body)


def _signature_frames(doc: Doc, quotes: list[Quote], lexicon: Lexicon) -> list[Frame]:
    entry = lexicon.verbs.get("―")
    frames = []
    for q in quotes:
        m = _SIGNATURE.match(doc_text(doc), q.end)
        if entry is None or m is None:
            continue
        name = (m.start(2), m.end(2))
        name = trim(doc_text(doc), name)
        frame = _frame(doc, entry, m.end(1) - 1, name, (q.start, q.end))
        if frame is not None:
            frames.append(frame)
    return frames


def _frame(doc: Doc, entry, cue_last: int, source: tuple[int, int],
           content: tuple[int, int]) -> Frame | None:
    """A one-character cue (':' or the dash) at ``cue_last``."""
    cue_span = doc.char_span(cue_last, cue_last + 1, alignment_mode="expand")
    source_span = doc.char_span(*source, alignment_mode="expand")
    if cue_span is None or source_span is None or content[1] - content[0] < 2:
        return None
    cue = CueMatch(cue_span[0], entry, cue_last, cue_last + 1, None)
    return Frame(cue, source, source_span.root, content)
