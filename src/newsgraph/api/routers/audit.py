"""The audit log and the analyst decisions, and undoing a decision."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from newsgraph.api.deps import Paging, Writer, Ws

router = APIRouter(tags=["audit"])


class UndoBody(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


@router.get("/audit", summary="Who changed what and when, newest first")
def audit(ws: Ws, page: Paging, request: Request) -> dict[str, Any]:
    query = ws.query
    return page.answer(request, query.audit(page.per_page, page.offset), query.audit_count())


@router.get("/decisions", summary="Analyst decisions, newest first (active=true: those in force)")
def decisions(ws: Ws, page: Paging, request: Request, active: Annotated[bool | None, Query()] = None) -> dict[str, Any]:
    query = ws.query
    return page.answer(request, query.decisions(active, page.per_page, page.offset), query.decision_count(active))


@router.post("/decisions/{decision}/undo", summary="Revert one analyst decision (needs the token)")
def undo(decision: int, ws: Ws, who: Writer, body: UndoBody | None = None) -> dict[str, Any]:
    return ws.undo_decision(decision, who, body.note if body else None)
