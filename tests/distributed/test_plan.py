"""Planning: deterministic shards by article count, passes, copies and read failures."""

from __future__ import annotations

import pyarrow.parquet as pq

from onrecord.distributed.layout import RunDir
from onrecord.distributed.plan import Plan, plan_run


def test_shards_are_sized_by_articles_and_deterministic(news, tmp_path):
    a, pa_ = plan_run([str(news)], RunDir.at(tmp_path / "a"), 4)
    b, _ = plan_run([str(news)], RunDir.at(tmp_path / "b"), 4)
    # 4 + 2 + 9 distinct texts; the copy and the duplicate are not extracted; one bad line
    assert [s.articles for s in a.shards] == [4, 4, 4, 3]
    assert [s.digest for s in a.shards] == [s.digest for s in b.shards]
    assert (pa_.read, pa_.copies, pa_.duplicates, pa_.failures) == (18, 1, 1, 1)
    keys = pq.read_table(RunDir.at(tmp_path / "a").input_file(0), columns=["pos", "input_key"]).to_pylist()
    assert [k["pos"] for k in keys] == [0, 1, 2, 3]


def test_the_same_inputs_reuse_their_pass_and_new_ones_append_shards(news, more_news, tmp_path):
    run = RunDir.at(tmp_path / "run")
    plan, first = plan_run([str(news)], run, 4)
    again, same = plan_run([str(news)], run, 4)
    assert same.number == first.number == 0 and len(again.shards) == 4
    grown, second = plan_run([str(more_news)], run, 4)
    assert second.number == 1 and second.first_shard == 4
    assert [s.articles for s in grown.shards_of(second)] == [4, 1]
    assert second.copies == 1  # EVIDENCE[0] under another outlet: a copy of an article of pass 0
    assert Plan.read(run).run_uid == plan.run_uid
