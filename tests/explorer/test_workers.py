"""``onrecord serve --workers 2``: two server processes answer from one corpus."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from onrecord.explorer.workers import SETTINGS_ENV, app_from_environment, settings_environment


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited with {proc.returncode}: {proc.stderr.read()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/speakers?limit=1", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError("serve --workers 2 did not answer within 60 s")


def test_two_workers_answer(fake_db: Path):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from onrecord.cli import main; main()", "serve", "--db",
                             str(fake_db), "--port", str(port), "--workers", "2", "--log-level", "info"],
                            stderr=subprocess.PIPE, text=True)
    try:
        _wait(port, proc)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/speakers?limit=3", timeout=10) as r:
            body = json.loads(r.read())
        assert body["total"] > 0 and len(body["items"]) == 3
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    started = {line for line in err.splitlines() if "Started server process" in line}
    assert len(started) >= 2, err  # the two workers (and uvicorn's supervisor) each log their pid


def test_factory_needs_its_settings(monkeypatch):
    monkeypatch.delenv(SETTINGS_ENV, raising=False)
    with pytest.raises(RuntimeError, match="serve --workers"):
        app_from_environment()


def test_factory_builds_the_app_from_settings(monkeypatch, fake_db: Path):
    env = settings_environment(str(fake_db), cache_ttl=0, allowed_hosts=["127.0.0.1"], base_url=None)
    monkeypatch.setenv(SETTINGS_ENV, env[SETTINGS_ENV])
    from fastapi.testclient import TestClient

    with TestClient(app_from_environment(), base_url="http://127.0.0.1") as client:
        assert client.get("/api/speakers?limit=1").status_code == 200
        assert client.get("/api/speakers?limit=1", headers={"host": "evil.example"}).status_code == 400
