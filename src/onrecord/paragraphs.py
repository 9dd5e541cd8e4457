"""A pipeline step before the parser: a paragraph break always starts a new sentence.

The small English parser sometimes runs a sentence across a blank line (a headline into the
first paragraph, a quote into the next one); presetting the boundary keeps every clause, and
so every attribution, inside its paragraph.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("onrecord_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            if not tok.is_space:
                tok.is_sent_start = True
    return doc
