"""How onrecord Articles map onto PolNeAR's annotation conventions.

Kept apart from the scorer on purpose: span conventions (what a content includes,
whether a leading "that" belongs to it, ...) are tuned here, never in the metric.
"""

from __future__ import annotations

import re
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
    text = article.text
    out: list[PredAttribution] = []
    for st in article.statements:
        if st.parent is not None:
            continue
        content = [(_with_complementizer(text, st.content.start), st.content.end)]
        if st.content2 is not None:
            content.append((st.content2.start, st.content2.end))
        source = None
        if st.speaker is not None:
            source = make_span([_with_appositive_comma(text, st.speaker.start, st.speaker.end)]) or None
        cue = make_span([_cue_view(text, st.cue.start, st.cue.end)])
        out.append(PredAttribution(source=source, cue=cue, content=make_span(content)))
    return out


def _with_complementizer(text: str, start: int) -> int:
    """PolNeAR's contents begin with the complementizer: 'said that X' -> 'that X'."""
    if text[max(0, start - 5):start].lower() == "that ":
        return start - 5
    return start


def _with_appositive_comma(text: str, start: int, end: int) -> tuple[int, int]:
    """PolNeAR keeps the comma closing an apposition: 'Brian Fallon, the press secretary,'."""
    if "," in text[start:end] and text[end:end + 1] == ",":
        return start, end + 1
    return start, end


def _cue_view(text: str, start: int, end: int) -> tuple[int, int]:
    """PolNeAR's cue takes the colon that introduces a quote ('said:') and the medium right
    after the verb ('said in a statement', 'explained in an interview')."""
    medium = _MEDIUM.match(text, end)
    if medium:
        end = medium.end()
    if text[end:end + 1] == ":":
        return start, end + 1
    return start, end


_MEDIUM = re.compile(r" in (?:a|an|his|her|their|its|the)(?: [\w-]+)? (?:statement|interview|tweet|"
                     r"post|letter|speech|op-ed|column|release|memo|email|e-mail)\b")
