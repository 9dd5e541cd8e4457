"""``onrecord extract``: who said what in one or more articles."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from onrecord.coref.trees import ModelFileError
from onrecord.inputs import InputError, read_article
from onrecord.pipeline import ArticleMeta, Extractor
from onrecord.tagger.errors import TaggerUnavailable

MODE_OPTION = click.option(
    "--mode", type=click.Choice(["fast", "accurate"]), default="fast", show_default=True,
    help="fast: the rule engine; accurate: the learned tagger (pip install -e '.[accurate]').")
from onrecord.render import article_json, render_table
from onrecord.render.events_table import render_events
from onrecord.render.fit import PipeConsole


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2024-10-15") from None


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one <input name>.json per input into this folder.")
@click.option("--published", callback=_check_date, metavar="YYYY-MM-DD",
              help="Publication date: relative times ('on Monday') are resolved against it.")
@click.option("--outlet", help="The outlet that published the article(s).")
@click.option("--title", help="The article's title.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default=None,
              help="table (default on a terminal) or json (the onrecord.article/1 contract).")
@MODE_OPTION
@click.option("--events", is_flag=True,
              help="Code PLOVER event records too (the shipped event coder; pip install -e '.[accurate]').")
@click.option("--wide", is_flag=True, help="Table: every column, long text wrapped instead of cut to one line.")
def extract_command(paths: tuple[str, ...], out_dir: Path | None, published: str | None,
                    outlet: str | None, title: str | None, fmt: str | None, mode: str,
                    events: bool, wide: bool) -> None:
    """Extract who said what, citing whom, when and in reply to whom from PATHS (or - for stdin)."""
    fmt = fmt or ("table" if sys.stdout.isatty() and out_dir is None else "json")
    if len(paths) > 1 and out_dir is None and fmt == "json":
        raise click.UsageError("several inputs print one JSON document each; pass --out DIR "
                               "to get one file per input")
    try:
        extractor = Extractor(mode=mode, events=events)
    except (ModelFileError, TaggerUnavailable) as err:
        raise click.ClickException(str(err)) from None
    failures = 0
    written: set[Path] = set()
    for path in paths:
        try:
            text = read_article(path)
        except InputError as err:
            click.echo(f"error: {err}", err=True)
            failures += 1
            continue
        meta = ArticleMeta(id=_article_id(path), title=title, outlet=outlet, published=published)
        article = extractor.extract(text, meta)
        _emit(article, path, out_dir, fmt, written, wide)
    if failures:
        sys.exit(1)


def _article_id(path: str) -> str:
    return "stdin" if path == "-" else Path(path).stem


def _target(out_dir: Path, path: str, written: set[Path]) -> Path:
    """``<input name>.json``; ``<input name>-2.json`` and so on for inputs of one run with the same name."""
    name = "stdin" if path == "-" else Path(path).name
    target, n = out_dir / f"{name}.json", 1
    while target in written:
        n += 1
        target = out_dir / f"{name}-{n}.json"
    written.add(target)
    return target


def _emit(article, path: str, out_dir: Path | None, fmt: str, written: set[Path], wide: bool = False) -> None:
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        target = _target(out_dir, path, written)
        target.write_text(article_json(article) + "\n", encoding="utf-8")
        click.echo(f"{path}: {len(article.statements)} statements -> {target}", err=True)
    elif fmt == "json":
        click.echo(article_json(article))
    else:
        console = PipeConsole()
        render_table(article, console, wide=wide)
        render_events(article, console, wide=wide)


commands = [extract_command]
