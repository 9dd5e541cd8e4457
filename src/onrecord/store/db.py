"""One small interface over SQLite (sqlite3) and PostgreSQL (psycopg 3).

SQL is written with ``?`` placeholders; PostgreSQL gets them as ``%s``.  A
``postgresql://`` URL may carry ``?schema=NAME`` to keep a corpus in its own schema.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DEFAULT_DB = "onrecord.db"
Backend = Literal["sqlite", "postgres"]
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
# PostgreSQL advisory locks (two-int keys): one writing transaction at a time per schema, as
# SQLite's BEGIN IMMEDIATE gives; and one CREATE SCHEMA at a time in the database
_PG_WRITE_LOCK, _PG_SCHEMA_LOCK = 731_245_878, 731_245_879


class DatabaseError(Exception):
    """The database cannot be opened or used; the message says what to do."""


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


class Database:
    """A connection in autocommit mode; ``transaction()`` groups writes atomically."""

    backend: Backend

    def __init__(self, target: str, conn: Any, backend: Backend) -> None:
        self.target, self.conn, self.backend = target, conn, backend
        self._in_tx = False

    # -- statements -------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s") if self.backend == "postgres" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if self.backend == "postgres":
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)
        else:
            self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return [tuple(r) for r in self.execute(sql, params).fetchall()]

    def query_table(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        cur = self.execute(sql, params)
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, [tuple(r) for r in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    @contextmanager
    def transaction(self) -> Iterator["Database"]:
        """All or nothing: commits on success, rolls back on any exception (or a killed process).

        One writer at a time: SQLite's BEGIN IMMEDIATE, on PostgreSQL an advisory lock of the schema,
        so two ingests into one corpus interleave their transactions instead of deadlocking."""
        if self._in_tx:
            yield self
            return
        self._in_tx = True
        try:
            if self.backend == "postgres":
                with self.conn.transaction():
                    self.execute("SELECT pg_advisory_xact_lock(?, hashtext(coalesce(current_schema(), '')))",
                                 (_PG_WRITE_LOCK,))
                    yield self
            else:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
        finally:
            self._in_tx = False

    @contextmanager
    def savepoint(self) -> Iterator["Database"]:
        """Inside ``transaction()``: when the block raises, only its own writes are undone."""
        if self.backend == "postgres":
            with self.conn.transaction():  # nested: psycopg makes it a savepoint
                yield self
            return
        self.conn.execute("SAVEPOINT onrecord_item")
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK TO onrecord_item")
            raise
        finally:
            self.conn.execute("RELEASE onrecord_item")

    def change_mark(self) -> tuple:
        """A value that changes when another connection has written entities: SQLite's data_version
        (any other connection's commit), on PostgreSQL the entities' count and highest id (never reused)."""
        if self.backend == "postgres":
            return tuple(self.query("SELECT count(*), coalesce(max(id), 0) FROM entities")[0])
        return tuple(self.query("PRAGMA data_version")[0])

    def table_exists(self, name: str) -> bool:
        if self.backend == "postgres":
            return bool(self.scalar("SELECT to_regclass(?) IS NOT NULL", (name,)))
        return self.scalar("SELECT count(*) FROM sqlite_master WHERE name = ?", (name,)) > 0

    def size_bytes(self) -> int | None:
        if self.backend == "postgres":
            return int(self.scalar(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')"))
        path = self.target
        return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:
            pass

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def data_errors() -> tuple[type[Exception], ...]:
    """The errors a backend raises for a value it cannot store (as opposed to a broken connection)."""
    errors: list[type[Exception]] = [ValueError, sqlite3.DataError]
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a dependency
        return tuple(errors)
    return (*errors, psycopg.DataError)


def connect(target: str | os.PathLike[str] | None = None, *, create: bool = True) -> Database:
    """Open ``target``: a SQLite file path (default ``onrecord.db``) or a PostgreSQL URL."""
    target = str(target or os.environ.get("ONRECORD_DB") or DEFAULT_DB)
    if is_postgres_url(target):
        return _connect_postgres(target)
    return _connect_sqlite(target, create=create)


def _connect_sqlite(path: str, *, create: bool) -> Database:
    p = Path(path)
    if not create and not p.exists():
        raise DatabaseError(f"no database at {path}; create one with `onrecord ingest PATH --db {path}`"
                            " or point --db at an existing one")
    if p.exists() and p.is_dir():
        raise DatabaseError(f"{path} is a directory; --db wants a file name such as corpus.db")
    if not p.parent.exists():
        raise DatabaseError(f"folder {p.parent} does not exist; create it or choose another --db path")
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=60, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=60000")
    except sqlite3.DatabaseError as err:
        raise DatabaseError(f"{path} is not a usable SQLite database ({err}); "
                            "choose another --db file") from err
    return Database(path, conn, "sqlite")


def split_schema(url: str) -> tuple[str, str | None]:
    """Remove the ``schema=`` query parameter (ours, not libpq's) from a PostgreSQL URL."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    return urlunsplit(parts._replace(query=rest)), schema


def _connect_postgres(url: str) -> Database:
    try:
        import psycopg
    except ImportError as err:  # pragma: no cover - a dependency
        raise DatabaseError("PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'") from err
    conninfo, schema = split_schema(url)
    if schema is not None and not _SCHEMA_NAME.match(schema):
        raise DatabaseError(f"schema name {schema!r} is not a plain identifier (letters, digits, _)")
    try:
        conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
    except psycopg.Error as err:
        raise DatabaseError(f"cannot connect to {_redact(url)}: {str(err).strip()}; "
                            "check that the server runs and the user/database exist") from err
    if schema:
        with conn.transaction():  # two runs creating one schema at once: the second waits, then finds it
            conn.execute("SELECT pg_advisory_xact_lock(%s, 0)", (_PG_SCHEMA_LOCK,))
            conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        conn.execute(f'SET search_path TO "{schema}", public')
    return Database(url, conn, "postgres")


def _redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def stream_rows(db: Database, sql: str, params: Sequence[Any] = (), *,
                chunk: int = 2000) -> tuple[list[str], Iterator[list[tuple]]]:
    """Column names and an iterator of row chunks, without loading the whole result."""
    if db.backend == "postgres":
        cur = db.conn.cursor(name="onrecord_stream")  # server-side: PostgreSQL keeps the rows
        db.conn.autocommit = False
        cur.execute(db._sql(sql), tuple(params))
    else:
        cur = db.conn.execute(sql, tuple(params))
    cols = [d[0] for d in cur.description]

    def chunks() -> Iterator[list[tuple]]:
        try:
            while rows := cur.fetchmany(chunk):
                yield [tuple(r) for r in rows]
        finally:
            cur.close()
            if db.backend == "postgres":
                db.conn.rollback()
                db.conn.autocommit = True
    return cols, chunks()
