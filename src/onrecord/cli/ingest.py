"""``onrecord ingest PATH...``: read articles, extract attributions, store them in the corpus."""

from __future__ import annotations

import json
import sys
import time

import click
from rich.console import Console
from rich.progress import (BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.table import Table as RichTable
from rich.text import Text

from onrecord.store.pool import DEFAULT_MAX_WORKER_MB
from onrecord.coref.ranker import default_ranker
from onrecord.coref.trees import ModelFileError
from onrecord.sources import InputError
from onrecord.store.db import DEFAULT_DB, DatabaseError
from onrecord.store.ingest import IngestOptions, Summary, ingest
from onrecord.store.pool import WorkerError
from onrecord.store.worker import DEFAULT_EXTRACTOR


class RatesColumn(ProgressColumn):
    """articles/s and words/s since the start."""

    def render(self, task: Task) -> Text:
        s: Summary | None = task.fields.get("summary")
        if s is None or not s.seconds:
            return Text("")
        c = s.counts
        return Text(f"{s.processed:,} art ({c.new:,} new, {c.duplicate:,} dup, {c.copies:,} copies, "
                    f"{c.n_failed:,} failed)"
                    f"  {s.articles_per_s:,.1f} art/s  {s.words_per_s:,.0f} words/s", style="cyan")


class RichProgress:
    """A progress bar on a terminal; a plain line every ``every`` seconds otherwise (logs)."""

    def __init__(self, console: Console, every: float) -> None:
        self.console, self.every = console, every
        self.progress: Progress | None = None
        self.task = None
        self.last = 0.0

    def start(self, total_bytes: int | None) -> None:
        if self.console.is_terminal:
            self.progress = Progress(TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                                     TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                     RatesColumn(), console=self.console, transient=False)
            self.task = self.progress.add_task("ingest", total=total_bytes, summary=None)
            self.progress.start()
        self.total = total_bytes
        self.started = time.monotonic()

    def update(self, done_bytes: int, summary: Summary) -> None:
        if self.progress is not None:
            self.progress.update(self.task, completed=done_bytes, summary=summary)
            return
        now = time.monotonic()
        if self.every and now - self.last >= self.every:
            self.last = now
            pct = f"{100 * done_bytes / self.total:5.1f}%" if self.total else "  ?  "
            eta = ""
            if self.total and done_bytes:
                eta = f" ETA {(now - self.started) * (self.total - done_bytes) / done_bytes / 60:.1f} min"
            c = summary.counts
            self.console.print(f"{time.strftime('%H:%M:%S')} {pct}{eta}  {summary.processed:,} articles "
                               f"({c.new:,} new, {c.duplicate:,} dup, {c.n_failed:,} failed, {c.statements:,} "
                               f"statements)  {summary.articles_per_s:.2f} art/s  "
                               f"{summary.words_per_s:,.0f} words/s", highlight=False, soft_wrap=True)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def print_summary(console: Console, s: Summary, db: str) -> None:
    c = s.counts
    t = RichTable(title=f"ingest run {s.run_id}: {s.status}", show_header=False, title_justify="left")
    t.add_column(style="bold")
    t.add_column(justify="right")
    for label, value in (("read", s.read), ("new", c.new), ("duplicate", c.duplicate), ("copies", c.copies),
                         ("failed", c.n_failed), ("skipped (not articles)", s.skipped),
                         ("statements", c.statements), ("events", c.events), ("words", c.words)):
        t.add_row(label, f"{value:,}")
    for reason, n in sorted(c.failed.items(), key=lambda x: -x[1]):
        t.add_row(f"  failed: {reason}", f"{n:,}")
    t.add_row("time", f"{s.seconds:,.1f} s")
    t.add_row("speed", f"{s.articles_per_s:,.2f} articles/s, {s.words_per_s:,.0f} words/s")
    if s.workers:
        t.add_row("worker peak memory", ", ".join(f"{w.peak_mb:,.0f} MB" for w in s.workers.values()))
    if s.db_bytes is not None:
        t.add_row("database size", f"{s.db_bytes / 2**20:,.1f} MB")
    console.print(t)
    if c.n_failed:
        console.print(f"See what failed and why: onrecord failures --db {db}")
    if s.status == "interrupted":
        console.print("Interrupted: run the same command again to resume; nothing is stored twice.")


def _learned_extractor(extractor: str, mode: str, events: bool) -> str:
    """The extractor spec for accurate mode and/or events, after checking here that the
    learned models they need load."""
    from onrecord.eventcoder.predict import default_coder
    from onrecord.tagger.errors import TaggerUnavailable
    from onrecord.tagger.predict import default_tagger

    if extractor != DEFAULT_EXTRACTOR:
        raise click.UsageError("--mode accurate and --events build their own extractor; leave out --extractor")
    try:
        if mode == "accurate":
            default_tagger()
        if events:
            default_coder()
    except TaggerUnavailable as err:
        raise click.ClickException(str(err)) from None
    return LEARNED_EXTRACTORS[(mode, events)]


LEARNED_EXTRACTORS = {("accurate", False): "onrecord.pipeline:accurate_extractor",
                      ("fast", True): "onrecord.pipeline:events_extractor",
                      ("accurate", True): "onrecord.pipeline:accurate_events_extractor"}


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--db", "db", default=DEFAULT_DB, show_default=True, envvar="ONRECORD_DB",
              help="SQLite file, or a postgresql:// URL (add ?schema=NAME for a separate schema).")
