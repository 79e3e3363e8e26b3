"""The Python API object every front end holds: one store file, its query layer, and its writes.

``Workspace`` is what the HTTP API keeps for its whole life, and what a notebook would use::

    ws = Workspace("news.db")
    ws.query.entities(q="Tokayev")
    ws.ingest_text("...", title="...", published=date(2024, 3, 2), who="ana")
    ws.merge_entities(["a1b2", "c3d4"], who="ana", note="same ministry")

SQLite connections belong to the thread that opened them, and a web server answers from a pool of
threads: each thread gets its own :class:`Store` on the same file (WAL lets them all read while one
writes). Writes go one at a time through a lock, so two analysts' corrections never interleave.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.ingest._common import check_body
from newsgraph.ingest.fetch import fetch
from newsgraph.ingest.html import read_html
from newsgraph.model import Document
from newsgraph.pipeline import IngestReport, check_size, process, refresh_sanctions
from newsgraph.query import Query
from newsgraph.store import Store


class Workspace:
    """One newsgraph store: reads through :attr:`query`, writes through the methods below."""

    def __init__(self, db: str | Path, *, create: bool = False, fetch_private: bool = False) -> None:
        self.db = str(db)
        self.fetch_private = fetch_private  # may ingest_url fetch loopback and private addresses?
        Store(self.db, create=create).close()  # fail now, with the store's own message, not on first request
        self._local = threading.local()
        self._write = threading.Lock()

    @property
    def store(self) -> Store:
        """This thread's connection to the store."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.db, create=False)
        return store

    @property
    def query(self) -> Query:
        return Query(self.store)

    # --- writes ----------------------------------------------------------------------------------

    def ingest_documents(self, documents: list[Document], who: str) -> IngestReport:
        """Parse, extract, resolve and store ``documents``; one audit row names what came in."""
        for doc in documents:
            check_size(doc)
        report = IngestReport()
        with self._write:
            process(documents, self.store, report)
            report.documents = [d.id for d in documents if self.store.has_document(d.id)]  # new or already there
            try:  # the articles are committed: a failed audit row is reported, not a failed request
                self.store.log(who, "ingest", ",".join(d.id for d in documents),
                               {"documents": [{"id": d.id, "source": d.source, "title": d.title} for d in documents],
                                "ingested": report.ingested, "skipped": report.skipped, "events": report.events,
                                "errors": report.errors})
            except NewsgraphError as err:
                report.warnings.append(f"audit row not written: {err}")
        return report

    def ingest_text(self, text: str, who: str, *, title: str | None = None, published: date | None = None,
                    url: str | None = None, source: str | None = None, outlet: str | None = None) -> IngestReport:
        """Ingest one article given as plain text."""
        where = source or url or "posted article"
        body = check_body(text.replace("\r\n", "\n").replace("\r", "\n"), where)
        doc = Document.from_text(body, where, title=title, url=url, published=published, outlet=outlet)
        return self.ingest_documents([doc], who)

    def ingest_url(self, url: str, who: str, *, published: date | None = None,
                   outlet: str | None = None) -> IngestReport:
        """Fetch an article page and ingest its text (boilerplate removed as for HTML files)."""
        data = fetch(url, allow_private=self.fetch_private)
        doc = read_html(data, url, published, outlet)
        if doc.url is None:
            doc = Document(id=doc.id, source=doc.source, text=doc.text, title=doc.title, url=url,
                           published=doc.published, language=doc.language, outlet=doc.outlet)
        return self.ingest_documents([doc], who)

    def merge_entities(self, entities: list[str], who: str, note: str | None = None) -> dict[str, Any]:
        """Make the entities (ids, names or aliases, looked up under the write lock so a concurrent
        correction cannot make them stale) one."""
        with self._write:
            ids = [self.query.find_entity_id(e, "ids") for e in entities]
            return self._reflag(self.store.merge_entities(ids, who, note))

    def split_entity(self, entity: str, names: list[str], who: str, note: str | None = None) -> dict[str, Any]:
        with self._write:
            found = self.query.find_entity_id(entity, "entity")
            return self._reflag(self.store.split_entity(found, names, who, note))

    def reject_event(self, event: str, who: str, note: str | None = None) -> dict[str, Any]:
        with self._write:
            return self.store.reject_event(event, who, note)

    def undo_decision(self, decision: int, who: str, note: str | None = None) -> dict[str, Any]:
        with self._write:
            return self._reflag(self.store.undo_decision(decision, who, note))

    def _reflag(self, done: dict[str, Any]) -> dict[str, Any]:
        """Entities were merged or split: sanctions flags follow them (as after an ingest). The
        decision is committed already, so a failure here is a warning, not a failed request."""
        report = IngestReport()
        try:
            refresh_sanctions(self.store, report)
        except NewsgraphError as err:
            report.warnings.append(f"sanctions flags not refreshed: {err}")
        if report.warnings:
            done["warnings"] = report.warnings
        return done
