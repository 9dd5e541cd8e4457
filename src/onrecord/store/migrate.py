"""Numbered SQL migrations per backend (``migrations/<backend>/NNNN_name.sql``).

``schema_version`` records what is applied; each migration runs in one transaction, so a
killed process leaves the schema at the previous version.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from onrecord.store.db import Database, DatabaseError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")
_PG_LOCK = 731_245_877  # advisory lock id: one migrator at a time


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available(backend: str) -> list[Migration]:
    """The migrations shipped for a backend, in order."""
    found = []
    for path in sorted((MIGRATIONS_DIR / backend).glob("*.sql")):
        if m := _NAME.match(path.name):
            found.append(Migration(int(m[1]), m[2], path.read_text(encoding="utf-8")))
    return found


def latest_version(backend: str) -> int:
    return max((m.version for m in available(backend)), default=0)


def current_version(db: Database) -> int:
    if not db.table_exists("schema_version"):
        return 0
    return int(db.scalar("SELECT coalesce(max(version), 0) FROM schema_version"))


def migrate(db: Database) -> list[int]:
    """Bring the schema up to date; returns the versions applied."""
    with db.transaction():  # two runs on a fresh schema: one creates the table, the other waits
        _lock(db)
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                   "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    pending = available(db.backend)
    applied = []
    for mig in pending:
        with db.transaction():
            _lock(db)
            if db.scalar("SELECT count(*) FROM schema_version WHERE version = ?", (mig.version,)):
                continue
            _run_script(db, mig.sql)
            db.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                       (mig.version, mig.name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            applied.append(mig.version)
    known = latest_version(db.backend)
    if current_version(db) > known:
        raise DatabaseError(f"the database has schema version {current_version(db)}, newer than this "
                            f"onrecord knows ({known}); upgrade onrecord")
    return applied


def _lock(db: Database) -> None:
    if db.backend == "postgres":
        db.execute("SELECT pg_advisory_xact_lock(?)", (_PG_LOCK,))


def check_schema(db: Database) -> None:
    """For readers: the database must hold an onrecord corpus at the current version."""
    version = current_version(db)
    if version == 0:
        raise DatabaseError(f"{db.target} holds no onrecord corpus yet; run `onrecord ingest PATH "
                            f"--db {db.target}` first")
    if version < latest_version(db.backend):
        migrate(db)


def _run_script(db: Database, sql: str) -> None:
    if db.backend == "postgres":
        db.conn.execute(sql)
        return
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                db.conn.execute(buf)
            buf = ""
    if buf.strip() and not all(l.strip().startswith("--") or not l.strip() for l in buf.splitlines()):
        db.conn.execute(buf)
