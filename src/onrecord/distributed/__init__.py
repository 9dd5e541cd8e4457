"""Ingest beyond one machine: plan shards, map them on Ray, reduce with DuckDB, load a database.

``onrecord ingest --engine ray --out RUN`` plans deterministic shards (``plan``), extracts each
on a Ray actor (``mapper``, ``engine``) into a Parquet dataset (``shards``); ``onrecord reduce RUN``
(``reduce``) dedups articles, merges entities and groups quotes corpus-wide; ``onrecord load RUN
--db URL`` (``load``) writes the result into SQLite or PostgreSQL.  Only ``engine`` imports Ray,
only ``reduce`` imports DuckDB: the rest of onrecord works without either.
"""
