"""A tokenizer guard: spaCy's tokenizer takes quadratic time on a long run without spaces
("[" x 100,000 costs minutes), so such runs are cut into fixed pieces, each one token; the
rest of the text goes through the tokenizer as usual and the Doc's text is the input exactly."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

LONG_RUN = 200
"""Characters without whitespace beyond which a run is cut (no word is this long)."""
PIECE = 50
_RUN = re.compile(r"\S{%d,}" % LONG_RUN)


class LongRunGuard:
    """Wraps a spaCy tokenizer (``nlp.tokenizer = LongRunGuard(nlp.tokenizer)``)."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        runs = list(_RUN.finditer(text))
        if not runs:
            return self.tokenizer(text)
        docs, at = [], 0
        for m in runs:
            if m.start() > at:
                docs.append(self.tokenizer(text[at:m.start()]))
            space = text[m.end():m.end() + 1] == " "  # one space after the run belongs to its last piece
            docs.append(self._pieces(text, m.start(), m.end(), space))
            at = m.end() + space
        if at < len(text):
            docs.append(self.tokenizer(text[at:]))
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        assert doc.text == text
        return doc

    def _pieces(self, text: str, start: int, end: int, space: bool) -> Doc:
        words = [text[i:min(i + PIECE, end)] for i in range(start, end, PIECE)]
        return Doc(self.vocab, words=words, spaces=[False] * (len(words) - 1) + [space])

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:  # rules, prefix_search ... of the wrapped tokenizer
        return getattr(self.tokenizer, name)
