"""The resolution stage for one document: entities with pronouns resolved by rules or the model."""

from __future__ import annotations

from spacy.tokens import Doc

from onrecord.attribution.frame import Frame
from onrecord.attribution.quotes import Quote
from onrecord.coref.context import DiscourseContext, SourceSite
from onrecord.doctext import doc_text
from onrecord.lexicons import Lexicon
from onrecord.resolution.entities import EntityIndex
from onrecord.resolution.pronouns import LearnedPronouns, Observer, RulePronouns


def discourse_context(doc: Doc, quotes: list[Quote], frames: list[Frame]) -> DiscourseContext:
    contents = [f.content for f in frames if f.content]
    sites = [SourceSite(f.cue.start, f.cue.end, f.source_head.i,
                        any(s <= f.cue.start and f.cue.end <= e for s, e in contents))
             for f in frames if f.source_head is not None]
    return DiscourseContext.build(doc_text(doc), quotes, sites)


def resolve_entities(doc: Doc, lexicon: Lexicon, quotes: list[Quote], frames: list[Frame], *,
                     learned: bool = True, ranker=None, observer: Observer | None = None) -> EntityIndex:
    """Every entity of the document; pronouns by the shipped ranker unless ``learned`` is False."""
    if not learned:
        return EntityIndex(doc, lexicon, RulePronouns())
    if ranker is None:
        from onrecord.coref.ranker import default_ranker
        ranker = default_ranker()
    return EntityIndex(doc, lexicon, LearnedPronouns(ranker, discourse_context(doc, quotes, frames),
                                                     observer))
