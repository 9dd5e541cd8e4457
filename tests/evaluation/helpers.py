"""Builders for hand-made records used by the evaluation tests."""

from __future__ import annotations

from onrecord.records import Cue, Reply, Speaker, Statement, TextSpan, TimeRef


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def span(text: str, phrase: str, nth: int = 0) -> TextSpan:
    s, e = at(text, phrase, nth)
    return TextSpan(s, e, phrase)


def statement(text: str, id: str, cue: str, content: str, *, speaker: str | None = None,
              name: str | None = None, parent: str | None = None, time: str | None = None,
              replies: tuple[Reply, ...] = (), content2: str | None = None) -> Statement:
    """A statement whose spans are the first occurrences of the given phrases."""
    spk = None
    if speaker is not None:
        s, e = at(text, speaker)
        spk = Speaker(s, e, speaker, entity=None, name=name)
    c_s, c_e = at(text, cue)
    return Statement(
        id=id, speaker=spk, cue=Cue(c_s, c_e, cue, cue, "neutral"),
        content=span(text, content), kind="indirect",
        content2=span(text, content2) if content2 else None, parent=parent,
        time=TimeRef("Monday", time, "day") if time else None, replies_to=replies)
