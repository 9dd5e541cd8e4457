"""Candidate links between statements of different articles (pure functions over rows).

A candidate is a later statement (``source``) and an earlier one in another article
(``target``) with the evidence that ties them: one quote group, or a strong overlap of content
words that includes a shared name.  ``typing`` decides what kind of link it is.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from onrecord.crosslinks.linktypes import VERDICT_CUES
from onrecord.crosslinks.rows import ReplyRow, Row
from onrecord.crosslinks.words import Bag, bag, overlap


@dataclass(frozen=True, slots=True)
class Rules:
    """The thresholds of a link; stricter values give fewer, surer links."""

    reply_days: int = 14
    """A reply answers a report published at most this many days before it (or the same day)."""
    claim_days: int = 30
    """Two statements of one claim lie at most this many days apart."""
    reply_min_shared: int = 3
    reply_min_score: float = 0.3
    named_min_score: float = 0.4
    """A reply to a report named only by its source's name matches the words around it: stricter."""
    claim_min_shared: int = 5
    claim_min_score: float = 0.6
    min_names: int = 1
    """Shared names (capitalised words, numbers) a content-word match needs."""
    min_plain: int = 2
    """Shared words that are not names a content-word match needs (names alone make a topic, not a claim)."""
    claim_min_plain: int = 3
    claim_min_plain_score: float = 0.5
    """A claim's shared words that are not names, in number and as a share of the shorter content's."""
    same_words: float = 0.9
    """Two statements this alike are one utterance reported twice (or misattributed), not two speakers."""
    claim_min_words: int = 6
    """Content words both statements of a claim need."""
    max_df: int = 500
    """Words found in more statements than this do not propose claim candidates (they still count)."""
    busy_source: int = 20
    """A named source with more statements than this in the window is matched on the reply's own
    sentence only (which of its many statements is answered must be said there)."""
    context_chars: int = 400
    """A reply to a named report: how much text either side tells the matter answered."""
    per_source: int = 3
    """At most this many links from one statement (the best scored)."""


RULES = Rules()


@dataclass(frozen=True, slots=True)
class Candidate:
    source: Row
    target: Row
    basis: str  # reply or claim
    kind: str  # reply+quote, reply+source, claim+quote, claim+overlap
    score: float
    shared: tuple[str, ...] = ()
    via: Row | None = None
    """For a reply: the statement inside the source's article that it answers (or None)."""
    named: str = ""
    """For a reply to a named report: the name as written."""
    retort: str = ""
    """For a retort aimed at the source ("fired back at Smith"): its verb."""


def answers(row: Row) -> bool:
    """Whether a statement can answer another: said by a known speaker; not hypothetical ("could
    reject"), negated ("hadn't confirmed", "did not indicate"), a question, or other than speech."""
    return (row.speaker_id is not None and row.kind == "speech"
            and not (row.hypothetical or row.question or row.negated))


def in_window(later: Row, earlier: Row, days: int) -> bool:
    """``earlier`` was published on the day of ``later`` or at most ``days`` before it."""
    if later.published is None or earlier.published is None:
        return False
    return later.published - timedelta(days=days) <= earlier.published <= later.published


def close_in_time(a: Row, b: Row, days: int) -> bool:
    return a.published is not None and b.published is not None and abs((a.published - b.published).days) <= days


def different_speakers(a: Row, b: Row) -> bool:
    """Both resolved to corpus entities, and to different ones whose names (as resolved and as
    written) end in different words: "Sandy" and "Mark Sandy" are one person resolved twice."""
    if a.speaker_id is None or b.speaker_id is None or a.speaker_id == b.speaker_id:
        return False
    return not (_surnames(a) & _surnames(b))


def _surnames(row: Row) -> set[str]:
    out = set()
    for name in (row.speaker, row.speaker_text or ""):
        words = [w.strip(".,’'").lower() for w in name.split() if w[:1].isupper()]
        if words:
            out.add(words[-1])
    return out


def word_match(a: Bag, b: Bag, min_shared: int, min_score: float, rules: Rules = RULES, *,
               min_plain: int | None = None, min_plain_score: float = 0.0,
               min_names: int | None = None) -> tuple[float, tuple[str, ...]] | None:
    """(score, shared words) when the two bags overlap enough, else None: enough shared words, a
    share of the shorter bag, shared names, and shared words that are not names."""
    score, shared = overlap(a, b)
    names = a.names & b.names
    if len(shared) < min_shared or score < min_score or len(names) < (rules.min_names if min_names is None else min_names):
        return None
    plain_a, plain_b = a.words - a.names, b.words - b.names
    plain = plain_a & plain_b
    if len(plain) < (rules.min_plain if min_plain is None else min_plain):
        return None
    if min_plain_score and len(plain) < min_plain_score * min(len(plain_a), len(plain_b)):
        return None
    return score, tuple(sorted(shared))


