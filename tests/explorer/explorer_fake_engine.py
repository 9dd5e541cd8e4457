"""A deterministic stand-in for the engine, richer than the store's: nesting, replies, times,
own voice.  No spaCy model, so the route tests stay fast.

Patterns it finds:
  “Quote,” Name said [on Monday].           a direct statement (denied: rejects the one before)
  “Quote,” she said.                         a pronoun, resolved to the previous speaker through its mention
  “Quote,” Name and Name said.               a compound speaker (the first speaks; both are members)
  Name wrote that Name2 said “Quote”.        a statement nested in another one's content
  Officially ...                             the first sentence is in the article's own voice
Speaker evidence: names are resolved by name (0.97), pronouns by pronoun (0.6), ``Democrats`` is a
group, ``Harbour Report`` a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from onrecord.records import Article, Cue, Entity, Reply, Speaker, Statement, TextSpan, TimeRef

NAME = r"[A-Z][\w.\-]*(?: [A-Z][\w.\-]*)*"
QUOTE = re.compile(rf"“([^”]+?)[,!?]?” ({NAME}(?: and {NAME})?|he|she) (said|denied|claimed|told)( on Monday)?")
KINDS = {"Democrats": ("group", "group", 0.9), "Harbour Report": ("document", "description", 0.85)}
NESTED = re.compile(rf"({NAME}) (wrote) that (({NAME}) (said) “([^”]+)”)")
CLASSES = {"said": "neutral", "denied": "denial", "claimed": "contested", "told": "neutral",
           "wrote": "report"}


class FakeExtractor:
    def __init__(self, model: str | None = None) -> None:
        pass

    def extract_many(self, items: Iterable[tuple[str, Any]], *, batch_size: int = 32) -> Iterator[Article]:
        for text, meta in items:
            yield self.extract(text, meta)

    def extract(self, text: str, meta: Any) -> Article:
        entities: dict[str, Entity] = {}
        statements: list[Statement] = []

        def entity(name: str, start: int) -> Entity:
            return entities.setdefault(name, Entity(f"e{len(entities) + 1}", name, KINDS.get(name, ("person",))[0],
                                                    (TextSpan(start, start + len(name), name),)))

        def speaker(start: int, end: int) -> Speaker:
            name = text[start:end]
            if name in ("he", "she"):
                prev = statements[-1].speaker if statements else None
                if prev is None or prev.entity is None:
                    return Speaker(start, end, name)
                ante = TextSpan(prev.start, prev.end, prev.text)
                return Speaker(start, end, name, prev.entity, prev.name, "pronoun", ante, 0.6)
            if " and " in name:
                first, second = name.split(" and ")
                a, b = entity(first, start), entity(second, end - len(second))
                return Speaker(start, end, name, a.id, a.name, "name", None, 0.9, (a.id, b.id))
            ent = entity(name, start)
            _, method, confidence = KINDS.get(name, (None, "name", 0.97))
            return Speaker(start, end, name, ent.id, name, method, None, confidence)

        def add(**kw: Any) -> Statement:
            st = Statement(id=f"s{len(statements) + 1}", **kw)
            statements.append(st)
            return st

        for m in QUOTE.finditer(text):
            verb = m.group(3)
            time = None
            if m.group(4):
                time = TimeRef("on Monday", meta.published, "day", m.start(4) + 1, m.end(4))
            replies = (Reply(statements[-1].id, "rejects"),) if verb == "denied" and statements else ()
            add(speaker=speaker(m.start(2), m.end(2)),
                cue=Cue(m.start(3), m.end(3), verb, verb, CLASSES[verb]),
                content=TextSpan(m.start(1), m.end(1), m.group(1)), kind="direct", time=time,
                replies_to=replies)
        for m in NESTED.finditer(text):
            outer = add(speaker=speaker(m.start(1), m.end(1)),
                        cue=Cue(m.start(2), m.end(2), "wrote", "write", "report"),
                        content=TextSpan(m.start(3), m.end(3), m.group(3)), kind="indirect")
            add(speaker=speaker(m.start(4), m.end(4)), cue=Cue(m.start(5), m.end(5), "said", "say", "neutral"),
                content=TextSpan(m.start(6), m.end(6), m.group(6)), kind="direct", parent=outer.id)
        own = ()
        if text.startswith("Officially"):
            end = text.find(".") + 1
            own = (TextSpan(0, end, text[:end]),)
        return Article(text=text, id=meta.id, title=meta.title, outlet=meta.outlet,
                       published=meta.published, entities=tuple(entities.values()),
                       statements=tuple(statements), own_voice=own)
