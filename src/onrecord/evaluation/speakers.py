"""Canonical-speaker accuracy on the hand-annotated speaker gold (``eval/speakers``).

Each gold statement is matched to the predicted statement whose cue overlaps its cue. Speaker
accuracy is over matched statements (attribution recall is PolNeAR's business and reported
apart as ``found``); a speaker is right when its canonical name is the gold name or one of its
``accept`` names (or, for a compound, a member), compared by the registry's name key, or when
gold and prediction are both unnamed (groups, unnamed documents)."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from onrecord.registry.names import name_key

SCHEMA = "onrecord.speaker-gold/1"
MENTION_TYPES = ("name", "surname", "role", "pronoun", "quote-first-person", "document", "group")
DEFAULT_TEXTS = Path("../shared/data/allsides/articles.jsonl.gz")


@dataclass(frozen=True)
class GoldStatement:
    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    mention: str
    name: str | None
    accept: tuple[str, ...]
    members: tuple[str, ...]


@dataclass(frozen=True)
class GoldArticle:
    id: str
    outlet: str
    sha256: str
    statements: tuple[GoldStatement, ...]


@dataclass
class SpeakerScores:
    system: str
    articles: int = 0
    gold: int = 0
    found: int = 0
    right: int = 0
    by_mention: dict[str, list[int]] = field(default_factory=dict)  # type -> [right, found, gold]
    errors: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else 0.0

    def mention_accuracy(self, mention: str) -> float:
        right, found, _ = self.by_mention.get(mention, [0, 0, 0])
        return right / found if found else 0.0

    def floor_view(self) -> dict:
        """The scores the evaluation gate's floors name."""
        return {"accuracy": self.accuracy,
                "by_mention": {m: self.mention_accuracy(m) for m in MENTION_TYPES}}

    def to_dict(self) -> dict:
        return {"system": self.system, "articles": self.articles, "gold_statements": self.gold,
                "found": self.found, "found_share": round(self.found / self.gold, 4) if self.gold else 0.0,
                "accuracy": round(self.accuracy, 4),
                "end_to_end": round(self.right / self.gold, 4) if self.gold else 0.0,
                "by_mention": {m: {"accuracy": round(self.mention_accuracy(m), 4), "right": v[0],
                                   "found": v[1], "gold": v[2]}
                               for m, v in sorted(self.by_mention.items())},
                "errors": self.errors}


def read_gold(directory: Path) -> list[GoldArticle]:
    """Every gold file in ``directory``; a malformed file raises ValueError naming it."""
    files = sorted(Path(directory).glob("*.json"))
    if not files:
        raise ValueError(f"no speaker gold files (*.json) in {directory}")
    return [_read_one(path) for path in files]


def _read_one(path: Path) -> GoldArticle:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("schema") != SCHEMA:
            raise ValueError(f"schema is {data.get('schema')!r}, not {SCHEMA}")
        statements = tuple(GoldStatement(
            tuple(s["cue"]), tuple(s["speaker"]) if s.get("speaker") else None, s["mention"],
            s.get("name"), tuple(s.get("accept") or ()), tuple(s.get("members") or ()))
            for s in data["statements"])
        art = data["article"]
        return GoldArticle(art["id"], art.get("outlet", ""), art["sha256"], statements)
    except (KeyError, TypeError, ValueError, json.JSONDecodeError) as err:
        raise ValueError(f"{path}: not a valid speaker gold file ({err})") from None


def load_texts(gold: list[GoldArticle], texts: Path) -> dict[str, str]:
    """The gold articles' texts from the AllSides file, checked against the gold's sha256."""
    wanted = {g.id: g for g in gold}
    found: dict[str, str] = {}
    with gzip.open(texts, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record.get("id") in wanted:
                found[record["id"]] = record["text"]
    for g in gold:
        text = found.get(g.id)
        if text is None:
            raise ValueError(f"article {g.id} is not in {texts}")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != g.sha256:
            raise ValueError(f"article {g.id}: the text in {texts} does not match the gold's sha256")
        for s in g.statements:
            for span in (s.cue, s.speaker):
                if span and not (0 <= span[0] < span[1] <= len(text)):
                    raise ValueError(f"article {g.id}: span {span} is outside the text")
    return found


def _accepted(gold: GoldStatement) -> set[str]:
    return {name_key(n) for n in (gold.name, *gold.accept, *gold.members) if n}


def _match(gold: GoldStatement, statements) -> object | None:
    s, e = gold.cue
    hits = [st for st in statements if st.cue.start < e and s < st.cue.end]
    return min(hits, key=lambda st: abs(st.cue.start - s)) if hits else None


def speaker_right(gold: GoldStatement, predicted, registry_of: dict[str, str] | None = None) -> bool:
    """Right when the names agree by key, or when the registry knows both as one actor."""
    name = predicted.speaker.name if predicted.speaker else None
    if gold.name is None:
        return name is None
    if name is None:
        return False
    if name_key(name) in _accepted(gold):
        return True
    predicted_id = (registry_of or {}).get(predicted.speaker.entity or "")
    actor = _registry().resolve(gold.name) if predicted_id else None
    return actor is not None and actor.id == predicted_id


def _registry():
    from onrecord.registry import load_registry
    return load_registry()


def score_article(scores: SpeakerScores, gold: GoldArticle, article, text: str) -> None:
    scores.articles += 1
    registry_of = {e.id: e.registry for e in article.entities if e.registry}
    for g in gold.statements:
        tally = scores.by_mention.setdefault(g.mention, [0, 0, 0])
        tally[2] += 1
        scores.gold += 1
        predicted = _match(g, article.statements)
        if predicted is None:
            continue
        scores.found += 1
        tally[1] += 1
        if speaker_right(g, predicted, registry_of):
            scores.right += 1
            tally[0] += 1
            continue
        sp = predicted.speaker
        scores.errors.append({
            "article": gold.id, "cue": list(g.cue), "mention": g.mention,
            "written": text[g.speaker[0]:g.speaker[1]] if g.speaker else None,
            "gold": g.name, "predicted": sp.name if sp else None,
            "predicted_written": sp.text if sp else None,
            "resolution": sp.resolution if sp else None})


def evaluate_speakers(directory: Path, texts: Path = DEFAULT_TEXTS, extractor=None,
                      systems=("learned", "rules")) -> list[SpeakerScores]:
    """Scores for each coreference system on every gold article."""
    from onrecord.engine import article_from_doc
    from onrecord.pipeline import ArticleMeta, Extractor

    gold = read_gold(directory)
    found = load_texts(gold, texts)
    extractor = extractor or Extractor()
    docs = [doc for doc, _ in extractor.parse_many((found[g.id], ArticleMeta(id=g.id)) for g in gold)]
    results = []
    for system in systems:
        scores = SpeakerScores(system)
        for g, doc in zip(gold, docs):
            score_article(scores, g, article_from_doc(doc, ArticleMeta(id=g.id), coref=system),
                          found[g.id])
        results.append(scores)
    return results


def confusions(scores: SpeakerScores, limit: int = 20) -> list[tuple[tuple[str, str], int]]:
    """The most frequent (gold, predicted) speaker confusions."""
    return Counter((e["gold"] or "(unnamed)", e["predicted"] or "(unnamed)")
                   for e in scores.errors).most_common(limit)
