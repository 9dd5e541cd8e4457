"""Fixtures for the explorer tests: a small corpus made with a fake engine (route tests) and,
for the browser tests, ~20 real AllSides articles through the real engine plus a hostile one."""

from __future__ import annotations

import gzip
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .explorer_support import (ALLSIDES, ARTICLES, ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, FAKE, HOSTILE,
                              write_jsonl)


@pytest.fixture(scope="session")
def fake_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of 65 short articles (one hostile) made with the fake engine."""
    from onrecord.store import IngestOptions, ingest

    folder = tmp_path_factory.mktemp("explorer-fake")
    src = write_jsonl(folder / "news.jsonl", ARTICLES)
    db = folder / "corpus.db"
    summary = ingest([str(src)], str(db), IngestOptions(workers=0, extractor=FAKE))
    assert summary.counts.new == len(ARTICLES), summary.as_dict()
    return db


@pytest.fixture(scope="session")
def app(fake_db: Path):
    from onrecord.explorer import create_app

    return create_app(str(fake_db))


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


# -- browser tests ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def allsides_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 real AllSides articles and the hostile one, through the real engine."""
    if not ALLSIDES.exists():
        pytest.fail(f"the AllSides corpus is missing at {ALLSIDES}; the browser tests read 20 articles from it")
    from onrecord.store import IngestOptions, ingest

    folder = tmp_path_factory.mktemp("explorer-allsides")
    records = []
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
        for line in f:
            records.append(json.loads(line))
            if len(records) >= 20:
                break
    src = write_jsonl(folder / "allsides20.jsonl", records + [HOSTILE])
    db = folder / "allsides.db"
    summary = ingest([str(src)], str(db), IngestOptions(workers=0))
    assert summary.counts.new == 21 and summary.counts.n_failed == 0, summary.as_dict()
    return db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(allsides_db: Path) -> Iterator[str]:
    """``onrecord serve``'s app under uvicorn in a thread on a free loopback port."""
    import uvicorn

    from onrecord.explorer import create_app

    port = _free_port()
    app = create_app(str(allsides_db), allowed_hosts=["127.0.0.1", "localhost"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the explorer server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium; install it with "
                    "`apt-get update && apt-get install -y chromium` (never `playwright install`)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the browser tests need playwright: pip install -e '.[test]'")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that records dialogs, console errors and page errors; screenshot on the way out."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}-final.png"), full_page=True)
    except Exception:
        pass
    context.close()
