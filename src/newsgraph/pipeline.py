"""The one orchestrator: ingest → nlp → extract → store, used by every front end.

Documents stream through in chunks: each chunk is parsed with ``nlp.pipe``, extracted, and written
in one transaction, so memory stays flat on large corpora and an interrupted run keeps every chunk
it finished. A bad file or a document that fails extraction is reported and skipped; the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from newsgraph import nlp
from newsgraph.errors import InputError
from newsgraph.extract import extract
from newsgraph.ingest import iter_paths, read_path
from newsgraph.model import Document, Extraction
from newsgraph.store import Store

CHUNK = 64  # documents per write transaction
T = TypeVar("T")


@dataclass
class IngestReport:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # ids of the documents stored by this run

    def fail(self, message: str) -> None:
        self.failed += 1
        self.errors.append(message)


def read_documents(inputs: list[str], report: IngestReport, published: date | None = None,
                   source: str | None = None) -> Iterator[Document]:
    """Every readable document under ``inputs``; unreadable ones are recorded in ``report``."""
    paths: list[Path] = []
    for given in inputs:  # a missing path is reported; the others are still read
        try:
            paths.extend(p for p in iter_paths([given]) if p not in paths)
        except InputError as err:
            report.fail(str(err))
    for path in paths:
        for item in read_path(path, published=published, source=source):
            if isinstance(item, InputError):
                report.fail(str(item))
                continue
            try:
                check_size(item)
            except InputError as err:
                report.fail(str(err))
                continue
            yield item


def check_size(doc: Document) -> None:
    """InputError when ``doc``'s text is longer than the parser takes in one piece (a file, a
    posted text or a fetched page alike)."""
    if len(doc.text) > nlp.MAX_CHARS:
        raise InputError(doc.source, f"text is {len(doc.text):,} characters, over the parser's "
                                     f"{nlp.MAX_CHARS:,}; split it into articles")


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def process(documents: Iterable[Document], store: Store, report: IngestReport,
            n_process: int = 1, batch_size: int = nlp.BATCH_SIZE,
            on_progress: Callable[[int], None] | None = None) -> IngestReport:
    """Parse, extract and store documents not yet in the store."""
    started = time.perf_counter()
    seen: set[str] = set()

    def fresh() -> Iterator[Document]:
        for doc in documents:
            if doc.id in seen or store.has_document(doc.id):
                report.skipped += 1
                if on_progress:
                    on_progress(1)
                continue
            seen.add(doc.id)
            yield doc

    def extracted() -> Iterator[Extraction | None]:
        for sdoc, document in nlp.parse_with(((d.text, d) for d in fresh()), batch_size=batch_size,
                                             n_process=n_process):
            try:
                yield extract(document, sdoc)
            except Exception as err:  # one bad document must not stop the batch
                report.fail(f"{document.source}: extraction failed: {type(err).__name__}: {err}")
                yield None

    try:
        for chunk in _chunks(extracted(), CHUNK):
            extractions = [e for e in chunk if e is not None]
            store.add(extractions, merge=False)  # events are merged once, after the last batch
            report.ingested += len(extractions)
            report.documents += [e.document.id for e in extractions]
            report.events += sum(len(e.events) for e in extractions)
            report.words += sum(len(e.document.text.split()) for e in extractions)
            if on_progress:
                on_progress(len(chunk))
    finally:  # the batches already stored get their events merged even if a later one failed
        store.merge_pending()
    if report.ingested:
        refresh_sanctions(store, report)
    report.seconds = time.perf_counter() - started
    return report


def refresh_sanctions(store: Store, report: IngestReport) -> None:
    """New articles may have merged or created entities: match them against the loaded lists again,
    so sanctions flags follow the entities (only when a list has been loaded)."""
    if not store.sanction_counts()["lists"]:
        return
    from newsgraph.sanctions import SanctionsUnavailable, flag_entities

    try:
        flag_entities(store)
    except SanctionsUnavailable as err:
        report.warnings.append(f"sanctions flags not refreshed: {err}")


def ingest(inputs: list[str], db: Path | str, published: date | None = None, source: str | None = None,
           n_process: int = 1, on_progress: Callable[[int], None] | None = None) -> IngestReport:
    """Read, parse, extract and store everything under ``inputs`` into the store at ``db``."""
    report = IngestReport()
    with Store.open(db) as store:
        docs = read_documents(inputs, report, published, source)
        process(docs, store, report, n_process=n_process, on_progress=on_progress)
    return report
