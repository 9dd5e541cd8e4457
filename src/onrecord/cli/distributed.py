"""``onrecord reduce RUN`` and ``onrecord load RUN --db URL``; ``ingest --engine ray`` lands here too."""

from __future__ import annotations

import json
import sys

import click

from onrecord.store.db import DEFAULT_DB, DatabaseError


def ray_ingest(paths: tuple[str, ...], out: str | None, address: str | None, workers: int | None,
               articles_per_shard: int, extractor: str, model: str | None, batch_size: int,
               as_json: bool) -> None:
    """``onrecord ingest --engine ray``: plan and map into the run folder ``out``."""
    from onrecord.distributed.engine import EngineOptions, EngineUnavailable, ShardsFailed
    from onrecord.distributed.plan import PlanError
    from onrecord.distributed.run import distributed_ingest

    if not out:
        raise click.UsageError("--engine ray writes a Parquet run folder: give it with --out RUN_DIR "
                               "(then `onrecord reduce RUN_DIR` and `onrecord load RUN_DIR --db ...`)")
    opts = EngineOptions(address=address, workers=workers or None, extractor=extractor, model=model,
                         batch_size=batch_size)
    echo = lambda r: click.echo(f"shard {r['shard']}: {r['status']} {r.get('error') or ''}".rstrip(), err=True)
    try:
        summary = distributed_ingest(paths, out, opts, articles_per_shard, on_result=echo)
    except EngineUnavailable as err:
        raise click.ClickException(str(err)) from None
    except (PlanError, ShardsFailed) as err:
        raise click.ClickException(str(err)) from None
    d = summary.as_dict()
    click.echo(json.dumps(d) if as_json else
               f"{d['shards']} shards ({d['extracted']} extracted now, {d['skipped']} finished before), "
               f"{d['articles']:,} articles, {d['statements']:,} statements, {d['failed']:,} failed, "
               f"{d['seconds']:.1f} s; next: onrecord reduce {out} && onrecord load {out} --db DB",
               err=not as_json)


@click.command("reduce")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def reduce_command(run_dir: str, as_json: bool) -> None:
    """Corpus-wide step over a Ray run's Parquet: article dedup, entity clusters, quote groups.

    Incremental: shards added since the last reduce are merged into it."""
    from onrecord.distributed.plan import PlanError
    from onrecord.distributed.reduce import reduce

    try:
        s = reduce(run_dir)
    except PlanError as err:
        raise click.ClickException(str(err)) from None
    d = s.as_dict()
    click.echo(json.dumps(d) if as_json else
               f"reduced {d['shards_new']} new shards ({d['shards_total']} in all): {d['articles']:,} articles, "
               f"{d['occurrences']:,} appearances, {d['quote_groups']:,} quote groups, {d['entities']:,} entities "
               f"in {d['seconds']:.1f} s -> {run_dir}/reduce/")


@click.command("load")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--db", "db", default=DEFAULT_DB, show_default=True, envvar="ONRECORD_DB",
              help="SQLite file, or a postgresql:// URL (add ?schema=NAME for a separate schema).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def load_command(run_dir: str, db: str, as_json: bool) -> None:
    """Load a finished Ray run into the corpus database (idempotent, resumable)."""
    from onrecord.distributed.load import load
    from onrecord.distributed.plan import PlanError

    try:
        s = load(run_dir, db, command="onrecord " + " ".join(sys.argv[1:]))
    except (PlanError, DatabaseError) as err:
        raise click.ClickException(str(err)) from None
    d = s.as_dict()
    click.echo(json.dumps(d) if as_json else
               f"loaded {d['batches_loaded']} batches ({d['batches_skipped']} loaded before): {d['new']:,} new "
               f"articles, {d['copies']:,} copies, {d['duplicate']:,} duplicates, {d['failed']:,} failed, "
               f"{d['statements']:,} statements in {d['seconds']:.1f} s")


commands = [reduce_command, load_command]
