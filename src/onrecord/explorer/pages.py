"""The HTML pages: server-side Jinja2 templates (autoescaped), charts drawn as SVG on the server."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from onrecord import __version__
from onrecord.explorer import charts, event_charts
from onrecord.explorer.share_chart import share_timeline
from onrecord.explorer.highlight import event_spans, highlight, paragraphs, statement_spans
from onrecord.explorer.params import MAX_INT, Id
from onrecord.explorer.queries import ALL_CUE_CLASSES, BIASES, Filters, Page
from onrecord.explorer.search_view import facet_links, marked_page
from onrecord.explorer.service import Explorer
from onrecord.store.errors import QueryError, UnknownName
from onrecord.store.event_groups import QUAD_CLASSES, QUADS
from onrecord.store.evidence import METHODS, UNKNOWN, describe
from onrecord.store.modality import FLAGS as MODALITY_FLAGS
from onrecord.store.modality import KINDS as MODALITY_KINDS

TEMPLATES = Path(__file__).with_name("templates")
router = APIRouter(include_in_schema=False)
EVIDENCE_KEYS = ("resolution", "min_confidence", "named_only")
MODALITY_KEYS = ("kind", "modality", "without")  # onrecord.store.modality: kind, only these flags, not these
METADATA_KEYS = ("topic", "author")  # explorer.metadata_filters: the article's topic and bylines
FILTER_KEYS = ("q", "speaker", "outlet", "bias", "since", "until", "cue_class", *EVIDENCE_KEYS, *MODALITY_KEYS,
               *METADATA_KEYS)
PageLimit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=MAX_INT)]


def _url_with(request: Request, **params: Any) -> str:
    """This page's URL with some query parameters replaced (None removes one)."""
    query = {k: v for k, v in request.query_params.items() if k not in params}
    query.update({k: v for k, v in params.items() if v is not None})
    return f"{request.url.path}?{urlencode(query)}" if query else request.url.path


def _api_url(path: str, params: dict[str, Any], **extra: Any) -> str:
    query = {k: v for k, v in {**params, **extra}.items() if v not in (None, "")}
    return f"{path}?{urlencode(query)}" if query else path


