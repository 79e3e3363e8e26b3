"""Request plumbing every router shares: the workspace, paging, and the write guard."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Header, Query, Request

from newsgraph.api.errors import Unauthorized
from newsgraph.errors import NotAllowed
from newsgraph.workspace import Workspace

MAX_PER_PAGE = 200


def workspace(request: Request) -> Workspace:
    ws: Workspace = request.app.state.workspace
    return ws


@dataclass(frozen=True)
class Page:
    """``?page=&per_page=``: 1-based, at most MAX_PER_PAGE items per page."""

    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def answer(self, request: Request, items: list[Any], total: int) -> dict[str, Any]:
        """The page envelope: items, position, total and the URL of the next page (or None)."""
        more = self.offset + len(items) < total
        params = dict(request.query_params)
        params.update(page=str(self.page + 1), per_page=str(self.per_page))
        return {"items": items, "page": self.page, "per_page": self.per_page, "total": total,
                "next": f"{request.url.path}?{urlencode(params)}" if more else None}


def paging(page: Annotated[int, Query(ge=1, le=1_000_000, description="1-based page number")] = 1,
           per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="items per page")] = 50) -> Page:
    return Page(page, per_page)


def writer(request: Request, authorization: Annotated[str | None, Header()] = None,
           x_analyst: Annotated[str | None, Header()] = None) -> str:
    """The analyst making a write: refused when the server is read-only or the token is wrong."""
    token: str | None = request.app.state.token
    if not token:
        raise NotAllowed("this server is read-only: start it with --token to allow writes")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise Unauthorized("writes need the header 'Authorization: Bearer <token>' with the server's token")
    who = (x_analyst or "analyst").strip()[:80]
    return who if who.isprintable() and who else "analyst"


Ws = Annotated[Workspace, Depends(workspace)]
Paging = Annotated[Page, Depends(paging)]
Writer = Annotated[str, Depends(writer)]
