"""Export tables as JSON Lines, CSV or Parquet, streamed in chunks."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from onrecord.render.csv_cells import csv_cell
from onrecord.store.db import Database, stream_rows

# table -> (SQL, column types: int, float, list (a JSON list of strings in the database); else text)
EXPORTS: dict[str, tuple[str, dict[str, str]]] = {
    "articles": (
        "SELECT a.id, a.ext_id, a.title, coalesce(o.name, a.outlet) AS outlet, a.outlet AS outlet_as_given, "
        "a.published, a.url, a.bias, a.words, a.n_statements, a.n_own_voice, a.content_hash, a.source, "
        "a.locator, a.meta, a.text FROM articles a LEFT JOIN entities o ON o.id = a.outlet_id ORDER BY a.id",
        {"id": "int", "words": "int", "n_statements": "int", "n_own_voice": "int"}),
    "statements": (
        "SELECT s.id, s.article_id, s.local_id, a.published, coalesce(o.name, a.outlet) AS outlet, a.bias, "
        "a.title, a.url, "
        "sp.name AS speaker, sp.type AS speaker_type, s.speaker_entity_id, sp.registry_id AS speaker_registry_id, "
        "s.speaker_text, s.speaker_name, s.speaker_resolution, s.speaker_confidence, s.speaker_antecedent_text, "
        "s.speaker_antecedent_start, s.speaker_antecedent_end, s.speaker_members, "
        "s.cue, s.cue_lemma, s.cue_class, s.kind, s.content, s.content_start, s.content_end, s.content2, "
        "s.parent_local_id, s.time_text, s.time_value, s.time_granularity, s.quote_id "
        "FROM statements s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN entities o ON o.id = a.outlet_id LEFT JOIN entities sp ON sp.id = s.speaker_entity_id "
        "ORDER BY s.id",
        {"id": "int", "article_id": "int", "speaker_entity_id": "int", "content_start": "int",
         "content_end": "int", "speaker_confidence": "float", "speaker_antecedent_start": "int",
         "speaker_antecedent_end": "int", "speaker_members": "list"}),
    "entities": (
        "SELECT e.id, e.name, e.type, e.registry_id, "
        "(SELECT count(*) FROM statements s WHERE s.speaker_entity_id = e.id) AS n_statements, "
        "(SELECT count(*) FROM articles a WHERE a.outlet_id = e.id) AS n_articles_as_outlet, "
        "(SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS n_articles_mentioned "
        "FROM entities e ORDER BY e.id",
        {"id": "int", "n_statements": "int", "n_articles_as_outlet": "int", "n_articles_mentioned": "int"}),
    "quotes": (
        "SELECT quote_id, text, n_articles, n_outlets, first_published, first_outlet, last_published "
        "FROM quote_spread ORDER BY n_articles DESC, quote_id",
        {"n_articles": "int", "n_outlets": "int"}),
    "events": (
        "SELECT v.event_id, v.article_id, v.local_id, v.event_date, v.date, v.date_from, v.type, v.quad, v.modes, "
        "v.contexts, v.aux, v.actors, v.recipients, v.trigger, v.sentence, v.statement_id, v.statement_local_id, "
        "v.place, v.geonameid, v.place_country, v.latitude, v.longitude, v.reported_by, v.confidence, v.group_key, "
        "v.published, v.outlet, v.title, v.url FROM events_view v ORDER BY v.event_id",
        {"event_id": "int", "article_id": "int", "statement_id": "int", "geonameid": "int", "latitude": "float",
         "longitude": "float", "confidence": "float", "modes": "list", "contexts": "list", "aux": "list",
         "actors": "list", "recipients": "list", "reported_by": "list"}),
    "cross_links": (  # onrecord.crosslinks: both statements, citable (article, outlet, date, title, URL)
        "SELECT l.from_statement_id, l.type, l.to_statement_id, l.basis, l.evidence_kind, l.evidence, l.score, "
        "f.speaker AS from_speaker, f.speaker_text AS from_speaker_text, f.cue AS from_cue, f.content AS from_content, "
        "f.article_id AS from_article_id, f.outlet AS from_outlet, f.published AS from_published, "
        "f.title AS from_title, f.url AS from_url, t.speaker AS to_speaker, t.speaker_text AS to_speaker_text, "
        "t.cue AS to_cue, t.content AS to_content, t.article_id AS to_article_id, t.outlet AS to_outlet, "
        "t.published AS to_published, t.title AS to_title, t.url AS to_url FROM cross_links l "
        "JOIN statements_view f ON f.statement_id = l.from_statement_id "
        "JOIN statements_view t ON t.statement_id = l.to_statement_id ORDER BY l.from_statement_id, l.to_statement_id",
        {"from_statement_id": "int", "to_statement_id": "int", "score": "float", "from_article_id": "int",
         "to_article_id": "int"}),
    "failures": (
        "SELECT input_key, source, locator, reason, detail, attempts, last_seen FROM failures ORDER BY source, locator",
        {"attempts": "int"}),
}
TABLES = tuple(EXPORTS)
FORMATS = ("jsonl", "csv", "parquet")


def export(db: Database, table: str, fmt: str, out: IO[Any]) -> int:
    """Write ``table`` to ``out`` (text for jsonl/csv, binary for parquet); returns rows written."""
    sql, types = EXPORTS[table]
    cols, raw = stream_rows(db, sql)
    chunks = raw
    lists = [i for i, c in enumerate(cols) if types.get(c) == "list"]
    if lists:
        chunks = _decode_lists(chunks, lists)
    try:
        if fmt == "jsonl":
            return _jsonl(cols, chunks, out)
        if fmt == "csv":
            return _csv(cols, chunks, out)
        return _parquet(cols, chunks, types, out)
    finally:
        raw.close()  # stopped early (a closed pipe): release the cursor while the connection is open


def _decode_lists(chunks: Iterator[list[tuple]], columns: list[int]) -> Iterator[list[tuple]]:
    """JSON-list text columns as Python lists (a JSON array in JSON Lines, a list in Parquet)."""
    for rows in chunks:
        out = []
        for r in rows:
            r = list(r)
            for i in columns:
                r[i] = json.loads(r[i]) if isinstance(r[i], str) else r[i]
            out.append(tuple(r))
        yield out


def _jsonl(cols: list[str], chunks: Iterator[list[tuple]], out: IO[str]) -> int:
    n = 0
    for rows in chunks:
        for r in rows:
            out.write(json.dumps(dict(zip(cols, r)), ensure_ascii=False, default=str) + "\n")
        n += len(rows)
    return n


def _csv(cols: list[str], chunks: Iterator[list[tuple]], out: IO[str]) -> int:
    w = csv.writer(out)
    w.writerow(cols)
    n = 0
    for rows in chunks:
        w.writerows([[csv_cell(v) for v in r] for r in rows])
        n += len(rows)
    return n


def _cell(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v


_ARROW = {"int": "int64", "float": "float64"}


def _parquet(cols: list[str], chunks: Iterator[list[tuple]], types: dict[str, str], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def arrow_type(c: str) -> Any:
        kind = types.get(c)
        return pa.list_(pa.string()) if kind == "list" else getattr(pa, _ARROW.get(kind or "", "string"))()

    schema = pa.schema([(c, arrow_type(c)) for c in cols])
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for rows in chunks:
            arrays = []
            for i, c in enumerate(cols):
                values = [r[i] for r in rows]
                if types.get(c) is None:
                    values = [None if v is None else v if isinstance(v, str) else _cell(v)
                              if isinstance(v, (dict, list)) else str(v) for v in values]
                arrays.append(pa.array(values, type=schema.field(c).type))
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            n += len(rows)
    return n