def _safe_href(url: str | None) -> str | None:
    """Only web links from the corpus become links (no javascript: or data: URLs)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(url_with=_url_with, api_url=_api_url, safe_href=_safe_href,
                       class_color=charts.class_color, bias_color=charts.bias_color,
                       cue_classes=ALL_CUE_CLASSES, biases=BIASES, version=__version__,
                       resolution_methods=(*METHODS, UNKNOWN), describe_resolution=describe,
                       modality_kinds=MODALITY_KINDS, modality_flags=MODALITY_FLAGS,
                       quad_slug=event_charts.quad_slug, quad_classes=QUAD_CLASSES, plover_types=tuple(QUADS))
    return env


templates = Jinja2Templates(env=_environment())


def explorer(request: Request) -> Explorer:
    return request.app.state.explorer


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("db_name", Path(request.app.state.explorer.corpus.target).name
                       if request.app.state.explorer.backend == "sqlite" else "PostgreSQL")
    return templates.TemplateResponse(request, template, context, status_code=status_code)


# -- pages -------------------------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    ex = explorer(request)
    return render(request, "home.html", counts=ex.ask("corpus_counts"),
                  speakers=ex.ask("speakers", "", limit=15, offset=0),
                  outlets=ex.ask("outlets", limit=30, offset=0),
                  articles=ex.ask("articles", Filters(), limit=10, offset=0))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "", speaker: str | None = None, outlet: str | None = None,
           bias: str | None = None, since: str | None = None, until: str | None = None,
           cue_class: str | None = None, resolution: str | None = None, min_confidence: str | None = None,
           named_only: str | None = None, kind: str | None = None, modality: str | None = None,
           without: str | None = None, order: str = "relevance", limit: PageLimit = 25,
           offset: Offset = 0, topic: str | None = None, author: str | None = None) -> HTMLResponse:
    ex = explorer(request)
    form = {"q": q, "speaker": speaker, "outlet": outlet, "bias": bias, "since": since, "until": until,
            "cue_class": cue_class, "resolution": resolution, "min_confidence": min_confidence,
            "named_only": named_only, "kind": kind, "modality": modality, "without": without, "order": order,
            "topic": topic, "author": author}
    ctx: dict[str, Any] = {"form": form, "outlet_choices": ex.ask("outlets", limit=1000, offset=0),
                           "metadata": ex.ask("metadata_choices"), "results": None, "error": None,
                           "suggestions": []}
    if any(form[k] for k in FILTER_KEYS):
        try:
            f = ex.filters(**{k: form[k] for k in FILTER_KEYS})
            results = ex.ask("statements", f, limit=limit, offset=offset,
                             order=order if order in ("relevance", "newest", "oldest") else "relevance")
            ctx["results"] = _search_extras(request, ex, f, results, form, ctx)
        except UnknownName as err:
            ctx["error"], ctx["suggestions_lead"] = str(err), err.lead
            ctx["suggestions"] = [(name, _url_with(request, speaker=str(i), offset=None))
                                  for i, name in err.suggestions]
        except QueryError as err:
            ctx["error"] = str(err)
        params = {k: form[k] for k in FILTER_KEYS}
        ctx["csv_url"] = _api_url("/api/search", params, order=order, format="csv", limit=10000)
        ctx["network_url"] = _api_url("/network", params)
    return render(request, "search.html", 400 if ctx["error"] else 200, **ctx)


def _search_extras(request: Request, ex: Explorer, f: Filters, results: Page, form: dict[str, Any],
                   ctx: dict[str, Any]) -> Page:
    """Facets over all matches into ``ctx``; the results with their matched words marked."""
    if results.total:
        chosen = {k: ids for k, ids in (("speaker", f.speaker), ("outlet", f.outlet)) if ids}
        ctx["facets"] = facet_links(ex.ask("facets", f), form, lambda **p: _url_with(request, **p), chosen)
    if not f.q:
        return results
    ids = tuple(r[results.columns.index("statement_id")] for r in results.rows)
    return marked_page(results, ex.ask("match_spans", f.q, ids))


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, q: str = "", speaker: str | None = None, outlet: str | None = None,
            bias: str | None = None, since: str | None = None, until: str | None = None,
            cue_class: str | None = None, resolution: str | None = None, min_confidence: str | None = None,
            named_only: str | None = None, max_speakers: Annotated[int, Query(ge=1, le=100)] = 25,
            max_outlets: Annotated[int, Query(ge=1, le=50)] = 12) -> HTMLResponse:
    ex = explorer(request)
    params = {"q": q, "speaker": speaker, "outlet": outlet, "bias": bias, "since": since, "until": until,
              "cue_class": cue_class, "resolution": resolution, "min_confidence": min_confidence,
              "named_only": named_only}
    f = ex.filters(**params)
    graph = ex.ask("network", f, max_speakers=max_speakers, max_outlets=max_outlets)
    active = [(k, v) for k, v in params.items() if v]
    return render(request, "network.html", params=params, active=active, graph=graph, net=charts.network(graph),
                  search_url=_api_url("/search", params),
                  csv_url=_api_url("/api/network", params, format="csv"))


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, outlet: str | None = None, bias: str | None = None, since: str | None = None,
             until: str | None = None, topic: str | None = None, author: str | None = None,
             section: str | None = None, limit: PageLimit = 50, offset: Offset = 0) -> HTMLResponse:
    ex = explorer(request)
    params = {"outlet": outlet, "bias": bias, "since": since, "until": until, "topic": topic, "author": author,
              "section": section}
    ctx: dict[str, Any] = {"params": params, "error": None, "choices": ex.ask("metadata_choices"),
                           "outlet_choices": ex.ask("outlets", limit=1000, offset=0)}
    try:
        page = ex.ask("articles", ex.filters(**params), limit=limit, offset=offset)
    except QueryError as err:
        ctx["error"], page = str(err), Page("Articles", [], [], 0, limit, offset)
    return render(request, "articles.html", 400 if ctx["error"] else 200, page=page, filtered=any(params.values()),
                  csv_url=_api_url("/api/articles", params, format="csv", limit=10000, offset=offset), **ctx)


def statement_tree(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statements in reading order with each nested one right after its parent (``depth`` set)."""
    by_local = {st["local_id"]: st for st in statements}
    children: dict[str | None, list[dict[str, Any]]] = {}
    for st in statements:
        parent = st.get("parent_local_id")
        children.setdefault(parent if parent in by_local and parent != st["local_id"] else None, []).append(st)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()

    def walk(st: dict[str, Any], depth: int) -> None:
        if st["local_id"] in seen:
            return
        seen.add(st["local_id"])
        out.append({**st, "depth": min(depth, 4)})
        for child in children.get(st["local_id"], []):
            walk(child, depth + 1)

    for st in children.get(None, []):
        walk(st, 0)
    for st in statements:  # cycles in parent links: show them anyway
        walk(st, 0)
    return out


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: Id) -> HTMLResponse:
    ex = explorer(request)
    art = ex.ask("article", article_id)
    events = ex.ask("article_events", article_id)
    body = highlight(art["text"], [*statement_spans(art["statements"], art["own_voice"]), *event_spans(events)])
    return render(request, "article.html", art=art, paragraphs=paragraphs(body),
                  statements=statement_tree(art["statements"]), events=events,
                  crosslinks=ex.ask("article_crosslinks", article_id))


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, name: str = "", limit: PageLimit = 50, offset: Offset = 0) -> HTMLResponse:
    ex = explorer(request)
    page = ex.ask("speakers", name, limit=limit, offset=offset)
    suggestions = ex.ask("speaker_suggestions", name.strip()) if name.strip() and not page.total else []
    return render(request, "speakers.html", page=page, name=name, suggestions=suggestions,
                  csv_url=_api_url("/api/speakers", {"name": name}, format="csv", limit=10000))


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker(request: Request, speaker_id: Id, q: str = "", outlet: str | None = None,
            bias: str | None = None, since: str | None = None, until: str | None = None,
            cue_class: str | None = None, resolution: str | None = None, min_confidence: str | None = None,
            named_only: str | None = None, kind: str | None = None, modality: str | None = None,
            without: str | None = None, limit: PageLimit = 50, offset: Offset = 0, topic: str | None = None,
            author: str | None = None) -> HTMLResponse:
    ex = explorer(request)
    ent = ex.ask("entity", speaker_id)
    params = {"q": q, "outlet": outlet, "bias": bias, "since": since, "until": until, "cue_class": cue_class,
              "resolution": resolution, "min_confidence": min_confidence, "named_only": named_only,
              "kind": kind, "modality": modality, "without": without, "topic": topic, "author": author}
    f = ex.filters(speaker=str(speaker_id), **params)
    page = ex.ask("statements", f, limit=limit, offset=offset, order="relevance" if q else "oldest")

    def href(start: date, end: date) -> str:
        return _api_url(f"/speakers/{speaker_id}", {}, since=start.isoformat(), until=end.isoformat()) + "#statements"

    base = f"/api/speakers/{speaker_id}"
    return render(
        request, "speaker.html", ent=ent, summary=ex.speaker_summary(speaker_id),
        chart=share_timeline(ex.ask("speaker_month_shares", speaker_id), href, corpus=ex.ask("corpus_month_totals")),
        page=page,
        filtered=any(params.values()), params=params,
        outlets=ex.speaker_outlets(speaker_id, limit=50, offset=0),
        replies_to=ex.ask("speaker_replies", speaker_id, direction="to_them", limit=50, offset=0),
        replies_by=ex.ask("speaker_replies", speaker_id, direction="by_them", limit=50, offset=0),
        against=ex.ask("speaker_crosslinks", speaker_id, side="against", limit=20, offset=0),
        backed=ex.ask("speaker_crosslinks", speaker_id, side="for", limit=20, offset=0),
        csv_urls={"statements": _api_url(f"{base}/statements", params, format="csv", limit=10000),
             "timeline": f"{base}/timeline?per=month&format=csv",
             "outlets": f"{base}/outlets?format=csv&limit=10000",
             "replies_to": f"{base}/replies?direction=to_them&format=csv&limit=10000",
             "replies_by": f"{base}/replies?direction=by_them&format=csv&limit=10000",
             "against": f"{base}/crosslinks?side=against&format=csv&limit=10000",
             "backed": f"{base}/crosslinks?side=for&format=csv&limit=10000"},
        network_url=f"/network?speaker={speaker_id}")


