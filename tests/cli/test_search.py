"""``onrecord search`` with its filters and ``onrecord said X --about WORDS`` (SQLite)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from explorer.search_support import make_search_corpus

from onrecord.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("cli-search")
    return make_search_corpus(str(folder / "s.db"), folder)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def rows(*args: str) -> list[dict]:
    code, out = run(*args, "--format", "json")
    assert code == 0, out
    return json.loads(out)


def test_search_ranks_substance_first_and_takes_the_filters(db):
    found = rows("search", "tariffs", "--db", db)
    assert len(found) == 6 and found[-1]["content"] == "Tariffs"
    right = rows("search", "tariffs", "--db", db, "--bias", "right")
    assert len(right) == 2 and {r["outlet"] for r in right} == {"Morning Courier"}
    assert len(rows("search", "tariffs", "--db", db, "--outlet", "Daily Planet")) == 4
    june = rows("search", "tariffs", "--db", db, "--since", "2024-06", "--until", "2024-06")
    assert len(june) == 4 and all(r["published"].startswith("2024-06") for r in june)
    denials = rows("search", "tariffs", "--db", db, "--cue-class", "denial", "--speaker", "Mia Stone")
    assert [r["content"] for r in denials] == ["There are no new tariffs planned for this year at all"]


@pytest.mark.parametrize("args, message", [
    (["--since", "2024-02-30"], "--since must be a date like 2020-01-31"),
    (["--since", "2024-07", "--until", "2024-06"], "--since (2024-07) is after --until (2024-06); swap them"),
    (["--bias", "purple"], "'purple' is not one of 'left', 'center', 'right'"),
    (["--cue-class", "shouted"], "is not one of"),
])
def test_bad_filters_are_one_line_errors(db, args, message):
    code, out = run("search", "tariffs", "--db", db, *args)
    assert code != 0 and message in out and "Traceback" not in out


def test_said_about_words(db):
    about = rows("said", "Mia Stone", "--db", db, "--about", "tariffs")
    assert len(about) == 4 and [r["published"] for r in about] == sorted(r["published"] for r in about)
    assert [r["content"] for r in rows("said", "Ola Brandt", "--db", db, "--about", "rain forecasters")] == [
        "The rain will stop by the weekend, we are told by forecasters"]
    assert rows("said", "Ola Brandt", "--db", db, "--about", '"unbalanced') == []
    code, out = run("said", "Mia Stone", "--db", db, "--about", "tariffs", "--since", "2024/06")
    assert code == 1 and "must be a date like" in out
    assert "--about WORDS" in run("said", "--help")[1]
    helptext = run("search", "--help")[1]
    assert all(o in helptext for o in ("--outlet", "--bias", "--since", "--until", "--cue-class"))
