"""Standing relations between entities, each with the sentences that state it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from newsgraph.api.deps import Paging, Ws

router = APIRouter(prefix="/relations", tags=["relations"])


@router.get("", summary="Standing relations, each with its evidence")
def list_relations(ws: Ws, page: Paging, request: Request,
                   entity: Annotated[str | None, Query(max_length=200)] = None,
                   relation: Annotated[str | None, Query(max_length=100)] = None) -> dict[str, Any]:
    query = ws.query
    found = query.relations(entity=query.find_entity_id(entity, "entity") if entity else None, relation=relation)
    return page.answer(request, found[page.offset:page.offset + page.per_page], len(found))
