"""render.fit: tables fitted to the console (rich Console(width=...))."""

import io

from rich.console import Console

from onrecord.render.corpus_tables import render_results, terminal_columns
from onrecord.render.fit import Col, fitted_table, print_fitted
from onrecord.store.queries import Table

CONTENT = "the strike would continue until wages were raised, and not one day sooner than that, he said"
RESULT = Table("What Tomas Brenn said",
               ["published", "outlet", "title", "url", "speaker", "speaker_text", "cue", "cue_class", "kind",
                "content", "content2", "statement_id", "resolution", "confidence", "antecedent"],
               [("2024-03-14", "Velmora Gazette", "Dockworkers vow to stay out until wages rise",
                 "https://gazette.example/2024/03/14/dockworkers-vow-to-stay-out-until-wages-rise", "Tomas Brenn",
                 "the union leader", "insisted", "assertive", "indirect", CONTENT, "We will not move.", 7,
                 "role", 0.8, None)])


def printed(table, width: int) -> list[str]:
    out = io.StringIO()
    print_fitted(Console(file=out, width=width), table)
    return out.getvalue().splitlines()


def shown(width: int, wide: bool = False) -> list[str]:
    out = io.StringIO()
    render_results([RESULT], Console(file=out, width=width), wide=wide)
    return out.getvalue().splitlines()


def test_at_80_columns_the_essentials_stay_and_each_row_is_one_line():
    title, header, rule, row = shown(80)
    assert header.split() == ["published", "outlet", "speaker", "content"]  # cue, title, URL … dropped
    assert len(rule) == 80 and len(row.rstrip()) <= 80 and row.rstrip().endswith("…")
    assert "2024-03-14" in row and "Velmora Gazette" in row and "Tomas Brenn" in row


def test_at_200_columns_the_article_and_the_speaker_as_written_show():
    lines = shown(200)
    header = " ".join(lines[1:-2])
    for word in ("title", "url", "speaker", "text", "cue", "class", "content", "resolved"):
        assert word in header.split()
    assert len(lines) == 4 and "the union leader" in lines[-1] and "role .80" in lines[-1]


def test_wide_wraps_everything_and_joins_the_content_parts():
    text = " ".join(" ".join(shown(100, wide=True)).split())
    assert all(w in text for w in CONTENT.split()) and "We will not" in text and "…" in text
    assert "he said … We will not" in shown(300, wide=True)[3]  # content and content2 in one cell


def test_headers_wrap_at_spaces_never_inside_a_word():
    cols = [Col("first_published", 1, cap=10), Col("last_published", 1, cap=10), Col("n_articles", 1, cap=3)]
    lines = printed(fitted_table(cols, [("2024-03-14", "2024-03-15", 3)], 30), 30)
    words = {w for line in lines[:-2] for w in line.split()}
    assert words <= {"first", "last", "published", "n", "articles"} and "published" in words


def test_the_least_important_columns_go_first_and_narrow_ones_never_shrink_to_one_letter():
    cols = [Col("speaker", 0, cap=18), Col("kind", 3, cap=8), Col("cue", 1, cap=12),
            Col("content", 0, long=True, minimum=20)]
    row = ("Anna Korvik", "indirect", "insisted", CONTENT)
    header = printed(fitted_table(cols, [row], 50), 50)[0].split()
    assert header == ["speaker", "cue", "content"]
    assert "Anna Korvik" in printed(fitted_table(cols, [row], 50), 50)[-1]


def test_terminal_columns_join_content2_and_hide_ids():
    cols, rows = terminal_columns(RESULT.columns, RESULT.rows)
    assert "content2" not in cols and "statement_id" not in cols and cols[-1] == "resolved"
    assert rows[0][cols.index("content")] == f"{CONTENT} … We will not move."
    assert "statement_id" in terminal_columns(RESULT.columns, RESULT.rows, wide=True)[0]


def test_a_column_empty_in_every_row_is_left_out_unless_wide():
    cols = [Col("speaker", keep=0), Col("outlet"), Col("content", keep=0, long=True)]
    rows = [["Anna Korvik", None, "The port will reopen."], ["Tomas Brenn", "", "No."]]
    assert [c.header.plain for c in fitted_table(cols, rows, 80).columns] == ["speaker", "content"]
    assert len(fitted_table(cols, rows, 80, wide=True).columns) == 3
