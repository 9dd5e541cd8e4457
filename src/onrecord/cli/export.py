"""``onrecord export``: tables of the corpus as JSON Lines, CSV or Parquet; events also as PLOVER
JSON Lines or a POLECAT table."""

from __future__ import annotations

import sys
from typing import IO, Any

import click

from onrecord.store.corpus import open_corpus
from onrecord.store.db import DEFAULT_DB, Database, DatabaseError
from onrecord.store.event_export import EXPORT_FORMATS, export_events
from onrecord.store.export import FORMATS, TABLES, export


def _write(conn: Database, table: str, fmt: str, out: IO[Any]) -> int:
    if fmt in EXPORT_FORMATS:
        return export_events(conn, fmt, out)
    return export(conn, table, fmt, out)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS + EXPORT_FORMATS), default="jsonl", show_default=True,
              help="plover (PLOVER JSON Lines) and polecat (POLECAT columns, tab-separated) export events.")
@click.option("--table", type=click.Choice(TABLES), default=None,
              help="Table to write [default: statements; events for --format plover/polecat].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="File to write (- for stdout; Parquet needs a file).")
@click.option("--db", "db", default=DEFAULT_DB, show_default=True, envvar="ONRECORD_DB",
              help="SQLite file or postgresql:// URL of the corpus.")
def export_command(fmt: str, table: str | None, output: str, db: str) -> None:
    """Write a table of the corpus (statements with speaker, outlet and date by default)."""
    if fmt in EXPORT_FORMATS:
        if table not in (None, "events"):
            raise click.UsageError(f"--format {fmt} writes events: use --table events (or leave --table out)")
        table = "events"
    table = table or "statements"
    if fmt == "parquet" and output == "-":
        raise click.UsageError("Parquet is binary: give a file with --output, e.g. -o statements.parquet")
    try:
        conn = open_corpus(db)
    except DatabaseError as err:
        raise click.ClickException(str(err)) from None
    try:
        if output == "-":
            n = _write(conn, table, fmt, sys.stdout)
            sys.stdout.flush()  # a reader that stops early (| head) ends the export silently (cli._Main)
        else:
            mode, kw = ("wb", {}) if fmt == "parquet" else ("w", {"encoding": "utf-8", "newline": ""})
            try:
                with open(output, mode, **kw) as out:
                    n = _write(conn, table, fmt, out)
            except OSError as err:
                raise click.ClickException(f"cannot write {output}: {err.strerror or err}") from None
    finally:
        conn.close()
    click.echo(f"{n:,} {table} rows written to {'stdout' if output == '-' else output}", err=True)


commands = [export_command]
