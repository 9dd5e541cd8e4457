"""``onrecord export``: tables of the corpus as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import sys

import click

from onrecord.store.corpus import open_corpus
from onrecord.store.db import DEFAULT_DB, DatabaseError
from onrecord.store.export import FORMATS, TABLES, export


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--table", type=click.Choice(TABLES), default="statements", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="File to write (- for stdout; Parquet needs a file).")
@click.option("--db", "db", default=DEFAULT_DB, show_default=True, envvar="ONRECORD_DB",
              help="SQLite file or postgresql:// URL of the corpus.")
def export_command(fmt: str, table: str, output: str, db: str) -> None:
    """Write a table of the corpus (statements with speaker, outlet and date by default)."""
    if fmt == "parquet" and output == "-":
        raise click.UsageError("Parquet is binary: give a file with --output, e.g. -o statements.parquet")
    try:
        conn = open_corpus(db)
    except DatabaseError as err:
        raise click.ClickException(str(err)) from None
    try:
        if output == "-":
            n = export(conn, table, fmt, sys.stdout)
        else:
            mode, kw = ("wb", {}) if fmt == "parquet" else ("w", {"encoding": "utf-8", "newline": ""})
            try:
                with open(output, mode, **kw) as out:
                    n = export(conn, table, fmt, out)
            except OSError as err:
                raise click.ClickException(f"cannot write {output}: {err.strerror or err}") from None
    finally:
        conn.close()
    click.echo(f"{n:,} {table} rows written to {'stdout' if output == '-' else output}", err=True)


commands = [export_command]
