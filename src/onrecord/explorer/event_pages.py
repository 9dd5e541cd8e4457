"""The events page (``/events``): filters, a timeline by quad class, the events, top dyads and
countries; ``/events?actor=A&recipient=B`` is a dyad's timeline, ``/events?country=UKR`` a country's."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from onrecord.explorer import event_charts
from onrecord.explorer.event_queries import EventFilters, check_event_filters, country_name
from onrecord.explorer.pages import Offset, PageLimit, _api_url, explorer, render
from onrecord.store.errors import FilterError, QueryError

router = APIRouter(include_in_schema=False)
TOP = 15  # dyads and countries shown on the page; the CSVs have all


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, actor: str | None = None, recipient: str | None = None, type: str | None = None,
           quad: str | None = None, country: str | None = None, since: str | None = None,
           until: str | None = None, limit: PageLimit = 50, offset: Offset = 0) -> HTMLResponse:
    ex = explorer(request)
    form = {"actor": actor, "recipient": recipient, "type": type, "quad": quad, "country": country,
            "since": since, "until": until}
    ctx: dict[str, Any] = {"form": form, "error": None, "page": None}
    if not ex.ask("has_events"):
        return render(request, "events.html", empty=True, **ctx)
    status = 200
    try:
        f = check_event_filters(EventFilters(**form))
        ctx.update(_results(request, f, limit, offset))
    except FilterError as err:
        status, ctx["error"] = 400, str(err)
    except QueryError as err:  # an actor or recipient no event has
        status, ctx["error"] = 404, str(err)
    return render(request, "events.html", status, empty=False, **ctx)


def _results(request: Request, f: EventFilters, limit: int, offset: int) -> dict[str, Any]:
    ex = explorer(request)
    params = f.params()

    def href(start: date, end: date) -> str:
        return _api_url("/events", params, since=start.isoformat(), until=end.isoformat()) + "#events"

    csv = {name: _api_url(f"/api/{name}", params, format="csv", limit=10000)
           for name in ("events", "event-dyads", "event-countries")}
    csv["event-timeline"] = _api_url("/api/event-timeline", params, format="csv")
    reverse = _api_url("/events", {"actor": f.recipient, "recipient": f.actor}) if f.actor and f.recipient else None
    return {"filters": f, "params": params, "page": ex.ask("event_list", f, limit=limit, offset=offset),
            "chart": event_charts.timeline(ex.ask("event_timeline", f), href),
            "dyads": ex.ask("event_dyads", f, limit=TOP, offset=0),
            "countries": ex.ask("event_countries", f, limit=TOP, offset=0),
            "country_label": country_name(f.country) if f.country else None,
            "reverse_url": reverse, "csv_urls": csv}
