"""Full-text search over every stored sentence (SQLite FTS5)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from newsgraph.api.deps import Paging, Ws

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", summary="Sentences containing every word of q, best first")
def search(ws: Ws, page: Paging, request: Request,
           q: Annotated[str, Query(min_length=1, max_length=500)]) -> dict[str, Any]:
    query = ws.query
    items = query.search_sentences(q, limit=page.per_page, offset=page.offset)
    return page.answer(request, items, query.search_count(q))
