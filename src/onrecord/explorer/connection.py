"""Read-only access to a corpus: SQLite opened with ``mode=ro``, PostgreSQL in read-only transactions.

The web server answers requests from a thread pool; each thread gets its own connection.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

from onrecord.store.db import Database, DatabaseError, is_postgres_url, split_schema, _SCHEMA_NAME
from onrecord.store.migrate import current_version, latest_version


class ReadOnlyCorpus:
    """One corpus, one read-only connection per thread."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.backend = "postgres" if is_postgres_url(target) else "sqlite"
        self._local = threading.local()
        self._all: list[Database] = []
        self._lock = threading.Lock()
        check_corpus(self.db())

    def db(self) -> Database:
        """This thread's connection (opened on first use)."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = open_read_only(self.target)
            self._local.db = db
            with self._lock:
                self._all.append(db)
        return db

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()
        self._local = threading.local()


def open_read_only(target: str) -> Database:
    """A connection that cannot write: ``DatabaseError`` with advice when there is no corpus."""
    if is_postgres_url(target):
        return _postgres(target)
    return _sqlite(target)


def _sqlite(path: str) -> Database:
    p = Path(path)
    if not p.exists():
        raise DatabaseError(f"no database at {path}; create one with `onrecord ingest FILES --db {path}`")
    if p.is_dir():
        raise DatabaseError(f"{path} is a directory; --db wants a corpus file such as corpus.db")
    uri = f"file:{quote(str(p.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA query_only = 1")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB page cache per connection
        conn.execute("PRAGMA mmap_size = 1073741824")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as err:
        raise DatabaseError(f"{path} is not a readable SQLite database ({err}); "
                            "point --db at a corpus made by `onrecord ingest`") from err
    return Database(path, conn, "sqlite")


def _postgres(url: str) -> Database:
    import psycopg

    conninfo, schema = split_schema(url)
    if schema is not None and not _SCHEMA_NAME.match(schema):
        raise DatabaseError(f"schema name {schema!r} is not a plain identifier (letters, digits, _)")
    try:
        conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
    except psycopg.Error as err:
        raise DatabaseError(f"cannot connect to the PostgreSQL corpus: {str(err).strip()}; "
                            "check that the server runs and the URL is right") from err
    conn.execute("SET default_transaction_read_only = on")  # every statement runs read-only
    if schema:
        conn.execute(f'SET search_path TO "{schema}", public')
    return Database(url, conn, "postgres")


def check_corpus(db: Database) -> None:
    """The database must hold an onrecord corpus at the schema version this code knows."""
    version = current_version(db)
    latest = latest_version(db.backend)
    if version == 0:
        raise DatabaseError(f"{db.target} holds no onrecord corpus yet; run `onrecord ingest FILES "
                            f"--db {db.target}` first")
    if version < latest:
        raise DatabaseError(f"{db.target} has schema version {version}, older than {latest}; upgrade it "
                            f"with `onrecord corpus --db {db.target}` (which migrates), then serve again")
    if version > latest:
        raise DatabaseError(f"{db.target} has schema version {version}, newer than this onrecord knows "
                            f"({latest}); upgrade onrecord")
