"""The DuckDB reduce: dedup with every outlet kept, quote groups, entity clusters, incremental."""

from __future__ import annotations

import duckdb
from support import map_inline

from onrecord.distributed.load import load
from onrecord.distributed.reduce import reduce
from onrecord.store import connect


def _sql(path, query):
    return duckdb.connect().execute(query.replace(" FROM T", f" FROM read_parquet('{path}')", 1)).fetchall()


def _groups(pairs):
    found: dict = {}
    for item, group in pairs:
        found.setdefault(group, set()).add(item)
    return sorted(sorted(g) for g in found.values())


def test_reduce_dedups_groups_quotes_and_clusters_entities_as_the_store(news, more_news, fake, tmp_path):
    run = tmp_path / "run"
    map_inline([news], run, fake)
    first = reduce(str(run))
    assert (first.shards_new, first.articles, first.occurrences) == (4, 15, 16)
    out = run / "reduce"
    assert _sql(out / "articles.parquet", "SELECT outlets FROM T WHERE n_occurrences = 2") == [
        (["Daily Planet", "Wire Copy"],)]
    kyiv = _sql(out / "quote_groups.parquet", "SELECT n_articles, n_outlets, first_outlet FROM T "
                "WHERE text = 'We will never give up Kyiv to anyone'")
    assert kyiv == [(3, 3, "Daily Planet")]  # two originals and a syndicated copy
    map_inline([more_news], run, fake)
    second = reduce(str(run))  # incremental: only the new pass's shards are read
    assert (second.shards_new, second.shards_total, second.articles, second.occurrences) == (2, 6, 20, 22)
    assert reduce(str(run)).shards_new == 0
    # the clusters partition the article entities exactly as the store's resolver does
    load(str(run), str(tmp_path / "dist.db"))
    db = connect(str(tmp_path / "dist.db"))
    stored = db.query("SELECT a.content_hash || x.local_id, e.key FROM article_entities x "
                      "JOIN articles a ON a.id = x.article_id JOIN entities e ON e.id = x.entity_id")
    clusters = _sql(out / "article_entities.parquet", "SELECT content_hash || local_id, entity FROM T")
    assert _groups(stored) == _groups(clusters) and len(stored) == 45
    barr = _sql(out / "article_entities.parquet", "SELECT DISTINCT entity, registry_id FROM T "
                "WHERE registry_id = 'onrecord:william-barr'")
    assert barr == [("william barr", "onrecord:william-barr")]  # Bill Barr and William Barr: one actor
