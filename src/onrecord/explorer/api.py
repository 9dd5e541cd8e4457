"""The JSON API (``/api/...``): the explorer's data, paginated with totals, any table also as CSV."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel
from starlette.responses import Response

from onrecord.explorer import share_queries
from onrecord.explorer.csvout import csv_response
from onrecord.explorer.params import MAX_INT, Id
from onrecord.explorer.permalink import add_permalink, with_permalinks
from onrecord.explorer.queries import Page
from onrecord.explorer.service import Explorer
from onrecord.store.evidence import METHODS, NAMED_METHODS, UNKNOWN
from onrecord.store.modality import FLAGS as MODALITY_FLAGS
from onrecord.store.modality import KINDS as MODALITY_KINDS

router = APIRouter(prefix="/api", tags=["api"])
MAX_JSON_ROWS = 1000
MAX_CSV_ROWS = 10000

Limit = Annotated[int, Query(ge=1, le=MAX_CSV_ROWS,
                             description=f"Rows per page: at most {MAX_JSON_ROWS} as JSON, {MAX_CSV_ROWS} as CSV.")]
Offset = Annotated[int, Query(ge=0, le=MAX_INT, description="Rows to skip.")]
Format = Annotated[Literal["json", "csv"], Query(alias="format", description="json, or csv for a download.")]
Q = Annotated[str, Query(description="Words to find in what was said (FTS5 syntax on SQLite: "
                                     "\"exact phrase\", OR, prefix*).")]
Speaker = Annotated[str | None, Query(description="Speaker entity id or name (aliases merged).")]
Outlet = Annotated[str | None, Query(description="Outlet entity id or name.")]
Bias = Annotated[str | None, Query(description="Outlet bias label: left, center or right.")]
Since = Annotated[str | None, Query(description="Published on or after (YYYY-MM-DD, YYYY-MM or YYYY).")]
Until = Annotated[str | None, Query(description="Published on or before (YYYY-MM-DD, YYYY-MM or YYYY).")]
CueClass = Annotated[str | None, Query(description="Cue class: neutral, assertive, tentative, contested, "
                                                   "denial, confirmation, report, directive, evaluative, "
                                                   "intent or unknown.")]
Resolution = Annotated[str | None, Query(description="How the speaker was resolved, one or more (comma-separated) "
                                                     f"of {', '.join(METHODS)}, or {UNKNOWN} (not recorded).")]
MinConfidence = Annotated[str | None, Query(description="Only speakers resolved with at least this confidence, "
                                                        "a number from 0 to 1.")]
NamedOnly = Annotated[str | None, Query(description="true: only speakers resolved by "
                                                    f"{', '.join(NAMED_METHODS)} (named, not inferred).")]
Kind = Annotated[str | None, Query(description="Only statements of this kind, one or more (comma-separated) of "
                                              f"{', '.join(MODALITY_KINDS)} (speech: what a person or organisation said).")]
ModalityOnly = Annotated[str | None, Query(description="Only statements carrying these flags (comma-separated): "
                                                      f"{', '.join(MODALITY_FLAGS)}.")]
Topic = Annotated[str | None, Query(description="Only articles on this topic (AllSides topics, e.g. immigration).")]
Author = Annotated[str | None, Query(description="Only articles with this byline (case and spacing ignored).")]
Section = Annotated[str | None, Query(description="Only articles from this outlet section: news, online, opinion, "
                                                  "editorial, blog, fact-check or feature.")]
Without = Annotated[str | None, Query(description="Leave out statements carrying any of these flags (comma-separated): "
                                                 f"{', '.join(MODALITY_FLAGS)}.")]
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}}}}


class TablePage(BaseModel):
    """One page of a table; ``total`` counts all rows, ``next`` is the next page's URL or null."""

    title: str
    total: int
    limit: int
    offset: int
    columns: list[str]
    items: list[dict[str, Any]]
    next: str | None = None
    suggestions: list[dict[str, Any]] | None = None


