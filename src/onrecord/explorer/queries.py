"""The explorer's questions to the corpus: pages of rows with totals, for HTML, JSON and CSV alike.

SQL here is portable between SQLite and PostgreSQL (``?`` placeholders); full-text search uses
FTS5 on SQLite and ``content_tsv`` on PostgreSQL.  Everything is read-only.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field, replace
from typing import Any

from onrecord.explorer import metadata_filters
from onrecord.explorer.params import as_id
from onrecord.store.db import Database
from onrecord.store.entities import NOT_GROUP_SQL
from onrecord.store.errors import BadNumber, FilterError, UnknownName
from onrecord.store.date_filters import is_date
from onrecord.store.evidence import EvidenceFilter
from onrecord.store.fulltext import relevance_order
from onrecord.store.modality import ModalityFilter, badges, summary_sql
from onrecord.store.lookup import find_entities, suggest
from onrecord.store.queries import CUE_CLASSES, QUOTE_ID, QueryError

BIASES = ("left", "center", "right")
ALL_CUE_CLASSES = (*CUE_CLASSES, "intent")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SPEAKER_HINT = "look it up on /speakers"


@dataclass(frozen=True)
class Page:
    """One page of a table, with the total number of rows the question has."""

    title: str
    columns: list[str]
    rows: list[tuple]
    total: int
    limit: int
    offset: int

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.rows) < self.total


@dataclass(frozen=True)
class Filters:
    """What a search narrows to; ``speaker`` and ``outlet`` are entity ids (aliases merged);
    ``evidence`` keeps statements by how their speaker was resolved, ``modality`` by their
    modality (kind, flags)."""

    q: str = ""
    speaker: tuple[int, ...] = ()
    outlet: tuple[int, ...] = ()
    bias: str | None = None
    since: str | None = None
    until: str | None = None
    cue_class: str | None = None
    evidence: EvidenceFilter = EvidenceFilter()
    modality: ModalityFilter = ModalityFilter()
    topic: str | None = None  # article metadata (schema 9): explorer.metadata_filters
    author: str | None = None
    section: str | None = None

    def is_empty(self) -> bool:
        return self == Filters()


# -- lookups -------------------------------------------------------------------------------------

def resolve_entities(db: Database, value: str | None, *, kind: str) -> tuple[int, ...]:
    """A user's speaker or outlet: an entity id, or a name (aliases merged)."""
    if value is None or not value.strip():
        return ()
    value = value.strip()
    try:
        number = as_id(value)
    except ValueError as err:
        raise BadNumber(f"{kind}: {err}") from None
    if number is not None:
        return (number,)
    if kind == "speaker":  # suggestions are left to the caller (Explorer.filters caches them)
        found = find_entities(db, value)
        if not found:
            raise UnknownName("speaker", value, [], SPEAKER_HINT)
        return tuple(e[0] for e in found)
    found = find_entities(db, value, types=("media",))
    if not found:
        raise QueryError(f"no {kind} matches {value!r}; pick one from /outlets")
    return tuple(e[0] for e in found)


def speaker_suggestions(db: Database, name: str) -> list[tuple[int, str]]:
    """Speakers (id, name) whose names are close to ``name``, for "did you mean"."""
    return suggest(db, name)


def check_filters(f: Filters) -> Filters:
    """Normalise and validate; raises ``FilterError`` saying what is wrong."""
    bias = (f.bias or "").strip().lower() or None
    if bias and bias not in BIASES:
        raise FilterError(f"bias must be one of {', '.join(BIASES)}, not {f.bias!r}")
    cue = (f.cue_class or "").strip().lower() or None
    if cue and cue not in ALL_CUE_CLASSES and cue != "unknown":
        raise FilterError(f"cue class must be one of {', '.join(ALL_CUE_CLASSES)}, not {f.cue_class!r}")
    dates = {}
    for name in ("since", "until"):
        v = (getattr(f, name) or "").strip() or None
        if v and not (DATE.match(v) and is_date(re.sub(r"(-99)+$", "", v))):  # -99: a bound made below
            raise FilterError(f"{name} must be a date like 2020-01-31 (or 2020-01, 2020), not {v!r}")
        dates[name] = v
    until = dates["until"]
    if until and len(until) < 10:  # a month or year includes all of it
        until += "-99" if len(until) == 7 else "-99-99"
    if dates["since"] and until and dates["since"] > until:
        raise FilterError(f"since ({dates['since']}) is after until ({dates['until']}); swap them")
    return replace(f, q=f.q.strip(), bias=bias, cue_class=cue, since=dates["since"], until=until,
                   **metadata_filters.checked(f.topic, f.author, f.section))


