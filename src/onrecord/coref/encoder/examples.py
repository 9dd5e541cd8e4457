"""Pronoun decisions for the encoder: a text, one pronoun, its candidate mentions and the answer."""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.coref.gap import GapExample
from onrecord.coref.gum import GumDocument

__all__ = ["PronounExample", "from_gap", "from_gum"]

PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
GUM_CONTEXT_WORDS = 180  # how far back a GUM pronoun's candidates may be
GUM_MAX_CANDIDATES = 8


@dataclass(frozen=True, slots=True)
class PronounExample:
    """``label`` is the index of the right candidate, -1 when none is, None when unknown."""

    id: str
    text: str
    pronoun: tuple[int, int]
    candidates: tuple[tuple[int, int], ...]
    label: int | None = None


def from_gap(ex: GapExample) -> PronounExample:
    """A GAP row: candidates are names A and B (character spans in the snippet)."""
    label = 0 if ex.a_coref else 1 if ex.b_coref else -1
    return PronounExample(
        ex.id, ex.text, (ex.pronoun_offset, ex.pronoun_offset + len(ex.pronoun)),
        ((ex.a_offset, ex.a_offset + len(ex.a)), (ex.b_offset, ex.b_offset + len(ex.b))), label)


def from_gum(doc: GumDocument) -> list[PronounExample]:
    """Every personal pronoun of a person in GUM's gold, with the latest mention of each person
    mentioned in the preceding ``GUM_CONTEXT_WORDS`` words as candidates (most recent first)."""
    starts, pos = [], 0
    for word in doc.words:
        starts.append(pos)
        pos += len(word) + 1
    text = " ".join(doc.words)
    people = sorted((m for m in doc.mentions if m.type == "person"), key=lambda m: (m.start, m.end))
    out = []
    for n, m in enumerate(people):
        if m.end - m.start != 1 or doc.words[m.start].lower() not in PERSONAL:
            continue
        latest: dict[str, tuple[int, int]] = {}
        for c in people[:n]:
            if c.end <= m.start and m.start - c.start <= GUM_CONTEXT_WORDS:
                latest[c.entity] = (c.start, c.end)
        ranked = sorted(latest.items(), key=lambda kv: -kv[1][0])[:GUM_MAX_CANDIDATES]
        if not ranked:
            continue
        label = next((i for i, (entity, _) in enumerate(ranked) if entity == m.entity), -1)
        spans = tuple((starts[s], starts[e - 1] + len(doc.words[e - 1])) for _, (s, e) in ranked)
        out.append(PronounExample(f"{doc.name}:{m.start}", text,
                                  (starts[m.start], starts[m.start] + len(doc.words[m.start])),
                                  spans, label))
    return out