class SearchPage(TablePage):
    """A page of search results: each item also has ``content_matches`` and ``content2_matches``
    ([start, end] offsets of the matched words); ``facets`` (asked with ``facets=true``) counts all
    matches by speaker, outlet, bias, month, cue class and modality."""

    facets: dict[str, Any] | None = None


def explorer(request: Request) -> Explorer:
    return request.app.state.explorer


def respond(request: Request, page: Page, fmt: str, filename: str,
            suggestions: list[dict[str, Any]] | None = None) -> dict[str, Any] | Response:
    """A page as JSON (with a link to the next one) or as a CSV download; rows of statements get
    their ``permalink``."""
    page = with_permalinks(request, page)
    if fmt == "csv":
        return csv_response(page.columns, page.rows, filename)
    nxt = next_link(request, page.offset + page.limit) if page.has_next else None
    return {"title": page.title, "total": page.total, "limit": page.limit, "offset": page.offset,
            "columns": page.columns, "items": page.records(), "next": nxt, "suggestions": suggestions}


def next_link(request: Request, offset: int) -> str:
    """The next page: the configured base URL (or none: a relative link), never the Host header."""
    url = request.url.include_query_params(offset=offset)
    return f"{request.app.state.base_url}{url.path}?{url.query}"


def check_limit(limit: int, fmt: str) -> None:
    if fmt == "json" and limit > MAX_JSON_ROWS:
        raise HTTPException(400, f"limit is at most {MAX_JSON_ROWS} for JSON; "
                                 f"ask for format=csv to get up to {MAX_CSV_ROWS} rows")


@router.get("/corpus", summary="Corpus size")
def corpus(request: Request) -> dict[str, int]:
    """How many articles, statements, entities and quote groups the corpus holds."""
    return explorer(request).ask("corpus_counts")


@router.get("/search", response_model=SearchPage, responses=CSV_RESPONSE, summary="Search statements")
def search(request: Request, q: Q = "", speaker: Speaker = None, outlet: Outlet = None, bias: Bias = None,
           since: Since = None, until: Until = None, cue_class: CueClass = None,
           resolution: Resolution = None, min_confidence: MinConfidence = None, named_only: NamedOnly = None,
           kind: Kind = None, modality: ModalityOnly = None, without: Without = None,
           topic: Topic = None, author: Author = None,
           order: Annotated[Literal["relevance", "newest", "oldest"], Query()] = "relevance",
           facets: Annotated[bool, Query(description="true: add facet counts over all matches (top values "
                                                     "of speaker, outlet, bias, month, cue class, modality).")] = False,
           limit: Limit = 50, offset: Offset = 0, fmt: Format = "json") -> Any:
    """Full-text search over what was said, narrowed by speaker, outlet, bias, dates, cue class,
    how the speaker was resolved and modality.  With words, best matches first (a very short
    content counts for less); without, newest first.  Each item's ``content_matches`` and
    ``content2_matches`` give the offsets of the matched words."""
    check_limit(limit, fmt)
    ex = explorer(request)
    f = ex.filters(q=q, speaker=speaker, outlet=outlet, bias=bias, since=since, until=until, cue_class=cue_class,
                   resolution=resolution, min_confidence=min_confidence, named_only=named_only,
                   kind=kind, modality=modality, without=without, topic=topic, author=author)
    out = respond(request, ex.ask("statements", f, limit=limit, offset=offset, order=order), fmt, "search")
    if isinstance(out, Response):
        return out
    found = ex.ask("match_spans", f.q, tuple(r["statement_id"] for r in out["items"])) if f.q else {}
    for item in out["items"]:
        item["content_matches"], item["content2_matches"] = found.get(item["statement_id"], ([], []))
    if facets:
        out["facets"] = ex.ask("facets", f)
    return out


