"""The store tests' fake engine with modality: the flags read from marker words in the quote.

never -> negated, perhaps -> hypothetical, tomorrow -> future, a closing ? -> question; the
speaker Gallup Poll -> finding, The Memo -> document, WANTS -> intent.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from fake_engine import FakeExtractor

from onrecord.records import Article, Modality

SPEC = str(Path(__file__).with_name("fake_modality_engine.py")) + ":FakeModalityExtractor"
KINDS = {"Gallup Poll": "finding", "The Memo": "document"}


def modality_of(content: str, speaker: str | None) -> Modality:
    words = content.lower().split()
    return Modality(negated="never" in words, hypothetical="perhaps" in words, future="tomorrow" in words,
                    question=content.rstrip().endswith("?"),
                    kind="intent" if "wants" in words else KINDS.get(speaker or "", "speech"))


class FakeModalityExtractor(FakeExtractor):
    def extract(self, text: str, meta: Any) -> Article:
        article = super().extract(text, meta)
        return replace(article, statements=tuple(
            replace(s, modality=modality_of(s.content.text, s.speaker.text if s.speaker else None))
            for s in article.statements))
