"""Analyst corrections: merge and split entities, reject events, undo; each with an audit row.

A mixin over :class:`newsgraph.store.Store`. A correction is an append-only row of ``decisions``
naming actor keys or report ids (which re-ingesting never changes), written in the same transaction
as its audit row and the re-resolution it causes. The resolver reads the active decisions every time
it runs (:meth:`ResolvingWrites._resolve_entities`), so corrections survive later ingests.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError, NotFound
from newsgraph.names import name_key
from newsgraph.resolve.decisions import Decision
from newsgraph.store.reads import Row


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class AnalystWrites:
    """Decisions and the audit log over the rows of one SQLite file."""

    _db: sqlite3.Connection

    if TYPE_CHECKING:  # provided by Store, ResolvingWrites and Reads (declared here for mypy only)
        def _transaction(self, what: str) -> AbstractContextManager[None]: ...
        def _resolve_entities(self, new_keys: Collection[str], rederive: bool = False) -> set[str]: ...
        def _merge_events(self, repointed: Collection[str], documents: Collection[str]) -> set[str]: ...
        def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]: ...

    def active_decisions(self) -> list[Decision]:
        """Every merge and split not undone, oldest first: what the resolver must apply."""
        out = []
        for r in self._db.execute("SELECT id, kind, keys FROM decisions WHERE kind IN ('merge', 'split')"
                                  " AND undone_at IS NULL ORDER BY id"):
            keys = json.loads(r["keys"])
            flat = {k for part in keys for k in part} if r["kind"] == "merge" else set(keys)
            out.append(Decision(id=r["id"], kind=r["kind"], keys=frozenset(flat)))
        return out

    def audit(self, who: str, action: str, target: str | None, detail: dict[str, Any]) -> int:
        """Append one audit row (inside the caller's transaction when there is one)."""
        cur = self._db.execute("INSERT INTO audit_log (at, who, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                               (_now(), who, action, target, json.dumps(detail, ensure_ascii=False, sort_keys=True)))
        return int(cur.lastrowid or 0)

    def log(self, who: str, action: str, target: str | None, detail: dict[str, Any]) -> int:
        """Append one audit row in a transaction of its own (for writes that are not decisions)."""
        with self._transaction(f"audit row for {action}"):
            return self.audit(who, action, target, detail)

    def _decide(self, kind: str, keys: Any, target: str, who: str, note: str | None) -> int:
        cur = self._db.execute("INSERT INTO decisions (kind, keys, target, who, at, note) VALUES (?, ?, ?, ?, ?, ?)",
                               (kind, json.dumps(keys, ensure_ascii=False), target, who, _now(), note))
        return int(cur.lastrowid or 0)

    def _keys_of(self, entity: str) -> list[str]:
        keys = [r[0] for r in self._db.execute("SELECT key FROM actor_keys WHERE entity_id = ? ORDER BY key",
                                               (entity,))]
        if not keys:
            raise NotFound(f"no entity has id {entity!r}")
        return keys

    def _entity_keys(self, keys: Collection[str]) -> set[str]:
        """Every key of the entities that hold ``keys`` now: what undoing a decision must decide
        afresh, since keys that joined those entities after the decision are glued to them too."""
        marks = ", ".join("?" * len(keys))
        return {r[0] for r in self._db.execute(
            f"SELECT key FROM actor_keys WHERE entity_id IN (SELECT entity_id FROM actor_keys WHERE key IN ({marks}))",
            sorted(keys))}

    def name_groups(self, entity: str) -> list[list[str]]:
        """The entity's names grouped by the actor key they came with: what a split can move apart
        (a split moves whole keys, so "Ukrainian" travels with "Ukraine")."""
        groups = []
        for r in self._db.execute("SELECT name, aliases FROM actor_keys WHERE entity_id = ? ORDER BY documents DESC,"
                                  " key", (entity,)):
            groups.append(list(dict.fromkeys([r["name"], *json.loads(r["aliases"])])))
        return groups

    def _entity_of_key(self, key: str) -> str:
        row = self._db.execute("SELECT entity_id FROM actor_keys WHERE key = ?", (key,)).fetchone()
        return str(row[0])

    def merge_entities(self, ids: list[str], who: str, note: str | None = None) -> Row:
        """Make the entities ``ids`` one; return ``{decision, entity}`` (the merged entity's id)."""
        ids = list(dict.fromkeys(ids))
        if len(ids) < 2:
            raise InputError("ids", "name at least two different entities to merge")
        with self._transaction(f"merging entities {', '.join(ids)}"):
            parts = [self._keys_of(i) for i in ids]
            decision = self._decide("merge", parts, ids[0], who, note)
            keys = {k for part in parts for k in part}
            self._merge_events(self._resolve_entities(keys), [])
            entity = self._entity_of_key(parts[0][0])
            self.audit(who, "merge", entity, {"decision": decision, "entities": ids, "note": note})
        return {"decision": decision, "entity": entity}

    def split_entity(self, entity: str, names: list[str], who: str, note: str | None = None) -> Row:
        """Move the actor keys of ``entity`` named (or aliased) by ``names`` into an entity of their
        own; return ``{decision, entity, split}`` (the ids of the remaining and the new entity)."""
        wanted = {name_key(n) for n in names} - {""}
        if not wanted:
            raise InputError("names", "name at least one of the entity's names or aliases to split off")
        with self._transaction(f"splitting entity {entity}"):
            rows = self._db.execute("SELECT key, name, aliases FROM actor_keys WHERE entity_id = ? ORDER BY key",
                                    (entity,)).fetchall()
            if not rows:
                raise NotFound(f"no entity has id {entity!r}")
            keys = [r["key"] for r in rows]
            moved = [r["key"] for r in rows
                     if {name_key(n) for n in [r["name"], *json.loads(r["aliases"])]} & wanted]
            if not moved:
                raise InputError("names", f"none of {sorted(names)} names entity {entity}")
            if len(moved) == len(keys):
                raise InputError("names", "these names are all the entity has: nothing would remain")
            decision = self._decide("split", sorted(moved), entity, who, note)
            self._merge_events(self._resolve_entities(keys, rederive=True), [])
            rest = self._entity_of_key(next(k for k in keys if k not in moved))
            split = self._entity_of_key(moved[0])
            self.audit(who, "split", entity, {"decision": decision, "names": names, "keys": sorted(moved),
                                              "entity": rest, "split": split, "note": note})
        return {"decision": decision, "entity": rest, "split": split}

    def reject_event(self, event: str, who: str, note: str | None = None) -> Row:
        """Hide a merged event (every report of it) from reads and exports; ``{decision, reports}``."""
        with self._transaction(f"rejecting event {event}"):
            row = self._db.execute("SELECT cluster FROM events WHERE id = ? OR cluster = ? LIMIT 1",
                                   (event, event)).fetchone()
            if row is None:
                raise NotFound(f"no event has id {event!r}")
            reports = [r[0] for r in self._db.execute(
                "SELECT id FROM events WHERE cluster = ? AND rejected = 0 ORDER BY id", (row[0],))]
            if not reports:
                raise InputError("event", f"event {event} is already rejected")
            decision = self._decide("reject", reports, row[0], who, note)
            self._db.executemany("UPDATE events SET rejected = 1 WHERE id = ?", [(r,) for r in reports])
            self.audit(who, "reject", row[0], {"decision": decision, "reports": reports, "note": note})
        return {"decision": decision, "event": row[0], "reports": reports}

    def undo_decision(self, decision: int, who: str, note: str | None = None) -> Row:
        """Revert one decision: entities are resolved again without it, rejected reports come back."""
        with self._transaction(f"undoing decision {decision}"):
            row = self._db.execute("SELECT kind, keys, undone_at FROM decisions WHERE id = ?", (decision,)).fetchone()
            if row is None:
                raise NotFound(f"no decision has id {decision}")
            if row["undone_at"] is not None:
                raise InputError("decision", f"decision {decision} was already undone at {row['undone_at']}")
            self._db.execute("UPDATE decisions SET undone_at = ?, undone_by = ? WHERE id = ?", (_now(), who, decision))
            keys = json.loads(row["keys"])
            if row["kind"] == "reject":
                self._db.executemany("UPDATE events SET rejected = 0 WHERE id = ?", [(r,) for r in keys])
                docs = {r[0] for r in self._db.execute(
                    f"SELECT doc_id FROM events WHERE id IN ({', '.join('?' * len(keys))})", keys)}
                self._merge_events([], docs)
            else:
                flat = {k for part in keys for k in part} if row["kind"] == "merge" else set(keys)
                self._merge_events(self._resolve_entities(self._entity_keys(flat), rederive=True), [])
            self.audit(who, "undo", str(decision), {"decision": decision, "kind": row["kind"], "note": note})
        return {"decision": decision, "kind": row["kind"], "undone": True}

    def audit_rows(self, limit: int, offset: int = 0) -> list[Row]:
        rows = self._rows("SELECT id, at, who, action, target, detail FROM audit_log ORDER BY id DESC"
                          " LIMIT ? OFFSET ?", (limit, offset))
        for r in rows:
            r["detail"] = json.loads(r["detail"])
        return rows

    def audit_count(self) -> int:
        return int(self._rows("SELECT count(*) AS n FROM audit_log")[0]["n"])

    def decision_rows(self, active: bool | None = None, limit: int = -1, offset: int = 0) -> list[Row]:
        """Decisions newest first (``active``: only those in force, or only those undone)."""
        rows = self._rows("SELECT id, kind, keys, target, who, at, note, undone_at, undone_by FROM decisions"
                          " WHERE (? IS NULL OR (undone_at IS NULL) = ?) ORDER BY id DESC LIMIT ? OFFSET ?",
                          (active, active, limit, offset))
        for r in rows:
            r["keys"] = json.loads(r["keys"])
        return rows

    def decision_count(self, active: bool | None = None) -> int:
        return int(self._rows("SELECT count(*) AS n FROM decisions WHERE (? IS NULL OR (undone_at IS NULL) = ?)",
                              (active, active))[0]["n"])
