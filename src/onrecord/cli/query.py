"""Questions to the corpus: ``said``, ``search``, ``spread``, ``outlet``, ``speakers``, ``failures``."""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from onrecord.render.corpus_tables import render_results
from onrecord.render.csv_cells import csv_cell
from onrecord.store import queries
from onrecord.store.corpus import open_corpus
from onrecord.store.db import DEFAULT_DB, Database, DatabaseError
from onrecord.store.evidence import METHODS, NAMED_METHODS, UNKNOWN, EvidenceFilter, evidence_filter
from onrecord.store.modality import FLAGS as MODALITY_FLAGS
from onrecord.store.modality import KINDS as MODALITY_KINDS
from onrecord.store.modality import ModalityFilter, modality_filter
from onrecord.store.queries import QueryError, Table

FORMATS = ("table", "json", "csv")


def render(tables: list[Table], fmt: str, wide: bool = False) -> None:
    """Print query results: tables fitted to the terminal (``wide``: every column, cells wrapped),
    JSON (one object per table), or CSV (blank line between tables)."""
    if fmt == "json":
        doc: Any = tables[0].records() if len(tables) == 1 else {t.title: t.records() for t in tables}
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        for i, t in enumerate(tables):
            if i:
                sys.stdout.write("\n")
            w.writerow(t.columns)
            w.writerows([csv_cell(v) for v in r] for r in t.rows)
    else:
        render_results(tables, wide=wide)


WIDE_OPTION = click.option("--wide", is_flag=True,
                           help="Terminal table: every column, long text wrapped instead of cut to one line.")


def corpus_command(fn: Callable[..., list[Table] | Table]) -> Callable[..., None]:
    """Adds --db and --format, opens the corpus, renders the result, turns errors into advice."""
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
            result = fn(conn, **kwargs)
        except QueryError as err:
            raise click.ClickException(str(err)) from None
        finally:
            conn.close()
        render(result if isinstance(result, list) else [result], fmt, wide)
    return wrapper


def evidence_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--resolution, --min-confidence and --named-only, passed on as one ``evidence`` filter."""
    @click.option("--resolution", metavar="METHOD[,METHOD]",
                  help=f"Only speakers resolved so: {', '.join(METHODS)}, or {UNKNOWN} (not recorded).")
    @click.option("--min-confidence", type=click.FloatRange(0, 1), metavar="X",
                  help="Only speakers resolved with at least this confidence (0-1).")
    @click.option("--named-only", is_flag=True,
                  help=f"Only speakers resolved by {', '.join(NAMED_METHODS)} (not inferred from a pronoun or role).")
    @functools.wraps(fn)
    def wrapper(*args: Any, resolution: str | None, min_confidence: float | None, named_only: bool,
                **kwargs: Any) -> Any:
        try:
            evidence = evidence_filter(resolution, min_confidence, named_only)
        except QueryError as err:
            raise click.BadParameter(str(err), param_hint="--resolution") from None
        return fn(*args, evidence=evidence, **kwargs)
    return wrapper


def modality_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--kind, --modality and --no-negated / --no-hypothetical / --no-future / --no-question,
    passed on as one ``modality`` filter."""
    @click.option("--kind", "modality_kind", metavar="KIND[,KIND]",
                  help=f"Only statements of this kind: {', '.join(MODALITY_KINDS)} "
                       "(speech: what a person or organisation said, not a poll's finding or a document's text).")
    @click.option("--modality", "modality_only", metavar="FLAG[,FLAG]",
                  help=f"Only statements carrying these flags: {', '.join(MODALITY_FLAGS)}.")
    @click.option("--no-negated", is_flag=True, help="Leave out negated statements ('did not say').")
    @click.option("--no-hypothetical", is_flag=True, help="Leave out hypothetical ones ('would say', 'if asked').")
    @click.option("--no-future", is_flag=True, help="Leave out statements still to come ('will say').")
    @click.option("--no-question", is_flag=True, help="Leave out questions.")
    @functools.wraps(fn)
    def wrapper(*args: Any, modality_kind: str | None, modality_only: str | None, no_negated: bool,
                no_hypothetical: bool, no_future: bool, no_question: bool, **kwargs: Any) -> Any:
        without = [f for f, off in zip(MODALITY_FLAGS, (no_negated, no_hypothetical, no_future, no_question)) if off]
        try:
            modality = modality_filter(modality_kind, modality_only, without)
        except QueryError as err:
            raise click.BadParameter(str(err), param_hint="--kind / --modality") from None
        return fn(*args, modality=modality, **kwargs)
    return wrapper


DATE_HELP = " (YYYY-MM-DD, or YYYY-MM / YYYY for a whole month or year)."


