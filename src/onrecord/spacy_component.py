"""The ``onrecord`` spaCy pipeline component (registered through spaCy's factory entry point)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

EXTENSION = "onrecord"
SPAN_GROUPS = ("onrecord_speakers", "onrecord_cues", "onrecord_contents")


class OnrecordComponent:
    """Runs the attribution engine on a parsed Doc.

    Results: ``doc._.onrecord`` (an :class:`onrecord.Article`) and the span groups
    ``doc.spans["onrecord_speakers" | "onrecord_cues" | "onrecord_contents"]``.
    """

    def __init__(self, nlp: Language, name: str, published: str | None = None,
                 coref: str = "learned", mode: str = "fast") -> None:
        from onrecord.engine import COREF, MODES

        if coref not in COREF:
            raise ValueError(f"onrecord: coref must be one of {COREF}, not {coref!r}")
        if mode not in MODES:
            raise ValueError(f"onrecord: mode must be one of {MODES}, not {mode!r}")
        if mode == "accurate":
            from onrecord.tagger.predict import default_tagger
            default_tagger()  # a missing extra or model fails at add_pipe, saying what to do
        self.name = name
        self.published = published
        self.coref = coref
        self.mode = mode
        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, default=None)

    def __call__(self, doc: Doc) -> Doc:
        from onrecord.engine import article_from_doc
        from onrecord.pipeline import ArticleMeta

        article = article_from_doc(doc, ArticleMeta(published=self.published), coref=self.coref,
                                   mode=self.mode)
        doc._.set(EXTENSION, article)
        _fill_span_groups(doc, article)
        return doc


def _fill_span_groups(doc: Doc, article: Any) -> None:
    speakers, cues, contents = [], [], []
    for st in article.statements:
        label = st.cue.cls
        if st.speaker is not None:
            span = doc.char_span(st.speaker.start, st.speaker.end, label=label, alignment_mode="expand")
            if span is not None:
                speakers.append(span)
        for target, rec in ((cues, st.cue), (contents, st.content), (contents, st.content2)):
            if rec is None:
                continue
            span = doc.char_span(rec.start, rec.end, label=label, alignment_mode="expand")
            if span is not None:
                target.append(span)
    for name, spans in zip(SPAN_GROUPS, (speakers, cues, contents), strict=True):
        doc.spans[name] = spans


@Language.factory("onrecord", default_config={"published": None, "coref": "learned", "mode": "fast"})
def make_onrecord(nlp: Language, name: str, published: str | None, coref: str,
                  mode: str) -> OnrecordComponent:
    """spaCy factory: ``nlp.add_pipe("onrecord", config={"published": "2024-10-15"})``;
    ``"coref": "rules"`` swaps the learned pronoun ranker for the rules; ``"mode": "accurate"``
    finds the attributions with the learned tagger."""
    return OnrecordComponent(nlp, name, published, coref, mode)
