"""The single writer: stores outcomes batch by batch, each batch in one transaction.

An article, its statements, entities, quotes, replies, own-voice spans and events, and the
input record that produced it are committed together or not at all.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from onrecord.records import Article, Modality, Statement
from onrecord.sources import ReadFailure
from onrecord.store.copies import CopyItem, add_copy, clean_meta
from onrecord.store.db import Database, data_errors
from onrecord.store.entities import EntityResolver
from onrecord.store.event_writer import store_events
from onrecord.store.metadata import store_authors
from onrecord.store.normalise import bytes_hash, copy_key, quote_hash, quote_id, quote_text, quote_words
from onrecord.store.sanitise import clean_text, json_text
from onrecord.store.worker import Extracted, Failed, Outcome


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Counts:
    """What a batch (or a run) did."""

    new: int = 0
    duplicate: int = 0
    copies: int = 0  # the text of a stored article under another outlet or date
    statements: int = 0
    events: int = 0
    words: int = 0
    failed: Counter = field(default_factory=Counter)

    def add(self, other: "Counts") -> None:
        self.new += other.new
        self.duplicate += other.duplicate
        self.copies += other.copies
        self.statements += other.statements
        self.events += other.events
        self.words += other.words
        self.failed.update(other.failed)

    @property
    def n_failed(self) -> int:
        return sum(self.failed.values())


def read_failure_outcome(f: ReadFailure) -> Failed:
    """A reader's failure as a storable outcome, keyed so that re-reading it adds nothing."""
    key = bytes_hash(f.raw, f"read:{f.reason}:") if f.raw else bytes_hash(
        f"{f.source}|{f.locator}|{f.reason}".encode("utf-8"), "read:")
    return Failed(key, f.source, f.locator, f.reason, f.detail)


