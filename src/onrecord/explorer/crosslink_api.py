"""The JSON API of cross-article links: who contradicted a statement, speaker or quote, who backed it."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from onrecord.explorer.api import CSV_RESPONSE, Format, Limit, Offset, TablePage, check_limit, explorer, respond
from onrecord.explorer.params import Id
from onrecord.store.errors import QueryError

router = APIRouter(prefix="/api", tags=["api"])
Side = Annotated[Literal["against", "for", "responds", "all"],
                 Query(description="against: who rejected or contradicted it; for: who confirmed or "
                                   "supported it; responds: other replies; all: every link.")]


@router.get("/statements/{statement_id}/crosslinks", response_model=TablePage, responses=CSV_RESPONSE,
            summary="Who contradicted or backed a statement, in other articles")
def statement_crosslinks(request: Request, statement_id: Id, side: Side = "all", limit: Limit = 50,
                         offset: Offset = 0, fmt: Format = "json") -> Any:
    """Statements in other articles that reject, confirm, respond to, contradict or support
    this one, each with its speaker, outlet, date, link type and the evidence for the link."""
    check_limit(limit, fmt)
    ex = explorer(request)
    if not ex.ask("statement_exists", statement_id):
        raise QueryError(f"no statement with id {statement_id}; find one with /search")
    page = ex.ask("statement_crosslinks", statement_id, side=side, limit=limit, offset=offset)
    return respond(request, page, fmt, f"statement-{statement_id}-crosslinks-{side}")


@router.get("/speakers/{speaker_id}/crosslinks", response_model=TablePage, responses=CSV_RESPONSE,
            summary="Who contradicted or backed a speaker, in other articles")
def speaker_crosslinks(request: Request, speaker_id: Id, side: Side = "against", limit: Limit = 50,
                       offset: Offset = 0, fmt: Format = "json") -> Any:
    """What others said in other articles against (or for) the speaker's statements."""
    check_limit(limit, fmt)
    ex = explorer(request)
    ex.ask("entity", speaker_id)
    page = ex.ask("speaker_crosslinks", speaker_id, side=side, limit=limit, offset=offset)
    return respond(request, page, fmt, f"speaker-{speaker_id}-crosslinks-{side}")


@router.get("/quotes/{quote_id}/crosslinks", response_model=TablePage, responses=CSV_RESPONSE,
            summary="Who contradicted or backed a quote, in other articles")
def quote_crosslinks(request: Request, quote_id: str, side: Side = "all", limit: Limit = 50,
                     offset: Offset = 0, fmt: Format = "json") -> Any:
    check_limit(limit, fmt)
    ex = explorer(request)
    ex.ask("quote", quote_id)
    page = ex.ask("quote_crosslinks", quote_id, side=side, limit=limit, offset=offset)
    return respond(request, page, fmt, f"quote-{quote_id}-crosslinks-{side}")
