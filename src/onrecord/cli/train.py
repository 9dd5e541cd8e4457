"""``onrecord train``: reproduce the shipped learned models from the shared gold data."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def train() -> None:
    """Train a learned component (needs the train extra: pip install -e '.[train]')."""


@train.command()
@click.option("--train", "train_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared/data/gum/train"), show_default=True,
              help="GUM train split (its conll/ folder or the split folder).")
@click.option("--dev", "dev_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared/data/gum/dev"), show_default=True,
              help="GUM dev split, used to pick the number of boosting rounds.")
@click.option("--gap", "gap_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("../shared/data/gap/gap-development.tsv"), show_default=True,
              help="GAP development TSV (extra pronoun decisions); --no-gap to leave it out.")
@click.option("--no-gap", is_flag=True, help="Train on GUM only.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the model (JSON), e.g. src/onrecord/coref/model/pronoun_ranker.json.")
def coref(train_dir: Path, dev_dir: Path, gap_file: Path, no_gap: bool, out: Path) -> None:
    """The pronoun-antecedent ranker (seeded; about 2 minutes on 2 cores)."""
    try:
        from onrecord.coref.train import train as fit
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise click.ClickException(f"{err}; install the train extra: pip install -e '.[train]'")
    try:
        import lightgbm  # noqa: F401
    except ImportError:
        raise click.ClickException("training needs LightGBM: pip install -e '.[train]'") from None
    for path, option in ((train_dir, "--train"), (dev_dir, "--dev")):
        if not _conll(path).is_dir():
            raise click.ClickException(f"{path} is not a GUM split folder; pass {option} "
                                       "../shared/data/gum/train (or dev)")
    if not no_gap and not gap_file.is_file():
        raise click.ClickException(f"{gap_file} not found; pass --gap FILE or --no-gap")
    fit(_conll(train_dir), _conll(dev_dir), out, None if no_gap else gap_file,
        log=lambda line: click.echo(line, err=True))


@train.command("coref-encoder")
@click.option("--gap", "gap_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("../shared/data/gap/gap-development.tsv"), show_default=True,
              help="GAP development TSV (a tenth, by id hash, is held out to choose the epoch).")
@click.option("--gum", "gum_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also train on GUM's pronouns (e.g. ../shared/data/gum/train).")
@click.option("--validation", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("../shared/data/gap/gap-validation.tsv"), show_default=True,
              help="GAP validation TSV, reported per epoch (never used to choose).")
@click.option("--epochs", type=click.IntRange(1, 20), default=4, show_default=True)
@click.option("--augment", type=click.IntRange(0, 5), default=0, show_default=True,
              help="Name-substituted copies of each GAP training row.")
@click.option("--gum-limit", type=click.IntRange(1, None), default=None,
              help="At most this many GUM decisions (a seeded sample).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for scorer.pt and train_report.json.")
def coref_encoder(gap_file: Path, gum_dir: Path | None, validation: Path, epochs: int, augment: int,
                  gum_limit: int | None, out: Path) -> None:
    """The MiniLM pronoun span scorer, an experiment beside the shipped ranker (seeded; about
    18 minutes for 4 epochs of GAP on 2 busy cores, 77 for 3 epochs with --augment 1 --gum
    ../shared/data/gum/train/conll --gum-limit 1000)."""
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401

        from onrecord.coref.encoder.evaluate import evaluate_gap
        from onrecord.coref.encoder.train import train as fit
    except ImportError as err:
        raise click.ClickException(f"{err}; install the training extra: "
                                   "pip install -e '.[train-accurate]'") from None
    for path, option in ((gap_file, "--gap"), (validation, "--validation")):
        if not path.is_file():
            raise click.ClickException(f"{path} not found; pass {option} FILE")
    report = fit(gap_file, out, gum_train=_conll(gum_dir) if gum_dir else None,
                 gap_validation=validation, epochs=epochs, augment=augment, gum_limit=gum_limit,
                 log=lambda line: click.echo(line, err=True))
    scores = evaluate_gap(out / "scorer.pt", validation)
    click.echo(f"epoch {report['chosen_epoch']}: GAP validation F1 {scores['overall']['f1']:.3f} "
               f"(feminine/masculine {scores['bias']:.2f}); {out / 'scorer.pt'}", err=True)


def _conll(path: Path) -> Path:
    return path / "conll" if (path / "conll").is_dir() else path


commands = [train]


@train.command()
@click.option("--train", "train_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared/data/polnear/train"), show_default=True,
              help="PolNeAR train split (text/ and attributions/).")
@click.option("--dev", "dev_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared/data/polnear/dev"), show_default=True,
              help="PolNeAR dev split, used to choose the epoch.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Model folder to write, e.g. src/onrecord/tagger/model.")
@click.option("--epochs", type=click.IntRange(1, 20), default=3, show_default=True)
@click.option("--work", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the per-epoch checkpoints go (default: .onrecord-work/tagger, ignored by git).")
def attribution(train_dir: Path, dev_dir: Path, out: Path, epochs: int, work: Path | None) -> None:
    """The accurate mode's tagger: MiniLM fine-tuned on PolNeAR, exported as int8 ONNX
    (seeded; about 12 minutes an epoch on 2 quiet cores)."""
    try:
        from onrecord.tagger.export import export
        from onrecord.tagger.train import load_tokenizer, train as fit
        from onrecord.tagger.paths import base_model_dir
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as err:
        raise click.ClickException(f"{err}; install the training extra: "
                                   "pip install -e '.[train-accurate]'") from None
    for path, option in ((train_dir, "--train"), (dev_dir, "--dev")):
        if not (path / "attributions").is_dir():
            raise click.ClickException(f"{path} is not a PolNeAR split folder; pass {option} "
                                       "../shared/data/polnear/train (or dev)")
    work = work or Path(".onrecord-work/tagger")
    report = fit(train_dir, dev_dir, work, epochs=epochs,
                 log=lambda line: click.echo(line, err=True))
    best = work / "checkpoints" / f"epoch-{report['best_epoch']}"
    path = export(best, load_tokenizer(base_model_dir()), out, {"training": report})
    click.echo(f"wrote {path} (epoch {report['best_epoch']} of {epochs}, "
               f"{report['seconds'] / 60:.0f} minutes)", err=True)


@train.command()
@click.option("--plv", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("../shared/data/plover/plv_train.csv"), show_default=True,
              help="PLV train file; its fixed dev split (onrecord.eventcoder.data) is scored, never trained on.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Model folder to write, e.g. src/onrecord/eventcoder/model.")
@click.option("--epochs", type=click.IntRange(1, 30), default=12, show_default=True)
@click.option("--work", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the torch weights go (default: .onrecord-work/eventcoder, ignored by git).")
def events(plv: Path, out: Path, epochs: int, work: Path | None) -> None:
    """The PLOVER event coder: MiniLM fine-tuned on PLV train, exported as int8 ONNX
    (seeded; about 45 seconds an epoch on 2 quiet cores)."""
    try:
        from onrecord.eventcoder.export import export
        from onrecord.eventcoder.train import train as fit
        from onrecord.tagger.paths import base_model_dir
        from onrecord.tagger.train import load_tokenizer
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as err:
        raise click.ClickException(f"{err}; install the training extra: "
                                   "pip install -e '.[train-accurate]'") from None
    rows, dev = _plv_split(plv)
    model, report = fit(rows, dev, work or Path(".onrecord-work/eventcoder"), epochs=epochs,
                        log=lambda line: click.echo(line, err=True))
    path = export(model, load_tokenizer(base_model_dir()), out, {"training": report})
    click.echo(f"wrote {path} ({epochs} epochs, {report['seconds'] / 60:.0f} minutes)", err=True)


@train.command()
@click.option("--plv", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("../shared/data/plover/plv_train.csv"), show_default=True,
              help="PLV train file; only its train split is read.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the lexicon, e.g. src/onrecord/events/data/triggers_plv.tsv.")
@click.option("--min-count", type=click.IntRange(1), default=2, show_default=True)
@click.option("--min-share", type=click.FloatRange(0, 1), default=0.5, show_default=True)
def triggers(plv: Path, out: Path, min_count: int, min_share: float) -> None:
    """The trigger lexicon's extension: predicates of PLV train sentences the hand lexicon
    misses (deterministic; about 20 seconds).  Review the rows before shipping them."""
    from onrecord.events.trigger_mining import mine, write_tsv
    from onrecord.pipeline import load_model

    rows, _ = _plv_split(plv)
    mined = mine(rows, load_model().pipe([r.text for r in rows]), min_count=min_count, min_share=min_share)
    write_tsv(mined, out, plv.name)
    click.echo(f"wrote {out}: {len(mined)} triggers from {len(rows)} train sentences", err=True)


@train.command()
@click.option("--plv", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("../shared/data/plover/plv_train.csv"), show_default=True,
              help="PLV train file; only its train split is read (the dev split is scored by "
                   "`onrecord evaluate plover`).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the model, e.g. src/onrecord/roles/model/role_ranker.json.")
def roles(plv: Path, out: Path) -> None:
    """The event role ranker: which phrase is the actor, which the recipient (seeded; about
    40 seconds on 2 cores)."""
    try:
        import lightgbm  # noqa: F401
    except ImportError:
        raise click.ClickException("training needs LightGBM: pip install -e '.[train]'") from None
    from onrecord.pipeline import load_model
    from onrecord.roles.train import train as fit

    rows, _ = _plv_split(plv)
    report = fit(rows, load_model(), out, log=lambda line: click.echo(line, err=True))
    click.echo(f"wrote {out} ({report['seconds']} s)", err=True)


def _plv_split(plv: Path):
    """(train, dev) of PLV's fixed split; a missing or malformed file is a one-line error."""
    from onrecord.eventcoder.data import read_plv, split

    try:
        return split(read_plv(plv))
    except (FileNotFoundError, ValueError) as err:
        raise click.ClickException(str(err)) from None
