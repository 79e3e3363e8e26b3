"""The FastAPI application: routers under /api, the built web UI at /, one error shape."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from newsgraph.api import errors, security
from newsgraph.api.routers import ALL
from newsgraph.workspace import Workspace

STATIC = Path(str(files("newsgraph.api").joinpath("static")))
_NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>newsgraph</title>
<p>The web UI is not built. Run <code>make web</code> (or <code>npm ci && npm run build</code> in
<code>web/</code>); the JSON API is at <a href="/api/stats">/api/stats</a>.</p>"""


def create_app(workspace: Workspace, token: str | None = None, hosts: set[str] | None = None) -> FastAPI:
    """The app over ``workspace``; writes are allowed only with ``token`` (else read-only);
    requests must name one of ``hosts`` in their Host header (None: any; see api.security)."""
    app = FastAPI(title="newsgraph", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Who did what to whom, when and where: entities, events and relations read "
                              "from news articles, each tied to the sentences that state it.")
    app.state.workspace = workspace
    app.state.token = token or None
    errors.install(app)
    for router in ALL:
        app.include_router(router, prefix="/api")

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if not security.host_allowed(request.headers.get("host"), hosts):
            return security.secure(errors.error_response(
                400, "bad_host", "this server does not answer to that Host header (see --allow-host)"),
                request.url.path)
        return security.secure(await call_next(request), request.url.path)

    if (STATIC / "index.html").is_file():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False, response_model=None)
    def index() -> Response:
        page = STATIC / "index.html"
        return FileResponse(page) if page.is_file() else HTMLResponse(_NOT_BUILT)

    return app
