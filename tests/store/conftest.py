"""Fixtures for the store tests: the fake engine, small fictional corpora, PostgreSQL schemas."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from store_support import ARTICLES, EVIDENCE, FAKE, write_jsonl


@pytest.fixture
def fake() -> str:
    return FAKE


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", ARTICLES)


@pytest.fixture
def evidence_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "evidence.jsonl", ARTICLES + EVIDENCE)


@pytest.fixture
def pg_url(pg_base_url: str):
    """A fresh PostgreSQL schema per test, dropped afterwards."""
    import psycopg

    base = pg_base_url
    schema = f"onrecord_test_{uuid.uuid4().hex[:12]}"
    yield f"{base}?schema={schema}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