@router.get("/network", summary="Who quotes, cites and replies to whom", responses=CSV_RESPONSE)
def network(request: Request, q: Q = "", speaker: Speaker = None, outlet: Outlet = None, bias: Bias = None,
            since: Since = None, until: Until = None, cue_class: CueClass = None,
            resolution: Resolution = None, min_confidence: MinConfidence = None, named_only: NamedOnly = None,
            max_speakers: Annotated[int, Query(ge=1, le=200)] = 25,
            max_outlets: Annotated[int, Query(ge=1, le=100)] = 12, fmt: Format = "json") -> Any:
    """Nodes (outlets and speakers) and edges among the statements a search finds: an outlet
    *quotes* a speaker, a speaker *cites* another (nested attribution), a speaker *replies* to another."""
    ex = explorer(request)
    f = ex.filters(q=q, speaker=speaker, outlet=outlet, bias=bias, since=since, until=until, cue_class=cue_class,
                   resolution=resolution, min_confidence=min_confidence, named_only=named_only)
    graph = ex.ask("network", f, max_speakers=max_speakers, max_outlets=max_outlets)
    if fmt == "csv":
        names = {n["id"]: (n["name"], n["kind"], n["entity_id"]) for n in graph["nodes"]}
        rows = [(*names[e["source"]], e["type"], *names[e["target"]], e["weight"]) for e in graph["edges"]]
        return csv_response(["source", "source_kind", "source_id", "type", "target", "target_kind",
                             "target_id", "statements"], rows, "network")
    return graph


@router.get("/articles", response_model=TablePage, responses=CSV_RESPONSE, summary="List articles")
def articles(request: Request, outlet: Outlet = None, bias: Bias = None, since: Since = None,
             until: Until = None, topic: Topic = None, author: Author = None, section: Section = None,
             limit: Limit = 50, offset: Offset = 0, fmt: Format = "json") -> Any:
    """Articles, newest first, narrowed by outlet, bias, dates, topic, author and outlet section."""
    check_limit(limit, fmt)
    ex = explorer(request)
    f = ex.filters(outlet=outlet, bias=bias, since=since, until=until, topic=topic, author=author, section=section)
    return respond(request, ex.ask("articles", f, limit=limit, offset=offset), fmt, "articles")


@router.get("/articles/{article_id}", summary="One article with its attributions")
def article(request: Request, article_id: Id) -> dict[str, Any]:
    """The text and every statement with character offsets into it (speaker, cue, content, time),
    nesting (``parent_local_id``), replies both ways, and own-voice claims; each statement has its
    ``permalink``."""
    art = explorer(request).ask("article", article_id)
    return {**art, "statements": [add_permalink(request, st) for st in art["statements"]]}


@router.get("/articles/{article_id}/statements", response_model=TablePage, responses=CSV_RESPONSE,
            summary="An article's statements as a table")
def article_statements(request: Request, article_id: Id, fmt: Format = "json") -> Any:
    art = explorer(request).ask("article", article_id)
    cols = [c for c in (art["statements"][0] if art["statements"] else {"local_id": 0})
            if c not in ("replies_to", "replied_by")]
    cols = [*cols, "permalink"] if art["statements"] else cols
    rows = [tuple(add_permalink(request, st)[c] for c in cols) for st in art["statements"]]
    page = Page(f"Statements in article {article_id}", cols, rows, len(rows), max(len(rows), 1), 0)
    return respond(request, page, fmt, f"article-{article_id}-statements")


@router.get("/speakers", response_model=TablePage, responses=CSV_RESPONSE, summary="List speakers")
def speakers(request: Request, name: Annotated[str, Query(description="Part of a name.")] = "",
             limit: Limit = 50, offset: Offset = 0, fmt: Format = "json") -> Any:
    """Speakers, most statements first (groups and documents are not ranked); ``name`` narrows by
    any alias, registry name or part of a name.  When nothing matches, ``suggestions`` lists
    speakers with close names."""
    check_limit(limit, fmt)
    ex = explorer(request)
    page = ex.ask("speakers", name, limit=limit, offset=offset)
    suggestions = None
    if name.strip() and not page.total:
        suggestions = [{"speaker_id": i, "speaker": n} for i, n in ex.ask("speaker_suggestions", name.strip())]
    return respond(request, page, fmt, "speakers", suggestions)


