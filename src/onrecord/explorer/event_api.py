"""The events API (``/api/events``, ``/api/event-dyads`` ...): PLOVER events, paginated, also as CSV."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from onrecord.explorer.api import CSV_RESPONSE, Format, Limit, Offset, TablePage, check_limit, explorer, respond
from onrecord.explorer.event_queries import EventFilters, check_event_filters
from onrecord.explorer.queries import Page
from onrecord.store.event_groups import QUAD_CLASSES, QUADS

router = APIRouter(prefix="/api", tags=["events"])

Actor = Annotated[str | None, Query(description="An actor's name (every alias of its entity).")]
Recipient = Annotated[str | None, Query(description="A recipient's name (every alias of its entity).")]
EventType = Annotated[str | None, Query(description=f"PLOVER type: {', '.join(QUADS)}.")]
Quad = Annotated[str | None, Query(description=f"Quad class, 1-4 or {', '.join(QUAD_CLASSES)}.")]
Country = Annotated[str | None, Query(description="ISO 3166-1 alpha-3 code of a participant's country or "
                                                  "the place, e.g. UKR.")]
Since = Annotated[str | None, Query(description="Event date on or after (YYYY-MM-DD).")]
Until = Annotated[str | None, Query(description="Event date on or before (YYYY-MM-DD).")]


def _filters(actor: str | None, recipient: str | None, type_: str | None, quad: str | None,
             country: str | None, since: str | None, until: str | None) -> EventFilters:
    return check_event_filters(EventFilters(actor, recipient, type_, quad, country, since, until))


@router.get("/events", response_model=TablePage, responses=CSV_RESPONSE, summary="List PLOVER events")
def events(request: Request, actor: Actor = None, recipient: Recipient = None, type: EventType = None,
           quad: Quad = None, country: Country = None, since: Since = None, until: Until = None,
           limit: Limit = 50, offset: Offset = 0, fmt: Format = "json") -> Any:
    """Who did what to whom, oldest first: each event with its trigger, sentence, place, article and
    the number of reports (article appearances, copies included) in its group."""
    check_limit(limit, fmt)
    f = _filters(actor, recipient, type, quad, country, since, until)
    return respond(request, explorer(request).ask("event_list", f, limit=limit, offset=offset), fmt, "events")


@router.get("/event-dyads", response_model=TablePage, responses=CSV_RESPONSE,
            summary="Actor → recipient pairs of events")
def event_dyads(request: Request, actor: Actor = None, recipient: Recipient = None, type: EventType = None,
                quad: Quad = None, country: Country = None, since: Since = None, until: Until = None,
                limit: Limit = 50, offset: Offset = 0, fmt: Format = "json") -> Any:
    """Pairs of actor and recipient (canonical names) among the events the filters keep, most events
    first, with their events per quad class."""
    check_limit(limit, fmt)
    f = _filters(actor, recipient, type, quad, country, since, until)
    return respond(request, explorer(request).ask("event_dyads", f, limit=limit, offset=offset), fmt,
                   "event-dyads")


@router.get("/event-countries", response_model=TablePage, responses=CSV_RESPONSE,
            summary="Countries of events")
def event_countries(request: Request, actor: Actor = None, recipient: Recipient = None,
                    type: EventType = None, quad: Quad = None, country: Country = None, since: Since = None,
                    until: Until = None, limit: Limit = 50, offset: Offset = 0, fmt: Format = "json") -> Any:
    """Countries of the participants or places of the events the filters keep, most events first."""
    check_limit(limit, fmt)
    f = _filters(actor, recipient, type, quad, country, since, until)
    return respond(request, explorer(request).ask("event_countries", f, limit=limit, offset=offset), fmt,
                   "event-countries")


@router.get("/event-timeline", response_model=TablePage, responses=CSV_RESPONSE,
            summary="Events per day and quad class")
def event_timeline(request: Request, actor: Actor = None, recipient: Recipient = None,
                   type: EventType = None, quad: Quad = None, country: Country = None, since: Since = None,
                   until: Until = None, fmt: Format = "json") -> Any:
    """Events per event day and quad class (a null date: undated, or a week, month or year)."""
    f = _filters(actor, recipient, type, quad, country, since, until)
    rows = explorer(request).ask("event_timeline", f)
    page = Page("Events per day and quad class", ["date", "quad", "events"], rows, len(rows), max(len(rows), 1), 0)
    return respond(request, page, fmt, "event-timeline")
