"""The Ray engine end to end, each case in its own loopback-only network namespace under a hard timeout.

Each ends with every article exactly once and the same database as the one-machine ingest.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from compare import differences
from support import in_loopback, non_loopback

from onrecord.distributed.layout import RunDir
from onrecord.distributed.load import load
from onrecord.distributed.plan import Plan
from onrecord.distributed.shards import done_shards
from onrecord.store import IngestOptions, connect, ingest

pytestmark = pytest.mark.ray
ARTICLES = 15  # distinct texts in the fixture ``news`` (conftest)


def _summary(path: Path) -> dict:
    """The --json summary: the last line (Ray prints its own worker-death notices on stdout too)."""
    return json.loads(path.read_text().strip().splitlines()[-1])


def _ray_tmp() -> str:
    return tempfile.mkdtemp(prefix="ray", dir="/tmp")  # short: Ray's socket paths must fit 107 bytes


def _ingest(news: Path, out: Path, fake: str, extra: str = "", per_shard: int = 3) -> str:
    return (f"onrecord ingest {news} --engine ray --out {out} --extractor {fake} --articles-per-shard {per_shard} "
            f"--workers 2 --json {extra}")


def _wait_for_a_marker(run: Path) -> str:
    """Shell: wait until any shard of ``run`` is finished (actors may queue shards out of order)."""
    return f'for i in $(seq 600); do [ -n "$(ls {run}/shards/_done 2>/dev/null)" ] && break; sleep 0.05; done'



def _assert_exactly_once_and_equal(run_dir: Path, news: Path, fake: str, tmp: Path) -> None:
    run = RunDir.at(run_dir)
    plan = Plan.read(run)
    assert done_shards(run) == [s.id for s in plan.shards]
    hashes = [h for s in plan.shards for h in
              pq.read_table(run.output_file("articles", s.id), columns=["content_hash"]).column(0).to_pylist()]
    assert len(hashes) == len(set(hashes)) == ARTICLES
    load(str(run_dir), str(tmp / f"{run_dir.name}.db"))
    one = tmp / "one.db"
    if not one.exists():
        ingest([str(news)], str(one), IngestOptions(workers=0, extractor=fake))
    assert differences(connect(str(one)), connect(str(tmp / f"{run_dir.name}.db"))) == {}


def test_a_local_runtime_run_uses_only_loopback_and_a_rerun_skips_every_shard(news, fake, tmp_path):
    out = tmp_path / "run"
    script = f"""
{_ingest(news, out, fake)} > {tmp_path}/first.json &
pid=$!
while kill -0 $pid 2>/dev/null; do ss -tanH >> {tmp_path}/ss.txt; sleep 0.3; done
wait $pid
{_ingest(news, out, fake)} > {tmp_path}/second.json
"""
    r = in_loopback(script, timeout=150, env={"RAY_TMPDIR": _ray_tmp()})
    assert r.returncode == 0, r.stderr[-3000:]
    first = _summary(tmp_path / "first.json")
    second = _summary(tmp_path / "second.json")
    assert (first["shards"], first["extracted"], first["articles"], first["actors"]) == (5, 5, ARTICLES, 2)
    assert (second["extracted"], second["skipped"]) == (0, 5)
    ss = (tmp_path / "ss.txt").read_text()
    assert any(":" in line for line in ss.splitlines()), "no Ray connection seen"
    assert non_loopback(ss) == []
    _assert_exactly_once_and_equal(out, news, fake, tmp_path)


HEAD = ("ray start --head --node-ip-address=127.0.0.1 --port={port} --num-cpus=3 --include-dashboard=false --disable-usage-stats "
        "--temp-dir={tmp} > /dev/null\nADDR=127.0.0.1:{port}\n")


def test_failed_and_killed_mappers_and_a_killed_driver_end_with_every_article_once(news, fake, tmp_path):
    faults = tmp_path / "faults"
    faults.mkdir()
    (faults / "fail-1").touch()  # shard 1 raises on its first attempt
    (faults / "kill-3").touch()  # shard 3's first attempt SIGKILLs its worker process
    r1, r2 = tmp_path / "faulty", tmp_path / "driver"
    script = HEAD.format(port=26380, tmp=_ray_tmp()) + f"""
ONRECORD_FAULTS={faults} {_ingest(news, r1, fake, '--address $ADDR')} > {tmp_path}/faults.json
FAKE_SLEEP=0.4 {_ingest(news, r2, fake, '--address $ADDR')} > /dev/null 2>&1 &
driver=$!
{_wait_for_a_marker(r2)}
kill -9 $driver
wait $driver || true
ls {r2}/shards/_done | wc -l > {tmp_path}/killed_at
{_ingest(news, r2, fake, '--address $ADDR')} > {tmp_path}/rerun.json
ss -tanH > {tmp_path}/ss.txt
"""
    r = in_loopback(script, timeout=200)
    assert r.returncode == 0, r.stderr[-3000:]
    faulty = _summary(tmp_path / "faults.json")
    assert faulty["extracted"] == 5 and 1 in faulty["retried"]
    assert not any(faults.iterdir())  # both faults fired
    killed_at = int((tmp_path / "killed_at").read_text())
    rerun = _summary(tmp_path / "rerun.json")
    assert 1 <= killed_at < 5 and rerun["skipped"] == killed_at and rerun["extracted"] == 5 - killed_at
    assert non_loopback((tmp_path / "ss.txt").read_text()) == []
    _assert_exactly_once_and_equal(r1, news, fake, tmp_path)
    _assert_exactly_once_and_equal(r2, news, fake, tmp_path)


@pytest.mark.slow
def test_a_killed_node_of_a_two_node_loopback_cluster(news, fake, tmp_path):
    out = tmp_path / "two"
    node = ("ray start --address=$ADDR --node-ip-address=127.0.0.1 --num-cpus=2 --node-manager-port=26390 "
            "--object-manager-port=26391 --min-worker-port=26400 --max-worker-port=26450 "
            "--dashboard-agent-listen-port=26392 --dashboard-agent-grpc-port=26393 --metrics-export-port=26394 "
            "--runtime-env-agent-port=26395 --disable-usage-stats --block")
    script = HEAD.format(port=26381, tmp=_ray_tmp()) + f"""
setsid {node} > {tmp_path}/node2.log 2>&1 &
node2=$!
for i in $(seq 150); do python -c "import ray; ray.init(address='$ADDR', log_to_driver=False); \\
import sys; sys.exit(0 if ray.cluster_resources().get('CPU', 0) >= 5 else 1)" 2>/dev/null && break; sleep 0.5; done
FAKE_SLEEP=1 {_ingest(news, out, fake, '--address $ADDR --workers 4', per_shard=1)} > {tmp_path}/two.json &
driver=$!
{_wait_for_a_marker(out)}
kill -9 -- -$node2
ls {out}/shards/_done | wc -l > {tmp_path}/killed_at
wait $driver
"""
    r = in_loopback(script, timeout=240)
    assert r.returncode == 0, r.stderr[-3000:]
    assert _summary(tmp_path / "two.json")["shards"] == ARTICLES  # one article per shard
    assert int((tmp_path / "killed_at").read_text()) < ARTICLES  # the node died mid-run
    _assert_exactly_once_and_equal(out, news, fake, tmp_path)
