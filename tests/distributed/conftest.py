"""Fixtures of the distributed tests: the store's fake engine and fictional articles, a run folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_support import ARTICLES, EVIDENCE, FAKE, generated, write_jsonl  # noqa: E402

# the fictional corpus: the store's articles, a syndicated copy, an exact duplicate, a bad line,
# and one opinion-section article with a topic and two bylines (schema 9 metadata)
COPY = dict(ARTICLES[0], outlet="Wire Copy", date="2024-03-05")
OPINION = dict(generated(1, offset=50)[0], outlet="CNN (Opinion)", topic="immigration", author="Ann Lee and Bo Kim")
RECORDS = ARTICLES + EVIDENCE + generated(8) + [OPINION, COPY, ARTICLES[1]]


@pytest.fixture
def fake() -> str:
    return FAKE


@pytest.fixture
def news(tmp_path: Path) -> Path:
    path = write_jsonl(tmp_path / "news.jsonl", RECORDS)
    with open(path, "a", encoding="utf-8") as f:
        f.write('{"text": nope}\n')
    return path


@pytest.fixture
def more_news(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "more.jsonl", generated(5, offset=100) + [dict(EVIDENCE[0], outlet="Wire Copy")])


@pytest.fixture
def pg_url(pg_base_url: str):
    """A fresh PostgreSQL schema per test, dropped afterwards (as in the store's tests)."""
    import uuid

    import psycopg

    schema = f"onrecord_test_{uuid.uuid4().hex[:12]}"
    yield f"{pg_base_url}?schema={schema}"
    with psycopg.connect(pg_base_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
