"""The questions the CLI asks, as a Python API; each returns ``Table``s (columns + rows)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from onrecord.store import fulltext
from onrecord.store.date_filters import date_bounds
from onrecord.store.db import Database
from onrecord.store.entities import NOT_GROUP_SQL
from onrecord.store.errors import FilterError, QueryError, UnknownName  # noqa: F401 - re-exported
from onrecord.store.evidence import EvidenceFilter
from onrecord.store.lookup import find_entities, find_speakers, namesakes
from onrecord.store.modality import COLUMNS as _MODALITY_COLUMNS
from onrecord.store.modality import NO_MODALITY, ModalityFilter
from onrecord.store.modality import fold as _fold_modality
from onrecord.store.normalise import name_key, quote_hash, quote_id

QUOTE_ID = re.compile(r"^q[0-9a-f]{16}$")
CUE_CLASSES = ("neutral", "assertive", "tentative", "contested", "denial", "confirmation", "report",
               "directive", "evaluative")
CUE_CLASS_CHOICES = (*CUE_CLASSES, "intent", "unknown")  # unknown: no class recorded
BIASES = ("left", "center", "right")


@dataclass(frozen=True)
class Table:
    title: str
    columns: list[str]
    rows: list[tuple]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]


# every statement row carries what a citation needs: the article (title, URL, outlet, date), the
# speaker as resolved (speaker) and as written (speaker_text), and both parts of the content
_STATEMENT_COLUMNS = ("v.published, v.outlet, v.title, v.url, v.speaker, v.speaker_text, v.cue, v.cue_class, "
                      "v.kind, v.content, s.content2, v.statement_id, v.quote_id, "
                      + _MODALITY_COLUMNS  # folded into one ``modality`` column ("finding negated")
                      + ", v.speaker_resolution AS resolution, "
                      "v.speaker_confidence AS confidence, v.speaker_antecedent AS antecedent")
NO_FILTER = EvidenceFilter()


def _where(conditions: list[str]) -> str:
    return "".join(f" AND {c}" for c in conditions)


def said(db: Database, speaker: str, *, since: str | None = None, until: str | None = None,
         outlet: str | None = None, about: str | None = None, limit: int = 50,
         evidence: EvidenceFilter = NO_FILTER, modality: ModalityFilter = NO_MODALITY) -> Table:
    """What a speaker said over time (every alias and registry name merged), oldest first;
    ``about`` keeps the statements whose content matches those words (full-text, as ``search``),
    ``evidence`` keeps statements by how their speaker was resolved, ``modality`` by their
    modality (``--kind speech``: only what people said; ``--no-negated``)."""
    where, params = _narrowing(db, outlet=outlet, since=since, until=until, evidence=evidence, modality=modality)
    ents = find_speakers(db, speaker)
    ids = [e[0] for e in ents]
    where.insert(0, f"s.speaker_entity_id IN ({', '.join('?' * len(ids))})")
    params[:0] = ids
    sql = (f"SELECT {_STATEMENT_COLUMNS} FROM statements s JOIN statements_view v ON v.statement_id = s.id "
           f"JOIN articles a ON a.id = s.article_id WHERE {' AND '.join(where)}")
    order = " ORDER BY v.published IS NULL, v.published, v.statement_id LIMIT ?"
    about = (about or "").strip()
    if about:
        cols, rows = fulltext.with_fallback(db, about, lambda q: db.query_table(
            f"{sql} AND {fulltext.match_condition(db.backend)}{order}", (*params, q, limit)))
    else:
        cols, rows = db.query_table(sql + order, (*params, limit))
    cols, rows = _fold_modality(cols, rows)
    names = ", ".join(sorted({e[1] for e in ents}))
    topic = f" about {about!r}" if about else ""
    return Table(f"What {names} said{topic}{_other_namesakes(db, speaker, ids)}", cols, rows)


def _narrowing(db: Database, *, outlet: str | None = None, bias: str | None = None, since: str | None = None,
               until: str | None = None, cue_class: str | None = None, evidence: EvidenceFilter = NO_FILTER,
               modality: ModalityFilter = NO_MODALITY) -> tuple[list[str], list[Any]]:
    """WHERE conditions (statements ``s``, articles ``a``) and parameters for the filters shared by
    ``said`` and ``search``, each checked (``FilterError`` / ``QueryError`` saying what to use)."""
    since, until = date_bounds(since, until)
    where: list[str] = []
    params: list[Any] = []
    for cond, value in (("a.published >= ?", since), ("a.published <= ?", until), ("a.bias = ?", _bias(bias))):
        if value:
            where.append(cond)
            params.append(value)
    if outlet:
        outlet_ids = [e[0] for e in _outlet_ids(db, outlet)]
        where.append(f"a.outlet_id IN ({', '.join('?' * len(outlet_ids))})")
        params += outlet_ids
    cue = _cue_class(cue_class)
    if cue == "unknown":
        where.append("s.cue_class IS NULL")
    elif cue:
        where.append("s.cue_class = ?")
        params.append(cue)
    for more, more_params in (evidence.sql("s"), modality.sql("s")):
        where += more
        params += more_params
    return where, params


def _bias(value: str | None) -> str | None:
    v = (value or "").strip().lower() or None
    if v and v not in BIASES:
        raise FilterError(f"--bias must be one of {', '.join(BIASES)}, not {value!r}")
    return v


def _cue_class(value: str | None) -> str | None:
    v = (value or "").strip().lower() or None
    if v and v not in CUE_CLASS_CHOICES:
        raise FilterError(f"--cue-class must be one of {', '.join(CUE_CLASS_CHOICES)}, not {value!r}")
    return v


def _other_namesakes(db: Database, speaker: str, ids: list[int]) -> str:
    """' (also: Bernie Sanders, Sarah Huckabee Sanders)' for a bare surname that others share."""
    key = name_key(speaker)
    if not key or " " in key:
        return ""
    others = [name for eid, name, _ in namesakes(db, key) if eid not in ids][:4]
    return f" (also named {key.title()}: {', '.join(others)})" if others else ""


def search(db: Database, text: str, *, limit: int = 20, speaker: str | None = None, outlet: str | None = None,
           bias: str | None = None, since: str | None = None, until: str | None = None,
           cue_class: str | None = None, evidence: EvidenceFilter = NO_FILTER,
           modality: ModalityFilter = NO_MODALITY) -> Table:
    """Full-text search over statement contents (content and content2), best matches first (a
    very short content counts for less: ``fulltext.relevance_order``); ``speaker`` (a name),
    ``outlet``, ``bias``, ``since``/``until``, ``cue_class``, ``evidence`` and ``modality`` narrow it."""
    if not text.strip():
        raise QueryError("give words to search for, e.g. onrecord search ceasefire")
    where, params = _narrowing(db, outlet=outlet, bias=bias, since=since, until=until, cue_class=cue_class,
                               evidence=evidence, modality=modality)
    if speaker:
        ids = [e[0] for e in find_speakers(db, speaker)]
        where.append(f"s.speaker_entity_id IN ({', '.join('?' * len(ids))})")
        params += ids
    rank, n_rank = fulltext.relevance_order(db.backend)
    if db.backend == "postgres":
        source, match = "statements s", "s.content_tsv @@ websearch_to_tsquery('english', ?)"
    else:
        source, match = "statements_fts JOIN statements s ON s.id = statements_fts.rowid", "statements_fts MATCH ?"
    sql = (f"SELECT {_STATEMENT_COLUMNS} FROM {source} JOIN statements_view v ON v.statement_id = s.id "
           f"JOIN articles a ON a.id = s.article_id WHERE {match}{_where(where)} "
           f"ORDER BY {rank}, v.statement_id LIMIT ?")
    cols, rows = fulltext.with_fallback(db, text, lambda q: db.query_table(
        sql, (q, *params, *[text] * n_rank, limit)))
    cols, rows = _fold_modality(cols, rows)
    return Table(f"Statements matching {text!r}", cols, rows)


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
    """Where a quote appeared: its first appearance and every article and outlet that carried it
    (syndicated copies too: ``copy_id`` is set on their rows, the statement is the original's)."""
    qid = find_quote(db, quote)
    cols, rows = db.query_table(
        "SELECT quote_id, text, n_articles, n_outlets, first_published, first_outlet, last_published "
        "FROM quote_spread WHERE quote_id = ?", (qid,))
    head = Table(f"Quote {qid}", cols, rows)
    cols, rows = db.query_table(
        "SELECT x.published, coalesce(o.name, x.outlet) AS outlet, x.bias, x.title, x.url, v.speaker, "
        "v.speaker_text, v.cue, v.cue_class, v.kind, v.content, s.content2, v.article_id, v.statement_id, "
        "v.speaker_resolution AS resolution, v.speaker_confidence AS confidence, "
        "v.speaker_antecedent AS antecedent, x.copy_id FROM statements_view v "
        "JOIN statements s ON s.id = v.statement_id "
        "JOIN article_occurrences x ON x.article_id = v.article_id LEFT JOIN entities o ON o.id = x.outlet_id "
        "WHERE v.quote_id = ? ORDER BY x.published IS NULL, x.published, v.article_id, "
        "x.copy_id IS NOT NULL, x.copy_id, v.statement_id", (qid,))
    return [head, Table("Appearances, first first", cols, rows)]


def _outlet_ids(db: Database, name: str) -> list[tuple[int, str, str]]:
    found = find_entities(db, name, types=("media",))
    found = [e for e in found if db.scalar("SELECT (SELECT count(*) FROM articles WHERE outlet_id = ?) + "
                                           "(SELECT count(*) FROM copies WHERE outlet_id = ?)", (e[0], e[0]))]
    if not found:
        raise QueryError(f"no outlet matches {name!r}; list outlets with "
                         "`onrecord export --table entities` or query outlets_view")
    return found


def outlet_profile(db: Database, name: str, *, top: int = 15) -> list[Table]:
    """How an outlet frames what others say: cue classes overall and by speaker, own-voice share.
    Its syndicated copies of other outlets' texts count as its articles."""
    outlets = _outlet_ids(db, name)
    ids = [o[0] for o in outlets]
    marks = ", ".join("?" * len(ids))
    cols, rows = db.query_table(
        "SELECT count(*) AS articles, coalesce(sum(a.n_statements), 0) AS statements, "
        "coalesce(sum(a.n_own_voice), 0) AS own_voice, max(x.bias) AS bias "
        f"FROM article_occurrences x JOIN articles a ON a.id = x.article_id WHERE x.outlet_id IN ({marks})", ids)
    n_art, n_st, n_own, bias = rows[0]
    share = n_own / (n_own + n_st) if (n_own + n_st) else 0.0
    summary = Table(f"Outlet {', '.join(o[1] for o in outlets)}",
                    ["outlet", "bias", "articles", "statements", "statements_per_article",
                     "own_voice", "own_voice_share"],
                    [(", ".join(o[1] for o in outlets), bias, n_art, n_st,
                      round(n_st / n_art, 2) if n_art else 0.0, n_own, round(share, 3))])
    class_rows = db.query(
        "SELECT coalesce(s.cue_class, 'unknown'), count(*) FROM statements s JOIN article_occurrences x "
        f"ON x.article_id = s.article_id WHERE x.outlet_id IN ({marks}) GROUP BY 1 ORDER BY 2 DESC, 1", ids)
    total = sum(n for _, n in class_rows) or 1
    classes = Table("Cue classes", ["cue_class", "statements", "share"],
                    [(c, n, round(n / total, 3)) for c, n in class_rows])
    present = [c for c, _ in class_rows]
    pivot = ", ".join(f"sum(CASE WHEN s.cue_class = ? THEN 1 ELSE 0 END) AS {_ident(c)}" for c in present)
    cols, rows = db.query_table(
        f"SELECT e.name AS speaker, count(*) AS statements{', ' + pivot if pivot else ''} "
        "FROM statements s JOIN article_occurrences x ON x.article_id = s.article_id "
        "JOIN entities e ON e.id = s.speaker_entity_id "
        f"WHERE x.outlet_id IN ({marks}) AND e.type {NOT_GROUP_SQL} GROUP BY e.id, e.name ORDER BY 2 DESC, 1 LIMIT ?",
        (*present, *ids, top))
    return [summary, classes, Table("Cue classes by speaker", cols, rows)]


def outlets(db: Database, *, bias: str | None = None, limit: int = 50) -> Table:
    """Outlets by statements (syndicated copies counted as their outlets' articles), with their
    bias label, articles, own-voice share and first and last dates."""
    where, params = ("WHERE x.bias = ?", [bias.lower()]) if bias else ("", [])
    cols, rows = db.query_table(
        "SELECT o.name AS outlet, max(x.bias) AS bias, count(*) AS articles, "
        "coalesce(sum(a.n_statements), 0) AS statements, coalesce(sum(a.n_own_voice), 0) AS own_voice, "
        "min(x.published) AS first_published, max(x.published) AS last_published "
        "FROM article_occurrences x JOIN articles a ON a.id = x.article_id JOIN entities o ON o.id = x.outlet_id "
        f"{where} GROUP BY o.id, o.name ORDER BY 4 DESC, 1 LIMIT ?", (*params, limit))
    title = f"Outlets{f' ({bias.lower()})' if bias else ''}"
    return Table(title, cols, rows)


def _ident(name: str) -> str:
    return re.sub(r"\W", "_", name) or "unknown"


def top_speakers(db: Database, *, outlet: str | None = None, bias: str | None = None,
                 limit: int = 20) -> Table:
    """Most quoted speakers (groups and documents are not ranked), optionally within an outlet or a
    bias group, with how their statements' speakers were resolved and the mean confidence."""
    where, params = [f"e.type {NOT_GROUP_SQL}"], []
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
    body = ("FROM statements s JOIN articles a ON a.id = s.article_id JOIN entities e ON e.id = s.speaker_entity_id "
            f"WHERE {' AND '.join(where)}")
    cols, rows = db.query_table(
        "SELECT e.name AS speaker, e.type AS type, count(*) AS statements, "
        "count(DISTINCT s.article_id) AS articles, count(DISTINCT a.outlet_id) AS outlets, "
        "min(a.published) AS first_published, max(a.published) AS last_published, e.id AS speaker_id "
        f"{body} GROUP BY e.id, e.name, e.type ORDER BY 3 DESC, 1 LIMIT ?", (*params, limit))
    evidence = _resolutions(db, body, params, [r[-1] for r in rows])
    cols = [*cols[:-1], "resolved_by", "mean_confidence", "speaker_id"]
    return Table(title, cols, [(*r[:-1], *evidence.get(r[-1], ("", None)), r[-1]) for r in rows])


def _resolutions(db: Database, body: str, params: list[Any], ids: list[int]) -> dict[int, tuple[str, float | None]]:
    """Per speaker: statements by resolution method ("name 12, pronoun 3") and mean confidence."""
    if not ids:
        return {}
    rows = db.query(
        "SELECT s.speaker_entity_id, s.speaker_resolution, count(*), sum(s.speaker_confidence), "
        f"count(s.speaker_confidence) {body} AND s.speaker_entity_id IN ({', '.join('?' * len(ids))}) "
        "GROUP BY s.speaker_entity_id, s.speaker_resolution", (*params, *ids))
    grouped: dict[int, list[tuple]] = {}
    for eid, method, n, total, n_conf in rows:
        grouped.setdefault(eid, []).append((method or "unknown", int(n), float(total or 0), int(n_conf)))
    out = {}
    for eid, parts in grouped.items():
        parts.sort(key=lambda p: (-p[1], p[0]))
        n_conf = sum(p[3] for p in parts)
        mean = round(sum(p[2] for p in parts) / n_conf, 2) if n_conf else None
        out[eid] = (", ".join(f"{m} {n}" for m, n, _, _ in parts), mean)
    return out


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
    names = ("articles", "copies", "statements", "entities", "quotes", "failures", "runs")
    return Table("Corpus", ["table", "rows"],
                 [(n, int(db.scalar(f"SELECT count(*) FROM {n}"))) for n in names])
