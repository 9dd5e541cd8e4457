"""``onrecord events``: PLOVER events in the corpus, filtered by actor, recipient, type, country,
date and quad class; ``--groups`` gives one row per event with its reports and outlets."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from onrecord.cli.query import FORMATS, WIDE_OPTION, render
from onrecord.store import event_queries
from onrecord.store.corpus import open_corpus
from onrecord.store.db import DEFAULT_DB, Database, DatabaseError
from onrecord.store.errors import FilterError, QueryError
from onrecord.store.event_groups import QUADS
from onrecord.store.queries import Table


def _checked(check: Callable[..., str | None], *args: Any) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback that turns a FilterError of ``check`` into a usage error (exit code 2)."""
    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return check(value, *args)
        except FilterError as err:
            raise click.BadParameter(str(err)) from None
    return callback


# what a terminal table shows (JSON, CSV and --wide keep every column); the fitted table drops
# the least important of these first on a narrow terminal (render.corpus_tables.COLUMNS)
TERMINAL = {"events": ("date", "type", "actors", "recipients", "trigger", "place", "outlet", "sentence",
                       "group_reports", "title", "url"),
            "groups": ("first_date", "type", "actors", "recipients", "place", "n_reports", "n_outlets",
                       "first_outlet", "first_title")}


def _terse(t: Table, kind: str) -> Table:
    keep = [i for i, c in enumerate(t.columns) if c in TERMINAL[kind]]
    return Table(t.title, [t.columns[i] for i in keep], [tuple(r[i] for i in keep) for r in t.rows])


def events_output(fn: Callable[..., Table]) -> Callable[..., None]:
    """Adds --db and --format, opens the corpus, renders the result (the main columns in a terminal
    table), turns errors into advice; flushes stdout inside the command, so a reader that stops
    early (``| head``) ends it silently (cli._Main handles the broken pipe)."""
    @click.option("--db", "db", default=DEFAULT_DB, show_default=True, envvar="ONRECORD_DB",
                  help="SQLite file or postgresql:// URL of the corpus.")
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
    @WIDE_OPTION
    @functools.wraps(fn)
    def wrapper(db: str, fmt: str, wide: bool, **kwargs: Any) -> None:
        try:
            conn = open_corpus(db)
        except DatabaseError as err:
            raise click.ClickException(str(err)) from None
        try:
            table = fn(conn, **kwargs)
        except QueryError as err:
            raise click.ClickException(str(err)) from None
        finally:
            conn.close()
        terse = fmt == "table" and not wide
        render([_terse(table, "groups" if kwargs.get("groups") else "events") if terse else table], fmt, wide)
        sys.stdout.flush()
    return wrapper


@click.command("events")
@click.option("--actor", help="Only events by this actor (any alias).")
@click.option("--recipient", help="Only events towards this recipient (any alias).")
@click.option("--type", "type_", type=click.Choice(tuple(QUADS), case_sensitive=False), metavar="TYPE",
              help=f"PLOVER event type: {', '.join(QUADS)}.")
@click.option("--country", metavar="ISO3", callback=_checked(event_queries.country_code),
              help="Only events with an actor, recipient or place in this country (ISO 3166-1 alpha-3, e.g. UKR).")
@click.option("--since", metavar="YYYY-MM-DD", callback=_checked(event_queries.iso_date, "--since"),
              help="Events on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", callback=_checked(event_queries.iso_date, "--until"),
              help="Events on or before this date.")
@click.option("--quad", metavar="QUAD", callback=_checked(event_queries.quad_class),
              help="Quad class: 1-4 or verbal-cooperation, material-cooperation, verbal-conflict, material-conflict.")
@click.option("--groups", is_flag=True, help="One row per event (its reports merged), most reported first.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@events_output
def events_command(db: Database, actor: str | None, recipient: str | None, type_: str | None, country: str | None,
                   since: str | None, until: str | None, quad: str | None, groups: bool, limit: int) -> Table:
    """Who did what to whom: PLOVER events, oldest first, with their article and how many reports
    of the same event the corpus holds."""
    query = event_queries.event_groups if groups else event_queries.events
    return query(db, actor=actor, recipient=recipient, type=type_, country=country, since=since, until=until,
                 quad=quad, limit=limit)


commands = [events_command]
