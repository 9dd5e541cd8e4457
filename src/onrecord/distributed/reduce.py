"""``reduce(RUN)``: the corpus-wide step, as DuckDB SQL over the run's Parquet dataset.

Outputs under ``RUN/reduce/`` (Parquet):

- ``occurrences``: every appearance of a text (an extracted article or a copy), with its outlet,
  date and URL; ``articles``: one row per content hash (the first in plan order is the original),
  with every outlet and URL it appeared under;
- ``quote_articles`` / ``quote_groups``: each quote group's articles, outlets (copies counted),
  first date and first outlet, across the whole corpus;
- ``entities``: every alias key's corpus entity (``unionfind``), and ``article_entities``: each
  article entity's corpus entity.

Incremental: ``state.json`` lists the shards already reduced; a new reduce reads only the new
shards and merges them into the existing tables (appearances appended, clusters extended), and
the per-hash and per-group tables are recomputed from them.  DuckDB runs with extension
auto-loading off: only its built-in Parquet reader is used.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from onrecord.distributed.layout import RunDir, atomic_write_bytes
from onrecord.distributed.plan import Plan, PlanError
from onrecord.distributed.shards import is_done
from onrecord.distributed.unionfind import EntityClusters

DUCKDB_HINT = "the reduce needs DuckDB: pip install 'onrecord[ray]'"


@dataclass
class ReduceSummary:
    shards_new: int
    shards_total: int
    articles: int
    occurrences: int
    quote_groups: int
    entities: int
    seconds: float

    def as_dict(self) -> dict:
        return dict(vars(self), seconds=round(self.seconds, 2))


def _duckdb() -> Any:
    try:
        import duckdb
    except ImportError as err:
        raise PlanError(DUCKDB_HINT) from err
    con = duckdb.connect()
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    return con


def _files(paths: list[Path]) -> str:
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


def _scan(paths: list[Path]) -> str:
    return f"read_parquet({_files(paths)}, union_by_name = true)"


def reduce(run_dir: str) -> ReduceSummary:
    """Reduce the finished shards of the run at ``run_dir`` not reduced yet."""
    started = time.monotonic()
    run = RunDir.at(run_dir)
    plan = Plan.read(run)
    if plan is None:
        raise PlanError(f"{run.root} holds no distributed run; make one with "
                        f"`onrecord ingest PATH --engine ray --out {run_dir}`")
    out = run.reduce_dir
    out.mkdir(exist_ok=True)
    state_file = out / "state.json"
    state = json.loads(state_file.read_text()) if state_file.exists() else {"shards": [], "passes": []}
    new = [s.id for s in plan.shards if s.id not in state["shards"] and is_done(run, s.id, s.digest)]
    new_passes = [p.number for p in plan.passes if p.number not in state["passes"]
                  and all(is_done(run, s.id, s.digest) for s in plan.shards_of(p))]
    con = _duckdb()
    _occurrences(con, run, out, new, new_passes)
    _quotes(con, run, out, new)
    _entities(con, run, out, new)
    _derived(con, out)
    state = {"shards": sorted(state["shards"] + new), "passes": sorted(state["passes"] + new_passes)}
    atomic_write_bytes(state_file, json.dumps(state).encode())  # last: a killed reduce redoes its shards
    count = lambda name: con.execute(f"SELECT count(*) FROM read_parquet('{out / name}.parquet')").fetchone()[0]
    return ReduceSummary(len(new), len(state["shards"]), count("articles"), count("occurrences"),
                         count("quote_groups"), con.execute(
                             f"SELECT count(DISTINCT entity) FROM read_parquet('{out}/entities.parquet')").fetchone()[0],
                         time.monotonic() - started)


def _write(con: Any, sql: str, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    con.execute(f"COPY ({sql}) TO '{tmp}' (FORMAT parquet)")
    tmp.replace(path)


def _with_old(out: Path, name: str, new_sql: str | None) -> str:
    """The old table (if any) and the new rows, as one relation."""
    parts = []
    if (out / f"{name}.parquet").exists():
        parts.append(f"SELECT * FROM read_parquet('{out / name}.parquet')")
    if new_sql:
        parts.append(new_sql)
    return " UNION ALL BY NAME ".join(parts) if parts else ""


def _occurrences(con: Any, run: RunDir, out: Path, shards: list[int], passes: list[int]) -> None:
    new = []
    if shards:
        new.append(f"SELECT content_hash, shard, pos, 'article' AS kind, outlet, published, url, title "
                   f"FROM {_scan([run.output_file('articles', s) for s in shards])}")
    if passes:  # copies come after every article (as the store writes them), in pass order
        new.append(f"SELECT content_hash, 1000000000 + shard AS shard, pos, 'copy' AS kind, "
                   f"json_extract_string(meta, '$.outlet') AS outlet, json_extract_string(meta, '$.published') "
                   f"AS published, json_extract_string(meta, '$.url') AS url, json_extract_string(meta, '$.title') "
                   f"AS title FROM {_scan([run.pass_file('copies', p) for p in passes])}")
    sql = _with_old(out, "occurrences", " UNION ALL BY NAME ".join(new) if new else None)
    if sql:
        _write(con, f"SELECT * FROM ({sql}) ORDER BY shard, pos", out / "occurrences.parquet")


def _quotes(con: Any, run: RunDir, out: Path, shards: list[int]) -> None:
    new = (f"SELECT DISTINCT quote_id, first(text) OVER (PARTITION BY quote_id) AS text, content_hash "
           f"FROM {_scan([run.output_file('quotes', s) for s in shards])}") if shards else None
    sql = _with_old(out, "quote_articles", new)
    if sql:
        _write(con, f"SELECT DISTINCT quote_id, text, content_hash FROM ({sql}) ORDER BY quote_id, content_hash",
               out / "quote_articles.parquet")


def _entities(con: Any, run: RunDir, out: Path, shards: list[int]) -> None:
    path = out / "entities.parquet"
    if path.exists():
        uf = EntityClusters.from_rows(pq.read_table(path).to_pylist())
    else:
        uf = EntityClusters()
        uf.seed()
    links = []
    if shards:
        rows = con.execute(f"SELECT content_hash, local_id, name, type, registry FROM "
                           f"{_scan([run.output_file('entity_mentions', s) for s in shards])} "
                           f"ORDER BY shard, pos, local_id").fetchall()
        links = [(h, lid, uf.observe(name, typ, reg)) for h, lid, name, typ, reg in rows]
    uf.merge_surnames()
    table = pa.Table.from_pylist(list(uf.rows()), schema=pa.schema(
        [("node", pa.string()), ("entity", pa.string()), ("name", pa.string()), ("type", pa.string()),
         ("registry_id", pa.string()), ("lexicon", pa.bool_())]))
    con.register("clusters", table)
    _write(con, "SELECT * FROM clusters", path)
    links_table = pa.Table.from_pylist([{"content_hash": h, "local_id": l, "node": n} for h, l, n in links],
                                       schema=pa.schema([("content_hash", pa.string()), ("local_id", pa.string()),
                                                         ("node", pa.string())]))
    con.register("new_links", links_table)
    old = out / "article_entities.parquet"
    prior = f"SELECT content_hash, local_id, node FROM read_parquet('{old}') UNION ALL " if old.exists() else ""
    _write(con, f"SELECT l.content_hash, l.local_id, l.node, c.entity, c.name, c.type, c.registry_id FROM "
                f"({prior}SELECT * FROM new_links) l LEFT JOIN clusters c ON c.node = l.node",
           out / "article_entities.parquet")


def _derived(con: Any, out: Path) -> None:
    """Per-hash and per-group tables, recomputed from the appended ones."""
    occ = f"read_parquet('{out / 'occurrences.parquet'}')"
    if not (out / "occurrences.parquet").exists():
        return
    _write(con, f"""
        SELECT content_hash, arg_min(outlet, (shard, pos)) AS outlet, arg_min(published, (shard, pos)) AS published,
               arg_min(url, (shard, pos)) AS url, arg_min(title, (shard, pos)) AS title,
               min((shard, pos)) AS first, count(*) AS n_occurrences,
               count(DISTINCT outlet) AS n_outlets, list(DISTINCT outlet ORDER BY outlet) AS outlets,
               list(url ORDER BY shard, pos) FILTER (WHERE url IS NOT NULL) AS urls
        FROM {occ} GROUP BY content_hash ORDER BY first""", out / "articles.parquet")
    qa = out / "quote_articles.parquet"
    if not qa.exists():
        return
    _write(con, f"""
        SELECT q.quote_id, any_value(q.text) AS text, count(DISTINCT q.content_hash) AS n_articles,
               count(*) AS n_appearances, count(DISTINCT o.outlet) AS n_outlets,
               min(o.published) AS first_published, arg_min(o.outlet, (o.published, o.shard, o.pos)) AS first_outlet
        FROM read_parquet('{qa}') q JOIN {occ} o USING (content_hash)
        GROUP BY q.quote_id ORDER BY q.quote_id""", out / "quote_groups.parquet")
