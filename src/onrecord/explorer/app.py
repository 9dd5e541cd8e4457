"""The explorer web app: ``create_app(db)`` builds a FastAPI app over a read-only corpus."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.staticfiles import StaticFiles

from onrecord import __version__
from onrecord.explorer import api, crosslink_api, event_api, event_pages, pages, statement_api, statement_pages
from onrecord.explorer.response_cache import ResponseCache
from onrecord.explorer.security import AllowedHosts, SecurityHeaders
from onrecord.explorer.service import Explorer
from onrecord.store.errors import BadNumber, FilterError, QueryError, UnknownName

STATIC = Path(__file__).with_name("static")
THREADS = 16  # request threads (and so database connections) per server process
SWAGGER_ASSETS = Path(fastapi_offline.__file__).with_name("static")
DESCRIPTION = """Read-only access to an onrecord corpus: who said what, citing whom, when and in reply
to whom.  Tables are paginated (`limit`, `offset`, with `total` and a `next` link) and every table
can be downloaded as CSV with `format=csv`."""


def create_app(db: str, *, cache_ttl: float = 300.0, allowed_hosts: list[str] | None = None,
               base_url: str | None = None) -> FastAPI:
    """The explorer over the corpus at ``db`` (SQLite path or postgresql:// URL), opened read-only.

    ``allowed_hosts`` limits the Host header (against DNS rebinding when bound to localhost).
    ``base_url`` (``https://example.org/onrecord``) prefixes the API's ``next`` links; without it
    they are relative (``/api/search?...``): no link is ever built from the Host header.
    Raises ``onrecord.store.DatabaseError`` with advice when ``db`` holds no corpus.
    """
    explorer = Explorer(db, cache_ttl=cache_ttl)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Each request thread keeps its own read-only connection: bound the threads so that
        # `serve --workers N` stays within the database's connection limit (N x THREADS).
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield
        explorer.close()

    app = FastAPI(title="onrecord explorer", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.explorer = explorer
    app.state.base_url = (base_url or "").rstrip("/")
    app.add_middleware(ResponseCache, ttl=cache_ttl)  # innermost: the host check runs first
    if allowed_hosts:
        app.add_middleware(AllowedHosts, hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)  # outermost: every response, cached or not
    app.mount("/static/swagger", StaticFiles(directory=SWAGGER_ASSETS), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(crosslink_api.router)
    app.include_router(statement_api.router)
    app.include_router(event_api.router)
    app.include_router(pages.router)
    app.include_router(event_pages.router)
    app.include_router(statement_pages.router)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        """Swagger UI from assets served here (works offline); its start-up script is a static file."""
        return pages.render(request, "docs.html")

    @app.exception_handler(QueryError)
    def no_answer(request: Request, err: QueryError) -> Response:
        return _error(request, 404, str(err))

    @app.exception_handler(FilterError)
    def bad_filter(request: Request, err: FilterError) -> Response:
        return _error(request, 400, str(err))

    @app.exception_handler(BadNumber)
    def bad_number(request: Request, err: BadNumber) -> Response:
        return _error(request, 422 if _is_api(request) else 400, str(err))

    @app.exception_handler(UnknownName)
    def unknown_name(request: Request, err: UnknownName) -> Response:
        return _error(request, 404, str(err), err.suggestions, lead=err.lead)

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, err: RequestValidationError) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": err.errors()}, status_code=422)
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in err.errors())
        return _error(request, 400, f"bad request ({problems}); fix the address and try again")

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, err: StarletteHTTPException) -> Response:
        return _error(request, err.status_code, str(err.detail))

    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))


def _error(request: Request, status: int, message: str,
           suggestions: Sequence[tuple[int, str]] = (), lead: str = "") -> Response:
    """The error as ``{"detail"}`` JSON (with ``suggestions``: speakers with close names) or as a page
    (``lead``, then the suggestions as links)."""
    if _is_api(request):
        body: dict[str, object] = {"detail": message}
        if suggestions:
            body["suggestions"] = [{"speaker_id": i, "speaker": name} for i, name in suggestions]
        return JSONResponse(body, status_code=status)
    if status == 404 and message == "Not Found":
        message = "no such page; start from the search page"
    return pages.render(request, "error.html", status_code=status, status=status, message=message,
                        suggestions=list(suggestions), lead=lead)
