"""Every statement's speaker, in text order: each source on its own, then what one statement
tells another ('the spokesman' after 'a spokesman for X'; 'I' inside X's quote)."""

from __future__ import annotations

from onrecord.attribution.frame import Frame
from onrecord.lexicons import Lexicon
from onrecord.resolution.entities import EntityIndex
from onrecord.resolution.speakers import (
    SpeakerChoice, first_person_speaker, same_spokesperson, speaker_entity,
)

STAFF_REACH = 2  # statements: how far back 'the aide' may find the spokesperson it continues


def resolve_speakers(index: EntityIndex, frames: list[Frame], parents: list[int | None],
                     lexicon: Lexicon) -> list[SpeakerChoice | None]:
    """One choice per frame (None for a frame without a source)."""
    choices = [speaker_entity(index, f.source_head, *(f.source or (0, 0)), lexicon)
               if f.source else None for f in frames]
    _continue_spokespeople(choices, frames, lexicon)
    _inherit_first_person(choices, frames, parents)
    return choices


def _continue_spokespeople(choices: list[SpeakerChoice | None], frames: list[Frame],
                           lexicon: Lexicon) -> None:
    last, last_at = None, -10
    for i, choice in enumerate(choices):
        if choice is not None and choice.entity is None:
            adjacent = i - last_at <= STAFF_REACH
            choices[i] = same_spokesperson(last, frames[i].source_head, lexicon, adjacent) or choice
        if choices[i] is not None and choices[i].spokesperson:
            last, last_at = choices[i], i


def _inherit_first_person(choices: list[SpeakerChoice | None], frames: list[Frame],
                          parents: list[int | None]) -> None:
    for i, frame in enumerate(frames):
        parent = parents[i]
        if frame.source is None or parent is None:
            continue
        inherited = first_person_speaker(choices[parent], frames[parent].source, frame.source_head)
        if inherited is not None:
            choices[i] = inherited
