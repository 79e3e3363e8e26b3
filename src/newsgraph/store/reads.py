"""The read queries of the store, kept apart from connection handling and writes.

A mixin over :class:`newsgraph.store.Store`: it only needs ``_rows`` (run one SELECT), so it does
not import ``sqlite3``. Results are plain row dicts; :mod:`newsgraph.query` shapes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from newsgraph.resolve import normalise_name

Row = dict[str, Any]
CHUNK = 500  # ids per IN (...) list, well under SQLite's parameter limit
_ORDERS = {"date": "e.date_start IS NULL, e.date_start, e.rowid",
           "document": "(SELECT rowid FROM documents WHERE id = e.doc_id), e.position, e.rowid"}


def fts_query(text: str) -> str:
    """User text → an FTS5 query of quoted terms (all required): FTS syntax cannot leak through."""
    terms = [t for t in text.split() if re.search(r"\w", t)]
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    """``ids`` in slices short enough for one ``IN (...)`` list: every store module's long lists."""
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


class Reads:
    """SELECTs behind the query layer."""

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        raise NotImplementedError

    def _by_ids(self, sql: str, ids: Sequence[str]) -> list[Row]:
        """Run ``sql`` (with an ``{ids}`` placeholder list) over ``ids`` in chunks."""
        out: list[Row] = []
        for part in chunks(ids):
            out += self._rows(sql.format(ids=", ".join("?" * len(part))), part)
        return out

    def event_rows(self, *, actor: str | None = None, type: str | None = None, since: str | None = None,
                   until: str | None = None, entity: str | None = None, limit: int | None = None,
                   reports: bool = False, cluster: str | None = None, order: str = "date") -> list[Row]:
        """Events with their source and target entity columns (``s_*``, ``t_*``), filtered.

        One row per merged event (its primary report) unless ``reports`` asks for every report;
        ``cluster`` selects one merged event's reports. An actor or entity filter keeps an event
        when any of its reports involves the actor. ``order`` is ``date`` (undated last) or
        ``document``: reading order, articles as they were stored and events as their text states them.

        ``actor`` is a fragment of an entity's name or alias (compared normalised); ``since`` and
        ``until`` are ISO prefixes compared at the precision both sides have.
        """
        where: list[str] = []
        p = {"actor": normalise_name(actor or ""), "type": type, "since": since, "until": until,
             "entity": entity, "limit": -1 if limit is None else limit, "cluster": cluster}
        if not reports and cluster is None:
            where.append("e.is_primary = 1")
        if cluster is not None:
            where.append("e.cluster = :cluster")
        if type:
            where.append("e.type = :type")
        if entity:
            where.append("e.cluster IN (SELECT cluster FROM events WHERE source_entity = :entity"
                         " OR target_entity = :entity)")
        if actor is not None:
            if not p["actor"]:
                return []  # nothing nameable in it ("--"): match nothing, not everything
            where.append("e.cluster IN (SELECT cluster FROM events WHERE source_entity IN matched"
                         " OR target_entity IN matched)")
        if since:
            where.append("e.date_end IS NOT NULL AND substr(e.date_end, 1, min(length(e.date_end),"
                         " length(:since))) >= substr(:since, 1, min(length(e.date_end), length(:since)))")
        if until:
            where.append("e.date_start IS NOT NULL AND substr(e.date_start, 1, min(length(e.date_start),"
                         " length(:until))) <= substr(:until, 1, min(length(e.date_start), length(:until)))")
        return self._rows(
            "WITH matched AS (SELECT id FROM entities WHERE instr(norm, :actor)"
            " UNION SELECT entity_id FROM entity_aliases WHERE instr(norm, :actor))"
            " SELECT e.*, s.name AS s_name, s.kind AS s_kind, s.country AS s_country, s.sector AS s_sector,"
            " t.name AS t_name, t.kind AS t_kind, t.country AS t_country, t.sector AS t_sector"
            " FROM events e LEFT JOIN entities s ON s.id = e.source_entity"
            " LEFT JOIN entities t ON t.id = e.target_entity"
            f" WHERE {' AND '.join(where) or '1'}"
            f" ORDER BY {_ORDERS[order]} LIMIT :limit", p)

    def evidence_rows(self, event_ids: Sequence[str]) -> list[Row]:
        return self._by_ids(
            'SELECT event_id, doc_id, source, sentence, start, "end" FROM evidence'
            ' WHERE event_id IN ({ids}) ORDER BY event_id, doc_id, start', event_ids)

    def cluster_evidence_rows(self, clusters: Sequence[str]) -> list[Row]:
        """Evidence of every report of the given merged events (``cluster`` = merged event id), the
        primary report's first, then by publication date: where a happening was stated."""
        return self._by_ids(
            'SELECT e.cluster, e.id AS event_id, v.doc_id, v.source, v.sentence, v.start, v."end",'
            " d.published, d.outlet, d.title FROM events e JOIN evidence v ON v.event_id = e.id"
            " JOIN documents d ON d.id = v.doc_id WHERE e.cluster IN ({ids})"
            " ORDER BY e.cluster, e.is_primary DESC, d.published IS NULL, d.published, v.doc_id, v.start", clusters)

    def cluster_count_rows(self, clusters: Sequence[str]) -> list[Row]:
        """Per merged event: reports, distinct articles and distinct sources (outlet, else article)."""
        return self._by_ids(
            "SELECT e.cluster, count(*) AS reports, count(DISTINCT e.doc_id) AS articles,"
            " count(DISTINCT coalesce(d.outlet, d.id)) AS sources FROM events e"
            " JOIN documents d ON d.id = e.doc_id WHERE e.cluster IN ({ids}) GROUP BY e.cluster", clusters)

    def cluster_involves(self, cluster: str, first: str, second: str) -> bool:
        """Whether a merged event's reports name both entities (in either role)."""
        rows = self._rows("SELECT 1 FROM events WHERE cluster = ? GROUP BY cluster HAVING"
                          " max(? IN (source_entity, target_entity)) AND max(? IN (source_entity, target_entity))",
                          (cluster, first, second))
        return bool(rows)

    def cluster_of(self, event_id: str) -> str | None:
        """The merged event a report belongs to."""
        rows = self._rows("SELECT cluster FROM events WHERE id = ?", (event_id,))
        return rows[0]["cluster"] if rows else None

    def document_rows(self, doc_ids: Sequence[str]) -> list[Row]:
        return self._by_ids("SELECT id, source, url, title, published, outlet FROM documents"
                            " WHERE id IN ({ids})", sorted(set(doc_ids)))

    def quantity_rows(self, event_ids: Sequence[str]) -> list[Row]:
        return self._by_ids("SELECT event_id, value, unit, text, kind FROM event_quantities"
                            " WHERE event_id IN ({ids}) ORDER BY event_id, rowid", event_ids)

    def entity_rows(self, *, kind: str | None = None, country: str | None = None, q: str | None = None,
                    name: str | None = None) -> list[Row]:
        """Entities with event and mention counts, most active first.

        ``q`` matches a fragment of the name or an alias; ``name`` the id, whole name or an alias
        (in that order of preference). Both compare normalised (case, diacritics, punctuation ignored).
        """
        where = ["(:kind IS NULL OR n.kind = :kind)", "(:country IS NULL OR n.country = :country)"]
        if q is not None:
            if not normalise_name(q):
                return []
            where.append("(instr(n.norm, :q) OR n.id IN (SELECT entity_id FROM entity_aliases"
                         " WHERE instr(norm, :q)))")
        if name is not None:
            where.append("(n.id = :name OR n.norm = :norm OR n.id IN (SELECT entity_id FROM entity_aliases"
                         " WHERE norm = :norm))")
        return self._rows(
            "SELECT n.id, n.name, n.kind, n.country, n.sector,"
            " (SELECT count(*) FROM events e WHERE e.source_entity = n.id OR e.target_entity = n.id)"
            " AS events,"
            " (SELECT count(*) FROM mentions m WHERE m.entity_id = n.id) AS mentions"
            f" FROM entities n WHERE {' AND '.join(where)}"
            " ORDER BY n.id = :name DESC, n.norm = :norm DESC, events DESC, mentions DESC, n.name",
            {"kind": kind, "country": country, "q": normalise_name(q or ""), "name": name,
             "norm": normalise_name(name or "")})

    def alias_rows(self, entity_ids: Sequence[str]) -> list[Row]:
        return self._by_ids("SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN ({ids})"
                            " ORDER BY entity_id, alias", entity_ids)

    def role_rows(self, entity_id: str) -> list[Row]:
        return self._rows("SELECT DISTINCT title, organisation, seen, doc_id FROM entity_roles WHERE entity_id = ?"
                          " ORDER BY seen IS NULL, seen, title, organisation, doc_id", (entity_id,))

    def roles_of(self, entity_ids: Sequence[str]) -> list[Row]:
        return self._by_ids("SELECT DISTINCT entity_id, title, organisation, seen FROM entity_roles"
                            " WHERE entity_id IN ({ids}) ORDER BY entity_id, seen IS NULL, seen, title", entity_ids)

    def relation_rows(self, *, entity: str | None = None, relation: str | None = None) -> list[Row]:
        """Every stated tie with its entities (``s_*``, ``t_*``) and sentence, grouped by the
        standing relation it supports (source entity, relation, target entity), oldest first."""
        return self._rows(
            "SELECT r.source_entity, r.relation, r.target_entity, r.seen, r.doc_id, r.source, r.sentence,"
            ' r.start, r."end", s.name AS s_name, s.kind AS s_kind, s.country AS s_country, s.sector AS s_sector,'
            " t.name AS t_name, t.kind AS t_kind, t.country AS t_country, t.sector AS t_sector"
            " FROM relations r JOIN entities s ON s.id = r.source_entity JOIN entities t ON t.id = r.target_entity"
            " WHERE (:entity IS NULL OR :entity IN (r.source_entity, r.target_entity))"
            " AND (:relation IS NULL OR r.relation = :relation)"
            " ORDER BY s.name, r.relation, t.name, r.source_entity, r.target_entity, r.seen IS NULL, r.seen,"
            " r.doc_id, r.start", {"entity": entity, "relation": relation})

    def mention_evidence_rows(self, entity_id: str) -> list[Row]:
        """The sentences that mention an entity (the mention itself when sentences are missing)."""
        return self._rows(
            'SELECT DISTINCT m.doc_id, d.source, trim(coalesce(s.text, m.text)) AS sentence,'
            ' coalesce(s.start, m.start) AS start, coalesce(s."end", m."end") AS "end"'
            " FROM mentions m JOIN documents d ON d.id = m.doc_id"
            ' LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.start <= m.start AND m."end" <= s."end"'
            " WHERE m.entity_id = ? ORDER BY d.published IS NULL, d.published, m.doc_id, 4", (entity_id,))

    def search_sentences(self, text: str, limit: int = 20) -> list[Row]:
        """Full-text search of sentences; ``text`` is user input, quoted term by term."""
        match = fts_query(text)
        if not match:
            return []
        return self._rows(
            "SELECT s.doc_id, d.source, d.title, d.published, s.idx AS sentence_index, s.start, s.\"end\","
            " trim(s.text) AS text, snippet(sentences_fts, 0, '**', '**', '…', 16) AS snippet"
            " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
            " JOIN documents d ON d.id = s.doc_id WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit))

    def counts(self) -> Row:
        """Row counts of the main tables: merged events and the reports they merge, standing
        relations and the statements behind them, entities and the actor keys they resolve; events
        per type (merged)."""
        row = self._rows(
            "SELECT (SELECT count(*) FROM documents) AS documents,"
            " (SELECT count(*) FROM sentences) AS sentences,"
            " (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM actor_keys) AS actor_keys,"
            " (SELECT count(*) FROM mentions) AS mentions,"
            " (SELECT count(*) FROM events WHERE is_primary = 1) AS events, (SELECT count(*) FROM events) AS reports,"
            " (SELECT count(*) FROM (SELECT DISTINCT source_entity, relation, target_entity FROM relations))"
            " AS relations, (SELECT count(*) FROM relations) AS relation_statements")[0]
        row["by_type"] = {r["type"]: r["n"] for r in self._rows(
            "SELECT type, count(*) AS n FROM events WHERE is_primary = 1 GROUP BY type ORDER BY n DESC, type")}
        return row