@click.command("said")
@click.argument("speaker")
@click.option("--since", help="From this date" + DATE_HELP)
@click.option("--until", help="Up to this date" + DATE_HELP)
@click.option("--outlet", help="Only in this outlet.")
@click.option("--about", metavar="WORDS",
              help="Only statements whose content matches these words (full-text, as `onrecord search`).")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@evidence_options
@modality_options
@corpus_command
def said_command(db: Database, speaker: str, since: str | None, until: str | None, outlet: str | None,
                 about: str | None, limit: int, evidence: EvidenceFilter, modality: ModalityFilter) -> Table:
    """What SPEAKER said over time (Zelensky finds Zelenskyy, Bill Barr finds William Barr)."""
    return queries.said(db, speaker, since=since, until=until, outlet=outlet, about=about, limit=limit,
                        evidence=evidence, modality=modality)


@click.command("search")
@click.argument("text")
@click.option("--speaker", help="Only what this speaker said (any alias).")
@click.option("--outlet", help="Only in this outlet.")
@click.option("--bias", type=click.Choice(queries.BIASES, case_sensitive=False),
              help="Only outlets with this bias label.")
@click.option("--since", help="Published from this date" + DATE_HELP)
@click.option("--until", help="Published up to this date" + DATE_HELP)
@click.option("--cue-class", type=click.Choice(queries.CUE_CLASS_CHOICES, case_sensitive=False),
              help="Only statements whose cue is of this class (unknown: none recorded).")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@evidence_options
@modality_options
@corpus_command
def search_command(db: Database, text: str, speaker: str | None, outlet: str | None, bias: str | None,
                   since: str | None, until: str | None, cue_class: str | None, limit: int,
                   evidence: EvidenceFilter, modality: ModalityFilter) -> Table:
    """Full-text search over what was said (stemmed: ceasefire, ceasefires), best matches first."""
    return queries.search(db, text, limit=limit, speaker=speaker, outlet=outlet, bias=bias, since=since,
                          until=until, cue_class=cue_class, evidence=evidence, modality=modality)


@click.command("spread")
@click.argument("quote")
@corpus_command
def spread_command(db: Database, quote: str) -> list[Table]:
    """How a quote spread across outlets: QUOTE is a quote id (q...) or the quote's words."""
    return queries.spread(db, quote)


@click.command("outlet")
@click.argument("name")
@click.option("--top", type=click.IntRange(1), default=15, show_default=True, help="Speakers to show.")
@corpus_command
def outlet_command(db: Database, name: str, top: int) -> list[Table]:
    """Framing profile of an outlet: cue classes by speaker, share of own-voice assertions."""
    return queries.outlet_profile(db, name, top=top)


@click.command("speakers")
@click.option("--outlet", help="Only statements in this outlet.")
@click.option("--bias", type=click.Choice(("left", "center", "right"), case_sensitive=False),
              help="Only outlets with this bias label.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@corpus_command
def speakers_command(db: Database, outlet: str | None, bias: str | None, limit: int) -> Table:
    """The most quoted speakers, overall, by outlet or by bias."""
    return queries.top_speakers(db, outlet=outlet, bias=bias, limit=limit)


@click.command("outlets")
@click.option("--bias", type=click.Choice(("left", "center", "right"), case_sensitive=False),
              help="Only outlets with this bias label.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@corpus_command
def outlets_command(db: Database, bias: str | None, limit: int) -> Table:
    """The corpus's canonical outlets, most statements first, with their articles by section and the
    names they were filed under (see one with `onrecord outlet NAME`)."""
    from onrecord.store.metadata import with_sections

    return with_sections(db, queries.outlets(db, bias=bias, limit=limit))


@click.command("renormalise-outlets")
@corpus_command
def renormalise_outlets_command(db: Database) -> Table:
    """Map every article's and copy's outlet as given to today's canonical outlet, section and
    columnist author (lexicons/outlet_names.tsv, outlet_domains.tsv); for a corpus stored before
    them or before they changed.  Running it again changes nothing."""
    from onrecord.store.renormalise import renormalise_outlets

    s = renormalise_outlets(db)
    return Table("Outlets re-normalised", ["what", "count"],
                 [("articles changed", s.articles), ("copies changed", s.copies),
                  ("copies merged into another", s.merged_copies), ("outlet names before", s.outlets_before),
                  ("outlet names after", s.outlets_after)])


@click.command("failures")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@corpus_command
def failures_command(db: Database, limit: int) -> list[Table]:
    """Inputs that could not be ingested, and why."""
    return queries.failures(db, limit=limit)


@click.command("corpus")
@corpus_command
def corpus_info_command(db: Database) -> Table:
    """Row counts of the corpus."""
    return queries.corpus_counts(db)


commands = [said_command, search_command, spread_command, outlet_command, outlets_command,
            renormalise_outlets_command, speakers_command,
            failures_command, corpus_info_command]
