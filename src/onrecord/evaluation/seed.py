"""Score an Article against the seed article's gold: a checklist of criteria.

Statements match when their cue spans overlap and their content spans overlap
(one-to-one, largest overlap first).  Gold statements with ``required=False`` take
part in the matching, so a prediction that finds one is not spurious, but they count
toward no criterion.  Per-statement criteria (speaker, parent, time) are scored over
all required statements: one that was not found counts as wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onrecord.evaluation.brat import read_text
from onrecord.evaluation.matching import greedy_match
from onrecord.evaluation.seed_gold import GoldSpan, GoldStatement, SeedGold, load_seed_gold
from onrecord.evaluation.spans import Span, length, overlap
from onrecord.records import Article, Statement, TextSpan

if TYPE_CHECKING:
    from onrecord.pipeline import Extractor

SEED_PUBLISHED = "2024-10-15"
OWN_VOICE_COVERAGE = 0.9
"""A gold own-voice sentence is found when one predicted span covers this share of it."""
OWN_VOICE_SPURIOUS = 0.5
"""A predicted own-voice span is spurious when less than this share of it is gold own voice."""


@dataclass(frozen=True, slots=True)
class Criterion:
    """One line of the checklist: ``hits`` out of ``total``."""

    name: str
    label: str
    hits: int
    total: int
    details: tuple[str, ...] = ()
    required: bool = True
    """False: reported for information, left out of ``SeedScores.passed``."""
    allowed_misses: int = 0
    """How many misses still pass (the engine issue allows one spurious statement)."""

    @property
    def score(self) -> float:
        return self.hits / self.total if self.total else 1.0

    @property
    def passed(self) -> bool:
        return self.hits >= self.total - self.allowed_misses

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "hits": self.hits, "total": self.total,
                "score": round(self.score, 4), "passed": self.passed,
                "required": self.required, "details": list(self.details)}


@dataclass(frozen=True, slots=True)
class SeedScores:
    """The checklist, the statement matching and the spurious predictions."""

    criteria: tuple[Criterion, ...]
    matches: tuple[tuple[str, str], ...]
    """(gold statement id, predicted statement id) pairs."""
    spurious: tuple[str, ...]
    """Ids of predicted statements that match no gold statement."""

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.criteria if c.required)

    def criterion(self, name: str) -> Criterion:
        for c in self.criteria:
            if c.name == name:
                return c
        raise KeyError(name)

    def floor_view(self) -> dict[str, float]:
        """Scores keyed like ``eval/floors.json``'s ``seed`` section."""
        return {c.name: c.score for c in self.criteria}

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "criteria": {c.name: c.to_dict() for c in self.criteria},
                "matches": [list(m) for m in self.matches], "spurious": list(self.spurious)}

    def report(self) -> str:
        """A readable plain-text checklist."""
        lines = [f"seed article: {'PASS' if self.passed else 'FAIL'}"]
        for c in self.criteria:
            verdict = "PASS" if c.passed else ("FAIL" if c.required else "info")
            lines.append(f"  {verdict:<4}  {c.label:<44} {c.hits}/{c.total}")
            lines += [f"          - {d}" for d in c.details]
        return "\n".join(lines)


def score_seed(gold: SeedGold, article: Article) -> SeedScores:
    """Compare ``article`` (offsets into the seed text) with the gold."""
    golds, preds = gold.statements, article.statements
    pairs = greedy_match(len(golds), len(preds), lambda i, j: _weight(golds[i], preds[j]))
    match = {golds[i].id: preds[j] for i, j in pairs}
    matched_preds = {j for _, j in pairs}
    required = gold.required

    criteria = [
        _statements(required, match),
        _per_statement("speakers", "speaker canonical name correct", required, match,
                       _speaker_check),
        _per_statement("parents", "parent statement correct", required, match,
                       lambda g, p: _parent_check(g, p, match)),
        _per_statement("times", "time value correct", required, match, _time_check),
        _coreference(gold.coreference, article),
        *_replies(gold, match),
        *_own_voice(gold.own_voice, article.own_voice),
        Criterion("statement_precision", "predicted statements not spurious (1 miss allowed)",
                  len(matched_preds), len(preds),
                  tuple(f"{_describe(preds[j])}: matches no gold statement"
                        for j in range(len(preds)) if j not in matched_preds),
                  allowed_misses=1),
    ]
    return SeedScores(
        criteria=tuple(criteria),
        matches=tuple((golds[i].id, preds[j].id) for i, j in pairs),
        spurious=tuple(preds[j].id for j in range(len(preds)) if j not in matched_preds))


def evaluate_seed(gold_path: str | Path, article_path: str | Path,
                  extractor: "Extractor | None" = None) -> SeedScores:
    """Run the extractor over the seed article and score it."""
    from onrecord.pipeline import ArticleMeta, Extractor

    gold = load_seed_gold(gold_path)
    text = read_text(Path(article_path))
    gold.check_text(text)
    extractor = extractor or Extractor()
    article = extractor.extract(text, ArticleMeta(id="seed",
                                                  published=gold.published or SEED_PUBLISHED))
    if len(article.text) != len(text):
        raise ValueError("the extracted text's length differs from the article's: offsets "
                         "must index the original text (prepare_text must keep the length)")
    return score_seed(gold, article)


# -- matching ---------------------------------------------------------------------------

def _span(s: GoldSpan | TextSpan) -> Span:
    return ((s.start, s.end),)


def _content(p: Statement) -> Span:
    parts = [(p.content.start, p.content.end)]
    if p.content2 is not None:
        parts.append((p.content2.start, p.content2.end))
    return tuple(parts)


