"""``onrecord evaluate``: argument errors and output, with a stand-in extractor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.cli import main

from .helpers import FakeExtractor, polnear_split


def test_seed_without_shared_says_what_to_pass(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["evaluate", "seed"])
    assert result.exit_code != 0
    assert "../shared/seed/gold.json not found" in result.output
    assert "--gold PATH" in result.output


def test_polnear_with_a_missing_dir(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "polnear", str(tmp_path / "nope")])
    assert result.exit_code != 0 and "polnear/dev" in result.output


def test_polnear_json_and_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("onrecord.pipeline.Extractor", FakeExtractor)
    split = polnear_split(tmp_path)
    result = CliRunner().invoke(main, ["evaluate", "polnear", str(split), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["exact"]["content"]["f1"] == 1.0
    result = CliRunner().invoke(main, ["evaluate", "polnear", str(split), "--limit", "1"])
    assert result.exit_code == 0 and "attribution" in result.output
