"""Store-wide counts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from newsgraph.api.deps import Ws

router = APIRouter(tags=["store"])


@router.get("/stats", summary="Counts of documents, entities, events and relations")
def stats(ws: Ws) -> dict[str, Any]:
    return ws.query.stats()
