"""The seed article's gold (``onrecord.gold/1``) as typed, frozen records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GOLD_SCHEMA = "onrecord.gold/1"


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A stretch of the article text, with a canonical name where one applies."""

    start: int
    end: int
    text: str
    name: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "GoldSpan":
        return cls(d["start"], d["end"], d["text"], d.get("name"))


@dataclass(frozen=True, slots=True)
class GoldStatement:
    """One gold statement; ``required=False`` ones are neither rewarded nor penalised."""

    id: str
    speaker: GoldSpan | None
    cue: GoldSpan
    content: GoldSpan
    kind: str
    parent: str | None
    time_value: str | None
    required: bool


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """``source`` replies to ``target``; relations with evidence are the required ones."""

    source: str
    target: str
    type: str
    evidence: str | None = None

    @property
    def required(self) -> bool:
        return self.evidence is not None


@dataclass(frozen=True, slots=True)
class SeedGold:
    """Everything the seed article must yield."""

    published: str | None
    statements: tuple[GoldStatement, ...]
    own_voice: tuple[GoldSpan, ...]
    coreference: tuple[GoldSpan, ...]
    relations: tuple[GoldRelation, ...]

    @property
    def required(self) -> tuple[GoldStatement, ...]:
        return tuple(s for s in self.statements if s.required)

    def check_text(self, text: str) -> None:
        """Raise if the gold offsets do not fit ``text`` (the wrong article file)."""
        spans = [*self.own_voice, *self.coreference]
        for s in self.statements:
            spans += [s.cue, s.content] + ([s.speaker] if s.speaker else [])
        for span in spans:
            if text[span.start:span.end] != span.text:
                raise ValueError(
                    f"gold span {span.text[:40]!r} at {span.start}-{span.end} does not match "
                    "the article text: pass the article.txt that belongs to this gold.json")


def load_seed_gold(path: str | Path) -> SeedGold:
    """Read ``gold.json``."""
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    if d.get("schema") != GOLD_SCHEMA:
        raise ValueError(f"{path} is not an {GOLD_SCHEMA} file (schema={d.get('schema')!r})")
    statements = tuple(
        GoldStatement(
            id=s["id"],
            speaker=GoldSpan.from_dict(s["speaker"]) if s.get("speaker") else None,
            cue=GoldSpan.from_dict(s["cue"]), content=GoldSpan.from_dict(s["content"]),
            kind=s.get("kind", ""), parent=s.get("parent"),
            time_value=(s.get("time") or {}).get("value"),
            required=s.get("required", True))
        for s in d["statements"])
    return SeedGold(
        published=d.get("published_assumed"),
        statements=statements,
        own_voice=tuple(GoldSpan.from_dict(o) for o in d.get("own_voice", [])),
        coreference=tuple(GoldSpan.from_dict(c) for c in d.get("coreference", [])),
        relations=tuple(GoldRelation(r["from"], r["to"], r["type"], r.get("evidence"))
                        for r in d.get("relations", [])))
