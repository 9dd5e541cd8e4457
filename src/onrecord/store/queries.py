"""The questions the CLI asks, as a Python API; each returns ``Table``s (columns + rows)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from onrecord.store.db import Database
from onrecord.store.entities import find_entities
from onrecord.store.normalise import quote_hash, quote_id

QUOTE_ID = re.compile(r"^q[0-9a-f]{16}$")
CUE_CLASSES = ("neutral", "assertive", "tentative", "contested", "denial", "confirmation", "report",
               "directive", "evaluative")


class QueryError(Exception):
    """The question has no answer in this corpus; the message says what to try."""


@dataclass(frozen=True)
class Table:
    title: str
    columns: list[str]
    rows: list[tuple]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]


_STATEMENT_COLUMNS = ("v.published, v.outlet, v.speaker, v.cue, v.cue_class, v.kind, v.content, "
                      "v.statement_id, v.quote_id")


def _speaker_ids(db: Database, name: str) -> list[tuple[int, str, str]]:
    found = find_entities(db, name)
    if not found:
        raise QueryError(f"no speaker matches {name!r}; list speakers with `onrecord speakers`")
    return found


def said(db: Database, speaker: str, *, since: str | None = None, until: str | None = None,
         outlet: str | None = None, limit: int = 50) -> Table:
    """What a speaker said over time (aliases merged), oldest first."""
    ents = _speaker_ids(db, speaker)
    ids = [e[0] for e in ents]
    where = [f"s.speaker_entity_id IN ({', '.join('?' * len(ids))})"]
    params: list[Any] = list(ids)
    if since:
        where.append("v.published >= ?")
        params.append(since)
    if until:
        where.append("v.published <= ?")
        params.append(until)
    if outlet:
        outlet_ids = [e[0] for e in _outlet_ids(db, outlet)]
        where.append(f"a.outlet_id IN ({', '.join('?' * len(outlet_ids))})")
        params += outlet_ids
    cols, rows = db.query_table(
        f"SELECT {_STATEMENT_COLUMNS} FROM statements s JOIN statements_view v ON v.statement_id = s.id "
        f"JOIN articles a ON a.id = s.article_id WHERE {' AND '.join(where)} "
        "ORDER BY v.published IS NULL, v.published, v.statement_id LIMIT ?", (*params, limit))
    names = ", ".join(sorted({e[1] for e in ents}))
    return Table(f"What {names} said", cols, rows)


def search(db: Database, text: str, *, limit: int = 20) -> Table:
    """Full-text search over statement contents, best matches first."""
    if not text.strip():
        raise QueryError("give words to search for, e.g. onrecord search ceasefire")
    if db.backend == "postgres":
        cols, rows = db.query_table(
            f"SELECT {_STATEMENT_COLUMNS} FROM statements s JOIN statements_view v ON v.statement_id = s.id, "
            "websearch_to_tsquery('english', ?) q WHERE s.content_tsv @@ q "
            "ORDER BY ts_rank(s.content_tsv, q) DESC, v.statement_id LIMIT ?", (text, limit))
    else:
        sql = (f"SELECT {_STATEMENT_COLUMNS} FROM statements_fts f JOIN statements_view v "
               "ON v.statement_id = f.rowid WHERE statements_fts MATCH ? ORDER BY f.rank, v.statement_id LIMIT ?")
        try:
            cols, rows = db.query_table(sql, (text, limit))
        except sqlite3.OperationalError:  # not valid FTS5 syntax: search the words as typed
            cols, rows = db.query_table(sql, (_fts_words(text), limit))
    return Table(f"Statements matching {text!r}", cols, rows)


def _fts_words(text: str) -> str:
    words = re.findall(r"\w+", text)
    if not words:
        raise QueryError(f"nothing searchable in {text!r}")
    return " ".join(f'"{w}"' for w in words)


def find_quote(db: Database, quote: str) -> str:
    """A quote id from an id, the quote's text, or words in it."""
    q = quote.strip()
    if QUOTE_ID.match(q):
        if db.scalar("SELECT count(*) FROM quotes WHERE id = ?", (q,)):
            return q
        raise QueryError(f"no quote with id {q}; find one with `onrecord search WORDS`")
    qid = quote_id(quote_hash(q))
    if db.scalar("SELECT count(*) FROM quotes WHERE id = ?", (qid,)):
        return qid
    hits = search(db, q, limit=200)
    counts: dict[str, int] = {}
    for row in hits.records():
        if row["quote_id"]:
            counts[row["quote_id"]] = counts.get(row["quote_id"], 0) + 1
    if not counts:
        raise QueryError(f"no direct quote matches {quote!r}; try fewer words or `onrecord search`")
    return max(counts, key=lambda k: (counts[k], k))


def spread(db: Database, quote: str) -> list[Table]:
    """Where a quote appeared: its first appearance and every article and outlet that carried it."""
    qid = find_quote(db, quote)
    cols, rows = db.query_table(
        "SELECT quote_id, text, n_articles, n_outlets, first_published, first_outlet, last_published "
        "FROM quote_spread WHERE quote_id = ?", (qid,))
    head = Table(f"Quote {qid}", cols, rows)
    cols, rows = db.query_table(
        "SELECT v.published, v.outlet, v.bias, v.speaker, v.cue, v.kind, v.title, v.url, v.article_id "
        "FROM statements_view v WHERE v.quote_id = ? "
        "ORDER BY v.published IS NULL, v.published, v.article_id", (qid,))
    return [head, Table("Appearances, first first", cols, rows)]


