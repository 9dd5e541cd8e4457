"""How onrecord Articles map onto PolNeAR's annotation conventions.

Kept apart from the scorer on purpose: span conventions (what a content includes,
whether a leading "that" belongs to it, ...) are tuned here, never in the metric.
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.evaluation.spans import Span, make_span
from onrecord.records import Article


@dataclass(frozen=True, slots=True)
class PredAttribution:
    """One predicted attribution in PolNeAR terms (``source`` None: no speaker)."""

    source: Span | None
    cue: Span
    content: Span


def article_to_polnear(article: Article) -> list[PredAttribution]:
    """The outermost statements (PolNeAR annotates no nested attributions) as spans.

    source = speaker span, cue = cue span, content = content plus content2 if present.
    """
    out: list[PredAttribution] = []
    for st in article.statements:
        if st.parent is not None:
            continue
        content = [(st.content.start, st.content.end)]
        if st.content2 is not None:
            content.append((st.content2.start, st.content2.end))
        source = None
        if st.speaker is not None:
            source = make_span([(st.speaker.start, st.speaker.end)]) or None
        out.append(PredAttribution(source=source, cue=make_span([(st.cue.start, st.cue.end)]),
                                   content=make_span(content)))
    return out
