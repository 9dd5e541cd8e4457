"""The reduce and load commands: thin adapters, errors that say what to do next."""

from __future__ import annotations

import json

from click.testing import CliRunner
from support import map_inline

from onrecord.cli import main


def test_reduce_and_load_commands(news, fake, tmp_path):
    run = tmp_path / "run"
    map_inline([news], run, fake)
    cli = CliRunner()
    r = cli.invoke(main, ["reduce", str(run), "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["articles"] == 15
    db = str(tmp_path / "c.db")
    r = cli.invoke(main, ["load", str(run), "--db", db, "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["new"] == 15
    again = cli.invoke(main, ["load", str(run), "--db", db])
    assert again.exit_code == 0 and "0 new articles" in again.stdout
    said = cli.invoke(main, ["said", "Zelensky", "--db", db, "--format", "json"])
    assert said.exit_code == 0 and len(json.loads(said.stdout)) == 4


def test_a_folder_without_a_run_says_how_to_make_one(tmp_path):
    r = CliRunner().invoke(main, ["load", str(tmp_path), "--db", str(tmp_path / "c.db")])
    assert r.exit_code == 1 and "onrecord ingest PATH --engine ray --out" in r.output
    r = CliRunner().invoke(main, ["ingest", "x.jsonl", "--engine", "ray"])
    assert r.exit_code == 2 and "--out RUN_DIR" in r.output