@router.get("/speakers/{speaker_id}", summary="A speaker")
def speaker(request: Request, speaker_id: Id) -> dict[str, Any]:
    """The entity, its aliases, and how much it says where and when."""
    ex = explorer(request)
    return {**ex.ask("entity", speaker_id), **ex.speaker_summary(speaker_id)}


@router.get("/speakers/{speaker_id}/statements", response_model=TablePage, responses=CSV_RESPONSE,
            summary="What a speaker said")
def speaker_statements(request: Request, speaker_id: Id, q: Q = "", outlet: Outlet = None,
                       bias: Bias = None, since: Since = None, until: Until = None,
                       cue_class: CueClass = None, resolution: Resolution = None,
                       min_confidence: MinConfidence = None, named_only: NamedOnly = None,
                       kind: Kind = None, modality: ModalityOnly = None, without: Without = None,
                       topic: Topic = None, author: Author = None,
                       limit: Limit = 50, offset: Offset = 0, fmt: Format = "json") -> Any:
    """Everything the speaker said, oldest first (best matches first when ``q`` is given)."""
    check_limit(limit, fmt)
    ex = explorer(request)
    ex.ask("entity", speaker_id)
    f = ex.filters(q=q, speaker=str(speaker_id), outlet=outlet, bias=bias, since=since, until=until,
                   cue_class=cue_class, resolution=resolution, min_confidence=min_confidence,
                   named_only=named_only, kind=kind, modality=modality, without=without, topic=topic, author=author)
    page = ex.ask("statements", f, limit=limit, offset=offset, order="relevance" if q else "oldest")
    return respond(request, page, fmt, f"speaker-{speaker_id}-statements")


@router.get("/speakers/{speaker_id}/timeline", response_model=TablePage, responses=CSV_RESPONSE,
            summary="A speaker's statements per day (or month, with the corpus's share) and cue class")
def speaker_timeline(request: Request, speaker_id: Id,
                     per: Annotated[Literal["day", "month"], Query(
                         description="day: statements per publication day; month: statements per month "
                                     "with corpus_statements (all statements that month) and share.")] = "day",
                     fmt: Format = "json") -> Any:
    ex = explorer(request)
    ex.ask("entity", speaker_id)
    if per == "month":
        rows = ex.ask("speaker_month_shares", speaker_id)
        page = Page("Statements per month and cue class, as a share of the corpus", list(share_queries.COLUMNS),
                    rows, len(rows), max(len(rows), 1), 0)
        return respond(request, page, fmt, f"speaker-{speaker_id}-timeline-month")
    rows = ex.speaker_timeline(speaker_id)
    page = Page("Statements per day and cue class", ["published", "cue_class", "statements"], rows,
                len(rows), max(len(rows), 1), 0)
    return respond(request, page, fmt, f"speaker-{speaker_id}-timeline")


@router.get("/speakers/{speaker_id}/outlets", response_model=TablePage, responses=CSV_RESPONSE,
            summary="Outlets quoting a speaker, by cue class")
def speaker_outlets(request: Request, speaker_id: Id, limit: Limit = 50, offset: Offset = 0,
                    fmt: Format = "json") -> Any:
    check_limit(limit, fmt)
    ex = explorer(request)
    ex.ask("entity", speaker_id)
    page = ex.speaker_outlets(speaker_id, limit=limit, offset=offset)
    return respond(request, page, fmt, f"speaker-{speaker_id}-outlets")


@router.get("/speakers/{speaker_id}/replies", response_model=TablePage, responses=CSV_RESPONSE,
            summary="Who replies to a speaker, or whom they reply to")
