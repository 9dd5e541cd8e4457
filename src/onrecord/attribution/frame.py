"""The Frame: a cue with the source and content found for it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from onrecord.attribution.cues import CueMatch
from onrecord.attribution.spans import Span


@dataclass(frozen=True, slots=True)
class Frame:
    """A cue with the source and content found for it."""

    cue: CueMatch
    source: Span | None
    source_head: Token | None
    content: Span
    content2: Span | None = None
