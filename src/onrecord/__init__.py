"""onrecord: who said what, citing whom, when, and in reply to whom."""

from onrecord.records import (
    SCHEMA, Article, Cue, Entity, Reply, Speaker, Statement, TextSpan, TimeRef,
)

__version__ = "0.1.0"


def extract(text, *, published=None, outlet=None, title=None, id=None):
    """Extract every attribution in ``text``; see :func:`onrecord.pipeline.extract`."""
    from onrecord.pipeline import extract as _extract

    return _extract(text, published=published, outlet=outlet, title=title, id=id)


__all__ = ["SCHEMA", "Article", "Cue", "Entity", "Reply", "Speaker", "Statement",
           "TextSpan", "TimeRef", "extract", "__version__"]