@click.option("--workers", "-w", type=click.IntRange(0, 64), default=1, show_default=True,
              help="Extraction processes, each with its own model (0: extract in this process).")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=32, show_default=True,
              help="Articles per extraction batch and per database transaction.")
@click.option("--recycle-after", type=click.IntRange(0), default=2000, show_default=True,
              help="Restart a worker process after this many articles (0: never): a cheap cap on "
                   "memory growth (about 2 s of model loading per restart).")
@click.option("--max-worker-mb", type=click.IntRange(0), default=DEFAULT_MAX_WORKER_MB, show_default=True,
              help="Memory ceiling of a worker process: past it the worker is stopped and the article "
                   "recorded as out-of-memory, the rest of the batch goes on (0: no ceiling).")
@click.option("--model", default=None, help="spaCy model name (default: the pipeline's).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("--log-every", type=float, default=30.0, show_default=True,
              help="Without a terminal: seconds between progress lines on stderr (0: none).")
@click.option("--mode", type=click.Choice(["fast", "accurate"]), default="fast", show_default=True,
              help="fast: the rule engine; accurate: the learned tagger (pip install -e '.[accurate]').")
@click.option("--events", is_flag=True,
              help="Code PLOVER event records too (the shipped event coder; pip install -e '.[accurate]').")
@click.option("--extractor", default=DEFAULT_EXTRACTOR, hidden=True,
              help="module:callable (or file.py:callable) building the extractor; for tests.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: this machine's worker processes into --db; ray: Ray shards into a Parquet --out folder "
                   "(pip install 'onrecord[ray]'; see docs/distributed.md).")
@click.option("--address", default=None, help="With --engine ray: the Ray cluster to join (default: a local runtime).")
@click.option("--out", "out", default=None, type=click.Path(file_okay=False),
              help="With --engine ray: the run folder (Parquet shards; re-run to resume).")
@click.option("--articles-per-shard", type=click.IntRange(1), default=64, show_default=True,
              help="With --engine ray: articles per shard (the unit of work and of retry).")
def ingest_command(paths: tuple[str, ...], db: str, workers: int, batch_size: int, recycle_after: int,
                   max_worker_mb: int, model: str | None, as_json: bool, log_every: float, mode: str, events: bool,
                   extractor: str, engine: str, address: str | None, out: str | None,
                   articles_per_shard: int) -> None:
    """Read articles from PATHS and store what they attribute to whom.

    PATHS are files or directories (read recursively) of plain text, HTML, JSON Lines,
    JSON, CSV/TSV or WARC/ARC, each possibly gzip-compressed; - reads stdin.  Running
    the same command again adds nothing and resumes a killed run.
    """
    console = Console(stderr=True)
    try:
        default_ranker()  # a missing or corrupt model stops here, saying how to rebuild it
    except ModelFileError as err:
        raise click.ClickException(str(err)) from None
    if mode == "accurate" or events:
        extractor = _learned_extractor(extractor, mode, events)
    if engine == "ray":
        from onrecord.cli.distributed import ray_ingest

        return ray_ingest(paths, out, address, workers, articles_per_shard, extractor, model, batch_size, as_json)
    options = IngestOptions(workers=workers, batch_size=batch_size, extractor=extractor, model=model,
                            max_articles_per_worker=recycle_after, max_worker_mb=max_worker_mb)
    try:
        summary = ingest(paths, db, options, RichProgress(console, log_every),
                         command="onrecord " + " ".join(sys.argv[1:]))
    except InputError as err:
        raise click.UsageError(str(err)) from None
    except DatabaseError as err:
        raise click.ClickException(str(err)) from None
    except WorkerError as err:
        raise click.ClickException(f"extraction workers failed to start or keep dying: {err}. "
                                   "Check that `pip install -e .` installed the spaCy model, or try --workers 0 "
                                   "to see the error in this process.") from None
    print_summary(console, summary, db)
    if as_json:
        click.echo(json.dumps(summary.as_dict()))
    if summary.status == "interrupted":
        sys.exit(130)


commands = [ingest_command]
