"""The store's side of the resolve stage: read the records a batch touches, write the answer back.

A mixin over :class:`newsgraph.store.Store`, run inside ``Store.add``'s transaction so a batch's
documents, their entities and their merged events land together or not at all. The decisions
themselves are pure functions in :mod:`newsgraph.resolve`; this module only moves rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from newsgraph.names import name_key
from newsgraph.resolve.decisions import Decision
from newsgraph.resolve.entities import ActorRecord, block_keys, cluster
from newsgraph.resolve.events import (
    DAY_SLACK,
    STATE_KINDS,
    STATE_SECTORS,
    TOLD_REACH,
    UNDATED_WINDOW,
    Report,
    day_bounds,
    merge,
    state_side,
)
from newsgraph.store.reads import chunks

# A stored range ("between March and June") may start this long before the window it reaches into.
RANGE_REACH = timedelta(days=120)
MAX_REGION = 2000  # reports regrouped at most per batch: past this a long chain is cut (see README)


def _window(row: sqlite3.Row) -> tuple[date, date] | None:
    """The days a stored report must touch to be able to join this one (see same_happening): its
    date's days with a day of slack (a day given from the story: the week before it too), or for an
    undated report a week either side of its publication."""
    start, published = row["date_start"], row["published"]
    try:
        if start:
            first, last = day_bounds(start, row["date_end"] or start)
            if row["date_text"] == "":  # given from the story: the event was told by then
                return first - UNDATED_WINDOW, max(first, last) + DAY_SLACK
            return first - DAY_SLACK, max(first, last) + DAY_SLACK
        if published:
            day = date.fromisoformat(published[:10])
            return day - UNDATED_WINDOW, day + UNDATED_WINDOW
    except ValueError:
        return None
    return None


def _day_dated(row: sqlite3.Row) -> date | None:
    """The day of a day-dated report, stated or given from its story (not a month or a year): the
    only reports state-level sides can merge (``resolve.events._sides_agree``)."""
    if row["date_precision"] != "day" or not row["date_start"]:
        return None
    try:
        return date.fromisoformat(row["date_start"][:10])
    except ValueError:
        return None


def _side(row: sqlite3.Row, role: str) -> str | None:
    """The state a report's source or target entity acts for (``resolve.events.state_side``)."""
    return state_side(row[f"{role}_kind"], row[f"{role}_country"], row[f"{role}_sector"])


# The entities that act for the state whose code is the one parameter (see ``state_side``).
STATE_ENTITIES = ("SELECT id FROM entities WHERE country = ? AND (kind IN ({kinds})"
                  " OR (kind = 'person' AND sector IN ({sectors})))").format(
    kinds=", ".join(f"'{k}'" for k in sorted(STATE_KINDS)), sectors=", ".join(f"'{k}'" for k in sorted(STATE_SECTORS)))


def _name_rank(name: str) -> tuple[bool, bool, str]:
    """Which of two spellings of one key names it: capitalised, not shouted, then alphabetical (a
    total order, so the answer does not depend on which document came first)."""
    return not name[:1].isupper(), name.isupper(), name


# Sectors of a state's service, first among the sectors one key is given across articles: "Chinese
# Foreign Minister Wang Yi" in most, an elite (ELI) in the dictionary's undated role in a few.
STATE_SERVICE = ("GOV", "MIL", "COP", "JUD")


def preferred_sector(sectors: Collection[str]) -> str | None:
    """The sector a key keeps of those its articles gave it: a state's service first (the side it
    acts for), then the others in a fixed order, so the result does not depend on which came first."""
    return min(sectors, key=lambda s: (STATE_SERVICE.index(s) if s in STATE_SERVICE else len(STATE_SERVICE), s),
               default=None)


@dataclass
class KeyFold:
    """What one batch says about one actor key: its spellings, sector, aliases and documents."""

    kind: str
    country: str | None
    names: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    sector: str | None = None
    documents: int = 0

    def add(self, name: str, sector: str | None, aliases: Sequence[str], new_document: bool) -> None:
        self.names.add(name)
        self.aliases.update(aliases)
        self.sector = preferred_sector({x for x in (self.sector, sector) if x})
        self.documents += int(new_document)


