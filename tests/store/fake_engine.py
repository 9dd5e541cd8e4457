"""A tiny deterministic stand-in for the engine, so store tests need no spaCy model.

It finds ``“Quote,” Name said.`` sentences.  Texts containing EXPLODE raise, texts
containing CRASH kill the (worker) process; FAKE_SLEEP=seconds slows each article.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator
from typing import Any

from onrecord.records import Article, Cue, Entity, Speaker, Statement, TextSpan

QUOTE = re.compile(r"“([^”]+?)[,!?]?” ([A-Z][\w.\-]*(?: [A-Z][\w.\-]*)*) (said|denied|claimed|told)")
CLASSES = {"said": "neutral", "denied": "denial", "claimed": "contested", "told": "neutral"}
PLACES = re.compile(r"\b(Kiev|Kyiv|Kharkov|Kharkiv)\b")


class FakeExtractor:
    def __init__(self, model: str | None = None) -> None:
        self.sleep = float(os.environ.get("FAKE_SLEEP", "0"))

    def extract_many(self, items: Iterable[tuple[str, Any]], *, batch_size: int = 32) -> Iterator[Article]:
        for text, meta in items:
            yield self.extract(text, meta)

    def extract(self, text: str, meta: Any) -> Article:
        if self.sleep:
            time.sleep(self.sleep)
        if "EXPLODE" in text:
            raise ValueError("the fake engine exploded")
        if "CRASH" in text:
            os._exit(7)
        entities: dict[str, Entity] = {}
        statements = []
        for i, m in enumerate(QUOTE.finditer(text), start=1):
            name = m.group(2)
            ent = entities.setdefault(name, Entity(f"e{len(entities) + 1}", name, "person",
                                                   (TextSpan(m.start(2), m.end(2), name),)))
            statements.append(Statement(
                id=f"s{i}",
                speaker=Speaker(m.start(2), m.end(2), name, ent.id, name),
                cue=Cue(m.start(3), m.end(3), m.group(3), m.group(3), CLASSES[m.group(3)]),
                content=TextSpan(m.start(1), m.end(1), m.group(1)),
                kind="direct"))
        for m in PLACES.finditer(text):
            entities.setdefault(m.group(1), Entity(f"e{len(entities) + 1}", m.group(1), "place",
                                                   (TextSpan(m.start(), m.end(), m.group(1)),)))
        own = tuple(TextSpan(0, min(len(text), 20), text[:20]) for _ in range(1) if "Officially" in text)
        return Article(text=text, id=meta.id, title=meta.title, outlet=meta.outlet,
                       published=meta.published, entities=tuple(entities.values()),
                       statements=tuple(statements), own_voice=own)
