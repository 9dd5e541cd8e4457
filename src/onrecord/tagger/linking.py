"""Linking: the tagger's role spans -> attributions (which source and content go with a cue).

Content fragments tagged as continuations join the content before them.  Cues and
contents pair one to one, nearest first (a cue between a content's fragments is at
distance 0); a cue's source is the nearest source span in the cue's sentence that is
not inside its content.  Unpaired cues and contents are dropped: an attribution needs
both.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from onrecord.tagger.decode import RoleSpan

MAX_CUE_GAP = 250
"""Most characters between a cue and the content it introduces."""
MAX_CONTINUATION_GAP = 400
"""Most characters between a content fragment and its continuation."""

Fragment = tuple[int, int]


@dataclass(frozen=True, slots=True)
class LinkedAttribution:
    """One attribution: its cue, source (or None) and content fragments, with the tagger's
    mean probability over the cue and content words."""

    cue: Fragment
    source: Fragment | None
    content: tuple[Fragment, ...]
    score: float


def content_groups(spans: Sequence[RoleSpan]) -> list[list[RoleSpan]]:
    """Contents as lists of fragments: a continuation joins the latest content before it."""
    groups: list[list[RoleSpan]] = []
    for s in spans:
        if s.role == "CNX" and groups and s.start - groups[-1][-1].end <= MAX_CONTINUATION_GAP:
            groups[-1].append(s)
        elif s.role in ("CON", "CNX"):
            groups.append([s])
    return groups


def _gap(cue: RoleSpan, group: list[RoleSpan]) -> int:
    if group[0].start <= cue.start and cue.end <= group[-1].end:
        return 0
    return min(max(f.start - cue.end, cue.start - f.end, 0) for f in group)


def _sentence(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def link(spans: Sequence[RoleSpan], sentences: Sequence[Fragment],
         hints: Sequence[tuple[Fragment, Fragment]] = ()) -> list[LinkedAttribution]:
    """Attributions from role spans; ``sentences`` are the text's sentence ranges, in order.

    ``hints``: (cue, source) pairs another analysis found (the rule engine's parse); a cue
    that overlaps a hinted cue takes the source span overlapping the hinted source, when the
    tagger marked one, before the nearest."""
    cues = [s for s in spans if s.role == "CUE"]
    sources = [s for s in spans if s.role == "SRC"]
    groups = content_groups(spans)
    pairs = sorted((_gap(c, g), i, j) for i, c in enumerate(cues) for j, g in enumerate(groups)
                   if _gap(c, g) <= MAX_CUE_GAP and not _inside(c, g))
    used_cues: set[int] = set()
    used_groups: set[int] = set()
    starts = [s for s, _ in sentences]
    out = []
    for _gap_, i, j in pairs:
        if i in used_cues or j in used_groups:
            continue
        used_cues.add(i)
        used_groups.add(j)
        cue, group = cues[i], groups[j]
        source = _hinted(cue, sources, hints) or _source(cue, group, sources, starts)
        score = sum(s.score for s in [cue, *group]) / (len(group) + 1)
        out.append(LinkedAttribution((cue.start, cue.end), source,
                                     tuple((f.start, f.end) for f in group), score))
    return sorted(out, key=lambda a: a.cue)


def _inside(cue: RoleSpan, group: list[RoleSpan]) -> bool:
    return any(f.start <= cue.start and cue.end <= f.end for f in group)


def _overlaps(a: Fragment, b: Fragment) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _hinted(cue: RoleSpan, sources: list[RoleSpan],
            hints: Sequence[tuple[Fragment, Fragment]]) -> Fragment | None:
    for hint_cue, hint_source in hints:
        if _overlaps((cue.start, cue.end), hint_cue):
            shared = [(min(s.end, hint_source[1]) - max(s.start, hint_source[0]), -s.start, s)
                      for s in sources if _overlaps((s.start, s.end), hint_source)]
            if shared:
                best = max(shared, key=lambda x: x[:2])[2]
                return best.start, best.end
    return None


def _source(cue: RoleSpan, group: list[RoleSpan], sources: list[RoleSpan],
            starts: list[int]) -> Fragment | None:
    sentence = _sentence(starts, cue.start)
    best = None
    for s in sources:
        if _sentence(starts, s.start) != sentence or any(f.start <= s.start < f.end for f in group):
            continue
        gap = max(s.start - cue.end, cue.start - s.end, 0)
        if best is None or gap < best[0]:
            best = (gap, (s.start, s.end))
    return best[1] if best else None
