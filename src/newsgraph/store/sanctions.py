"""Sanctions tables of the store: listed parties and the entities matched to them.

A mixin over :class:`newsgraph.store.Store` (schema in ``migrations/0003_sanctions.sql``). It
needs the store's connection (``_db``, autocommit), ``_transaction`` for writes and ``_rows``
for reads. Parties are upserted on (list name, party id), so loading a list again updates it in
place; matches are replaced wholesale because entity ids change when the resolver merges.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newsgraph.errors import StoreError
from newsgraph.store.reads import Row, chunks

if TYPE_CHECKING:
    from newsgraph.sanctions.model import ListedParty


MatchRow = tuple[str, str, str, float, str]  # entity_id, list_name, party_id, score, explanation
_LISTS = ("aliases", "countries", "birth_dates", "programs")


class SanctionsStore:
    """Writes and reads of ``listed_parties`` and ``sanction_matches``."""

    path: str
    _db: sqlite3.Connection

    def _transaction(self, what: str) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        raise NotImplementedError

    def add_parties(self, parties: Iterable[ListedParty]) -> int:
        """Store listed parties in one transaction (insert or update); returns how many were written."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        rows = [(p.list_name, p.party_id, p.kind, p.name, json.dumps(list(p.aliases), ensure_ascii=False),
                 json.dumps(list(p.countries)), json.dumps(list(p.birth_dates)),
                 json.dumps(list(p.programs), ensure_ascii=False), p.listed_on, p.source_file, p.source_line, now)
                for p in parties]
        with self._transaction(f"{len(rows)} listed parties not stored"):
            self._db.executemany(
                "INSERT INTO listed_parties (list_name, party_id, kind, name, aliases, countries, birth_dates,"
                " programs, listed_on, source_file, source_line, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?) ON CONFLICT (list_name, party_id) DO UPDATE SET kind = excluded.kind,"
                " name = excluded.name, aliases = excluded.aliases, countries = excluded.countries,"
                " birth_dates = excluded.birth_dates, programs = excluded.programs,"
                " listed_on = excluded.listed_on, source_file = excluded.source_file,"
                " source_line = excluded.source_line, loaded_at = excluded.loaded_at", rows)
        return len(rows)

    def party_rows(self, list_name: str | None = None) -> list[Row]:
        """Stored parties (of one list, or all), JSON columns decoded to lists, in load order."""
        rows = self._rows(
            "SELECT list_name, party_id, kind, name, aliases, countries, birth_dates, programs, listed_on,"
            " source_file, source_line, loaded_at FROM listed_parties WHERE ?1 IS NULL OR list_name = ?1"
            " ORDER BY id", (list_name,))
        for r in rows:
            for column in _LISTS:
                r[column] = json.loads(r[column])
        return rows

    def replace_matches(self, matches: Iterable[MatchRow], entity_ids: Iterable[str] | None = None) -> int:
        """Replace the stored matches: all of them, or only those of ``entity_ids`` when given.

        Each match is (entity_id, list_name, party_id, score, explanation); a party that is not
        stored is an error and nothing is changed.
        """
        batch = list(matches)
        with self._transaction(f"{len(batch)} sanction matches not stored"):
            if entity_ids is None:
                self._db.execute("DELETE FROM sanction_matches")
            else:
                for part in chunks(list(dict.fromkeys(entity_ids))):
                    self._db.execute(f"DELETE FROM sanction_matches WHERE entity_id IN ({', '.join('?' * len(part))})",
                                     part)
            for entity_id, list_name, party_id, score, explanation in batch:
                cur = self._db.execute(
                    "INSERT OR REPLACE INTO sanction_matches (entity_id, party, score, explanation)"
                    " SELECT ?, id, ?, ? FROM listed_parties WHERE list_name = ? AND party_id = ?",
                    (entity_id, float(score), explanation, list_name, party_id))
                if cur.rowcount == 0:
                    raise StoreError(f"{self.path}: no listed party {party_id!r} on {list_name!r} to match "
                                     f"entity {entity_id!r} to")
        return len(batch)

    def sanction_rows(self, entity_ids: Sequence[str]) -> list[Row]:
        """Matches of these entities, best first: entity_id, list, party_id, party_name, score, explanation."""
        out: list[Row] = []
        for part in chunks(list(entity_ids)):
            out += self._rows(
                'SELECT m.entity_id, p.list_name AS "list", p.party_id, p.name AS party_name, m.score,'
                " m.explanation FROM sanction_matches m JOIN listed_parties p ON p.id = m.party"
                f" WHERE m.entity_id IN ({', '.join('?' * len(part))})"
                " ORDER BY m.entity_id, m.score DESC, p.list_name, p.party_id", part)
        return out

    def sanction_counts(self) -> Row:
        """How many parties are stored, per list, and how many entities are flagged."""
        lists = self._rows("SELECT list_name, count(*) AS parties FROM listed_parties GROUP BY list_name"
                           " ORDER BY list_name")
        flagged = self._rows("SELECT count(DISTINCT entity_id) AS n FROM sanction_matches")[0]["n"]
        return {"lists": {r["list_name"]: r["parties"] for r in lists}, "flagged_entities": flagged}
