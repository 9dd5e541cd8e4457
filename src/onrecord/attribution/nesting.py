"""Nesting: an attribution whose cue lies inside another's content is that one's child."""

from __future__ import annotations

from onrecord.attribution.frames import Frame


def parents_of(frames: list[Frame]) -> list[int | None]:
    """For each frame, the index of the innermost frame whose content holds its cue."""
    parents: list[int | None] = []
    for frame in frames:
        best: int | None = None
        best_width = None
        for j, other in enumerate(frames):
            if other is frame:
                continue
            for span in (other.content, other.content2):
                if span and span[0] <= frame.cue.start and frame.cue.end <= span[1]:
                    width = span[1] - span[0]
                    if best_width is None or width < best_width:
                        best, best_width = j, width
        parents.append(best)
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
