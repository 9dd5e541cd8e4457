"""The terminal view of an article's PLOVER events: type, who -> whom, where, when, from which statement."""

from __future__ import annotations

from rich.console import Console

from onrecord.records import Article, EventActor, Event
from onrecord.render.fit import Col, fitted_table, print_fitted


COLUMNS = (Col("id", 3, cap=5), Col("type", 0, cap=14), Col("actor", 0, cap=20), Col("recipient", 1, cap=20),
           Col("event_text", 1, long=True), Col("mode", 3, cap=12), Col("when", 2, cap=12),
           Col("where", 2, cap=14), Col("from", 3, cap=14))


def render_events(article: Article, console: Console, *, wide: bool = False) -> None:
    """Print the events table fitted to the console (nothing when the article has no events)."""
    if not article.events:
        return
    rows = [_row(event) for event in article.events]
    print_fitted(console, fitted_table(COLUMNS, rows, console.width, wide=wide,
                                       title=f"{len(article.events)} PLOVER events"))


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