class ResolvingWrites:
    """Entity resolution and event merging over the rows of one SQLite file."""

    _db: sqlite3.Connection

    def _select(self, sql: str, ids: Collection[str], extra: Sequence[Any] = ()) -> list[sqlite3.Row]:
        out: list[sqlite3.Row] = []
        for part in chunks(sorted(ids)):
            out += self._db.execute(sql.format(ids=", ".join("?" * len(part))), (*extra, *part)).fetchall()
        return out

    # --- actor keys ----------------------------------------------------------------------------------

    def _fold_actor_keys(self, folded: dict[str, KeyFold]) -> None:
        """Fold a batch's actors into their keys' records (aliases unioned, documents counted), in
        one read and two bulk writes whatever the batch's size."""
        stored = {r["key"]: r for r in self._select(
            "SELECT key, name, sector, aliases, documents FROM actor_keys WHERE key IN ({ids})", folded)}
        inserts, updates = [], []
        for key, fold in folded.items():
            row = stored.get(key)
            names = set(fold.names) | ({row["name"]} if row else set())
            best = min(names, key=_name_rank)
            sectors = {x for x in (fold.sector, row["sector"] if row else None) if x}
            aliases = (set(json.loads(row["aliases"])) if row else set()) | fold.aliases | names
            value = (best, preferred_sector(sectors), json.dumps(sorted(aliases - {best}), ensure_ascii=False))
            if row is None:
                inserts.append((key, fold.kind, fold.country, *value, fold.documents))
            else:
                updates.append((*value, fold.documents, key))
        self._db.executemany("INSERT INTO actor_keys (key, kind, country, name, sector, aliases, documents)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)", inserts)
        self._db.executemany("UPDATE actor_keys SET name = ?, sector = ?, aliases = ?, documents = documents + ?"
                             " WHERE key = ?", updates)

    def _records(self, keys: Collection[str]) -> list[ActorRecord]:
        rows = self._select("SELECT key, name, kind, country, sector, aliases, documents FROM actor_keys"
                            " WHERE key IN ({ids})", keys)
        return [ActorRecord(key=r["key"], name=r["name"], kind=r["kind"], country=r["country"],
                            sector=r["sector"], aliases=tuple(json.loads(r["aliases"])), weight=r["documents"])
                for r in rows]

    # --- entities ------------------------------------------------------------------------------------

    def _resolve_entities(self, new_keys: Collection[str], rederive: bool = False) -> set[str]:
        """Re-resolve the neighbourhood of ``new_keys``; return the keys already stored whose entity
        changed (their rows were re-pointed, so their events must be regrouped).

        The neighbourhood is every key sharing a blocking key with a new one, plus every key of the
        entities those belong to: all a new key could join, and all a merge or split could move;
        plus every key an analyst decision ties to those. ``rederive`` forgets the current entity of
        ``new_keys`` (after an analyst's split or undo) instead of starting from it.
        """
        for rec in self._records(new_keys):
            self._db.executemany("INSERT OR IGNORE INTO key_blocks (block, key) VALUES (?, ?)",
                                 [(b, rec.key) for b in sorted(block_keys(rec))])
        # One hop: any key a new key can match shares a block with it; the co-members of those keys'
        # entities come along so a merge or split sees whole entities. Going further would walk the
        # block graph across the whole store (every key shares some block with some other key).
        blocks = {r[0] for r in self._select("SELECT block FROM key_blocks WHERE key IN ({ids})", new_keys)}
        found = {r[0] for r in self._select("SELECT key FROM key_blocks WHERE block IN ({ids})", blocks)}
        entities = {r[0] for r in self._select("SELECT entity_id FROM actor_keys WHERE key IN ({ids})"
                                               " AND entity_id IS NOT NULL", found)}
        region = set(new_keys) | found | {r[0] for r in self._select(
            "SELECT key FROM actor_keys WHERE entity_id IN ({ids})", entities)}
        decisions = self._decisions_reaching(region)
        before = {r["key"]: r["entity_id"] for r in self._select(
            "SELECT key, entity_id FROM actor_keys WHERE key IN ({ids})", region)}
        moved: dict[str, str] = {}
        fresh = set(new_keys)
        known = {k: e for k, e in before.items() if e and not (rederive and k in fresh)}
        for ent in cluster(self._records(region), known=known, fresh=fresh, decisions=decisions):
            if not (fresh.intersection(ent.members) or any(before.get(k) != ent.id for k in ent.members)):
                continue  # nothing new in it and no member moved: its stored row is still right
            self._db.execute(
                "INSERT INTO entities (id, name, norm, kind, country, sector, key) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name, norm = excluded.norm, kind = excluded.kind,"
                " country = excluded.country, sector = excluded.sector, key = excluded.key",
                (ent.id, ent.name, name_key(ent.name), ent.kind, ent.country, ent.sector, ent.key))
            self._db.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (ent.id,))
            self._db.executemany("INSERT OR IGNORE INTO entity_aliases (entity_id, alias, norm) VALUES (?, ?, ?)",
                                 [(ent.id, a, name_key(a)) for a in ent.aliases])
            for key in ent.members:
                if before.get(key) != ent.id:
                    moved[key] = ent.id
        for key, eid in moved.items():
            self._move_key(key, eid)
        repointed = {key for key in moved if before.get(key)}
        stale = {e for e in before.values() if e} - {r[0] for r in self._select(
            "SELECT DISTINCT entity_id FROM actor_keys WHERE entity_id IN ({ids})", {e for e in before.values() if e})}
        for part in chunks(sorted(stale)):
            self._db.execute(f"DELETE FROM entities WHERE id IN ({', '.join('?' * len(part))})", part)
        return repointed

    def _decisions_reaching(self, region: set[str]) -> list[Decision]:
        """The analyst decisions that name a key of ``region``; ``region`` grows (in place) by the
        other keys they name and the co-members of those keys' entities, until it is closed."""
        active = self.active_decisions()
        chosen: dict[int, Decision] = {}
        grew = True
        while grew:
            grew = False
            for d in active:
                if d.id in chosen or not d.keys & region:
                    continue
                chosen[d.id] = d
                stored = {r[0] for r in self._select("SELECT key FROM actor_keys WHERE key IN ({ids})", d.keys)}
                entities = {r[0] for r in self._select("SELECT entity_id FROM actor_keys WHERE key IN ({ids})"
                                                       " AND entity_id IS NOT NULL", stored)}
                more = stored | {r[0] for r in self._select(
                    "SELECT key FROM actor_keys WHERE entity_id IN ({ids})", entities)}
                grew = grew or not more <= region
                region |= more
        return sorted(chosen.values(), key=lambda d: d.id)

    if TYPE_CHECKING:  # AnalystWrites provides it
        def active_decisions(self) -> list[Decision]: ...

    def _move_key(self, key: str, entity: str) -> None:
        """Point every row that stems from actors with ``key`` at ``entity``."""
        self._db.execute("UPDATE actor_keys SET entity_id = ? WHERE key = ?", (entity, key))
        actors = "(SELECT id FROM actors WHERE key = ?)"
        for table, entity_col, actor_col in (("mentions", "entity_id", "actor_id"),
                                             ("entity_roles", "entity_id", "actor_id"),
                                             ("events", "source_entity", "source_actor"),
                                             ("events", "target_entity", "target_actor"),
                                             ("relations", "source_entity", "source_actor"),
                                             ("relations", "target_entity", "target_actor")):
            self._db.execute(f"UPDATE {table} SET {entity_col} = ? WHERE {actor_col} IN {actors}"
                             f" AND {entity_col} IS NOT ?", (entity, key, entity))

    def entity_of_actors(self, actor_ids: Collection[str]) -> dict[str, str]:
        """actor id → its entity id, for rows about to be written."""
        return {r[0]: r[1] for r in self._select(
            "SELECT a.id, k.entity_id FROM actors a JOIN actor_keys k ON k.key = a.key WHERE a.id IN ({ids})",
            actor_ids)}

    # --- events --------------------------------------------------------------------------------------

    def _neighbours(self, cols: str, reports: list[sqlite3.Row]) -> list[sqlite3.Row]:
        """Stored reports that could agree with one of ``reports``: same type, a shared entity or
        an organ or official of the same state (``resolve.events._sides_agree``), and a date (or,
        undated, a publication day) in reach; each lookup walks a (type, entity, date) index rather
        than every report of a hub."""
        windows: dict[tuple[bool, str, str], tuple[date, date]] = {}
        states: dict[tuple[bool, str, str], tuple[date, date]] = {}  # same-day reports by state sides
        for r in reports:
            span = _window(r)
            if span is None:
                continue
            for ent in {r["source_entity"], r["target_entity"]} - {None}:
                key = (r["date_start"] is not None, r["type"], ent)
                lo, hi = windows.get(key, span)
                windows[key] = (min(lo, span[0]), max(hi, span[1]))
            day = _day_dated(r)
            if day is not None and r["source_entity"] and r["target_entity"]:  # the two states on that day
                for state in {_side(r, "source"), _side(r, "target")} - {None}:
                    key = (True, str(r["type"]), str(state))
                    lo, hi = states.get(key, (day, day))
                    states[key] = (min(lo, day), max(hi, day))
        out: list[sqlite3.Row] = []
        for (_, type_, state), (lo, hi) in sorted(states.items()):
            for side in ("source_entity", "target_entity"):  # any organ or official of the state
                out += self._db.execute(
                    cols + f" WHERE e.type = ? AND e.{side} IN ({STATE_ENTITIES}) AND e.date_start BETWEEN ? AND ?"
                    " AND e.date_precision = 'day'",
                    (type_, state.removeprefix("state:"), (lo - TOLD_REACH).isoformat(),
                     (hi + TOLD_REACH).isoformat())).fetchall()
        for (dated, type_, ent), (lo, hi) in sorted(windows.items()):
            for side in ("source_entity", "target_entity"):
                if dated:  # dated reports join dated ones: dates in the window, or coarser ones around it
                    coarse = sorted({lo.isoformat()[:4], lo.isoformat()[:7], hi.isoformat()[:4], hi.isoformat()[:7]})
                    out += self._db.execute(  # a day given from the story may be up to a week after
                        cols + f" WHERE e.type = ? AND e.{side} = ? AND (e.date_start BETWEEN ? AND ?"
                        " OR (e.date_text = '' AND e.date_start BETWEEN ? AND ?) OR e.date_start IN (?, ?, ?, ?))",
                        (type_, ent, (lo - RANGE_REACH).isoformat(), hi.isoformat(), hi.isoformat(),
                         (hi + UNDATED_WINDOW).isoformat(), *(coarse + coarse)[:4])).fetchall()
                else:  # undated reports join undated ones published close by
                    out += self._db.execute(
                        cols + f" WHERE e.type = ? AND e.{side} = ? AND e.date_start IS NULL"
                        " AND d.published BETWEEN ? AND ?", (type_, ent, lo.isoformat(), hi.isoformat())).fetchall()
        return out

    def _merge_events(self, repointed: Collection[str], documents: Collection[str]) -> set[str]:
        """Regroup into happenings the reports of ``documents``, the reports of actors whose key was
        ``repointed`` to another entity, and every stored report these could join (see
        :meth:`_neighbours`). A new spelling joining the United States moves no old report, so it
        does not re-read the United States' reports. Returns the merged events (cluster ids) whose
        reports changed: the new groups and the old ones they left."""
        cols = ("SELECT e.id, e.rejected, e.doc_id, e.type, e.source_entity, e.target_entity, e.modality,"
                " e.date_start, e.date_end, e.date_precision, e.place_country, e.place_name, e.cluster, e.is_primary,"
                " d.published, e.date_text, se.kind AS source_kind, se.country AS source_country,"
                " se.sector AS source_sector, te.kind AS target_kind, te.country AS target_country,"
                " te.sector AS target_sector,"
                " (SELECT count(*) FROM event_quantities q WHERE q.event_id = e.id)"
                " + (e.place_name IS NOT NULL) AS detail,"
                " (SELECT min(v.sentence_index) FROM evidence v WHERE v.event_id = e.id) AS position"
                " FROM events e JOIN documents d ON d.id = e.doc_id"
                " LEFT JOIN entities se ON se.id = e.source_entity LEFT JOIN entities te ON te.id = e.target_entity")
        rows = {r["id"]: r for r in self._select(cols + " WHERE e.doc_id IN ({ids})", documents)}
        for part in chunks(sorted(repointed)):
            actors = f"(SELECT id FROM actors WHERE key IN ({', '.join('?' * len(part))}))"
            for r in self._db.execute(cols + f" WHERE e.source_actor IN {actors} OR e.target_actor IN {actors}",
                                      (*part, *part)):
                rows[r["id"]] = r
        # Close the region: a report that could agree with any report of the region comes in too,
        # with its event's other reports, until nothing new arrives. Merging is complete linkage
        # in content order, so only a closed region gives the answer a full run would give.
        frontier = list(rows.values())
        clusters_seen: set[str] = set()
        while frontier and len(rows) < MAX_REGION:
            added: dict[str, sqlite3.Row] = {}
            for r in self._neighbours(cols, frontier):
                if r["id"] not in rows:
                    added[r["id"]] = r
            clusters = {r["cluster"] for r in [*frontier, *added.values()] if r["cluster"]} - clusters_seen
            clusters_seen |= clusters
            for r in self._select(cols + " WHERE e.cluster IN ({ids})", clusters):
                if r["id"] not in rows:
                    added[r["id"]] = r
            rows.update(added)
            frontier = list(added.values())
        rows = {k: r for k, r in rows.items() if not r["rejected"]}  # an analyst took them out
        reports = [Report(id=r["id"], doc_id=r["doc_id"], type=r["type"], source=r["source_entity"],
                          target=r["target_entity"], modality=r["modality"], date_start=r["date_start"],
                          date_end=r["date_end"], precision=r["date_precision"], published=r["published"],
                          place_country=r["place_country"], place_name=r["place_name"], detail=r["detail"],
                          date_given=r["date_start"] is not None and r["date_text"] == "",
                          source_side=_side(r, "source"), target_side=_side(r, "target"),
                          position=r["position"] or 0)
                   for r in rows.values()]
        updates = [(h.id, int(member == h.primary), member) for h in merge(reports) for member in h.members
                   if rows[member]["cluster"] != h.id or rows[member]["is_primary"] != (member == h.primary)]
        self._db.executemany("UPDATE events SET cluster = ?, is_primary = ? WHERE id = ?", updates)
        return {cluster for cluster, _, _ in updates} | {rows[member]["cluster"] for _, _, member in updates}