def _outlet_ids(db: Database, name: str) -> list[tuple[int, str, str]]:
    found = find_entities(db, name, types=("media",))
    found = [e for e in found if db.scalar("SELECT count(*) FROM articles WHERE outlet_id = ?", (e[0],))]
    if not found:
        raise QueryError(f"no outlet matches {name!r}; list outlets with "
                         "`onrecord export --table entities` or query outlets_view")
    return found


def outlet_profile(db: Database, name: str, *, top: int = 15) -> list[Table]:
    """How an outlet frames what others say: cue classes overall and by speaker, own-voice share."""
    outlets = _outlet_ids(db, name)
    ids = [o[0] for o in outlets]
    marks = ", ".join("?" * len(ids))
    cols, rows = db.query_table(
        "SELECT count(*) AS articles, coalesce(sum(n_statements), 0) AS statements, "
        "coalesce(sum(n_own_voice), 0) AS own_voice, max(bias) AS bias "
        f"FROM articles WHERE outlet_id IN ({marks})", ids)
    n_art, n_st, n_own, bias = rows[0]
    share = n_own / (n_own + n_st) if (n_own + n_st) else 0.0
    summary = Table(f"Outlet {', '.join(o[1] for o in outlets)}",
                    ["outlet", "bias", "articles", "statements", "statements_per_article",
                     "own_voice", "own_voice_share"],
                    [(", ".join(o[1] for o in outlets), bias, n_art, n_st,
                      round(n_st / n_art, 2) if n_art else 0.0, n_own, round(share, 3))])
    class_rows = db.query(
        "SELECT coalesce(s.cue_class, 'unknown'), count(*) FROM statements s JOIN articles a "
        f"ON a.id = s.article_id WHERE a.outlet_id IN ({marks}) GROUP BY 1 ORDER BY 2 DESC", ids)
    total = sum(n for _, n in class_rows) or 1
    classes = Table("Cue classes", ["cue_class", "statements", "share"],
                    [(c, n, round(n / total, 3)) for c, n in class_rows])
    present = [c for c, _ in class_rows]
    pivot = ", ".join(f"sum(CASE WHEN s.cue_class = ? THEN 1 ELSE 0 END) AS {_ident(c)}" for c in present)
    cols, rows = db.query_table(
        f"SELECT e.name AS speaker, count(*) AS statements{', ' + pivot if pivot else ''} "
        "FROM statements s JOIN articles a ON a.id = s.article_id JOIN entities e ON e.id = s.speaker_entity_id "
        f"WHERE a.outlet_id IN ({marks}) GROUP BY e.id, e.name ORDER BY 2 DESC, 1 LIMIT ?",
        (*present, *ids, top))
    return [summary, classes, Table("Cue classes by speaker", cols, rows)]


def _ident(name: str) -> str:
    return re.sub(r"\W", "_", name) or "unknown"


def top_speakers(db: Database, *, outlet: str | None = None, bias: str | None = None,
                 limit: int = 20) -> Table:
    """Most quoted speakers, optionally within an outlet or a bias group."""
    where, params = ["s.speaker_entity_id IS NOT NULL"], []
    title = "Top speakers"
    if outlet:
        ids = [o[0] for o in _outlet_ids(db, outlet)]
        where.append(f"a.outlet_id IN ({', '.join('?' * len(ids))})")
        params += ids
        title += f" in {outlet}"
    if bias:
        where.append("a.bias = ?")
        params.append(bias.lower())
        title += f" ({bias.lower()} outlets)"
    cols, rows = db.query_table(
        "SELECT e.name AS speaker, e.type AS type, count(*) AS statements, "
        "count(DISTINCT s.article_id) AS articles, count(DISTINCT a.outlet_id) AS outlets, "
        "min(a.published) AS first_published, max(a.published) AS last_published "
        "FROM statements s JOIN articles a ON a.id = s.article_id JOIN entities e ON e.id = s.speaker_entity_id "
        f"WHERE {' AND '.join(where)} GROUP BY e.id, e.name, e.type ORDER BY 3 DESC, 1 LIMIT ?",
        (*params, limit))
    return Table(title, cols, rows)


def failures(db: Database, *, limit: int = 20) -> list[Table]:
    """Inputs that failed, by reason, and the latest examples."""
    cols, rows = db.query_table("SELECT reason, n, attempts, example_source, example_detail "
                                "FROM failures_view ORDER BY n DESC")
    by_reason = Table("Failures by reason", cols, rows)
    cols, rows = db.query_table("SELECT reason, source, locator, detail, attempts, last_seen FROM failures "
                                "ORDER BY last_seen DESC, source, locator LIMIT ?", (limit,))
    return [by_reason, Table("Latest failures", cols, rows)]


def corpus_counts(db: Database) -> Table:
    """How big the corpus is."""
    names = ("articles", "statements", "entities", "quotes", "failures", "runs")
    return Table("Corpus", ["table", "rows"],
                 [(n, int(db.scalar(f"SELECT count(*) FROM {n}"))) for n in names])
