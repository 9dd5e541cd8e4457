"""The JSON API of one statement: ``/api/statements/{id}``, what its permalink page shows."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from onrecord.explorer.api import CSV_RESPONSE, Format, Limit, Offset, TablePage, check_limit, explorer, respond
from onrecord.explorer.params import Id
from onrecord.explorer.permalink import add_permalink, with_permalinks

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/statements/{statement_id}", summary="One statement, its article, context, replies and links")
def statement(request: Request, statement_id: Id) -> dict[str, Any]:
    """The statement with its speaker (as written, resolved, how), cue, content, modality, its
    article (title, URL, outlet, date), the sentence around it (``context``), its replies within
    the article, and the statements in other articles that answer it (``crosslinks``, the first
    50; all at ``/api/statements/{id}/crosslinks``) or that it answers (``answers``)."""
    ex = explorer(request)
    st = add_permalink(request, ex.ask("statement", statement_id))
    for key in ("replies_to", "replied_by"):
        st[key] = [add_permalink(request, r, "statement_id") for r in st[key]]
    links = with_permalinks(request, ex.ask("statement_crosslinks", statement_id, side="all", limit=50, offset=0))
    answers = with_permalinks(request, ex.ask("statement_answers", statement_id, limit=50, offset=0))
    return {**st, "crosslinks": links.records(), "crosslinks_total": links.total,
            "answers": answers.records(), "answers_total": answers.total}


@router.get("/statements/{statement_id}/answers", response_model=TablePage, responses=CSV_RESPONSE,
            summary="What a statement answers in other articles")
def statement_answers(request: Request, statement_id: Id, limit: Limit = 50, offset: Offset = 0,
                      fmt: Format = "json") -> Any:
    """The reports in other articles that this statement rejects, confirms or responds to."""
    check_limit(limit, fmt)
    ex = explorer(request)
    ex.ask("statement", statement_id)  # 404 when there is none
    page = ex.ask("statement_answers", statement_id, limit=limit, offset=offset)
    return respond(request, page, fmt, f"statement-{statement_id}-answers")
