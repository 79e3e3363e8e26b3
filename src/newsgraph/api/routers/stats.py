"""Store-wide counts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Request

from newsgraph.api.deps import Ws, writer
from newsgraph.errors import NewsgraphError

router = APIRouter(tags=["store"])


@router.get("/stats", summary="Counts of documents, entities, events and relations")
def stats(ws: Ws) -> dict[str, Any]:
    return ws.query.stats()


@router.get("/server", summary="Whether this server takes writes, and whether the given token is right")
def server(request: Request, authorization: Annotated[str | None, Header()] = None,
           x_analyst: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    """Lets a client check a token before the first write: ``writable`` (started with --token),
    ``authorized`` (this request's bearer token is the server's) and ``who`` (the audit name)."""
    writable = bool(request.app.state.token)
    try:
        who: str | None = writer(request, authorization, x_analyst)
    except NewsgraphError:
        who = None
    return {"writable": writable, "authorized": who is not None, "who": who}