class Writer:
    """Writes outcomes into the corpus for one run."""

    def __init__(self, db: Database, run_id: int) -> None:
        self.db, self.run_id = db, run_id
        self.entities = EntityResolver(db)

    @contextmanager
    def _batch(self) -> Iterator[None]:
        """One transaction with the entity cache synced before and settled after (forgotten
        if the transaction fails)."""
        try:
            with self.db.transaction():
                self.entities.sync()
                yield
                self.entities.settle()
        except BaseException:
            self.entities.forget()
            raise

    def write(self, outcomes: list[Outcome]) -> Counts:
        counts = Counts()
        with self._batch():
            for outcome in outcomes:
                if isinstance(outcome, Failed):
                    self._failure(outcome)
                    counts.failed[outcome.reason] += 1
                    continue
                stored = self._guarded_article(outcome)
                if isinstance(stored, Failed):
                    self._failure(stored)
                    counts.failed[stored.reason] += 1
                    continue
                counts.words += outcome.words
                if stored == "new":
                    counts.new += 1
                    counts.statements += len(outcome.article.statements)
                    counts.events += len({e.id for e in outcome.article.events})
                elif stored == "copy":
                    counts.copies += 1
                else:
                    counts.duplicate += 1
        return counts

    def write_copies(self, items: list[CopyItem]) -> Counts:
        """Store known texts read again: each a copy or a duplicate (see ``copies``), in one transaction."""
        counts = Counts()
        with self._batch():
            for item in items:
                stored = self._guarded_copy(item)
                if isinstance(stored, Failed):
                    self._failure(stored)
                    counts.failed[stored.reason] += 1
                elif stored:
                    counts.copies += 1
                else:
                    counts.duplicate += 1
        return counts

    def _guarded_copy(self, item: CopyItem) -> bool | None | Failed:
        try:
            with self.db.savepoint():
                return add_copy(self.db, self.entities, self.run_id, item.content_hash, item)
        except data_errors() as err:
            self.entities.forget()
            key = copy_key(item.content_hash, item.meta.outlet, item.meta.published)
            return Failed(key, item.source, item.locator, "store-error",
                          f"the database refused the copy ({type(err).__name__}: {err}); "
                          "check its metadata for unusual values")

    def _guarded_article(self, ex: Extracted) -> str | Failed:
        """Store one article in its own savepoint: data the database refuses fails this article alone."""
        try:
            with self.db.savepoint():
                return self._article(ex)
        except data_errors() as err:
            self.entities.forget()  # ids resolved inside the savepoint are gone
            return Failed(ex.input_key, ex.doc.source, ex.doc.locator, "store-error",
                          f"the database refused the article ({type(err).__name__}: {err}); "
                          "check its metadata for unusual values", ex.words)

    # -- failures ---------------------------------------------------------------------------
    def _failure(self, f: Failed) -> None:
        self.db.execute(
            "INSERT INTO failures (input_key, source, locator, reason, detail, attempts, "
            "first_run_id, last_run_id, last_seen) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?) "
            "ON CONFLICT (input_key) DO UPDATE SET attempts = failures.attempts + 1, "
            "source = excluded.source, locator = excluded.locator, reason = excluded.reason, "
            "detail = excluded.detail, last_run_id = excluded.last_run_id, last_seen = excluded.last_seen",
            (f.input_key, clean_text(f.source), clean_text(f.locator), f.reason,
             clean_text(f.detail[:2000]), self.run_id, self.run_id, now()))

    # -- articles ---------------------------------------------------------------------------
    def _article(self, ex: Extracted) -> str:
        """Store one article: "new"; or "copy" / "duplicate" when its text is already in the corpus
        (under another outlet or date / the same)."""
        db = self.db
        ex = _cleaned(ex)
        existing = db.scalar("SELECT id FROM articles WHERE content_hash = ?", (ex.content_hash,))
        if existing is None:
            article_id, status = self._insert_article(ex), "new"
        else:
            copy = add_copy(db, self.entities, self.run_id, ex.content_hash, CopyItem.of(ex.content_hash, ex.doc))
            article_id, status = existing, ("copy" if copy else "duplicate")
        db.execute("INSERT INTO inputs (input_key, article_id, source, locator, run_id) "
                   "VALUES (?, ?, ?, ?, ?) ON CONFLICT (input_key) DO NOTHING",
                   (ex.input_key, article_id, ex.doc.source, ex.doc.locator, self.run_id))
        db.execute("DELETE FROM failures WHERE input_key = ?", (ex.input_key,))
        return status

    def _insert_article(self, ex: Extracted) -> int:
        db, art, meta = self.db, ex.article, ex.doc.meta
        outlet_id = self.entities.resolve(meta.outlet, "media", origin="outlet")
        extra = json_text(meta.extra)
        article_id = int(db.scalar(
            "INSERT INTO articles (content_hash, ext_id, title, outlet, outlet_id, published, url, "
            "bias, words, n_statements, n_own_voice, source, locator, meta, text, run_id, ingested_at, "
            "outlet_raw, outlet_section, topic) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (ex.content_hash, meta.ext_id, meta.title, meta.outlet, outlet_id, meta.published,
             meta.url, meta.bias, ex.words, len(art.statements), len(art.own_voice),
             ex.doc.source, ex.doc.locator, extra, art.text, self.run_id, now(),
             meta.outlet_raw or meta.outlet, meta.section, meta.topic)))
        store_authors(db, article_id, meta.authors)
        local_entities = self._article_entities(article_id, art)
        names = {ent.id: ent.name for ent in art.entities}
        ids = {st.id: self._statement(article_id, st, local_entities, names, meta.published)
               for st in art.statements}
        replies = [(ids[st.id], ids[r.statement], r.type)
                   for st in art.statements for r in st.replies_to if r.statement in ids]
        db.executemany("INSERT INTO replies (statement_id, target_statement_id, type) VALUES (?, ?, ?) "
                       "ON CONFLICT DO NOTHING", replies)
        db.executemany("INSERT INTO own_voice (article_id, start_char, end_char, text) VALUES (?, ?, ?, ?)",
                       [(article_id, o.start, o.end, o.text) for o in art.own_voice])
        store_events(db, article_id, art, local_entities, ids, meta.published)
        return article_id

    def _article_entities(self, article_id: int, art: Article) -> dict[str, int | None]:
        resolved: dict[str, int | None] = {}
        rows = []
        for ent in art.entities:
            eid = self.entities.resolve(ent.name, ent.type, registry=ent.registry)
            resolved[ent.id] = eid
            mentions = json.dumps([[m.start, m.end] for m in ent.mentions])
            rows.append((article_id, ent.id, eid, ent.name, ent.type, len(ent.mentions), mentions))
        self.db.executemany(
            "INSERT INTO article_entities (article_id, local_id, entity_id, name, type, n_mentions, "
            "mentions) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows)
        return resolved

    def _statement(self, article_id: int, st: Statement, local_entities: dict[str, int | None],
                   names: dict[str, str], published: str | None) -> int:
        sp = st.speaker
        speaker_id = None
        if sp is not None:
            if sp.entity is not None and local_entities.get(sp.entity) is not None:
                speaker_id = local_entities[sp.entity]
            elif sp.name:
                speaker_id = self.entities.resolve(sp.name, "person")
        qid = self._quote(st)
        c2 = st.content2
        t = st.time
        ante = sp.antecedent if sp else None
        members = [names[m] for m in sp.members if m in names] if sp else []
        return int(self.db.scalar(
            "INSERT INTO statements (article_id, local_id, speaker_text, speaker_start, speaker_end, "
            "speaker_name, speaker_entity_id, speaker_resolution, speaker_antecedent_start, "
            "speaker_antecedent_end, speaker_antecedent_text, speaker_confidence, speaker_members, "
            "cue, cue_start, cue_end, cue_lemma, cue_class, kind, "
            "content, content_start, content_end, content2, content2_start, content2_end, "
            "parent_local_id, time_text, time_value, time_granularity, time_start, time_end, quote_id, "
            "modality_negated, modality_hypothetical, modality_future, modality_question, modality_kind, "
            f"published) VALUES ({', '.join('?' * 38)}) RETURNING id",
            (article_id, st.id, sp.text if sp else None, sp.start if sp else None,
             sp.end if sp else None, sp.name if sp else None, speaker_id,
             sp.resolution if sp else None, ante.start if ante else None, ante.end if ante else None,
             ante.text if ante else None, sp.confidence if sp else None,
             json.dumps(members, ensure_ascii=False) if members else None,
             st.cue.text, st.cue.start, st.cue.end, st.cue.lemma, st.cue.cls, st.kind,
             st.content.text, st.content.start, st.content.end,
             c2.text if c2 else None, c2.start if c2 else None, c2.end if c2 else None,
             st.parent, t.text if t else None, t.value if t else None,
             t.granularity if t else None, t.start if t else None, t.end if t else None, qid,
             *_modality_row(st.modality), published)))

    def _quote(self, st: Statement) -> str | None:
        text = quote_text(st.content.text, st.kind)
        if text is None:
            return None
        h = quote_hash(text)
        qid = quote_id(h)
        self.db.execute("INSERT INTO quotes (id, hash, text, words) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT DO NOTHING", (qid, h, text, len(quote_words(text))))
        return qid


def _cleaned(ex: Extracted) -> Extracted:
    """The outcome with storable metadata (see ``sanitise``)."""
    doc = replace(ex.doc, meta=clean_meta(ex.doc.meta), source=clean_text(ex.doc.source) or "",
                  locator=clean_text(ex.doc.locator) or "")
    return replace(ex, doc=doc)


def start_run(db: Database, command: str, workers: int) -> int:
    return int(db.scalar("INSERT INTO runs (started_at, status, command, workers) VALUES (?, 'running', ?, ?) "
                         "RETURNING id", (now(), command, workers)))


def finish_run(db: Database, run_id: int, status: str, read: int, counts: Counts,
               stats: dict[str, Any]) -> None:
    db.execute("UPDATE runs SET finished_at = ?, status = ?, n_read = ?, n_new = ?, n_duplicate = ?, "
               "n_failed = ?, n_statements = ?, n_words = ?, stats = ? WHERE id = ?",
               (now(), status, read, counts.new, counts.duplicate, counts.n_failed, counts.statements,
                counts.words, json.dumps(stats, default=str), run_id))


def _modality_row(m: Modality | None) -> tuple:
    """negated, hypothetical, future, question (0/1) and kind; all NULL when not read."""
    if m is None:
        return (None,) * 5
    return int(m.negated), int(m.hypothetical), int(m.future), int(m.question), m.kind
