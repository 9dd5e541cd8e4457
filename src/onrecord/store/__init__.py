"""The corpus store: ingest articles into SQLite or PostgreSQL and query them.

``ingest(paths, db)`` runs the pipeline over files; ``connect(db)`` opens a corpus;
``onrecord.store.queries`` answers the questions the CLI asks.
"""

from onrecord.store.db import DEFAULT_DB, Database, DatabaseError, connect
from onrecord.store.ingest import IngestOptions, Summary, ingest

__all__ = ["DEFAULT_DB", "Database", "DatabaseError", "IngestOptions", "Summary", "connect", "ingest"]
