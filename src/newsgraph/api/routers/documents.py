"""Articles: one article with the spans newsgraph read in it; posting a new article or URL."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field, model_validator

from newsgraph.api.deps import Writer, Ws
from newsgraph.errors import InputError, NotFound

router = APIRouter(prefix="/documents", tags=["documents"])


class ArticleBody(BaseModel):
    """Either the article's ``text`` or a ``url`` to fetch it from."""

    text: str | None = Field(default=None, max_length=2_000_000)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    published: date | None = None
    outlet: str | None = Field(default=None, max_length=200)
    source: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def text_or_url(self) -> ArticleBody:
        if not (self.text and self.text.strip()) and not self.url:
            raise ValueError("give the article's text, or a url to fetch it from")
        return self


@router.get("/{doc_id}", summary="One article's text with its event, relation and mention spans")
def one_document(doc_id: str, ws: Ws) -> dict[str, Any]:
    found = ws.query.document(doc_id)
    if found is None:
        raise NotFound(f"no document has id {doc_id!r}")
    return found


@router.post("", status_code=201, summary="Ingest one article, posted as text or fetched from a URL (needs the token)")
def ingest(body: ArticleBody, ws: Ws, who: Writer) -> dict[str, Any]:
    if body.text and body.text.strip():
        report = ws.ingest_text(body.text, who, title=body.title, published=body.published, url=body.url,
                                source=body.source, outlet=body.outlet)
    else:
        assert body.url is not None
        report = ws.ingest_url(body.url, who, published=body.published, outlet=body.outlet)
    if report.failed:
        raise InputError(body.source or body.url or "posted article", "; ".join(report.errors))
    return {"ingested": report.ingested, "skipped": report.skipped, "events": report.events,
            "warnings": report.warnings, "documents": report.documents}