def entity(db: Database, entity_id: int) -> dict[str, Any]:
    """An entity with its aliases; ``QueryError`` when there is none."""
    rows = db.query("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,))
    if not rows:
        raise QueryError(f"no entity with id {entity_id}; search for a name on /speakers")
    eid, name, typ = rows[0]
    aliases = [r[0] for r in db.query("SELECT alias FROM entity_aliases WHERE entity_id = ? "
                                      "ORDER BY alias LIMIT 50", (eid,)) if r[0] != name]
    return {"id": eid, "name": name, "type": typ, "aliases": aliases}


def corpus_counts(db: Database) -> dict[str, int]:
    names = ("articles", "statements", "entities", "quotes")
    return {n: int(db.scalar(f"SELECT count(*) FROM {n}")) for n in names}


# -- statements: search and filters --------------------------------------------------------------

STATEMENT_COLUMNS = (
    "s.id AS statement_id, a.id AS article_id, a.published AS published, a.outlet_id AS outlet_id, "
    "coalesce(o.name, a.outlet) AS outlet, a.bias AS bias, s.speaker_entity_id AS speaker_id, "
    "coalesce(sp.name, s.speaker_name, s.speaker_text) AS speaker, s.cue AS cue, "
    "s.cue_class AS cue_class, s.kind AS kind, s.content AS content, s.content2 AS content2, "
    "s.time_value AS said_on, "
    "s.quote_id AS quote_id, a.title AS title, s.speaker_resolution AS resolution, "
    "s.speaker_confidence AS confidence, s.speaker_antecedent_text AS antecedent, "
    f"{summary_sql('s')} AS modality")
_NAMES = "LEFT JOIN entities o ON o.id = a.outlet_id LEFT JOIN entities sp ON sp.id = s.speaker_entity_id"
OCCURRENCES = "JOIN article_occurrences a ON a.article_id = s.article_id"
"""Each appearance of a statement's article: the original and its syndicated copies (another
outlet or date, same text), so outlet and spread figures count copies as their outlets' own."""


@dataclass
class _Sql:
    joins: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    rank: str | None = None
    rank_params: list[Any] = field(default_factory=list)

    def from_where(self, extra_joins: str = "") -> tuple[str, list[Any]]:
        sql = " ".join(["FROM statements s JOIN articles a ON a.id = s.article_id", *self.joins, extra_joins])
        if self.where:
            sql += " WHERE " + " AND ".join(self.where)
        return sql, list(self.params)


def _marks(values: tuple[Any, ...]) -> str:
    return ", ".join("?" * len(values))


def _statement_sql(db: Database, f: Filters, fts_query: str | None) -> _Sql:
    sql = _Sql()
    if f.q:
        if db.backend == "postgres":
            sql.where.append("s.content_tsv @@ websearch_to_tsquery('english', ?)")
            sql.params.append(f.q)
        else:
            sql.joins.append("JOIN statements_fts ON statements_fts.rowid = s.id")
            sql.where.append("statements_fts MATCH ?")
            sql.params.append(fts_query or f.q)
        sql.rank, n_params = relevance_order(db.backend)
        sql.rank_params = [f.q] * n_params
    if f.speaker:
        sql.where.append(f"s.speaker_entity_id IN ({_marks(f.speaker)})")
        sql.params += f.speaker
    if f.outlet:
        sql.where.append(f"a.outlet_id IN ({_marks(f.outlet)})")
        sql.params += f.outlet
    if f.bias:
        sql.where.append("a.bias = ?")
        sql.params.append(f.bias)
    if f.since:
        sql.where.append("a.published >= ?")
        sql.params.append(f.since)
    if f.until:
        sql.where.append("a.published <= ?")
        sql.params.append(f.until)
    if f.cue_class == "unknown":
        sql.where.append("s.cue_class IS NULL")
    elif f.cue_class:
        sql.where.append("s.cue_class = ?")
        sql.params.append(f.cue_class)
    for where, params in (f.evidence.sql("s"), f.modality.sql("s"), metadata_filters.article_conditions(f)):
        sql.where += where
        sql.params += params
    return sql


def _fts_words(text: str) -> str:
    words = re.findall(r"\w+", text)
    if not words:
        raise QueryError(f"nothing searchable in {text!r}; type words such as: ceasefire talks")
    return " ".join(f'"{w}"' for w in words)


def count_statements(db: Database, f: Filters) -> int:
    f = check_filters(f)
    return _with_fts_fallback(db, f, lambda fq: _count(db, f, fq))


def _count(db: Database, f: Filters, fts_query: str | None) -> int:
    if db.backend == "sqlite" and f.q and f == Filters(q=f.q):
        return int(db.scalar("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?",
                             (fts_query or f.q,)))
    if f.is_empty():
        return int(db.scalar("SELECT count(*) FROM statements"))
    if (counted := _count_from_aggregates(db, f)) is not None:
        return counted
    sql = _statement_sql(db, f, fts_query)
    body, params = sql.from_where()
    if not f.outlet and not f.bias and not f.since and not f.until and not metadata_filters.uses_articles(f):
        body = body.replace("JOIN articles a ON a.id = s.article_id ", "", 1)
    return int(db.scalar(f"SELECT count(*) {body}", params))


def _count_from_aggregates(db: Database, f: Filters) -> int | None:
    """The count of one speaker's statements narrowed only by outlet, bias or cue class, read from
    ``speaker_outlets`` (schema 11) instead of counting rows; None when other filters apply."""
    rest = replace(f, speaker=(), outlet=(), bias=None, cue_class=None)
    if len(f.speaker) != 1 or not rest.is_empty():
        return None
    where, params = ["speaker_entity_id = ?"], [f.speaker[0]]
    if f.outlet:
        where.append(f"outlet_id IN ({_marks(f.outlet)})")
        params += f.outlet
    if f.bias:
        where.append("bias = ?")
        params.append(f.bias)
    if f.cue_class:
        where.append("cue_class = ?")
        params.append("" if f.cue_class == "unknown" else f.cue_class)
    return int(db.scalar(f"SELECT coalesce(sum(statements), 0) FROM speaker_outlets WHERE {' AND '.join(where)}",
                         params))


def _with_fts_fallback(db: Database, f: Filters, run: Any) -> Any:
    """Run with the user's FTS5 syntax; if SQLite rejects it, search the words as typed."""
    if db.backend != "sqlite" or not f.q:
        return run(None)
    try:
        return run(f.q)
    except sqlite3.OperationalError:  # not FTS5 syntax; a real error raises again below
        return run(_fts_words(f.q))


def statements(db: Database, f: Filters, *, limit: int = 50, offset: int = 0,
               order: str = "relevance", title: str | None = None) -> Page:
    """Statements matching ``f``: best matches first with words, else newest first (or ``order``)."""
    f = check_filters(f)

    def run(fts_query: str | None) -> Page:
        total = _count(db, f, fts_query)
        sql = _statement_sql(db, f, fts_query)
        body, params = sql.from_where(_NAMES)
        if len(f.speaker) == 1 and not (order == "relevance" and sql.rank):
            cols, rows = _dated_first(db, body, params, order == "oldest", limit, offset)
            return Page(title or _search_title(f), cols, rows, total, limit, offset)
        if order == "oldest":
            order_by = "a.published IS NULL, a.published, s.id"
        elif order == "relevance" and sql.rank:
            order_by = f"{sql.rank}, s.id"
            params = params + sql.rank_params
        else:
            order_by = "a.published IS NULL, a.published DESC, s.id DESC"
        cols, rows = db.query_table(
            f"SELECT {STATEMENT_COLUMNS} {body} "
            f"ORDER BY {order_by} LIMIT ? OFFSET ?", (*params, limit, offset))
        return Page(title or _search_title(f), cols, rows, total, limit, offset)

    return _with_fts_fallback(db, f, run)


def _dated_first(db: Database, body: str, params: list[Any], oldest: bool, limit: int,
                 offset: int) -> tuple[list[str], list[tuple]]:
    """One speaker's statements by date (oldest or newest first), undated ones last, read in the
    order of the ``statements_speaker_published`` index so a page costs its own rows."""
    where = " AND " if " WHERE " in body else " WHERE "
    way = "" if oldest else " DESC"
    cols, rows = db.query_table(
        f"SELECT {STATEMENT_COLUMNS} {body}{where}s.published IS NOT NULL "
        f"ORDER BY s.published{way}, s.id{way} LIMIT ? OFFSET ?", (*params, limit, offset))
    if len(rows) == limit:
        return cols, rows
    dated = offset + len(rows) if rows else int(db.scalar(
        f"SELECT count(*) {body}{where}s.published IS NOT NULL", params))
    _, undated = db.query_table(
        f"SELECT {STATEMENT_COLUMNS} {body}{where}s.published IS NULL ORDER BY s.id{way} LIMIT ? OFFSET ?",
        (*params, limit - len(rows), max(0, offset - dated)))
    return cols, rows + undated


def _search_title(f: Filters) -> str:
    return f"Statements matching {f.q!r}" if f.q else "Statements"


# -- articles --------------------------------------------------------------------------------------

ARTICLE_COLUMNS = ("a.id AS article_id, a.published AS published, a.outlet_id AS outlet_id, "
                   "coalesce(o.name, a.outlet) AS outlet, a.bias AS bias, a.title AS title, "
                   "a.n_statements AS statements, a.n_own_voice AS own_voice, a.words AS words, a.url AS url, "
                   "a.outlet_section AS section, a.topic AS topic")


def articles(db: Database, f: Filters, *, limit: int = 50, offset: int = 0) -> Page:
    """Articles, newest first, narrowed by outlet, bias, dates, topic, author and section."""
    f = check_filters(f)
    where, params = [], []
    if f.outlet:
        where.append(f"a.outlet_id IN ({_marks(f.outlet)})")
        params += f.outlet
    for col, op, v in (("bias", "=", f.bias), ("published", ">=", f.since), ("published", "<=", f.until)):
        if v:
            where.append(f"a.{col} {op} ?")
            params.append(v)
    more, more_params = metadata_filters.article_conditions(f)
    where, params = where + more, params + more_params
    w = f" WHERE {' AND '.join(where)}" if where else ""
    total = int(db.scalar(f"SELECT count(*) FROM articles a{w}", params))
    cols, rows = db.query_table(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN entities o ON o.id = a.outlet_id{w} "
        "ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?", (*params, limit, offset))
    return Page("Articles", cols, rows, total, limit, offset)


STATEMENT_DETAIL = (
    "s.id, s.local_id, s.speaker_text, s.speaker_start, s.speaker_end, s.speaker_name, "
    "s.speaker_entity_id, sp.name AS speaker_entity, sp.type AS speaker_type, s.cue, s.cue_start, "
    "s.cue_end, s.cue_lemma, s.cue_class, s.kind, s.content, s.content_start, s.content_end, s.content2, "
    "s.content2_start, s.content2_end, s.parent_local_id, s.time_text, s.time_value, s.time_granularity, "
    "s.time_start, s.time_end, s.quote_id, s.speaker_resolution, s.speaker_confidence, "
    "s.speaker_antecedent_text, s.speaker_antecedent_start, s.speaker_antecedent_end, s.speaker_members, "
    f"sp.registry_id AS speaker_registry_id, {summary_sql('s')} AS modality")


def article(db: Database, article_id: int) -> dict[str, Any]:
    """An article with its statements, replies and own-voice claims (offsets into ``text``)."""
    cols, rows = db.query_table(
        "SELECT a.id, a.title, a.published, a.url, a.bias, a.words, a.outlet_id, "
        "coalesce(o.name, a.outlet) AS outlet, a.text, a.ext_id FROM articles a "
        "LEFT JOIN entities o ON o.id = a.outlet_id WHERE a.id = ?", (article_id,))
    if not rows:
        raise QueryError(f"no article with id {article_id}; find one with /search")
    art = dict(zip(cols, rows[0]))
    cols, rows = db.query_table(
        f"SELECT {STATEMENT_DETAIL} FROM statements s LEFT JOIN entities sp ON sp.id = s.speaker_entity_id "
        "WHERE s.article_id = ? ORDER BY s.content_start IS NULL, s.content_start, s.id", (article_id,))
    sts = [dict(zip(cols, r)) for r in rows]
    for st in sts:
        st["speaker_members"] = json.loads(st["speaker_members"]) if st["speaker_members"] else []
        st["modality_badges"] = badges(st["modality"])
    by_id = {s["id"]: s for s in sts}
    for s in sts:
        s["replies_to"], s["replied_by"] = [], []
    if sts:
        ids = tuple(by_id)
        reps = db.query(
            "SELECT r.statement_id, r.target_statement_id, r.type, t.article_id, t.local_id, "
            "coalesce(tsp.name, t.speaker_name, t.speaker_text) FROM replies r "
            "JOIN statements t ON t.id = r.target_statement_id LEFT JOIN entities tsp ON tsp.id = t.speaker_entity_id "
            f"WHERE r.statement_id IN ({_marks(ids)})", ids)
        for sid, tid, typ, t_art, t_local, t_speaker in reps:
            by_id[sid]["replies_to"].append({"statement_id": tid, "type": typ, "article_id": t_art,
                                             "local_id": t_local, "speaker": t_speaker})
        reps = db.query(
            "SELECT r.target_statement_id, r.statement_id, r.type, s.article_id, s.local_id, "
            "coalesce(ssp.name, s.speaker_name, s.speaker_text) FROM replies r "
            "JOIN statements s ON s.id = r.statement_id LEFT JOIN entities ssp ON ssp.id = s.speaker_entity_id "
            f"WHERE r.target_statement_id IN ({_marks(ids)})", ids)
        for tid, sid, typ, s_art, s_local, s_speaker in reps:
            by_id[tid]["replied_by"].append({"statement_id": sid, "type": typ, "article_id": s_art,
                                             "local_id": s_local, "speaker": s_speaker})
    art["statements"] = sts
    art["own_voice"] = [{"start": s, "end": e, "text": t} for s, e, t in db.query(
        "SELECT start_char, end_char, text FROM own_voice WHERE article_id = ? ORDER BY start_char",
        (article_id,))]
    return art


# -- speakers --------------------------------------------------------------------------------------

def speakers(db: Database, name: str = "", *, limit: int = 50, offset: int = 0) -> Page:
    """Speakers by number of statements (``speaker_totals``; groups and documents are not
    ranked); ``name`` finds entities by any alias or registry name, or a part of their name
    (groups included)."""
    where, params = "", []
    if name.strip():
        ids = [e[0] for e in find_entities(db, name)]
        like = f"%{name.strip().lower()}%"
        ids += [r[0] for r in db.query("SELECT id FROM entities WHERE lower(name) LIKE ? LIMIT 500", (like,))]
        if not ids:
            return Page(f"Speakers matching {name!r}", ["speaker_id", "speaker", "type", "statements"],
                        [], 0, limit, offset)
        ids = tuple(dict.fromkeys(ids))
        where, params = f"WHERE t.speaker_entity_id IN ({_marks(ids)})", list(ids)
    else:
        where = f"WHERE e.type {NOT_GROUP_SQL}"
    body = f"FROM speaker_totals t JOIN entities e ON e.id = t.speaker_entity_id {where}"
    total = int(db.scalar(f"SELECT count(*) {body}", params))
    cols, rows = db.query_table(
        f"SELECT e.id AS speaker_id, e.name AS speaker, e.type AS type, t.statements AS statements {body} "
        "ORDER BY t.statements DESC, e.name LIMIT ? OFFSET ?", (*params, limit, offset))
    return Page(f"Speakers matching {name!r}" if name.strip() else "Speakers", cols, rows, total, limit, offset)


def _pivot(rows: list[tuple], key_width: int, title: str, key_columns: list[str],
           limit: int, offset: int) -> Page:
    """Rows (key..., class, n) -> one row per key with a total and a column per cue class."""
    classes = sorted({r[key_width] or "unknown" for r in rows},
                     key=lambda c: ALL_CUE_CLASSES.index(c) if c in ALL_CUE_CLASSES else 99)
    grouped: dict[tuple, dict[str, int]] = {}
    for r in rows:
        grouped.setdefault(tuple(r[:key_width]), {})[r[key_width] or "unknown"] = int(r[key_width + 1])
    out = [(*k, sum(v.values()), *(v.get(c, 0) for c in classes)) for k, v in grouped.items()]
    out.sort(key=lambda r: (-r[key_width], str(r[1] if key_width > 1 else r[0])))
    return Page(title, [*key_columns, "statements", *classes], out[offset:offset + limit], len(out),
                limit, offset)


def outlets_pivot(rows: list[tuple], *, limit: int = 50, offset: int = 0) -> Page:
    """Rows (outlet id, name, bias, cue class, n) as a table: one row per outlet, a column per cue class."""
    return _pivot(rows, 3, "Outlets quoting them", ["outlet_id", "outlet", "bias"], limit, offset)


def speaker_replies(db: Database, speaker_id: int, *, direction: str = "to_them",
                    limit: int = 50, offset: int = 0) -> Page:
    """Who replies to a speaker (``to_them``) or whom the speaker replies to (``by_them``): the
    speaker's own reply links (``replies.target_speaker_entity_id`` / ``speaker_entity_id``,
    schema 13) with the other side's statement."""
    mine, other_id = (("r.target_speaker_entity_id", "r.statement_id") if direction == "to_them"
                      else ("r.speaker_entity_id", "r.target_statement_id"))
    rows = db.query(
        "SELECT o.speaker_entity_id, coalesce(e.name, o.speaker_name, o.speaker_text), "
        f"r.type, count(*), min(r.statement_id) FROM replies r JOIN statements o ON o.id = {other_id} "
        f"LEFT JOIN entities e ON e.id = o.speaker_entity_id WHERE {mine} = ? "
        "GROUP BY o.speaker_entity_id, coalesce(e.name, o.speaker_name, o.speaker_text), r.type "
        "ORDER BY 4 DESC, 2", (speaker_id,))
    title = "Who replies to them" if direction == "to_them" else "Whom they reply to"
    cols = ["speaker_id", "speaker", "type", "replies", "example_statement_id"]
    return Page(title, cols, rows[offset:offset + limit], len(rows), limit, offset)


# -- quotes ----------------------------------------------------------------------------------------

def quote(db: Database, quote_id: str) -> dict[str, Any]:
    """A quote group: its text, how many articles and outlets carry it, first and last date."""
    if not QUOTE_ID.match(quote_id):
        raise QueryError(f"{quote_id!r} is not a quote id (q + 16 hex digits); find quotes with /search")
    rows = db.query("SELECT id, text, words FROM quotes WHERE id = ?", (quote_id,))
    if not rows:
        raise QueryError(f"no quote with id {quote_id}; find one with /search")
    qid, text, words = rows[0]
    cols, agg = db.query_table(
        "SELECT count(*) AS statements, count(DISTINCT a.occurrence_id) AS articles, "
        "count(DISTINCT coalesce('o' || a.outlet_id, a.occurrence_id)) AS outlets, "
        "min(a.published) AS first_published, max(a.published) AS last_published FROM statements s "
        f"{OCCURRENCES} WHERE s.quote_id = ?", (qid,))
    return {"quote_id": qid, "text": text, "words": words, **dict(zip(cols, agg[0]))}


def quote_appearances(db: Database, quote_id: str, f: Filters = Filters(), *, limit: int = 50,
                      offset: int = 0) -> Page:
    """Every statement that carries the quote, first appearance first (narrowed by ``f``)."""
    sql = _statement_sql(db, replace(check_filters(f), q=""), None)
    sql.where.append("s.quote_id = ?")
    sql.params.append(quote_id)
    body, params = sql.from_where(_NAMES)
    total = int(db.scalar(f"SELECT count(*) {body}", params))
    cols, rows = db.query_table(
        f"SELECT {STATEMENT_COLUMNS} {body} "
        "ORDER BY a.published IS NULL, a.published, a.id, s.id LIMIT ? OFFSET ?", (*params, limit, offset))
    return Page("Appearances, first first", cols, rows, total, limit, offset)


def quote_points(db: Database, quote_id: str, *, cap: int = 2000) -> list[tuple]:
    """(published, outlet_id, outlet, bias, article_id) for the spread chart, first first."""
    return db.query(
        "SELECT a.published, a.outlet_id, coalesce(o.name, a.outlet), a.bias, a.article_id FROM statements s "
        f"{OCCURRENCES} LEFT JOIN entities o ON o.id = a.outlet_id "
        "WHERE s.quote_id = ? ORDER BY a.published IS NULL, a.published, a.article_id, a.copy_id IS NOT NULL, "
        "a.copy_id LIMIT ?", (quote_id, cap))


# -- outlets ---------------------------------------------------------------------------------------

def outlets(db: Database, *, bias: str | None = None, limit: int = 100, offset: int = 0) -> Page:
    """Outlets with their article and statement counts, biggest first."""
    f = check_filters(Filters(bias=bias))
    w, params = ("WHERE a.bias = ?", [f.bias]) if f.bias else ("", [])
    rows = db.query(
        "SELECT o.id, o.name, max(a.bias), count(*), coalesce(sum(t.n_statements), 0), "
        "coalesce(sum(t.n_own_voice), 0), min(a.published), max(a.published) FROM article_occurrences a "
        f"JOIN articles t ON t.id = a.article_id JOIN entities o ON o.id = a.outlet_id {w} "
        "GROUP BY o.id, o.name ORDER BY 5 DESC, 2", params)
    cols = ["outlet_id", "outlet", "bias", "articles", "statements", "own_voice", "first_published",
            "last_published"]
    return Page("Outlets", cols, rows[offset:offset + limit], len(rows), limit, offset)


def outlet_summary(db: Database, outlet_id: int) -> dict[str, Any]:
    cols, rows = db.query_table(
        "SELECT count(*) AS articles, coalesce(sum(t.n_statements), 0) AS statements, "
        "coalesce(sum(t.n_own_voice), 0) AS own_voice, max(a.bias) AS bias, min(a.published) AS first_published, "
        "max(a.published) AS last_published FROM article_occurrences a JOIN articles t ON t.id = a.article_id "
        "WHERE a.outlet_id = ?", (outlet_id,))
    out = dict(zip(cols, rows[0]))
    if not out["articles"]:
        raise QueryError(f"entity {outlet_id} has no articles as an outlet; pick one from /outlets")
    claims = out["statements"] + out["own_voice"]
    out["own_voice_share"] = round(out["own_voice"] / claims, 3) if claims else 0.0
    return out


def cue_class_counts(db: Database, *, outlet_id: int | None = None, bias: str | None = None) -> dict[str, int]:
    """Statements by cue class: for one outlet, one bias group, or the whole corpus."""
    if outlet_id is not None:
        rows = db.query(f"SELECT s.cue_class, count(*) FROM statements s {OCCURRENCES} "
                        "WHERE a.outlet_id = ? GROUP BY s.cue_class", (outlet_id,))
    elif bias is not None:
        rows = db.query(f"SELECT s.cue_class, count(*) FROM statements s {OCCURRENCES} "
                        "WHERE a.bias = ? GROUP BY s.cue_class", (bias,))
    else:
        rows = db.query(f"SELECT s.cue_class, count(*) FROM statements s {OCCURRENCES} GROUP BY s.cue_class")
    return {(c or "unknown"): int(n) for c, n in rows}


def own_voice_shares(db: Database) -> dict[str, float]:
    """Own-voice claims / all claims, for the corpus ('corpus') and each bias label."""
    rows = db.query("SELECT coalesce(a.bias, 'unlabelled'), coalesce(sum(t.n_statements), 0), "
                    "coalesce(sum(t.n_own_voice), 0) FROM article_occurrences a JOIN articles t ON t.id = a.article_id "
                    "GROUP BY coalesce(a.bias, 'unlabelled')")
    out = {b: round(own / (st + own), 3) if st + own else 0.0 for b, st, own in rows}
    st_all, own_all = sum(r[1] for r in rows), sum(r[2] for r in rows)
    out["corpus"] = round(own_all / (st_all + own_all), 3) if st_all + own_all else 0.0
    return out


def outlet_speakers(db: Database, outlet_id: int, *, limit: int = 20, offset: int = 0) -> Page:
    """Cue classes the outlet uses, by speaker (most quoted first)."""
    speaking = f"s.speaker_entity_id IN (SELECT id FROM entities WHERE type {NOT_GROUP_SQL})"
    top = db.query(
        f"SELECT s.speaker_entity_id FROM statements s {OCCURRENCES} "
        f"WHERE a.outlet_id = ? AND {speaking} GROUP BY s.speaker_entity_id "
        "ORDER BY count(*) DESC, s.speaker_entity_id LIMIT ? OFFSET ?", (outlet_id, limit, offset))
    total = int(db.scalar(f"SELECT count(DISTINCT s.speaker_entity_id) FROM statements s {OCCURRENCES} "
                          f"WHERE a.outlet_id = ? AND {speaking}", (outlet_id,)))
    ids = tuple(r[0] for r in top)
    rows = db.query(
        f"SELECT e.id, e.name, s.cue_class, count(*) FROM statements s {OCCURRENCES} "
        f"JOIN entities e ON e.id = s.speaker_entity_id WHERE a.outlet_id = ? AND e.id IN ({_marks(ids)}) "
        "GROUP BY e.id, e.name, s.cue_class", (outlet_id, *ids)) if ids else []
    page = _pivot(rows, 2, "Cue classes by speaker", ["speaker_id", "speaker"], len(ids) or 1, 0)
    return replace(page, total=total, limit=limit, offset=offset)


# -- network ---------------------------------------------------------------------------------------

def network(db: Database, f: Filters, *, max_speakers: int = 25, max_outlets: int = 12) -> dict[str, Any]:
    """Who quotes whom (outlet -> speaker), who cites whom (nested attributions) and who replies
    to whom (speaker -> speaker) among the statements that match ``f``."""
    f = check_filters(f)

    def run(fts_query: str | None) -> dict[str, Any]:
        sql = _statement_sql(db, f, fts_query)
        extra = " AND s.speaker_entity_id IS NOT NULL"
        and_ = " AND" if sql.where else " WHERE"

        def edges(select: str, joins: str, cond: str) -> list[tuple]:
            body, params = sql.from_where(joins)
            return db.query(f"SELECT {select}, count(*) {body}{and_} {cond}{extra} GROUP BY {select}", params)

        quoted = edges("a.outlet_id, s.speaker_entity_id", "", "a.outlet_id IS NOT NULL")
        cites = edges("p.speaker_entity_id, s.speaker_entity_id",
                      "JOIN statements p ON p.article_id = s.article_id AND p.local_id = s.parent_local_id",
                      "p.speaker_entity_id IS NOT NULL")
        replies = edges("s.speaker_entity_id, t.speaker_entity_id",
                        "JOIN replies r ON r.statement_id = s.id JOIN statements t ON t.id = r.target_statement_id",
                        "t.speaker_entity_id IS NOT NULL")
        return _graph(db, quoted, cites, replies, max_speakers, max_outlets)

    return _with_fts_fallback(db, f, run)


def _graph(db: Database, quoted: list[tuple], cites: list[tuple], replies: list[tuple],
           max_speakers: int, max_outlets: int) -> dict[str, Any]:
    weight: dict[int, int] = {}
    out_weight: dict[int, int] = {}
    for o, s, n in quoted:
        weight[s] = weight.get(s, 0) + n
        out_weight[o] = out_weight.get(o, 0) + n
    for a, b, n in (*cites, *replies):
        weight[a] = weight.get(a, 0) + n
        weight[b] = weight.get(b, 0) + n
    top_s = sorted(weight, key=lambda k: (-weight[k], k))[:max_speakers]
    top_o = sorted(out_weight, key=lambda k: (-out_weight[k], k))[:max_outlets]
    keep_s, keep_o = set(top_s), set(top_o)
    ids = tuple(keep_s | keep_o)
    info = {r[0]: (r[1], r[2]) for r in db.query(
        f"SELECT id, name, type FROM entities WHERE id IN ({_marks(ids)})", ids)} if ids else {}
    bias = {r[0]: r[1] for r in db.query(
        f"SELECT outlet_id, max(bias) FROM articles WHERE outlet_id IN ({_marks(tuple(keep_o))}) "
        "GROUP BY outlet_id", tuple(keep_o))} if keep_o else {}
    nodes = [{"id": f"o{o}", "entity_id": o, "kind": "outlet", "name": info.get(o, ("?",))[0],
              "bias": bias.get(o), "weight": out_weight[o]} for o in top_o]
    nodes += [{"id": f"s{s}", "entity_id": s, "kind": "speaker", "name": info.get(s, ("?",))[0],
               "type": info.get(s, (None, None))[1], "weight": weight[s]} for s in top_s]
    edges = [{"source": f"o{o}", "target": f"s{s}", "type": "quotes", "weight": n}
             for o, s, n in quoted if o in keep_o and s in keep_s]
    edges += [{"source": f"s{a}", "target": f"s{b}", "type": "cites", "weight": n}
              for a, b, n in cites if a in keep_s and b in keep_s and a != b]
    edges += [{"source": f"s{a}", "target": f"s{b}", "type": "replies", "weight": n}
              for a, b, n in replies if a in keep_s and b in keep_s and a != b]
    return {"nodes": nodes, "edges": edges}
