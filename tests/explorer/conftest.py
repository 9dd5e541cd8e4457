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

FAKE = str(Path(__file__).with_name("explorer_fake_engine.py")) + ":FakeExtractor"
ROOT = Path(__file__).resolve().parents[2]
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
ARTIFACTS = ROOT / "test-artifacts" / "explorer"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

HOSTILE_TEXT = ("Officially the council met. “<script>alert('xss')</script> We will never back down "
                "<img src=x onerror=alert(1)>,” Dana Cross said on Monday. "
                "“That is false and <b onmouseover=alert(2)>dangerous</b> talk,” Lee Park denied. "
                "Ana Ruiz wrote that Dana Cross said “the budget is <svg onload=alert(3)> settled”. "
                "“=HYPERLINK(\"http://evil.example\") must be fine,” Dana Cross claimed.")
HOSTILE = {"id": "hostile", "title": "<script>alert('title')</script> Council <i>row</i>",
           "outlet": "The <b>Bold</b> Times", "date": "2024-03-04", "bias": "left",
           "url": "javascript:alert('url')", "text": HOSTILE_TEXT}

ARTICLES = [
    {"id": "a1", "title": "Talks stall", "outlet": "Daily Planet", "date": "2024-03-01", "bias": "left",
     "text": "Officially the talks stalled. “We will never give up the city to anyone,” Dana Cross said. "
             "“There is no realistic basis for these reports,” Lee Park denied."},
    {"id": "a2", "title": "Talks resume", "outlet": "Morning Courier", "date": "2024-03-03", "bias": "right",
     "text": "The talks resumed. “We will never give up the city to anyone!” Dana Cross said on Monday. "
             "“The ceasefire must hold for the sake of everyone,” Dana Cross told."},
    {"id": "a3", "title": "Ceasefire", "outlet": "Daily Planet", "date": "2024-03-02", "bias": "left",
     "text": "A ceasefire was proposed. Ana Ruiz wrote that Lee Park said “nothing was agreed about the "
             "ceasefire today”. “The ceasefire is a trick,” Lee Park claimed."},
    {"id": "a4", "title": "Markets", "outlet": "Evening Star", "date": "2023-11-06", "bias": "center",
     "text": "Markets rose. “Growth will continue through the spring,” Janet Ruiz said."},
    HOSTILE,
] + [
    {"id": f"g{i}", "title": f"Story {i}", "outlet": ["Daily Planet", "Morning Courier", "Evening Star"][i % 3],
     "date": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}", "bias": ["left", "right", "center"][i % 3],
     "text": f"Story number {i}. “Figure {i} is the number we will report today,” Ana Ruiz said. "
             f"“Nothing about item {i} is settled yet, friends,” Bo Chan denied."}
    for i in range(60)
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


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
