"""Loading a run: the same database as the one-machine ingest, idempotent, resumable, on both backends."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
from compare import corpus_keys, differences
from support import map_inline

from onrecord.distributed import load as load_module
from onrecord.distributed.load import load
from onrecord.distributed.plan import PlanError, plan_run
from onrecord.distributed.layout import RunDir
from onrecord.store import IngestOptions, connect, ingest, queries

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "onrecord" / "examples"


def _one_machine(paths, target, extractor):
    ingest([str(p) for p in paths], target, IngestOptions(workers=0, extractor=extractor))
    return connect(target)


def test_the_loaded_database_equals_the_one_machine_ingest(news, more_news, fake, tmp_path):
    map_inline([news], tmp_path / "run", fake)
    map_inline([more_news], tmp_path / "run", fake)  # a second pass into the same run
    first = load(str(tmp_path / "run"), str(tmp_path / "dist.db"))
    assert (first.counts.new, first.counts.copies, first.counts.n_failed) == (20, 2, 1)
    one = connect(str(tmp_path / "one.db"))
    ingest([str(news)], str(tmp_path / "one.db"), IngestOptions(workers=0, extractor=fake))
    ingest([str(more_news)], str(tmp_path / "one.db"), IngestOptions(workers=0, extractor=fake))
    dist = connect(str(tmp_path / "dist.db"))
    assert differences(one, dist) == {}
    keys = corpus_keys(dist)
    assert (len(keys["articles"]), len(keys["statements"]), len(keys["copies"])) == (20, first.counts.statements, 2)
    # the store's queries work on it: aliases merged, copies counted in a quote's spread
    assert len(queries.said(dist, "Zelensky").rows) == 4
    head, rows = queries.spread(dist, "We will never give up Kyiv to anyone")
    assert head.records()[0]["n_outlets"] == 3 and len(rows.rows) == 4
    assert [r["speaker"] for r in queries.said(dist, "Bill Barr").records()] == ["William Barr"] * 4


def test_a_second_load_inserts_nothing(news, fake, tmp_path):
    map_inline([news], tmp_path / "run", fake)
    db_path = str(tmp_path / "dist.db")
    load(str(tmp_path / "run"), db_path)
    before = corpus_keys(connect(db_path))
    again = load(str(tmp_path / "run"), db_path)
    assert again.loaded == [] and again.counts.new == 0 and len(again.skipped) == 6
    assert corpus_keys(connect(db_path)) == before


def test_a_killed_load_resumes_after_its_last_batch(news, fake, tmp_path):
    map_inline([news], tmp_path / "run", fake)
    db_path = str(tmp_path / "dist.db")
    real = load_module._shard_outcomes
    calls = []

    def dying(run, shard):
        calls.append(shard)
        if shard == 2:
            raise KeyboardInterrupt  # the process stops mid-load
        return real(run, shard)

    with mock.patch.object(load_module, "_shard_outcomes", dying), pytest.raises(KeyboardInterrupt):
        load(str(tmp_path / "run"), db_path)
    assert connect(db_path).scalar("SELECT count(*) FROM distributed_loads") == 3  # failures, s0, s1
    resumed = load(str(tmp_path / "run"), db_path)
    assert resumed.loaded[0] == "s2" and resumed.counts.new == 7
    _one_machine([news], str(tmp_path / "one.db"), fake)
    assert differences(connect(str(tmp_path / "one.db")), connect(db_path)) == {}


def test_an_unfinished_run_is_not_loaded(news, fake, tmp_path):
    plan_run([str(news)], RunDir.at(tmp_path / "run"), 4)
    with pytest.raises(PlanError, match="run the same `onrecord ingest --engine ray"):
        load(str(tmp_path / "run"), str(tmp_path / "dist.db"))
    with pytest.raises(PlanError, match="holds no distributed run"):
        load(str(tmp_path), str(tmp_path / "dist.db"))


@pytest.mark.postgres
def test_load_into_postgres_equals_the_one_machine_ingest(news, fake, tmp_path, pg_url, pg_base_url):
    import psycopg

    map_inline([news], tmp_path / "run", fake)
    load(str(tmp_path / "run"), pg_url)
    assert load(str(tmp_path / "run"), pg_url).counts.new == 0
    one_url = pg_url + "_one"  # the one-machine ingest on PostgreSQL too (JSONB formats JSON its own way)
    try:
        one = _one_machine([news], one_url, fake)
        dist = connect(pg_url)
        assert differences(one, dist) == {}
    finally:
        with psycopg.connect(pg_base_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{one_url.rsplit("=", 1)[1]}" CASCADE')
    assert len(queries.search(dist, "ceasefires").rows) == 2


@pytest.mark.slow
def test_the_real_engine_on_the_bundled_examples(tmp_path):
    map_inline([EXAMPLES], tmp_path / "run", "onrecord.pipeline:Extractor", per_shard=1)
    load(str(tmp_path / "run"), str(tmp_path / "dist.db"))
    one = _one_machine([EXAMPLES], str(tmp_path / "one.db"), "onrecord.pipeline:Extractor")
    dist = connect(str(tmp_path / "dist.db"))
    assert differences(one, dist) == {}
    assert len(corpus_keys(dist)["statements"]) > 5
    assert len(queries.said(dist, "Korvik").rows) >= 1
