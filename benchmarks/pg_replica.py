"""A PostgreSQL twin of the explorer benchmark's corpus: copy an ingested SQLite corpus (the
``base.db`` that ``explorer_bench.py build`` ingests) into a PostgreSQL schema at the current
onrecord schema, then replicate it in PostgreSQL the way ``explorer_bench.py`` replicates the
SQLite one (ids shifted, dates +17 days per copy, speakers, outlets and quote groups kept), so
both backends are measured on the same rows.  The aggregates (month_totals, speaker_stats,
speaker_totals) are kept by the store's own triggers while the rows arrive.

    python benchmarks/pg_replica.py --base /tmp/explorer_bench/base.db \\
        --url 'postgresql://postgres@127.0.0.1:5432/test?schema=explorer_bench' --statements 10000000

Drops and recreates that schema; never point it at a corpus you keep.
"""

from __future__ import annotations

import argparse
import math
import sqlite3
import sys
import time
from pathlib import Path

TABLES = ("runs", "entities", "entity_aliases", "articles", "inputs", "article_authors", "article_entities",
          "quotes", "statements", "replies", "own_voice", "cross_links")
SERIAL = ("runs", "entities", "articles", "statements", "own_voice")


def _pg_columns(pg, table: str) -> list[str]:
    rows = pg.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                      "AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position", (table,))
    return [r[0] for r in rows]


def copy_base(base: Path, pg) -> None:
    """Every row of the tables in ``TABLES`` (columns both sides have), through COPY."""
    src = sqlite3.connect(f"file:{base}?mode=ro", uri=True)
    for table in TABLES:
        have = {r[1] for r in src.execute(f"PRAGMA table_info({table})")}
        cols = [c for c in _pg_columns(pg, table) if c in have]
        t = time.monotonic()
        with pg.cursor().copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as cp:
            for row in src.execute(f"SELECT {', '.join(cols)} FROM {table}"):
                cp.write_row(row)
        print(f"{table}: {time.monotonic() - t:.1f} s", file=sys.stderr)
    for table in SERIAL:
        pg.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 1)) FROM {table}")
    src.close()


def replicate(pg, target: int) -> None:
    """Copies of the base rows until there are ``target`` statements."""
    n_st, max_a, max_s, max_o = pg.execute(
        "SELECT (SELECT count(*) FROM statements), (SELECT max(id) FROM articles), "
        "(SELECT max(id) FROM statements), (SELECT coalesce(max(id), 0) FROM own_voice)").fetchone()
    copies = math.ceil(target / n_st) - 1
    acols = [c for c in _pg_columns(pg, "articles") if c not in ("id", "content_hash", "ext_id", "published")]
    scols = [c for c in _pg_columns(pg, "statements") if c not in ("id", "article_id")]
    ecols = [c for c in _pg_columns(pg, "article_entities") if c != "article_id"]
    pg.execute("DROP INDEX IF EXISTS statements_content_tsv")  # rebuilt once at the end
    t = time.monotonic()
    for k in range(1, copies + 1):
        oa, os_, oo = k * max_a, k * max_s, k * max_o
        with pg.transaction():
            pg.execute(f"INSERT INTO articles (id, content_hash, ext_id, published, {', '.join(acols)}) "
                       "SELECT id + %s, content_hash || '-r' || %s, ext_id || '-r' || %s, "
                       "to_char(published::date + %s, 'YYYY-MM-DD'), "
                       f"{', '.join(acols)} FROM articles WHERE id <= %s", (oa, k, k, 17 * k, max_a))
            pg.execute(f"INSERT INTO statements (id, article_id, {', '.join(scols)}) SELECT id + %s, article_id + %s, "
                       f"{', '.join(scols)} FROM statements WHERE id <= %s", (os_, oa, max_s))
            pg.execute("INSERT INTO replies (statement_id, target_statement_id, type) SELECT statement_id + %s, "
                       "target_statement_id + %s, type FROM replies WHERE statement_id <= %s", (os_, os_, max_s))
            pg.execute("INSERT INTO own_voice (id, article_id, start_char, end_char, text) SELECT id + %s, "
                       "article_id + %s, start_char, end_char, text FROM own_voice WHERE id <= %s", (oo, oa, max_o))
            pg.execute(f"INSERT INTO article_entities (article_id, {', '.join(ecols)}) SELECT article_id + %s, "
                       f"{', '.join(ecols)} FROM article_entities WHERE article_id <= %s", (oa, max_a))
        if k % 10 == 0 or k == copies:
            print(f"copy {k}/{copies}: {time.monotonic() - t:.0f} s", file=sys.stderr)
    for table in SERIAL:
        pg.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 1)) FROM {table}")
    t = time.monotonic()
    pg.execute("SET maintenance_work_mem = '1GB'")
    pg.execute("CREATE INDEX statements_content_tsv ON statements USING GIN (content_tsv)")
    pg.execute("ANALYZE")
    print(f"GIN index and ANALYZE: {time.monotonic() - t:.0f} s", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=Path, required=True, help="an ingested SQLite corpus")
    ap.add_argument("--url", required=True, help="postgresql://...?schema=NAME (dropped and recreated)")
    ap.add_argument("--statements", type=int, default=10_000_000)
    args = ap.parse_args()
    import psycopg

    from onrecord.store import connect
    from onrecord.store.db import is_postgres_url
    from onrecord.store.migrate import migrate

    if not is_postgres_url(args.url) or "schema=" not in args.url:
        sys.exit("--url must be a PostgreSQL URL with ?schema=NAME")
    base_url, schema = args.url.split("?schema=")
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    db = connect(args.url)
    migrate(db)
    db.close()
    with psycopg.connect(base_url, autocommit=True, options=f"-c search_path={schema}") as pg:
        with pg.transaction():
            copy_base(args.base, pg)
        replicate(pg, args.statements)
        total = pg.execute("SELECT count(*) FROM statements").fetchone()[0]
        size = pg.execute("SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c "
                          "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s", (schema,)).fetchone()[0]
    print(f"{args.url}: {total:,} statements, {size}", file=sys.stderr)


if __name__ == "__main__":
    main()
