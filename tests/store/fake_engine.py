"""A tiny deterministic stand-in for the engine, so store tests need no spaCy model.

It finds ``“Quote,” Name said.`` sentences, with the speaker evidence of the contract:
  Name                      resolution name (0.97); a one-word name after a full name ending in it
                            in the same text: surname (0.92), through that full name
  he / she                  pronoun (0.6), through the previous statement's speaker
  Name and Name             a compound speaker: the first is the speaker, both are members
  Democrats, Gallup Poll    a group (group, 0.9) and a document (description, 0.85)
Entities in REGISTRY carry that registry id.  Texts containing EXPLODE raise, texts
containing CRASH kill the (worker) process, texts containing GREEDY take 800 MB and hold it
for 30 s; FAKE_SLEEP=seconds slows each article.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator
from typing import Any

from onrecord.records import Article, Cue, Entity, Speaker, Statement, TextSpan

NAME = r"[A-Z][\w.\-]*(?: [A-Z][\w.\-]*)*"
QUOTE = re.compile(rf"“([^”]+?)[,!?]?” ({NAME}(?: and {NAME})?|he|she) (said|denied|claimed|told)")
CLASSES = {"said": "neutral", "denied": "denial", "claimed": "contested", "told": "neutral"}
PLACES = re.compile(r"\b(Kiev|Kyiv|Kharkov|Kharkiv)\b")
REGISTRY = {"William Barr": "onrecord:william-barr", "Bill Barr": "onrecord:william-barr",
            "Ana Lee": "Q990001", "Anna Leigh": "Q990001"}
KINDS = {"Democrats": ("group", "group", 0.9), "Gallup Poll": ("document", "description", 0.85)}


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
        if "GREEDY" in text:
            hoard = b"x" * (800 * 2**20)  # written, so resident
            time.sleep(30)
            del hoard
        entities: dict[str, Entity] = {}

        def entity(name: str, start: int) -> Entity:
            typ = KINDS.get(name, ("person",))[0]
            return entities.setdefault(name, Entity(f"e{len(entities) + 1}", name, typ,
                                                    (TextSpan(start, start + len(name), name),),
                                                    REGISTRY.get(name)))

        statements = []
        last: tuple[Entity, TextSpan] | None = None
        for i, m in enumerate(QUOTE.finditer(text), start=1):
            who, start, end = m.group(2), m.start(2), m.end(2)
            if who in ("he", "she"):
                speaker = Speaker(start, end, who)
                if last is not None:
                    speaker = Speaker(start, end, who, last[0].id, last[0].name, "pronoun", last[1], 0.6)
            elif " and " in who:
                first, second = who.split(" and ")
                a, b = entity(first, start), entity(second, end - len(second))
                speaker = Speaker(start, end, who, a.id, a.name, "name", None, 0.9, (a.id, b.id))
                last = (a, TextSpan(start, start + len(first), first))
            else:
                full = next((e for n, e in entities.items() if " " not in who and n.endswith(" " + who)), None)
                if full is not None:
                    speaker = Speaker(start, end, who, full.id, full.name, "surname", full.mentions[0], 0.92)
                    last = (full, TextSpan(start, end, who))
                else:
                    ent = entity(who, start)
                    _, method, confidence = KINDS.get(who, (None, "name", 0.97))
                    speaker = Speaker(start, end, who, ent.id, who, method, None, confidence)
                    last = (ent, TextSpan(start, end, who))
            statements.append(Statement(
                id=f"s{i}", speaker=speaker,
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
