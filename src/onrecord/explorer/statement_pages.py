"""The statement permalink page (``/statements/{id}``): one statement, its article and sentence,
its replies within the article and who answered it in other articles."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request
from markupsafe import Markup
from starlette.responses import HTMLResponse

from onrecord.explorer.highlight import highlight, statement_spans
from onrecord.explorer.pages import explorer, render
from onrecord.explorer.params import Id

router = APIRouter(include_in_schema=False)
SIDES = (("against", "against"), ("backed", "for"), ("responds", "responds"))


def sentence_markup(st: dict[str, Any]) -> Markup | None:
    """The statement's sentence with its speaker, cue, contents and time highlighted."""
    ctx = st["context"]
    if ctx is None:
        return None
    shift = ctx["sentence_start"]
    spans = [replace(s, start=s.start - shift, end=s.end - shift, nested=False)
             for s in statement_spans([st])]
    return highlight(ctx["sentence"], spans)


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement(request: Request, statement_id: Id) -> HTMLResponse:
    ex = explorer(request)
    st = ex.ask("statement", statement_id)
    links = {name: ex.ask("statement_crosslinks", statement_id, side=side, limit=20, offset=0)
             for name, side in SIDES}
    base = f"/api/statements/{statement_id}"
    csv_urls = {name: f"{base}/crosslinks?side={side}&format=csv&limit=10000" for name, side in SIDES}
    csv_urls["answers"] = f"{base}/answers?format=csv&limit=10000"
    return render(request, "statement.html", st=st, art=st["article"], sentence=sentence_markup(st),
                  links=links, answers=ex.ask("statement_answers", statement_id, limit=20, offset=0),
                  csv_urls=csv_urls, api_url_self=base)
