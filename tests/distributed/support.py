"""Helpers: run the mapper without Ray, and shell scripts inside a loopback-only network namespace."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from onrecord.distributed.layout import RunDir
from onrecord.distributed.mapper import ShardMapper
from onrecord.distributed.plan import Plan, plan_run

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def map_inline(paths: list, out: Path, extractor: str, per_shard: int = 4) -> Plan:
    """Plan and map every shard in this process (the mapper without Ray)."""
    run = RunDir.at(out)
    plan, _ = plan_run([str(p) for p in paths], run, per_shard)
    mapper = ShardMapper(str(out), extractor=extractor)
    for s in plan.shards:
        assert mapper.map_shard(s.id, s.digest)["status"] in ("done", "skipped")
    return plan


def unshare_prefix() -> list[str]:
    """A new network namespace (only loopback) and PID namespace: everything started in it dies with it."""
    net = ["-n"] if os.geteuid() == 0 else ["-r", "-n"]
    return ["unshare", *net, "-p", "-f", "--mount-proc", "--kill-child"]


def in_loopback(script: str, timeout: int, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a bash script with ``lo`` up and no other interface; a hard timeout kills the namespace.
    Ray's token auth is off: the namespace has no other network, and ~/.ray/auth_token is shared."""
    full = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled", "PATH": f"{BIN}:{os.environ['PATH']}",
            "PYTHONUNBUFFERED": "1", **(env or {})}
    prelude = "set -e\nip link set lo up\n"
    try:
        return subprocess.run([*unshare_prefix(), "bash", "-c", prelude + script], cwd=ROOT, env=full,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as err:
        raise AssertionError(f"the Ray script took over {timeout} s (hung?):\n{(err.stderr or b'')[-3000:]!r}")


def non_loopback(ss_output: str) -> list[str]:
    """Lines of ``ss -tanH`` output whose local or peer address is not loopback."""
    bad = []
    for line in ss_output.splitlines():
        cols = line.split()
        if len(cols) < 5:
            continue
        for addr in cols[3:5]:
            host = addr.rsplit(":", 1)[0].strip("[]")
            if host not in ("127.0.0.1", "::1", "*", "0.0.0.0", "::", "::ffff:127.0.0.1") and \
                    not host.startswith("127."):
                bad.append(line)
    return bad