class Corpus:
    """The rows with their bags and indexes by quote group and speaker."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = list(rows)
        self.by_id = {r.id: r for r in self.rows}
        self.bags = {r.id: bag(r.content) for r in self.rows}
        self.by_quote: dict[str, list[Row]] = defaultdict(list)
        self.by_speaker: dict[int, list[Row]] = defaultdict(list)
        for r in self.rows:
            if r.quote_id:
                self.by_quote[r.quote_id].append(r)
            if r.speaker_id is not None:
                self.by_speaker[r.speaker_id].append(r)


def report_targets(corpus: Corpus, source: Row, report: Bag, *,
                   quote_id: str | None, speaker_id: int | None, rules: Rules = RULES,
                   min_names: int | None = None, min_score: float | None = None
                   ) -> list[tuple[Row, str, float, tuple[str, ...]]]:
    """Statements in other, earlier articles that carry a report: its quote group, or the named
    source's statements whose words overlap ``report`` (with ``min_names`` shared names: 0 where
    the source is named already).  (target, kind, score, shared), best first."""
    found: dict[int, tuple[Row, str, float, tuple[str, ...]]] = {}

    def eligible(t: Row) -> bool:
        return (t.article_id != source.article_id and in_window(source, t, rules.reply_days)
                and (source.speaker_id is None or t.speaker_id != source.speaker_id))

    if quote_id:
        for t in corpus.by_quote.get(quote_id, ()):
            if eligible(t):
                found[t.id] = (t, "reply+quote", 1.0, ())
    if speaker_id is not None:
        for t in corpus.by_speaker.get(speaker_id, ()):
            if t.id in found or not eligible(t):
                continue
            m = word_match(report, corpus.bags[t.id], rules.reply_min_shared,
                           rules.reply_min_score if min_score is None else min_score, rules, min_names=min_names)
            if m:
                found[t.id] = (t, "reply+source", *m)
    return sorted(found.values(), key=lambda x: (-x[2], -len(x[3]), -(x[0].published.toordinal()), x[0].id))


def reply_candidates(corpus: Corpus, replies: Iterable[ReplyRow], rules: Rules = RULES,
                     named_near: Callable[[Row, Row], bool] = lambda source, via: True) -> list[Candidate]:
    """Replies found inside an article carried over to the reports they answer in other articles;
    ``named_near(source, via)`` says whether the source's sentence (or the next) names the
    speaker answered ("Her comment came after Trump suggested ..."): an unnamed one is not carried."""
    out: list[Candidate] = []
    for rep in replies:
        source, via = corpus.by_id.get(rep.statement_id), corpus.by_id.get(rep.target_id)
        if source is None or via is None or via.speaker_id == source.speaker_id and via.speaker_id is not None:
            continue
        if not answers(source) or not named_near(source, via):
            continue
        targets = report_targets(corpus, source, corpus.bags[via.id],
                                 quote_id=via.quote_id, speaker_id=via.speaker_id, rules=rules)
        for t, kind, score, shared in targets[: rules.per_source]:
            out.append(Candidate(source, t, "reply", kind, score, shared, via=via))
    return out


def claim_candidates(corpus: Corpus, rules: Rules = RULES) -> list[Candidate]:
    """Pairs of statements by different speakers in different articles that state one claim
    (one quote group, or content words that overlap strongly, names included) where one of them
    gives a verdict on it (denied, disputed, confirmed, acknowledged ...).

    Each verdict statement meets the others through its rarer words (in at most ``max_df``
    statements); the full bags then decide."""
    eligible = [r for r in corpus.rows if r.speaker_id is not None and not r.nested
                and len(corpus.bags[r.id]) >= rules.claim_min_words]
    postings: dict[str, list[Row]] = defaultdict(list)
    for r in eligible:
        for w in corpus.bags[r.id].words:
            postings[w].append(r)
    seen: set[tuple[int, int]] = set()
    out: list[Candidate] = []
    for v in eligible:
        if v.cue_lemma not in VERDICT_CUES:
            continue
        met: Counter[int] = Counter()
        for w in corpus.bags[v.id].words:
            rows = postings[w]
            if len(rows) <= rules.max_df:
                met.update(o.id for o in rows if o.article_id != v.article_id)
        for oid in met:
            pair = (min(v.id, oid), max(v.id, oid))
            if pair in seen:
                continue
            seen.add(pair)
            c = _claim(corpus, v, corpus.by_id[oid], rules)
            if c is not None:
                out.append(c)
    return out


def _claim(corpus: Corpus, a: Row, b: Row, rules: Rules) -> Candidate | None:
    if not different_speakers(a, b) or not close_in_time(a, b, rules.claim_days):
        return None
    later, earlier = order(a, b)
    if later.quote_id and later.quote_id == earlier.quote_id:
        return None  # the same words by two speakers: one utterance reported twice (or quoted), not two views
    if not (_about(later, earlier) and _about(earlier, later)):
        return None
    m = word_match(corpus.bags[later.id], corpus.bags[earlier.id], rules.claim_min_shared,
                   rules.claim_min_score, rules, min_plain=rules.claim_min_plain,
                   min_plain_score=rules.claim_min_plain_score)
    if m and m[0] < rules.same_words:
        return Candidate(later, earlier, "claim", "claim+overlap", *m)
    return None


_SELF = frozenset("he she they we i his her their our my".split())


def _about(row: Row, other: Row) -> bool:
    """A content whose subject is a pronoun ("he had been briefed") is about its own speaker, so
    it states the other's claim only where the other names that speaker."""
    first = row.content.strip().lstrip("\"“‘'").split(maxsplit=1)
    if not first or first[0].lower().strip(",") not in _SELF:
        return True
    return bool(_surnames(row) & {w.strip(".,’'\"”").lower() for w in other.content.split()})


def order(a: Row, b: Row) -> tuple[Row, Row]:
    """(later, earlier): by publication day, then the one with a verdict cue answers, then by id."""
    assert a.published is not None and b.published is not None
    if a.published != b.published:
        return (a, b) if a.published > b.published else (b, a)
    a_verdict, b_verdict = a.cue_lemma in VERDICT_CUES, b.cue_lemma in VERDICT_CUES
    if a_verdict != b_verdict:
        return (a, b) if a_verdict else (b, a)
    return (a, b) if a.id > b.id else (b, a)
