"""The text of a parsed Doc, built once: spaCy rebuilds ``Doc.text`` on every access."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "onrecord.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached in ``doc.user_data`` (a Doc's text never changes)."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_KEY] = text
    return text
