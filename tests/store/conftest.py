"""Fixtures for the store tests: the fake engine, small fictional corpora, PostgreSQL schemas."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from store_support import ARTICLES, FAKE, write_jsonl


@pytest.fixture
def fake() -> str:
    return FAKE


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", ARTICLES)


@pytest.fixture
def pg_url():
    """A fresh PostgreSQL schema per test, dropped afterwards."""
    import psycopg
    base = None
    for user in ("root", "postgres"):
        url = f"postgresql://{user}@127.0.0.1:5432/test"
        try:
            psycopg.connect(url, connect_timeout=3).close()
            base = url
            break
        except psycopg.Error:
            continue
    if base is None:
        pytest.fail("PostgreSQL is not reachable at 127.0.0.1:5432 (database test): start it, e.g. "
                    "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start")
    schema = f"onrecord_test_{uuid.uuid4().hex[:12]}"
    yield f"{base}?schema={schema}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
