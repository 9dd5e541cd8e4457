"""``onrecord evaluate``: score the extractor on PolNeAR, the seed, GUM, GAP and the speaker gold."""

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
@click.option("--mode", type=click.Choice(["fast", "accurate"]), default="fast", show_default=True,
              help="fast: the rule engine; accurate: the learned tagger.")
@FORMAT
def polnear(directory: Path, limit: int | None, mode: str, fmt: str) -> None:
    """Span P/R/F1 on a PolNeAR split DIR (e.g. ../shared/data/polnear/dev)."""
    from onrecord.evaluation.polnear import ROLES, evaluate_polnear
    from onrecord.pipeline import Extractor
    from onrecord.tagger.errors import TaggerUnavailable

    if not directory.is_dir():
        raise click.ClickException(
            f"{directory} not found: pass a PolNeAR split directory, e.g. "
            "../shared/data/polnear/dev")
    try:
        scores = evaluate_polnear(directory, Extractor(mode=mode), limit=limit)
    except (FileNotFoundError, ValueError, RuntimeError, TaggerUnavailable) as err:
        raise click.ClickException(str(err)) from err
    if fmt == "json":
        click.echo(json.dumps(scores.to_dict(), indent=2))
        return
    table = Table(title=f"PolNeAR {directory.name}: {scores.documents} articles, {mode} mode")
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


def _folder(path: Path) -> Path:
    return path / "conll" if (path / "conll").is_dir() else path


@evaluate.command()
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@FORMAT
def coref(directory: Path, fmt: str) -> None:
    """MUC, B³, CEAF-e, CoNLL F1 and pronoun accuracy on a GUM split DIR, rules beside the model."""
    from onrecord.evaluation.coref_eval import evaluate_gum

    if not _folder(directory).is_dir():
        raise click.ClickException(f"{directory} not found: pass a GUM split, e.g. ../shared/data/gum/dev")
    try:
        results = [r.to_dict() for r in evaluate_gum(_folder(directory))]
    except (ValueError, RuntimeError) as err:
        raise click.ClickException(str(err)) from err
    if fmt == "json":
        click.echo(json.dumps(results, indent=2))
        return
    table = Table(title=f"GUM {directory.name}: {results[0]['documents']} documents, "
                        f"{results[0]['key_mentions']} mentions, {results[0]['pronouns']} pronouns")
    for col in ("system", "MUC F1", "B³ F1", "CEAF-e F1", "CoNLL F1", "pronoun acc."):
        table.add_column(col, justify="left" if col == "system" else "right")
    for r in results:
        table.add_row(r["system"], *(f"{r[k]['f1']:.3f}" for k in ("muc", "b_cubed", "ceaf_e")),
                      f"{r['conll_f1']:.3f}", f"{r['pronoun_accuracy']:.3f}")
    Console().print(table)


@evaluate.command()
@click.argument("file", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@FORMAT
def gap(file: Path, fmt: str) -> None:
    """GAP F1 by gender (and their ratio) on a GAP TSV FILE, rules beside the model."""
    from onrecord.evaluation.coref_eval import evaluate_gap

    if not file.is_file():
        raise click.ClickException(f"{file} not found: pass a GAP TSV, e.g. "
                                   "../shared/data/gap/gap-validation.tsv")
    try:
        results = evaluate_gap(file)
    except (ValueError, KeyError) as err:
        raise click.ClickException(f"{file}: {err}") from err
    if fmt == "json":
        click.echo(json.dumps(results, indent=2))
        return
    table = Table(title=f"GAP {file.name}")
    for col in ("system", "M F1", "F F1", "bias F/M", "overall F1", "P", "R"):
        table.add_column(col, justify="left" if col == "system" else "right")
    for system, r in results.items():
        table.add_row(system, f"{r['masculine']['f1']:.3f}", f"{r['feminine']['f1']:.3f}",
                      f"{r['bias']:.3f}", f"{r['overall']['f1']:.3f}",
                      f"{r['overall']['precision']:.3f}", f"{r['overall']['recall']:.3f}")
    Console().print(table)


@evaluate.command()
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False, path_type=Path),
                default=Path("eval/speakers/dev"))
