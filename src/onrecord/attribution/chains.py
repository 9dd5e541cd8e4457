"""Frames adjusted against each other: conjoined cues that share a speaker, chained cues."""

from __future__ import annotations

from dataclasses import replace

from onrecord.attribution.frame import Frame
from onrecord.attribution.spans import trim


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
