"""Nesting: an attribution whose cue lies inside another's content is that one's child."""

from __future__ import annotations

import bisect

from onrecord.attribution.frame import Frame


def parents_of(frames: list[Frame]) -> list[int | None]:
    """For each frame, the index of the innermost frame whose content holds its cue."""
    spans = sorted((span[0], span[1], j) for j, f in enumerate(frames)
                   for span in (f.content, f.content2) if span)
    starts = [s for s, _, _ in spans]
    longest = max((e - s for s, e, _ in spans), default=0)
    parents: list[int | None] = []
    for i, frame in enumerate(frames):
        lo = bisect.bisect_left(starts, frame.cue.start - longest)
        hi = bisect.bisect_right(starts, frame.cue.start)
        holders = [(e - s, j) for s, e, j in spans[lo:hi]
                   if j != i and frame.cue.end <= e]
        parents.append(min(holders)[1] if holders else None)
    return _break_cycles(parents)


def _break_cycles(parents: list[int | None]) -> list[int | None]:
    for i in range(len(parents)):
        seen = {i}
        node = parents[i]
        while node is not None:
            if node in seen:
                parents[i] = None
                break
            seen.add(node)
            node = parents[node]
    return parents


def dedupe(frames: list[Frame]) -> list[Frame]:
    """One frame per cue; frames sorted by cue position."""
    by_cue: dict[tuple[int, int], Frame] = {}
    for f in frames:
        key = (f.cue.start, f.cue.end)
        if key not in by_cue:
            by_cue[key] = f
    return sorted(by_cue.values(), key=lambda f: f.cue.start)
