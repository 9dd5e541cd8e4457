"""Engine helpers that need no cluster: the actor pool leaves a CPU free; Ray is optional."""

from __future__ import annotations

import subprocess
import sys

from onrecord.distributed.engine import actor_count


def test_the_actor_pool_leaves_one_logical_cpu_free():
    assert actor_count(2, None) == 1
    assert actor_count(2, 2) == 1  # all CPUs to actors would starve Ray Data's other tasks
    assert actor_count(16, 4) == 4 and actor_count(16, None) == 15 and actor_count(1, None) == 1


def test_onrecord_imports_and_says_what_to_install_without_ray(tmp_path, news):
    code = ("import sys; sys.modules['ray'] = None\n"
            "import onrecord, onrecord.distributed.plan, onrecord.distributed.load\n"
            "from onrecord.cli import main\n"
            f"main(['ingest', {str(news)!r}, '--engine', 'ray', '--out', {str(tmp_path / 'run')!r}])\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == ["Error: the Ray engine needs Ray: pip install 'onrecord[ray]'"]
    assert not (tmp_path / "run").exists()
