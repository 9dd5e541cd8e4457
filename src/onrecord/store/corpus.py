"""Open an existing corpus for reading."""

from __future__ import annotations

from onrecord.store.db import Database, connect
from onrecord.store.migrate import check_schema


def open_corpus(target: str | None) -> Database:
    """An existing onrecord corpus (DatabaseError with advice when there is none)."""
    db = connect(target, create=False)
    try:
        check_schema(db)
    except Exception:
        db.close()
        raise
    return db