@router.get("/quotes/{quote_id}", response_class=HTMLResponse)
def quote(request: Request, quote_id: str, resolution: str | None = None, min_confidence: str | None = None,
          named_only: str | None = None, limit: PageLimit = 50, offset: Offset = 0) -> HTMLResponse:
    ex = explorer(request)
    info = ex.ask("quote", quote_id)
    params = {"resolution": resolution, "min_confidence": min_confidence, "named_only": named_only}
    f = ex.filters(**params)
    return render(request, "quote.html", quote=info, chart=charts.spread(ex.ask("quote_points", quote_id)),
                  page=ex.ask("quote_appearances", quote_id, f, limit=limit, offset=offset),
                  against=ex.ask("quote_crosslinks", quote_id, side="against", limit=20, offset=0),
                  backed=ex.ask("quote_crosslinks", quote_id, side="for", limit=20, offset=0),
                  crosslink_csv={side: f"/api/quotes/{quote_id}/crosslinks?side={key}&format=csv&limit=10000"
                                 for side, key in (("against", "against"), ("backed", "for"))},
                  csv_url=_api_url(f"/api/quotes/{quote_id}/appearances", params, format="csv", limit=10000))


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request, bias: str | None = None, limit: PageLimit = 100, offset: Offset = 0) -> HTMLResponse:
    page = explorer(request).ask("outlets", bias=bias or None, limit=limit, offset=offset)
    return render(request, "outlets.html", page=page, bias=bias,
                  csv_url=_api_url("/api/outlets", {"bias": bias}, format="csv", limit=10000))


