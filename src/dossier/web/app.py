"""The app: one store opened at start, the API and the pages, and the rules every response
follows whatever route made it: offline and strict headers, an optional token, bounded requests,
errors as `{"error": ...}` for the API and as a page for a person."""

from __future__ import annotations

import hashlib
import hmac
import logging
import sys
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qs

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dossier.errors import DossierError, EmptyStore, NotFound
from dossier.render.html import stylesheet
from dossier.store import Store
from dossier.web import api, pages

# Every response: nothing but this origin's files (no inline script or style, no CDN), no
# framing, no referrer leaking which group a reader looked up.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
log = logging.getLogger(__name__)
MAX_BODY_BYTES = 4096  # the login form is the only body the app reads
MAX_URL_BYTES = 4096
COOKIE = "dossier_session"
OPEN_PATHS = ("/login", "/static/dossier.css")


def _session(token: str) -> str:
    """The cookie's value: derived from the token, so the cookie never holds the token itself."""
    return hmac.new(token.encode(), b"dossier session", hashlib.sha256).hexdigest()


def _authorised(request: Request, token: str) -> bool:
    """Bearer token or session cookie, compared in constant time."""
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
        return True
    cookie = request.cookies.get(COOKIE, "")
    return hmac.compare_digest(cookie.encode(), _session(token).encode())


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path == "/openapi.json"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    return pages.error_page(request, status, message)


def create_app(store_url: str, token: str | None = None) -> FastAPI:
    """The app over the store at `store_url`. With a `token`, every page and API route answers
    401 unless the request carries `Authorization: Bearer TOKEN` or the cookie the login form
    sets. No route writes to the store."""
    store = Store(store_url)
    app = FastAPI(
        title="dossier",
        summary="Cited profiles of armed groups, their incidents and danger index.",
        version="1",
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json stays
        redoc_url=None,
    )
    app.state.store = store
    app.state.token = token
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        declared = request.headers.get("content-length", "0")
        if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
            response = _error(request, 413, f"request bodies are limited to {MAX_BODY_BYTES} bytes")
        elif len(str(request.url)) > MAX_URL_BYTES:
            response = _error(request, 414, f"URLs are limited to {MAX_URL_BYTES} bytes")
        elif token and request.url.path not in OPEN_PATHS and not _authorised(request, token):
            if _wants_json(request):
                response = JSONResponse(
                    {"error": "this dossier needs a token: send Authorization: Bearer TOKEN"},
                    status_code=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
            else:
                response = pages.login_page(request, 401, "")
        else:
            try:
                response = await call_next(request)
            except Exception:  # answered here, so that a failure too carries the headers
                log.exception("%s %s failed", request.method, request.url.path)
                response = _error(
                    request, 500, "the server failed on this request; its log says why"
                )
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return _error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for problem in exc.errors():
            where = ".".join(str(p) for p in problem.get("loc", ()) if p not in ("query", "path"))
            said = problem.get("msg", "invalid")
            if (problem.get("ctx") or {}).get("pattern") == api.DATE:  # not the regex itself
                said = "expected a date: 2021, 2021-08 or 2021-08-26"
            parts.append(f"{where}: {said}")
        return _error(request, 422, "; ".join(parts) or "invalid request")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(EmptyStore)
    async def empty(request: Request, exc: EmptyStore) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(DossierError)
    async def refused(request: Request, exc: DossierError) -> Response:
        return _error(request, 400, str(exc))

    @app.get("/static/dossier.css", include_in_schema=False)
    def css() -> Response:
        return Response(
            stylesheet(), media_type="text/css", headers={"Cache-Control": "max-age=3600"}
        )

    @app.get("/login", include_in_schema=False, response_class=HTMLResponse)
    def login_form(request: Request) -> Response:
        return pages.login_page(request, 200, "")

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY_BYTES:
                return _error(request, 413, f"request bodies are limited to {MAX_BODY_BYTES} bytes")
        given = parse_qs(body.decode("utf-8", "replace")).get("token", [""])[0]
        if not token:
            return RedirectResponse("/", status_code=303)
        if not hmac.compare_digest(given.encode(), token.encode()):
            return pages.login_page(request, 401, "That token is not this dossier's.")
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, _session(token), httponly=True, samesite="strict")
        return response

    return app


def serve(store_url: str, host: str, port: int, token: str | None) -> None:
    """`dossier serve`: the app under uvicorn. Listening beyond this machine without a token
    is allowed (a reading room on a closed network) but said out loud."""
    import uvicorn

    app = create_app(store_url, token)
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        print(f"serving {host} without a token: anyone who reaches it reads it", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
