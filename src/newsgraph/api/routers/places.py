"""Where events happened, for the map."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from newsgraph.api.deps import Ws

router = APIRouter(prefix="/places", tags=["places"])
Date = Annotated[str | None, Query(max_length=10)]


@router.get("", summary="Event places with coordinates and their event counts")
def places(ws: Ws, actor: Annotated[str | None, Query(max_length=200)] = None,
           type: Annotated[str | None, Query(max_length=40)] = None, since: Date = None, until: Date = None,
           limit: Annotated[int, Query(ge=1, le=2000)] = 500) -> list[dict[str, Any]]:
    return ws.query.places(actor, type, since, until, limit)
