"""The terminal view of an article's PLOVER events: type, who -> whom, where, when, from which statement."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from onrecord.records import Article, EventActor, Event


def render_events(article: Article, console: Console) -> None:
    """Print the events table (nothing when the article has no events)."""
    if not article.events:
        return
    table = Table(title=f"{len(article.events)} PLOVER events", show_lines=True, expand=True)
    for name, options in (("id", {"no_wrap": True}), ("type", {"min_width": 9}), ("actor", {"ratio": 2}),
                          ("recipient", {"ratio": 2}), ("event text", {"ratio": 2}), ("mode", {}),
                          ("when", {"min_width": 10}), ("where", {}), ("from", {})):
        table.add_column(name, **options)
    for event in article.events:
        table.add_row(*_row(event))
    console.print(table)


def _row(event: Event) -> tuple[str, ...]:
    when = (event.date or "") + (" (published)" if event.date_from == "published" else "")
    source = event.statement or "outlet"
    if event.reported_by:
        source += " via " + " > ".join(event.reported_by)
    kind = event.type + "".join(f" [{a}]" for a in event.aux)
    return (event.id, kind, _names(event.actors), _names(event.recipients), event.trigger.text,
            ", ".join(event.mode + event.context), when, event.place.name if event.place and event.place.name else "",
            source)


def _names(actors: tuple[EventActor, ...]) -> str:
    return "; ".join(a.name or a.text for a in actors)
