"""Score PLOVER event coding: root type (accuracy, macro-F1, micro-F1) and actor/recipient
string match, on the PLV dev split and on the PLOVER gold-standard records.

Two systems are scored side by side: the coder alone (the model's first choice for the
sentence) and the pipeline (the sentence extracted as an article with events on: parse,
statements, triggers, the coder, participants; its most confident event). Baselines: the
majority type of the training split and the trigger lexicon alone.

A predicted participant matches a gold string when, lowercased and stripped of leading
articles and punctuation, one contains the other (its text or its resolved name).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from onrecord.eventcoder.data import CodedSentence, read_plv, split
from onrecord.eventcoder.metrics import scores
from onrecord.pipeline import ArticleMeta
from onrecord.records import Article, Event, EventActor
from onrecord.roles.evaluate import compare as compare_roles
from onrecord.roles.predict import default_ranker

GSR_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
GSR_SKIP = {"DOCUMENT"}
_LEADING = re.compile(r"^(the|a|an)\s+")


def read_gsr(path: Path) -> list[CodedSentence]:
    """The PLOVER gold-standard records as coded sentences (PLOVER 0.5b1 names mapped)."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not found; it lives in ../shared/data/plover/")
    out = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        if record.get("event") in GSR_SKIP or not record.get("text"):
            continue
        out.append(CodedSentence(record["id"], record["text"], GSR_NAMES.get(record["event"], record["event"]),
                                 _actor_texts(record.get("source")), _actor_texts(record.get("target"))))
    return out


def _actor_texts(value) -> str:
    """Gold actor strings joined with '|' (a compound actor has several)."""
    if not isinstance(value, list):
        return ""
    return "|".join(a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText"))


def normal(text: str) -> str:
    text = re.sub(r"[^\w\s]", " ", text.lower()).strip()
    return " ".join(_LEADING.sub("", text).split())


def matches(predicted: Sequence[EventActor], gold: str) -> bool:
    """Whether any gold string and any predicted participant contain one another."""
    golds = [normal(g) for g in gold.split("|") if normal(g)]
    names = [normal(x) for a in predicted for x in (a.text, a.name or "") if normal(x)]
    return any(g in p or p in g for g in golds for p in names)


def main_event(article: Article) -> Event | None:
    """The event a one-sentence article is scored by: the most confident."""
    return max(article.events, key=lambda e: e.confidence or 0.0, default=None)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One sentence's pipeline result."""

    type: str | None
    actor: bool
    recipient: bool


def pipeline_outcomes(articles: Sequence[Article], gold: Sequence[CodedSentence]) -> list[Outcome]:
    out = []
    for article in articles:
        event = main_event(article)
        out.append(Outcome(event.type if event else None, False, False) if event is None else
                   Outcome(event.type, *_participant_matches(event, gold[len(out)])))
    return out


def _participant_matches(event: Event, row: CodedSentence) -> tuple[bool, bool]:
    return matches(event.actors, row.source), matches(event.recipients, row.target)


def participant_scores(outcomes: Sequence[Outcome], gold: Sequence[CodedSentence]) -> dict[str, float]:
    """Share of the records with a gold actor (recipient) whose actor (recipient) matched."""
    with_source = [o for o, g in zip(outcomes, gold) if g.source]
    with_target = [o for o, g in zip(outcomes, gold) if g.target]
    return {"actor_match": round(sum(o.actor for o in with_source) / len(with_source), 4) if with_source else 0.0,
            "recipient_match": round(sum(o.recipient for o in with_target) / len(with_target), 4)
            if with_target else 0.0,
            "with_actor": len(with_source), "with_recipient": len(with_target)}


def lexicon_baseline(rows: Sequence[CodedSentence], nlp) -> list[str | None]:
    """The type of the first trigger of the hand lexicon in each sentence (the lexicon's
    first-listed type for a trigger under several)."""
    from onrecord.events.triggers import find_triggers, first_type

    out = []
    for doc in nlp.pipe([r.text for r in rows]):
        triggers = [t for s in doc.sents for t in find_triggers(s, extended=False)]
        out.append(first_type(triggers[0]) if triggers else None)
    return out


def evaluate_plover(plv: Path, gsr: Path, extractor, coder) -> dict:
    """The full report: PLV dev and GSR, coder, pipeline and baselines."""
    train, dev = split(read_plv(plv))
    majority = Counter(r.type for r in train).most_common(1)[0][0]
    report = {}
    for name, rows in (("plv_dev", dev), ("gsr", read_gsr(gsr))):
        gold = [r.type for r in rows]
        coder_types = [t for t, _ in coder.predict([r.text for r in rows])]
        articles = list(extractor.extract_many([(r.text, ArticleMeta()) for r in rows]))
        outcomes = pipeline_outcomes(articles, rows)
        report[name] = {
            "sentences": len(rows),
            "coder": scores(gold, coder_types),
            "pipeline": scores(gold, [o.type for o in outcomes]) | participant_scores(outcomes, rows),
            "baselines": {"majority": scores(gold, [majority] * len(rows)),
                          "lexicon": scores(gold, lexicon_baseline(rows, extractor.nlp))},
            "roles": compare_roles(rows, extractor.nlp, default_ranker()),
        }
    return report


def floor_view(report: dict) -> dict:
    """The scores the evaluation gate pins (counts and baselines left out)."""
    keep = ("accuracy", "macro_f1", "micro_f1", "actor_match", "recipient_match")
    return {part: {system: {k: v for k, v in report[part][system].items() if k in keep}
                   for system in ("coder", "pipeline")}
            | {"roles": {role: r["ranker"] for role, r in report[part]["roles"].items()}}
            for part in ("plv_dev", "gsr")}


def empty_floor_view() -> dict:
    """A floor view of zeros, with every score the gate knows."""
    zero = {"accuracy": 0.0, "macro_f1": 0.0, "micro_f1": 0.0}
    return {part: {"coder": dict(zero), "pipeline": zero | {"actor_match": 0.0, "recipient_match": 0.0},
                   "roles": {"actor": 0.0, "recipient": 0.0}}
            for part in ("plv_dev", "gsr")}
