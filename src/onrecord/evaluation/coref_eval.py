"""Coreference on GUM (MUC, B³, CEAF-e, CoNLL F1, pronoun-antecedent accuracy) and pronoun
resolution on GAP, for the rule resolver and the learned ranker side by side.

GUM is scored on its gold mentions of people and organisations that are names (a proper noun
in the span) or third-person personal pronouns: the mentions onrecord resolves. Each gold
mention takes the entity the system gave to its tokens (head first); a mention the system left
alone is a singleton. Both resolvers are scored the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from onrecord.coref.gap import GapExample, gap_scores, read_gap
from onrecord.coref.gum import GoldMention, GumDocument, read_gum
from onrecord.coref.instances import build_index, gum_doc
from onrecord.evaluation.coref_metrics import coref_scores

PERSONAL = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
KEY_TYPES = {"person", "organization"}
SYSTEMS = ("rules", "learned")


@dataclass(frozen=True)
class CorefResult:
    system: str
    documents: int
    mentions: int
    pronouns: int
    scores: dict
    pronoun_accuracy: float

    def floor_view(self) -> dict:
        """The scores the evaluation gate's floors name."""
        s = self.scores
        return {"conll_f1": s["conll_f1"], "pronoun_accuracy": self.pronoun_accuracy,
                **{k: s[k].f1 for k in ("muc", "b_cubed", "ceaf_e")}}

    def to_dict(self) -> dict:
        s = self.scores
        return {"system": self.system, "documents": self.documents, "key_mentions": self.mentions,
                "pronouns": self.pronouns,
                **{k: {"precision": round(s[k].precision, 4), "recall": round(s[k].recall, 4),
                       "f1": round(s[k].f1, 4)} for k in ("muc", "b_cubed", "ceaf_e")},
                "conll_f1": round(s["conll_f1"], 4),
                "pronoun_accuracy": round(self.pronoun_accuracy, 4)}


def key_mentions(gum: GumDocument, doc) -> list[GoldMention]:
    """The gold mentions scored: names and personal pronouns of people and organisations."""
    keep = []
    for m in gum.mentions:
        if m.type not in KEY_TYPES:
            continue
        span = doc[m.start:m.end]
        if (m.end - m.start == 1 and span[0].lower_ in PERSONAL) or any(t.pos_ == "PROPN" for t in span):
            keep.append(m)
    return keep


def _system_entity(index, doc, m: GoldMention):
    span = doc[m.start:m.end]
    for tok in [span.root, *span]:
        entity = index.by_token.get(tok.i)
        if entity is not None:
            return entity
    return None


def _document(gum: GumDocument, nlp, learned: bool):
    doc = gum_doc(nlp, gum)
    index = build_index(doc, learned=learned)
    mentions = key_mentions(gum, doc)
    systems = [_system_entity(index, doc, m) for m in mentions]
    key: dict[str, set] = {}
    response: dict[object, set] = {}
    for m, entity in zip(mentions, systems):
        mention = (gum.name, m.start, m.end)
        key.setdefault(m.entity, set()).add(mention)
        response.setdefault(id(entity) if entity is not None else mention, set()).add(mention)
    hits, total = _pronoun_hits(doc, mentions, systems)
    return list(key.values()), list(response.values()), hits, total


def _pronoun_hits(doc, mentions: list[GoldMention], systems: list) -> tuple[int, int]:
    """Pronouns with an earlier gold antecedent; right when the system put them with one."""
    hits = total = 0
    for i, (m, entity) in enumerate(zip(mentions, systems)):
        if m.end - m.start != 1 or doc[m.start].lower_ not in PERSONAL:
            continue
        earlier = [systems[j] for j in range(i) if mentions[j].entity == m.entity]
        if not earlier:
            continue
        total += 1
        hits += entity is not None and any(e is entity for e in earlier)
    return hits, total


def evaluate_gum(directory: Path, nlp=None, systems: Iterable[str] = SYSTEMS,
                 genres: set[str] | None = None) -> list[CorefResult]:
    from onrecord.pipeline import load_model

    nlp = nlp or load_model()
    docs = [d for d in read_gum(directory) if genres is None or d.genre in genres]
    if not docs:
        raise ValueError(f"no GUM documents in {directory}")
    results = []
    for system in systems:
        key, response, hits, total = [], [], 0, 0
        for gum in docs:
            k, r, h, t = _document(gum, nlp, system == "learned")
            key += k
            response += r
            hits, total = hits + h, total + t
        results.append(CorefResult(system, len(docs), sum(map(len, key)), total,
                                   coref_scores(key, response), hits / total if total else 0.0))
    return results


def gap_predictions(examples: list[GapExample], nlp, learned: bool) -> dict[str, tuple[bool, bool]]:
    """For each example: does the resolver put the pronoun with name A, with name B?"""
    predictions = {}
    for ex in examples:
        doc = nlp(ex.text)
        index = build_index(doc, learned=learned)
        pron = doc.char_span(ex.pronoun_offset, ex.pronoun_offset + len(ex.pronoun),
                             alignment_mode="expand")
        entity = index.by_token.get(pron.root.i) if pron is not None else None
        predictions[ex.id] = tuple(_holds(index, doc, entity, off, name)
                                   for off, name in ((ex.a_offset, ex.a), (ex.b_offset, ex.b)))
    return predictions


def _holds(index, doc, entity, offset: int, name: str) -> bool:
    span = doc.char_span(offset, offset + len(name), alignment_mode="expand")
    return entity is not None and span is not None and any(
        index.by_token.get(t.i) is entity for t in span)


def gap_floor_view(result: dict) -> dict:
    """The GAP scores the evaluation gate's floors name."""
    return {"overall_f1": result["overall"]["f1"], "masculine_f1": result["masculine"]["f1"],
            "feminine_f1": result["feminine"]["f1"], "bias": result["bias"]}


def evaluate_gap(path: Path, nlp=None, systems: Iterable[str] = SYSTEMS) -> dict[str, dict]:
    from onrecord.pipeline import load_model

    nlp = nlp or load_model()
    examples = read_gap(path)
    return {system: {"examples": len(examples),
                     **gap_scores(examples, gap_predictions(examples, nlp, system == "learned"))}
            for system in systems}
