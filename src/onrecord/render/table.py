"""The terminal view a journalist reads: speaker -> cue -> content, time, replies, nesting."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from onrecord.records import Article, Statement
from onrecord.render.fit import Col, fitted_table, print_fitted

_CLASS_STYLE = {"neutral": "white", "assertive": "bold cyan", "tentative": "yellow",
                "contested": "bold magenta", "denial": "bold red", "confirmation": "green",
                "report": "blue", "directive": "cyan", "evaluative": "magenta", "intent": "yellow"}


# at 80 columns: speaker, cue and content first; --wide shows every column, content wrapped
COLUMNS = (Col("id", 3, cap=5), Col("speaker", 0, cap=22), Col("as_written", 2, cap=18), Col("cue", 1, cap=12),
           Col("class", 2, cap=12), Col("content", 0, long=True, minimum=30), Col("kind", 3, cap=8),
           Col("when", 2, cap=12), Col("replies_to", 2, cap=14))


def render_table(article: Article, console: Console, *, wide: bool = False) -> None:
    """Print the statements (nested ones indented under their parent), one line each fitted to the
    console (``wide``: every column, content wrapped), then the own-voice claims."""
    heading = " · ".join(p for p in (article.title or article.id or "article", article.outlet, article.published,
                                     f"{len(article.statements)} statements") if p)
    rows = [_row(statement, depth) for statement, depth in _in_tree_order(article)]
    print_fitted(console, fitted_table(COLUMNS, rows, console.width, wide=wide, title=heading))
    if article.own_voice:
        console.print(Text("Own voice (the outlet's unattributed claims):", style="bold"))
        for span in article.own_voice:
            console.print(Text(f"  • {span.text}"))


def _in_tree_order(article: Article) -> list[tuple[Statement, int]]:
    children: dict[str | None, list[Statement]] = {}
    ids = {s.id for s in article.statements}
    for s in article.statements:
        children.setdefault(s.parent if s.parent in ids else None, []).append(s)
    ordered: list[tuple[Statement, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for s in children.get(parent, []):
            ordered.append((s, depth))
            if depth < 20:
                walk(s.id, depth + 1)

    walk(None, 0)
    return ordered


def _row(s: Statement, depth: int) -> list[Text | str]:
    speaker = Text("  " * depth + ("└ " if depth else ""))
    if s.speaker is None:
        speaker.append("(unnamed)", style="dim")
    else:
        speaker.append(s.speaker.name or s.speaker.text, style="bold")
    content = s.content.text + (f" … {s.content2.text}" if s.content2 else "")
    when = "" if s.time is None else f"{s.time.value or '?'} ({s.time.text})"
    return [s.id, speaker, s.speaker.text if s.speaker else "", Text(s.cue.text, style=_CLASS_STYLE.get(s.cue.cls, "white")),
            s.cue.cls, content, s.kind, when, ", ".join(f"{r.type} {r.statement}" for r in s.replies_to)]
