"""Events: filtered pages, one event with all its reports; analyst rejection."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from newsgraph.api.deps import Paging, Writer, Ws
from newsgraph.errors import NotFound

router = APIRouter(prefix="/events", tags=["events"])
Text = Annotated[str | None, Query(max_length=200)]
Date = Annotated[str | None, Query(max_length=10, description="ISO prefix: YYYY, YYYY-MM or YYYY-MM-DD")]


class RejectBody(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


@router.get("", summary="Merged events in date order, filtered")
def list_events(ws: Ws, page: Paging, request: Request, actor: Text = None, other: Text = None,
                type: Text = None, modality: Text = None, since: Date = None, until: Date = None,
                place: Text = None) -> dict[str, Any]:
    query = ws.query
    filters: dict[str, Any] = {"type": type, "since": since, "until": until, "entity": actor, "other": other,
                               "modality": modality, "place": place}
    items = query.events(**filters, limit=page.per_page, offset=page.offset)
    return page.answer(request, items, query.event_count(**filters))


@router.get("/{event}", summary="One merged event with every report of it")
def one_event(event: str, ws: Ws) -> dict[str, Any]:
    found = ws.query.event(event)
    if found is None:
        raise NotFound(f"no event has id {event!r}")
    return found


@router.post("/{event}/reject", summary="Hide an event from every read and export (needs the token)")
def reject(event: str, ws: Ws, who: Writer, body: RejectBody | None = None) -> dict[str, Any]:
    return ws.reject_event(event, who, body.note if body else None)
