"""The terminal view a journalist reads: speaker -> cue -> content, time, replies, nesting."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from onrecord.records import Article, Statement

_CLASS_STYLE = {"neutral": "white", "assertive": "bold cyan", "tentative": "yellow",
                "contested": "bold magenta", "denial": "bold red", "confirmation": "green",
                "report": "blue", "directive": "cyan", "evaluative": "magenta", "intent": "yellow"}
_MAX_CONTENT = 240


def render_table(article: Article, console: Console) -> None:
    """Print the statements (nested ones indented under their parent) and the own-voice claims."""
    title = article.title or article.id or "article"
    table = Table(title=f"{title} — {len(article.statements)} statements", show_lines=True,
                  expand=True)
    table.add_column("id", no_wrap=True)
    table.add_column("speaker", ratio=2)
    table.add_column("cue", min_width=12)
    table.add_column("content", ratio=5)
    table.add_column("when", min_width=10)
    table.add_column("replies to", min_width=11)
    for statement, depth in _in_tree_order(article):
        table.add_row(*_row(statement, depth))
    console.print(table)
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


def _row(s: Statement, depth: int) -> tuple[Text, Text, Text, Text, Text, Text]:
    indent = "  " * depth + ("└ " if depth else "")
    speaker = Text(indent)
    if s.speaker is None:
        speaker.append("(unnamed)", style="dim")
    else:
        speaker.append(s.speaker.name or s.speaker.text, style="bold")
        if s.speaker.name and s.speaker.name != s.speaker.text:
            speaker.append(f"\n{indent}  as “{s.speaker.text}”", style="dim")
    cue = Text(s.cue.text, style=_CLASS_STYLE.get(s.cue.cls, "white"))
    cue.append(f"\n{s.cue.cls}", style="dim")
    content = s.content.text + (f" … {s.content2.text}" if s.content2 else "")
    if len(content) > _MAX_CONTENT:
        content = content[:_MAX_CONTENT - 1] + "…"
    body = Text(content)
    body.append(f"\n[{s.kind}]", style="dim")
    when = Text("" if s.time is None else f"{s.time.value or '?'}\n{s.time.text}")
    replies = Text(", ".join(f"{r.type} {r.statement}" for r in s.replies_to))
    return Text(s.id), speaker, cue, body, when, replies
