"""``link_corpus``: read the corpus, find and type the links, rebuild ``cross_links``."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from onrecord.crosslinks.candidates import (RULES, Candidate, Corpus, Rules, answers, claim_candidates, in_window,
                                           reply_candidates, report_targets)
from onrecord.crosslinks.clauses import Proposition, proposition_reader, same_claim
from onrecord.crosslinks.evidence import Link, claim_link, reply_link
from onrecord.crosslinks.linktypes import VERDICT_CUES, verdict_type
from onrecord.crosslinks.named import answered_by_marker, context, named_reports, names_speaker, sentence_window
from onrecord.crosslinks.rows import ReplyRow, Row, article_text, load_replies, load_rows
from onrecord.crosslinks.words import bag
from onrecord.crosslinks.writer import write_links
from onrecord.store.db import Database
from onrecord.store.migrate import migrate
from onrecord.store.normalise import name_key


@dataclass
class LinkSummary:
    """What one linking run wrote."""

    statements: int = 0
    links: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {"statements": self.statements, "links": self.links, "by_type": dict(self.by_type),
                "by_kind": dict(self.by_kind), "seconds": round(self.seconds, 2)}


def find_links(rows: list[Row], replies: list[ReplyRow], text_of: Callable[[int], str],
               entity_of: Callable[[str], int | None], rules: Rules = RULES,
               proposition: Callable[[str], Proposition] | None = None) -> list[Link]:
    """Every cross-article link among ``rows`` (pure but for the look-ups: an article's text by
    id, a name's corpus entity, what a content states: the spaCy model by default)."""
    corpus = Corpus(rows)
    proposition = proposition or proposition_reader()
    reply_types = {(r.statement_id, r.target_id): r.type for r in replies}
    via_type = {}
    for r in replies:
        via_type.setdefault(r.statement_id, r.type)
    links: dict[tuple[int, int], Link] = {}

    def keep(link: Link | None) -> None:
        if link is not None and (link.from_id, link.to_id) not in links and (link.to_id, link.from_id) not in links:
            links[(link.from_id, link.to_id)] = link

    texts = _Texts(text_of)

    def named_near(source: Row, via: Row) -> bool:
        text = texts(source.article_id)
        start, end = sentence_window(text, source, after=rules.context_chars)
        return names_speaker(text[start:end], via.speaker, via.speaker_text)

    for c in reply_candidates(corpus, replies, rules, named_near):
        keep(reply_link(c, corpus.bags[c.source.id], reply_types.get((c.source.id, c.via.id))))
    for c in _named_candidates(corpus, texts, entity_of, rules):
        keep(reply_link(c, corpus.bags[c.source.id], "rejects" if c.retort else verdict_type(c.source)))
    best: dict[int, list[Link]] = {}
    for c in claim_candidates(corpus, rules):
        if not same_claim(proposition(c.source.content), proposition(c.target.content)):
            continue  # a thing named ("dismissed the memo"), a question, or not one proposition
        link = claim_link(c, corpus.bags[c.source.id], corpus.bags[c.target.id])
        if link is not None:
            best.setdefault(link.from_id, []).append(link)
    for found in best.values():
        for link in sorted(found, key=lambda l: -l.score)[: rules.per_source]:
            keep(link)
    by_source: dict[int, list[Link]] = {}
    for link in links.values():
        by_source.setdefault(link.from_id, []).append(link)
    kept = [l for found in by_source.values() for l in sorted(found, key=lambda l: -l.score)[: rules.per_source]]
    return sorted(kept, key=lambda l: (l.from_id, l.to_id))


class _Texts:
    """Article texts by id, the last few kept (rows come in article order)."""

    def __init__(self, text_of: Callable[[int], str], size: int = 8) -> None:
        self.text_of, self.size = text_of, size
        self.cache: dict[int, str] = {}

    def __call__(self, article_id: int) -> str:
        if article_id not in self.cache:
            if len(self.cache) >= self.size:
                self.cache.pop(next(iter(self.cache)))
            self.cache[article_id] = self.text_of(article_id)
        return self.cache[article_id]


def _named_candidates(corpus: Corpus, text_of: Callable[[int], str], entity_of: Callable[[str], int | None],
                      rules: Rules) -> list[Candidate]:
    """Statements answering a report their sentence names: the report is what a verdict cue
    answers ("denied Smith's claim"), or a response phrase introduces it ("responding to Smith's
    remarks"); its targets are the named source's statements elsewhere, earlier, on the matter."""
    out: list[Candidate] = []
    for row in corpus.rows:
        if row.nested or row.published is None or not answers(row):
            continue
        text = text_of(row.article_id)
        start, end = sentence_window(text, row)
        window = text[start:end]
        at = (row.content_start - start) if row.content_start is not None else None
        for report in named_reports(window):
            verdict = row.cue_lemma in VERDICT_CUES and at is not None and at - 1 <= report.start <= at + 5
            retort = report.retort and _retorts(row, start + report.start)
            if not (verdict or retort or answered_by_marker(window, report)):
                continue  # the report must be what the cue answers, or what a response phrase names
            entity = entity_of(report.name)
            if entity is None or entity == row.speaker_id:
                continue
            # a source that says much in the window (a president) needs the matter in the sentence itself
            busy = sum(1 for t in corpus.by_speaker.get(entity, ()) if in_window(row, t, rules.reply_days))
            matter = bag(window[:report.start] + " " + window[report.end:] if busy > rules.busy_source
                         else context(text, start + report.start, start + report.end, rules.context_chars))
            for t, kind, score, shared in report_targets(corpus, row, matter, quote_id=None, speaker_id=entity,
                                                         rules=rules, min_names=0,
                                                         min_score=rules.named_min_score)[: rules.per_source]:
                out.append(Candidate(row, t, "reply", kind, score, shared, named=report.name,
                                     retort=report.noun if retort else ""))
    return out


def _retorts(row: Row, at: int, gap: int = 25) -> bool:
    """Whether a retort phrase at ``at`` is the speaker's own: right after the speaker, before the cue
    ("Ruiz on Friday fired back at Brel, saying ...")."""
    if row.speaker_end is None or row.cue_start is None:
        return False
    return row.speaker_end <= at <= row.speaker_end + gap and at < row.cue_start


def _entity_lookup(db: Database) -> Callable[[str], int | None]:
    cache: dict[str, int | None] = {}

    def entity_of(name: str) -> int | None:
        key = name_key(name)
        if key not in cache:
            cache[key] = db.scalar("SELECT entity_id FROM entity_aliases WHERE alias_key = ?", (key,)) if key else None
        return cache[key]
    return entity_of


def link_database(db: Database, rules: Rules = RULES) -> LinkSummary:
    """Rebuild the cross-article links of an open, migrated corpus."""
    started = time.monotonic()
    rows = load_rows(db)
    links = find_links(rows, load_replies(db), lambda aid: article_text(db, aid), _entity_lookup(db), rules)
    write_links(db, links)
    return LinkSummary(len(rows), len(links), Counter(l.type for l in links), Counter(l.evidence_kind for l in links),
                       time.monotonic() - started)


def link_corpus(target: str | None, rules: Rules = RULES) -> LinkSummary:
    """Rebuild the cross-article links of the corpus at ``target`` (SQLite path or PostgreSQL URL).

    Raises ``DatabaseError`` with advice when there is no corpus there."""
    from onrecord.store.corpus import open_corpus

    db = open_corpus(target)
    try:
        migrate(db)
        return link_database(db, rules)
    finally:
        db.close()
