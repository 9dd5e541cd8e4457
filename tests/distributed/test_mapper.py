"""The mapper without Ray: shard files, markers, skipping, overwriting, injected faults."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from onrecord.distributed.layout import TABLES, RunDir
from onrecord.distributed.mapper import FAULTS_ENV, ShardMapper
from onrecord.distributed.plan import plan_run
from onrecord.distributed.shards import done_shards, marker_info


def test_a_shard_writes_every_table_then_its_marker_and_is_skipped_after(news, fake, tmp_path):
    run = RunDir.at(tmp_path / "run")
    plan, _ = plan_run([str(news)], run, 4)
    m = ShardMapper(str(run.root), extractor=fake)
    s = plan.shards[0]
    info = m.map_shard(s.id, s.digest)
    assert info["status"] == "done" and info["articles"] == 4 and done_shards(run) == [0]
    assert all(run.output_file(t, 0).exists() for t in TABLES)
    arts = pq.read_table(run.output_file("articles", 0)).to_pylist()
    assert [a["pos"] for a in arts] == [0, 1, 2, 3] and arts[0]["article"].startswith('{"schema": "onrecord.article/1"')
    assert m.map_shard(s.id, s.digest)["status"] == "skipped"
    assert m.map_shard(s.id, "another-plan")["status"] == "done"  # a marker of another plan does not count


def test_a_retried_shard_overwrites_instead_of_adding(news, fake, tmp_path):
    run = RunDir.at(tmp_path / "run")
    plan, _ = plan_run([str(news)], run, 4)
    m = ShardMapper(str(run.root), extractor=fake)
    s = plan.shards[1]
    m.map_shard(s.id, s.digest)
    run.marker(1).unlink()  # as if the worker died after its files, before its marker
    m.map_shard(s.id, s.digest)
    assert pq.read_table(run.output_file("statements", 1)).num_rows == marker_info(run, 1)["statements"]
    assert sorted(p.name for p in run.output_file("articles", 1).parent.iterdir()) == ["shard-00001.parquet"]


def test_an_injected_failure_fails_the_first_attempt_only(news, fake, tmp_path, monkeypatch):
    run = RunDir.at(tmp_path / "run")
    plan, _ = plan_run([str(news)], run, 4)
    faults = tmp_path / "faults"
    faults.mkdir()
    (faults / "fail-2").touch()
    monkeypatch.setenv(FAULTS_ENV, str(faults))
    m = ShardMapper(str(run.root), extractor=fake)
    s = plan.shards[2]
    first = m.map_shard(s.id, s.digest)
    assert first["status"] == "error" and "injected" in first["error"] and not run.marker(2).exists()
    assert m.map_shard(s.id, s.digest)["status"] == "done"


def test_a_bad_extractor_fails_when_the_actor_starts(tmp_path):
    with pytest.raises(ImportError):
        ShardMapper(str(tmp_path), extractor="onrecord.no_such_module:Extractor")
