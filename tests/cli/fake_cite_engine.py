"""A deterministic stand-in for the engine for the citation tests: ``“A,” NAME said, “B.”``
gives a statement with content A and content2 B; a surname in SURNAMES is written as the surname
and resolved to the full name (speaker as written ≠ as resolved)."""

from __future__ import annotations

import re
from typing import Any

from onrecord.records import Article, Cue, Entity, Speaker, Statement, TextSpan
from tests.explorer.explorer_fake_engine import FakeExtractor

QUOTE = re.compile(r"“([^”]+?),” ([A-Z][\w]*(?: [A-Z][\w]*)*) (said|told)(?:, “([^”]+)”)?")
SURNAMES = {"Korvik": "Anna Korvik", "Brenn": "Tomas Brenn"}


class FakeCiteExtractor(FakeExtractor):
    """The explorer's fake engine's interface, with the citation texts' statements."""

    def extract(self, text: str, meta: Any) -> Article:
        entities: dict[str, Entity] = {}
        statements = []
        for i, m in enumerate(QUOTE.finditer(text), start=1):
            written = m.group(2)
            name = SURNAMES.get(written, written)
            ent = entities.setdefault(name, Entity(f"e{len(entities) + 1}", name, "person",
                                                   (TextSpan(m.start(2), m.end(2), written),)))
            method = "surname" if name != written else "name"
            content2 = TextSpan(m.start(4), m.end(4), m.group(4)) if m.group(4) else None
            statements.append(Statement(
                id=f"s{i}", speaker=Speaker(m.start(2), m.end(2), written, ent.id, name, method, None, 0.9),
                cue=Cue(m.start(3), m.end(3), m.group(3), "say", "neutral"),
                content=TextSpan(m.start(1), m.end(1), m.group(1)), kind="direct", content2=content2))
        return Article(text=text, id=meta.id, title=meta.title, outlet=meta.outlet, published=meta.published,
                       entities=tuple(entities.values()), statements=tuple(statements))