def _weight(g: GoldStatement, p: Statement) -> int:
    cue = overlap(_span(g.cue), ((p.cue.start, p.cue.end),))
    content = overlap(_span(g.content), _content(p))
    return cue + content if cue and content else 0


# -- criteria ---------------------------------------------------------------------------

def _statements(required: tuple[GoldStatement, ...], match: dict[str, Statement]) -> Criterion:
    missing = tuple(f"{g.id} ({g.cue.text}): not found" for g in required if g.id not in match)
    return Criterion("statements", "required statements found",
                     len(required) - len(missing), len(required), missing)


def _per_statement(name: str, label: str, required: tuple[GoldStatement, ...],
                   match: dict[str, Statement], check: Any) -> Criterion:
    hits, details = 0, []
    for g in required:
        if g.id not in match:
            continue
        ok, why = check(g, match[g.id])
        hits += ok
        if not ok:
            details.append(f"{g.id} ({g.cue.text}): {why}")
    found = sum(g.id in match for g in required)
    if found < len(required):
        details.append(f"{len(required) - found} required statement(s) not found count as wrong")
    return Criterion(name, label, hits, len(required), tuple(details))


def _norm(s: str | None) -> str | None:
    return " ".join(s.split()).casefold() if s is not None else None


def _speaker_check(g: GoldStatement, p: Statement) -> tuple[bool, str]:
    got = p.speaker.name if p.speaker else None
    if g.speaker is None:
        return p.speaker is None, f"expected no speaker, got {p.speaker and p.speaker.text!r}"
    if p.speaker is None:
        return False, "no speaker predicted"
    if g.speaker.name is None:  # an unnamed group: no name, or the group's own words
        ok = got is None or _norm(got) == _norm(g.speaker.text)
        return ok, f"expected null or {g.speaker.text!r}, got {got!r}"
    return _norm(got) == _norm(g.speaker.name), f"expected {g.speaker.name!r}, got {got!r}"


def _parent_check(g: GoldStatement, p: Statement,
                  match: dict[str, Statement]) -> tuple[bool, str]:
    if g.parent is None:
        return p.parent is None, f"expected no parent, got {p.parent!r}"
    if g.parent not in match:
        return False, f"gold parent {g.parent} was not found"
    want = match[g.parent].id
    return p.parent == want, f"expected {want!r} (gold {g.parent}), got {p.parent!r}"


def _time_check(g: GoldStatement, p: Statement) -> tuple[bool, str]:
    got = p.time.value if p.time else None
    if g.time_value is None:
        return p.time is None, f"expected no time, got {p.time and p.time.text!r} -> {got!r}"
    return got == g.time_value, f"expected {g.time_value!r}, got {got!r}"


def _coreference(mentions: tuple[GoldSpan, ...], article: Article) -> Criterion:
    hits, details = 0, []
    for m in mentions:
        ok = any(_norm(e.name) == _norm(m.name)
                 and any(overlap(_span(m), _span(em)) for em in e.mentions)
                 for e in article.entities)
        hits += ok
        if not ok:
            details.append(f"{m.text!r} ({m.start}-{m.end}) not a mention of {m.name!r}")
    return Criterion("coreference", "coreference mentions resolved", hits, len(mentions),
                     tuple(details))


def _replies(gold: SeedGold, match: dict[str, Statement]) -> list[Criterion]:
    found, typed, details = {}, {}, {}
    for r in gold.relations:
        key = f"{r.source} -> {r.target} ({r.type})"
        src, dst = match.get(r.source), match.get(r.target)
        links = [x for x in src.replies_to if dst is not None and x.statement == dst.id] if src else []
        found[r] = bool(links)
        typed[r] = any(x.type == r.type for x in links)
        if src is None or dst is None:
            details[r] = f"{key}: statement {r.source if src is None else r.target} not found"
        elif not links:
            details[r] = f"{key}: no replies_to link"
        elif not typed[r]:
            details[r] = f"{key}: linked as {', '.join(x.type for x in links)}"
    req = [r for r in gold.relations if r.required]
    return [
        Criterion("replies", "required replies found", sum(found[r] for r in req), len(req),
                  tuple(details[r] for r in req if not found[r])),
        Criterion("reply_types", "required replies with the right type",
                  sum(typed[r] for r in req), len(req),
                  tuple(details[r] for r in req if not typed[r])),
        Criterion("replies_all", "all gold replies found (incl. unmarked)",
                  sum(found[r] for r in gold.relations), len(gold.relations),
                  tuple(details[r] for r in gold.relations if not found[r]), required=False),
    ]


def _own_voice(gold: tuple[GoldSpan, ...], pred: tuple[TextSpan, ...]) -> list[Criterion]:
    missing = []
    for g in gold:
        best = max((overlap(_span(g), _span(p)) for p in pred), default=0)
        if best < OWN_VOICE_COVERAGE * (g.end - g.start):
            missing.append(f"{g.text[:50]!r}... covered {best}/{g.end - g.start} chars")
    gold_spans = tuple((g.start, g.end) for g in gold)
    spurious = [f"{p.text[:50]!r} ({p.start}-{p.end}) is not gold own voice" for p in pred
                if overlap(_span(p), gold_spans) < OWN_VOICE_SPURIOUS * length(_span(p))]
    return [
        Criterion("own_voice", "own-voice sentences found (>= 90% covered)",
                  len(gold) - len(missing), len(gold), tuple(missing)),
        Criterion("own_voice_precision", "own-voice spans not spurious",
                  len(pred) - len(spurious), len(pred), tuple(spurious)),
    ]


def _describe(p: Statement) -> str:
    return f"{p.id} ({p.cue.text}: {p.content.text[:40]!r})"
