"""``onrecord link``: link statements across the articles of a corpus (who rejected, confirmed,
contradicted or backed whom); ingest runs it too."""

from __future__ import annotations

import json

import click

from onrecord.crosslinks import link_corpus
from onrecord.crosslinks.linktypes import LINK_TYPES
from onrecord.store.db import DEFAULT_DB, DatabaseError


@click.command("link")
@click.option("--db", "db", default=DEFAULT_DB, show_default=True, envvar="ONRECORD_DB",
              help="SQLite file or postgresql:// URL of the corpus.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def link_command(db: str, as_json: bool) -> None:
    """Rebuild the cross-article links: replies to reports published elsewhere, and speakers
    agreeing or disagreeing on one claim.  Running it again gives the same links."""
    try:
        summary = link_corpus(db)
    except DatabaseError as err:
        raise click.ClickException(str(err)) from None
    if as_json:
        click.echo(json.dumps(summary.as_dict()))
        return
    click.echo(f"{summary.links:,} cross-article links among {summary.statements:,} statements "
               f"({summary.seconds:.1f} s)")
    for typ in LINK_TYPES:
        click.echo(f"  {typ:<12} {summary.by_type.get(typ, 0):>8,}")
    if summary.links:
        click.echo(f"See them: onrecord serve --db {db} (speaker and quote pages), or the cross_links table.")


commands = [link_command]
