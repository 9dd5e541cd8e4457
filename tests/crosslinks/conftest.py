from __future__ import annotations

import uuid

import pytest


@pytest.fixture
def pg_url(pg_base_url: str):
    """A fresh PostgreSQL schema, dropped afterwards."""
    import psycopg

    schema = f"onrecord_test_{uuid.uuid4().hex[:12]}"
    yield f"{pg_base_url}?schema={schema}"
    with psycopg.connect(pg_base_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
