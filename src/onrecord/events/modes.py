"""PLOVER modes and contexts of an event, from the cue words in ``data/plover.json``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from onrecord.events.ontology import contexts, event_type


@lru_cache(maxsize=4096)
def _pattern(cue: str) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\s+".join(map(re.escape, cue.split())) + r"\b", re.IGNORECASE)


def _hits(cues: Sequence[str], text: str, lemmas: Sequence[str]) -> int:
    """How many cues occur in the text (as words) or among the lemmas; longer cues count more."""
    lemma_text = " ".join(lemmas)
    return sum(len(c.split()) for c in cues if _pattern(c).search(text) or (lemmas and _pattern(c).search(lemma_text)))


def choose_modes(event_type_name: str, text: str, lemmas: Sequence[str] = ()) -> tuple[str, ...]:
    """The type's modes whose cues occur, most cue words first; empty when none."""
    scored = [(_hits(cues, text, lemmas), mode) for mode, cues in event_type(event_type_name).modes.items()]
    return tuple(m for n, m in sorted(scored, key=lambda x: -x[0]) if n)


def choose_contexts(text: str, lemmas: Sequence[str] = ()) -> tuple[str, ...]:
    """The contexts whose cues occur, most cue words first."""
    scored = [(_hits(cues, text, lemmas), name) for name, cues in contexts().items()]
    return tuple(m for n, m in sorted(scored, key=lambda x: -x[0]) if n)