def speaker_replies(request: Request, speaker_id: Id,
                    direction: Annotated[Literal["to_them", "by_them"], Query()] = "to_them",
                    limit: Limit = 50, offset: Offset = 0, fmt: Format = "json") -> Any:
    check_limit(limit, fmt)
    ex = explorer(request)
    ex.ask("entity", speaker_id)
    page = ex.ask("speaker_replies", speaker_id, direction=direction, limit=limit, offset=offset)
    return respond(request, page, fmt, f"speaker-{speaker_id}-replies-{direction}")


@router.get("/quotes/{quote_id}", summary="A quote and its spread")
def quote(request: Request, quote_id: str) -> dict[str, Any]:
    """The quote group's text, how many articles and outlets carry it, first and last date."""
    return explorer(request).ask("quote", quote_id)


@router.get("/quotes/{quote_id}/appearances", response_model=TablePage, responses=CSV_RESPONSE,
            summary="Where a quote appeared, first appearance first")
def quote_appearances(request: Request, quote_id: str, resolution: Resolution = None,
                      min_confidence: MinConfidence = None, named_only: NamedOnly = None,
                      limit: Limit = 50, offset: Offset = 0, fmt: Format = "json") -> Any:
    check_limit(limit, fmt)
    ex = explorer(request)
    ex.ask("quote", quote_id)
    f = ex.filters(resolution=resolution, min_confidence=min_confidence, named_only=named_only)
    page = ex.ask("quote_appearances", quote_id, f, limit=limit, offset=offset)
    return respond(request, page, fmt, f"quote-{quote_id}")


@router.get("/outlets", response_model=TablePage, responses=CSV_RESPONSE, summary="List outlets")
def outlets(request: Request, bias: Bias = None, limit: Limit = 100, offset: Offset = 0,
            fmt: Format = "json") -> Any:
    check_limit(limit, fmt)
    return respond(request, explorer(request).ask("outlets", bias=bias, limit=limit, offset=offset),
                   fmt, "outlets")


@router.get("/outlets/{outlet_id}", summary="An outlet's framing profile")
def outlet(request: Request, outlet_id: Id) -> dict[str, Any]:
    """Articles, statements and own-voice share; cue-class shares next to the corpus's and each bias
    group's, and the own-voice share of each."""
    ex = explorer(request)
    return {**ex.ask("entity", outlet_id), **ex.ask("outlet_summary", outlet_id),
            "cue_class_shares": ex.profile_shares(outlet_id),
            "own_voice_shares": ex.ask("own_voice_shares")}


@router.get("/outlets/{outlet_id}/profile", response_model=TablePage, responses=CSV_RESPONSE,
            summary="Cue-class shares: outlet, corpus, bias groups")
def outlet_profile(request: Request, outlet_id: Id, fmt: Format = "json") -> Any:
    shares = explorer(request).profile_shares(outlet_id)
    groups = list(shares)
    classes = sorted({c for s in shares.values() for c in s})
    rows = [(c, *(shares[g].get(c, 0.0) for g in groups)) for c in classes]
    page = Page("Cue-class shares", ["cue_class", *(g.replace(" ", "_") for g in groups)], rows,
                len(rows), max(len(rows), 1), 0)
    return respond(request, page, fmt, f"outlet-{outlet_id}-profile")


@router.get("/outlets/{outlet_id}/speakers", response_model=TablePage, responses=CSV_RESPONSE,
            summary="Cue classes an outlet uses, by speaker")
def outlet_speakers(request: Request, outlet_id: Id, limit: Limit = 20, offset: Offset = 0,
                    fmt: Format = "json") -> Any:
    check_limit(limit, fmt)
    ex = explorer(request)
    ex.ask("outlet_summary", outlet_id)
    page = ex.ask("outlet_speakers", outlet_id, limit=limit, offset=offset)
    return respond(request, page, fmt, f"outlet-{outlet_id}-speakers")
