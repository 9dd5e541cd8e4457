"""``onrecord evaluate``: score the extractor on PolNeAR and on the seed article."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

DEFAULT_GOLD = Path("../shared/seed/gold.json")
DEFAULT_ARTICLE = Path("../shared/seed/article.txt")
FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                      show_default=True, help="Output a rich table or JSON.")


@click.group()
def evaluate() -> None:
    """Score the extractor against gold annotations."""


@evaluate.command()
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Only the first N articles (sorted by name).")
@FORMAT
def polnear(directory: Path, limit: int | None, fmt: str) -> None:
    """Span P/R/F1 on a PolNeAR split DIR (e.g. ../shared/data/polnear/dev)."""
    from onrecord.evaluation.polnear import ROLES, evaluate_polnear

    if not directory.is_dir():
        raise click.ClickException(
            f"{directory} not found: pass a PolNeAR split directory, e.g. "
            "../shared/data/polnear/dev")
    try:
        scores = evaluate_polnear(directory, limit=limit)
    except (FileNotFoundError, ValueError, RuntimeError) as err:
        raise click.ClickException(str(err)) from err
    if fmt == "json":
        click.echo(json.dumps(scores.to_dict(), indent=2))
        return
    table = Table(title=f"PolNeAR {directory.name}: {scores.documents} articles")
    for col in ("match", "span", "P", "R", "F1", "tp", "gold", "pred"):
        table.add_column(col, justify="left" if col in ("match", "span") else "right")
    rows = [(kind, role, getattr(getattr(scores, kind), role))
            for kind in ("exact", "overlap") for role in ROLES]
    rows += [("overlap", "attribution", scores.attribution),
             ("all exact", "attribution", scores.attribution_exact)]
    for kind, role, prf in rows:
        table.add_row(kind, role, f"{prf.precision:.3f}", f"{prf.recall:.3f}",
                      f"{prf.f1:.3f}", str(prf.tp), str(prf.gold), str(prf.pred))
    Console().print(table)


@evaluate.command()
@click.option("--gold", "gold_path", type=click.Path(path_type=Path), default=DEFAULT_GOLD,
              show_default=True, help="The seed gold.json.")
@click.option("--article", "article_path", type=click.Path(path_type=Path),
              default=DEFAULT_ARTICLE, show_default=True, help="The seed article.txt.")
@FORMAT
def seed(gold_path: Path, article_path: Path, fmt: str) -> None:
    """The seed article's checklist (statements, speakers, times, replies, ...)."""
    from onrecord.evaluation.seed import evaluate_seed

    for path, option in ((gold_path, "--gold"), (article_path, "--article")):
        if not path.is_file():
            raise click.ClickException(
                f"{path} not found: run from the project root (next to ../shared) "
                f"or pass {option} PATH")
    try:
        scores = evaluate_seed(gold_path, article_path)
    except (ValueError, RuntimeError, KeyError) as err:
        raise click.ClickException(str(err)) from err
    if fmt == "json":
        click.echo(json.dumps(scores.to_dict(), indent=2, ensure_ascii=False))
        return
    table = Table(title=f"Seed article: {'PASS' if scores.passed else 'FAIL'}")
    for col in ("", "criterion", "result", "notes"):
        table.add_column(col, justify="right" if col == "result" else "left")
    for c in scores.criteria:
        verdict = ("[green]PASS[/]" if c.passed else "[red]FAIL[/]") if c.required else "info"
        table.add_row(verdict, c.label, f"{c.hits}/{c.total}", "\n".join(c.details))
    Console().print(table)


commands = [evaluate]
