"""The query commands' rendering and options (the queries themselves: tests/store/test_store_queries.py)."""

from click.testing import CliRunner

from onrecord.cli import main
from onrecord.render.corpus_tables import terminal_columns
from onrecord.store.queries import Table

ROWS = Table("What William Barr said", ["speaker", "content", "resolution", "confidence", "antecedent"],
             [("William Barr", "Fair.", "name", 0.97, None), ("William Barr", "Law.", "pronoun", 0.6, "William Barr"),
              ("William Barr", "Old.", None, None, None)])


def test_the_terminal_table_folds_the_evidence_into_one_column():
    columns, rows = terminal_columns(ROWS.columns, ROWS.rows)
    assert columns == ["speaker", "content", "resolved"]
    assert [r[-1] for r in rows] == ["name .97", "pronoun .60", ""]
    # only statement lists with all three columns
    assert terminal_columns(["speaker", "resolution"], [("x", "name")]) == (["speaker", "resolution"], [("x", "name")])


def test_said_and_search_offer_the_evidence_filters():
    for command in ("said", "search"):
        out = CliRunner().invoke(main, [command, "--help"]).output
        assert "--resolution METHOD[,METHOD]" in out and "--min-confidence X" in out and "--named-only" in out
    assert "--speaker" in CliRunner().invoke(main, ["search", "--help"]).output
