"""Entities: search and pages, one entity, its timeline, trend and graph; analyst merge and split."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from newsgraph.api.deps import Paging, Writer, Ws
from newsgraph.errors import NotFound

router = APIRouter(prefix="/entities", tags=["entities"])
Text = Annotated[str | None, Query(max_length=200)]
Date = Annotated[str | None, Query(max_length=10, description="ISO prefix: YYYY, YYYY-MM or YYYY-MM-DD")]


class MergeBody(BaseModel):
    ids: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(min_length=2, max_length=50)
    note: str | None = Field(default=None, max_length=2000)


class SplitBody(BaseModel):
    names: list[Annotated[str, Field(min_length=1, max_length=300)]] = Field(min_length=1, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


@router.get("", summary="Entities, most active first")
def list_entities(ws: Ws, page: Paging, request: Request, q: Text = None, kind: Text = None,
                  country: Text = None, sector: Text = None) -> dict[str, Any]:
    query = ws.query
    items = query.entities(kind=kind, country=country, q=q, sector=sector, limit=page.per_page, offset=page.offset)
    return page.answer(request, items, query.entity_count(kind=kind, country=country, q=q, sector=sector))


@router.post("/merge", summary="Make several entities one (analyst decision; needs the token)")
def merge(body: MergeBody, ws: Ws, who: Writer) -> dict[str, Any]:
    return ws.merge_entities(body.ids, who, body.note)


@router.get("/{entity}", summary="One entity: roles, relations, sanctions flags, event counts, evidence")
def one_entity(entity: str, ws: Ws) -> dict[str, Any]:
    query = ws.query
    found = query.entity(entity, events=False, evidence_limit=50)
    if found is None:
        raise NotFound(f"no entity has id, name or alias {entity!r}")
    found["name_groups"] = query.name_groups(found["id"])  # what a split can move apart
    return found


@router.get("/{entity}/timeline", summary="The entity's (or a dyad's) events in date order")
def timeline(entity: str, ws: Ws, page: Paging, request: Request, other: Text = None) -> dict[str, Any]:
    query = ws.query
    items = query.timeline(entity, other, limit=page.per_page, offset=page.offset)
    return page.answer(request, items, query.event_count(entity=entity, other=other))


@router.get("/{entity}/trend", summary="Events per period with a cooperation–conflict balance")
def trend(entity: str, ws: Ws, other: Text = None,
          by: Annotated[str, Query(pattern="^(month|quarter|year)$")] = "month") -> list[dict[str, Any]]:
    return ws.query.trend(entity, other, by=by)


@router.get("/{entity}/graph", summary="The entity's neighbourhood: nodes and typed, weighted edges")
def graph(entity: str, ws: Ws, types: Annotated[str | None, Query(max_length=500, description="A,B,...")] = None,
          since: Date = None, until: Date = None, limit: Annotated[int, Query(ge=1, le=200)] = 50,
          max_edges: Annotated[int, Query(ge=1, le=5000, description="heaviest edges kept")] = 500) -> dict[str, Any]:
    kinds = [t.strip() for t in types.split(",") if t.strip()] if types else None
    return ws.query.graph(entity, kinds, since, until, limit, max_edges)


@router.post("/{entity}/split", summary="Split names off an entity into one of their own (needs the token)")
def split(entity: str, body: SplitBody, ws: Ws, who: Writer) -> dict[str, Any]:
    return ws.split_entity(entity, body.names, who, body.note)
