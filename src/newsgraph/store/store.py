"""The SQLite store: one file, WAL so many readers run while one writer ingests.

This is the only module that imports ``sqlite3`` (ruff bans it elsewhere); every SQL statement of
newsgraph lives in this package: connection, migrations and writes here, SELECTs in ``reads.py``,
the schema in ``migrations/``. Writes take extraction dataclasses; reads return plain row dicts
that :mod:`newsgraph.query` shapes for front ends.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.model import Actor, Document, Event, Evidence, Extraction, TimeValue
from newsgraph.resolve.names import document_key, entity_id
from newsgraph.store.analyst import AnalystWrites
from newsgraph.store.reads import Reads, Row, chunks
from newsgraph.store.resolving import KeyFold, ResolvingWrites
from newsgraph.store.sanctions import SanctionsStore

MIN_SQLITE = (3, 37, 0)  # STRICT tables
_MIGRATION = re.compile(r"(\d{4})_(\w+)\.sql")


@dataclass(frozen=True)
class AddResult:
    """What one ``Store.add`` batch did: documents written and documents already stored."""

    added: int = 0
    skipped: int = 0


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every bundled migration, in order."""
    found = []
    for item in files("newsgraph.store").joinpath("migrations").iterdir():
        m = _MIGRATION.fullmatch(item.name)
        if m:
            found.append((int(m.group(1)), item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


def _statements(script: str) -> Iterator[str]:
    """Split a SQL script into statements (executescript would commit our transaction on 3.11)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if re.sub(r"--[^\n]*", "", buf).strip():
        raise StoreError(f"migration ends with an incomplete statement: {buf.strip()[:60]!r}")


def _iso(value: date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _date_bounds(time: TimeValue | None) -> tuple[str | None, str | None]:
    if time is None or not time.value:
        return None, None
    first, _, last = time.value.partition("/")
    return first, last or first


def _actors_of(ex: Extraction) -> list[Actor]:
    """Every actor the extraction refers to, each once: its list, then any only an event or relation
    carries."""
    seen: dict[int, Actor] = {id(a): a for a in ex.actors}
    for ev in ex.events:
        for a in (ev.source, ev.target):
            if a is not None:
                seen.setdefault(id(a), a)
    for rel in ex.relations:
        for a in (rel.source, rel.target):
            seen.setdefault(id(a), a)
    return list(seen.values())



@dataclass
class _Rows:
    """The rows one batch adds to each statement table, gathered before one bulk write each."""

    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    roles: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    quantities: list[tuple[Any, ...]] = field(default_factory=list)
    evidence: list[tuple[Any, ...]] = field(default_factory=list)
    relations: list[tuple[Any, ...]] = field(default_factory=list)

class Store(Reads, AnalystWrites, ResolvingWrites, SanctionsStore):
    """A newsgraph SQLite file. ``Store(path)`` opens (and by default creates) it and migrates it."""

    def __init__(self, path: str | Path, *, create: bool = True, timeout: float = 30.0) -> None:
        self.path = str(path)
        if sqlite3.sqlite_version_info < MIN_SQLITE:
            raise StoreError(f"SQLite {sqlite3.sqlite_version} is too old; newsgraph needs 3.37 or later")
        if not create and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such store")
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot open: {err}") from err
        self._db.row_factory = sqlite3.Row
        try:
            self._setup(timeout)
            self._migrate()
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Store:
        """Open the store at ``path``, creating the file and running pending migrations."""
        return cls(path, create=create)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # --- opening ---------------------------------------------------------------------------------

    def _setup(self, timeout: float) -> None:
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a newsgraph store (not a SQLite database: {err})") from err
        if tables and "schema_migrations" not in tables:
            raise StoreError(f"{self.path}: not a newsgraph store (a SQLite database with other tables)")

    def _applied(self) -> set[int]:
        rows = self._db.execute("SELECT name FROM sqlite_master WHERE name = 'schema_migrations'")
        if rows.fetchone() is None:
            return set()
        return {r[0] for r in self._db.execute("SELECT version FROM schema_migrations")}

    def _migrate(self) -> None:
        """Apply pending migrations, each in its own transaction, recorded in schema_migrations."""
        known = migrations()
        applied = self._applied()
        if applied and max(applied) > known[-1][0]:
            raise StoreError(f"{self.path}: made by a newer newsgraph (schema {max(applied)})")
        for version, name, sql in known:
            if version in applied:
                continue
            with self._transaction(f"migration {name}"):
                self._db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                                 " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
                done = self._db.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,))
                if done.fetchone():
                    continue  # another process applied it while we waited for the lock
                for statement in _statements(sql):
                    self._db.execute(statement)
                self._db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                 (version, name, datetime.now(UTC).isoformat(timespec="seconds")))

    def _transaction(self, what: str) -> _Transaction:
        return _Transaction(self._db, f"{self.path}: {what}")

    def applied_migrations(self) -> list[Row]:
        """The recorded migrations: version, name, applied_at."""
        return self._rows("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")

    def pragma(self, name: str) -> Any:
        """One PRAGMA value (journal_mode, foreign_keys, ...), for checks and diagnostics."""
        if not name.isidentifier():
            raise ValueError(f"not a pragma name: {name!r}")
        return self._db.execute(f"PRAGMA {name}").fetchone()[0]

    # --- writing ---------------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """Whether a document is stored, so the pipeline can skip parsing it again."""
        return self._db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add(self, extractions: Iterable[Extraction], merge: bool = True) -> AddResult:
        """Store a batch in one transaction; documents already stored are skipped.

        The batch's actors are resolved against the entities already stored and its events merged
        with the reports already stored, inside the same transaction: any error rolls the whole
        batch back, so the file only ever holds complete documents and a consistent graph.

        ``merge=False`` leaves the batch's reports as events of their own and records them in the
        file (``pending_merge_*``): :meth:`merge_pending` then merges every deferred batch at once.
        A long ingest does that once at its end instead of per batch, so the reports of one happening, spread over many
        batches, are regrouped once. Unmerged reports are a valid state (one event per report).
        """
        batch = list(extractions)
        fresh: list[Extraction] = []
        with self._transaction(f"batch of {len(batch)} documents not stored"):
            for ex in batch:  # documents first: evidence may cite any document of the batch
                if self.has_document(ex.document.id) or any(f.document.id == ex.document.id for f in fresh):
                    continue
                self._add_document(ex.document)
                fresh.append(ex)
            if not fresh:
                return AddResult(added=0, skipped=len(batch))
            self._db.execute("UPDATE derive_state SET defer_event_entities = 1")  # derived once, below
            actor_ids: dict[int, str] = {}
            folded: dict[str, KeyFold] = {}
            rows = []
            self._db.executemany('INSERT INTO sentences (doc_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                                 [(ex.document.id, x.sentence, x.start, x.end, x.text)
                                  for ex in fresh for x in ex.sentences])
            for ex in fresh:
                in_document: set[str] = set()
                for actor in _actors_of(ex):
                    key = document_key(actor, ex.document.id)
                    aid = entity_id(f"{ex.document.id}|{actor.key}")
                    actor_ids[id(actor)] = aid
                    aliases = list(dict.fromkeys(a for a in actor.aliases if a != actor.name))
                    rows.append((aid, ex.document.id, key, actor.name, actor.kind, actor.country, actor.sector,
                                 json.dumps(aliases, ensure_ascii=False)))
                    folded.setdefault(key, KeyFold(actor.kind, actor.country)).add(
                        actor.name, actor.sector, aliases, key not in in_document)
                    in_document.add(key)
            self._db.executemany("INSERT INTO actors (id, doc_id, key, name, kind, country, sector, aliases)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            self._fold_actor_keys(folded)
            repointed = self._resolve_entities(set(folded))
            entity = self.entity_of_actors(list(actor_ids.values()))
            rows_of = _Rows()
            for ex in fresh:
                self._add_statements(ex, actor_ids, entity, rows_of)
            self._write_rows(rows_of)
            touched = self._clusters_of([ev.id for ex in fresh for ev in ex.events], repointed)
            if merge:
                touched |= self._merge_events(repointed, [ex.document.id for ex in fresh])
            self._derive_event_entities(touched)
            self._db.execute("UPDATE derive_state SET defer_event_entities = 0")
            if not merge:  # owed, in the same transaction: a run that dies later cannot lose it
                self._db.executemany("INSERT OR IGNORE INTO pending_merge_documents (doc_id) VALUES (?)",
                                     [(ex.document.id,) for ex in fresh])
                self._db.executemany("INSERT OR IGNORE INTO pending_merge_keys (key) VALUES (?)",
                                     [(k,) for k in sorted(repointed)])
        return AddResult(added=len(fresh), skipped=len(batch) - len(fresh))

    def _clusters_of(self, reports: list[str], repointed: set[str]) -> set[str]:
        """The merged events a batch touched: those of its new reports (a report is stored as a
        merged event of its own, so its id), and those of older reports whose actor key was
        re-pointed to another entity."""
        clusters = set(reports)
        for part in chunks(sorted(repointed)):
            actors = f"(SELECT id FROM actors WHERE key IN ({', '.join('?' * len(part))}))"
            clusters |= {r[0] for r in self._db.execute(
                f"SELECT DISTINCT cluster FROM events WHERE source_actor IN {actors} OR target_actor IN {actors}",
                (*part, *part))}
        return clusters

    def _derive_event_entities(self, clusters: set[str]) -> None:
        """Re-derive the event_entities rows (migrations 0005-0007) of ``clusters`` in two set-based
        statements per chunk, where the per-row triggers (deferred by a batch) would run once per report."""
        # Every stale row goes first: a report that moved keeps its (entity, report) key, so its old
        # row, filed under the merged event it left, could sit in a later chunk than its new one.
        for part in chunks(sorted(clusters)):
            self._db.execute(f"DELETE FROM event_entities WHERE cluster IN ({', '.join('?' * len(part))})", part)
        for part in chunks(sorted(clusters)):
            marks = ", ".join("?" * len(part))
            self._db.execute(
                "INSERT INTO event_entities (entity_id, event_id, cluster, undated, date_start, date_end, type, mode,"
                " seq, place_name, place_country, place_lat, place_lon)"
                " SELECT x.entity, p.id, p.cluster, p.date_start IS NULL, p.date_start, p.date_end, p.type, p.mode,"
                " p.rowid, p.place_name, p.place_country, p.place_lat, p.place_lon"
                f" FROM (SELECT cluster, source_entity AS entity FROM events WHERE cluster IN ({marks})"
                " AND source_entity IS NOT NULL"
                f" UNION SELECT cluster, target_entity FROM events WHERE cluster IN ({marks})"
                " AND target_entity IS NOT NULL) x"
                " JOIN events p ON p.cluster = x.cluster WHERE p.is_primary = 1 AND p.rejected = 0", (*part, *part))

    def merge_pending(self) -> int:
        """Merge the reports of every batch added with ``merge=False`` and not merged yet (by this
        process or by one that stopped before its merge step); return how many documents."""
        with self._transaction("merging the events of the unmerged documents"):
            docs = [r[0] for r in self._db.execute("SELECT doc_id FROM pending_merge_documents")]
            keys = {r[0] for r in self._db.execute("SELECT key FROM pending_merge_keys")}
            if not docs and not keys:
                return 0
            self._db.execute("UPDATE derive_state SET defer_event_entities = 1")
            self._derive_event_entities(self._merge_events(keys, docs))
            self._db.execute("UPDATE derive_state SET defer_event_entities = 0")
            self._db.execute("DELETE FROM pending_merge_documents")
            self._db.execute("DELETE FROM pending_merge_keys")
        return len(docs)

    def _add_document(self, d: Document) -> None:
        self._db.execute(
            "INSERT INTO documents (id, source, url, title, published, language, outlet, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (d.id, d.source, d.url, d.title, _iso(d.published), d.language, d.outlet, d.text,
             datetime.now(UTC).isoformat(timespec="seconds")))

    def _add_statements(self, ex: Extraction, actor_ids: dict[int, str], entity: dict[str, str],
                        out: _Rows) -> None:
        """The rows of one document's mentions, roles, events and relations, pointing at actors and
        entities; written for the whole batch at once by :meth:`_write_rows`."""
        doc = ex.document
        for actor in ex.actors:
            aid = actor_ids[id(actor)]
            eid = entity[aid]
            out.mentions += [(eid, aid, doc.id, m.start, m.end, m.text, m.sentence) for m in actor.mentions]
            out.roles += [(eid, aid, r.title, r.organisation, r.seen or _iso(doc.published), doc.id)
                          for r in {(r.title, r.organisation): r for r in actor.roles}.values()]
        self._event_rows(ex.events, actor_ids, entity, doc, out)
        for rel in ex.relations:
            src, tgt = actor_ids[id(rel.source)], actor_ids[id(rel.target)]
            seen = rel.seen or _iso(doc.published)
            for e in rel.evidence or [Evidence(doc.id, doc.source, "", 0, 0)]:
                rid = entity_id(f"{doc.id}|{src}|{rel.relation}|{tgt}|{e.start}")
                out.relations.append((rid, doc.id, src, rel.relation, tgt, entity[src], entity[tgt], seen, e.source,
                                      e.sentence, e.start, e.end, e.sentence_index))

    @staticmethod
    def _event_rows(events: list[Event], actor_ids: dict[int, str], entity: dict[str, str], doc: Document,
                    out: _Rows) -> None:
        """One document's events. A repeated id is the same statement of the same event: the first
        keeps its quantities, every copy's evidence is kept."""
        seen: set[str] = set()
        for ev in events:
            src = actor_ids[id(ev.source)] if ev.source else None
            tgt = actor_ids[id(ev.target)] if ev.target else None
            t, p = ev.time, ev.place
            first, last = _date_bounds(t)
            out.evidence += [(ev.id, e.doc_id, e.source, e.sentence, e.start, e.end, e.sentence_index)
                             for e in ev.evidence]
            if ev.id in seen:
                continue
            seen.add(ev.id)
            out.events.append((ev.id, ev.type, ev.mode, ev.context, ev.modality, ev.confidence,
                               entity[src] if src else None, entity[tgt] if tgt else None, src, tgt, doc.id,
                               t.text if t else None, t.value if t else None, t.precision if t else None, first,
                               last, p.name if p else None, p.country if p else None, p.lat if p else None,
                               p.lon if p else None, ev.trigger, ev.id, max(ev.position, 0)))
            out.quantities += [(ev.id, q.value, q.unit, q.text, q.kind) for q in ev.quantities]

    def _write_rows(self, rows: _Rows) -> None:
        """A batch's statements in one bulk write per table, in the order one document at a time
        would have written them."""
        self._db.executemany('INSERT INTO mentions (entity_id, actor_id, doc_id, start, "end", text, sentence)'
                             " VALUES (?, ?, ?, ?, ?, ?, ?)", rows.mentions)
        self._db.executemany("INSERT INTO entity_roles (entity_id, actor_id, title, organisation, seen, doc_id)"
                             " VALUES (?, ?, ?, ?, ?, ?)", rows.roles)
        self._db.executemany(
            "INSERT OR IGNORE INTO events (id, type, mode, context, modality, confidence, source_entity,"
            " target_entity, source_actor, target_actor, doc_id, date_text, date_value, date_precision,"
            " date_start, date_end, place_name, place_country, place_lat, place_lon, trigger, cluster, position)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.events)
        self._db.executemany(
            "INSERT INTO event_quantities (event_id, value, unit, text, kind) VALUES (?, ?, ?, ?, ?)", rows.quantities)
        self._db.executemany(
            'INSERT OR IGNORE INTO evidence (event_id, doc_id, source, sentence, start, "end", sentence_index)'
            " VALUES (?, ?, ?, ?, ?, ?, ?)", rows.evidence)
        self._db.executemany(
            "INSERT OR IGNORE INTO relations (id, doc_id, source_actor, relation, target_actor, source_entity,"
            ' target_entity, seen, source, sentence, start, "end", sentence_index)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.relations)

    # --- reading ---------------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        try:
            return [dict(r) for r in self._db.execute(sql, params)]
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: {err}") from err


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error (SQLite errors become StoreError)."""

    def __init__(self, db: sqlite3.Connection, what: str) -> None:
        self._db, self._what = db, what

    def __enter__(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")  # take the write lock now: no deadlock on upgrade
        except sqlite3.Error as err:
            raise StoreError(f"{self._what}: {err}") from err

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc is None:
            try:
                self._db.execute("COMMIT")
                return
            except sqlite3.Error as err:
                exc = err
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"{self._what}: {exc}") from exc