@router.get("/outlets/{outlet_id}", response_class=HTMLResponse)
def outlet(request: Request, outlet_id: Id, limit: PageLimit = 20, offset: Offset = 0) -> HTMLResponse:
    ex = explorer(request)
    ent = ex.ask("entity", outlet_id)
    summary = ex.ask("outlet_summary", outlet_id)
    shares = ex.profile_shares(outlet_id)
    own = ex.ask("own_voice_shares")
    own_rows = [("this outlet", summary["own_voice_share"]), ("corpus", own.get("corpus", 0.0)),
                *((f"{b} outlets", own[b]) for b in BIASES if b in own)]
    classes = sorted({c for s in shares.values() for c in s},
                     key=lambda c: ALL_CUE_CLASSES.index(c) if c in ALL_CUE_CLASSES else 99)
    table = Page("Cue-class shares", ["cue_class", *shares],
                 [(c, *(shares[g].get(c, 0.0) for g in shares)) for c in classes], len(classes), len(classes), 0)
    return render(request, "outlet.html", ent=ent, summary=summary, chart=charts.profile(shares),
                  shares=table, own_rows=own_rows,
                  speakers=ex.ask("outlet_speakers", outlet_id, limit=limit, offset=offset),
                  csv_urls={"profile": f"/api/outlets/{outlet_id}/profile?format=csv",
                       "speakers": f"/api/outlets/{outlet_id}/speakers?format=csv&limit=10000"},
                  articles_url=f"/articles?outlet={outlet_id}", network_url=f"/network?outlet={outlet_id}")