@click.option("--texts", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("../shared/data/allsides/articles.jsonl.gz"), show_default=True,
              help="The AllSides articles the gold's offsets index into.")
@click.option("--errors", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many errors to list (table output).")
@FORMAT
def speakers(directory: Path, texts: Path, errors: int, fmt: str) -> None:
    """Canonical-speaker accuracy on the speaker gold DIR (default eval/speakers/dev)."""
    from onrecord.evaluation.speakers import MENTION_TYPES, confusions, evaluate_speakers

    if not directory.is_dir():
        raise click.ClickException(f"{directory} not found: pass the speaker gold folder, "
                                   "e.g. eval/speakers/dev")
    if not texts.is_file():
        raise click.ClickException(f"{texts} not found: pass --texts PATH to articles.jsonl.gz")
    try:
        results = evaluate_speakers(directory, texts)
    except (ValueError, OSError) as err:
        raise click.ClickException(str(err)) from err
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False))
        return
    table = Table(title=f"Speakers: {results[0].articles} articles, {results[0].gold} statements, "
                        f"{results[0].found} found")
    table.add_column("mention")
    for r in results:
        table.add_column(r.system, justify="right")
    table.add_row("all", *(f"{r.accuracy:.3f}" for r in results))
    for m in MENTION_TYPES:
        table.add_row(m, *(f"{r.mention_accuracy(m):.3f} ({r.by_mention.get(m, [0, 0])[1]})"
                           for r in results))
    Console().print(table)
    for (gold, predicted), n in confusions(results[0], errors):
        click.echo(f"{n:3d}  gold {gold!r} -> {predicted!r}")


@evaluate.command()
@click.option("--plv", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("../shared/data/plover/plv_train.csv"), show_default=True,
              help="PLV train file; its fixed dev split is scored.")
@click.option("--gsr", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("../shared/data/plover/PLOVER_GSR_CAMEO.dev.json"), show_default=True,
              help="PLOVER gold-standard records.")
@FORMAT
def plover(plv: Path, gsr: Path, fmt: str) -> None:
    """PLOVER event coding: root type and actor/recipient match on PLV dev and the gold records."""
    from onrecord.eventcoder.predict import default_coder
    from onrecord.evaluation.plover import evaluate_plover
    from onrecord.pipeline import Extractor
    from onrecord.tagger.errors import TaggerUnavailable

    try:
        report = evaluate_plover(plv, gsr, Extractor(events=True), default_coder())
    except (FileNotFoundError, ValueError, RuntimeError, TaggerUnavailable) as err:
        raise click.ClickException(str(err)) from err
    if fmt == "json":
        click.echo(json.dumps(report, indent=2))
        return
    table = Table(title="PLOVER event coding (root type)")
    for col in ("set", "system", "accuracy", "macro-F1", "micro-F1", "actor", "recipient"):
        table.add_column(col, justify="left" if col in ("set", "system") else "right")
    for name, part in report.items():
        systems = {"coder": part["coder"], "pipeline": part["pipeline"]} | {
            f"baseline: {k}": v for k, v in part["baselines"].items()}
        for system, s in systems.items():
            table.add_row(f"{name} ({part['sentences']})", system, f"{s['accuracy']:.3f}", f"{s['macro_f1']:.3f}",
                          f"{s['micro_f1']:.3f}", _share(s, "actor_match"), _share(s, "recipient_match"))
    Console().print(table)
    roles = Table(title="Event roles: gold head chosen (decisions whose gold phrase heads a candidate)")
    for col in ("set", "role", "decisions", "ranker", "rules"):
        roles.add_column(col, justify="left" if col in ("set", "role") else "right")
    for name, part in report.items():
        for role, r in part["roles"].items():
            roles.add_row(name, role, str(r["decisions"]), f"{r['ranker']:.3f}", f"{r['rules']:.3f}")
    Console().print(roles)


def _share(scores: dict, key: str) -> str:
    return f"{scores[key]:.3f}" if key in scores else ""


commands = [evaluate]
