"""What the attribution stage tells coreference: quotes, statement sources, paragraphs."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True, slots=True)
class SourceSite:
    """A statement's source as the resolver sees it: where its cue is and its head token."""

    cue_start: int
    cue_end: int
    head: int  # token index of the source's head
    nested: bool = False  # the cue is inside another statement's content


@dataclass(frozen=True)
class DiscourseContext:
    """Quotes, sources and paragraph starts of one document, for position lookups."""

    quotes: tuple[tuple[int, int], ...] = ()
    sources: tuple[SourceSite, ...] = ()
    paragraph_starts: tuple[int, ...] = (0,)

    @classmethod
    def build(cls, text: str, quotes, sources) -> "DiscourseContext":
        paragraphs = [0] + [i + 2 for i in range(len(text) - 1) if text[i:i + 2] == "\n\n"]
        return cls(tuple(sorted((q.start, q.end) for q in quotes)),
                   tuple(sorted(sources, key=lambda s: s.cue_start)), tuple(paragraphs))

    def quote_at(self, pos: int) -> int | None:
        """Index of the quote holding ``pos``, or None."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]:
            return i
        return None

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q[0] for q in self.quotes]

    @cached_property
    def _cue_ends(self) -> list[int]:
        return [s.cue_end for s in self.sources]

    def paragraph_of(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def sources_before(self, pos: int) -> tuple[SourceSite, ...]:
        """Statement sources whose cue ends before ``pos``, latest last."""
        i = bisect.bisect_right(self._cue_ends, pos)
        return self.sources[:i]

    @cached_property
    def source_heads(self) -> frozenset[int]:
        return frozenset(s.head for s in self.sources)

    def paragraph_opens_with_quote(self, pos: int) -> bool:
        """The paragraph holding ``pos`` starts with a quotation."""
        start = self.paragraph_starts[self.paragraph_of(pos)]
        q = self.quote_at(start) if self.quotes else None
        return q is not None and self.quotes[q][0] <= start + 1
