"""The read queries of the store, kept apart from connection handling and writes.

A mixin over :class:`newsgraph.store.Store`: it only needs ``_rows`` (run one SELECT), so it does
not import ``sqlite3``. Results are plain row dicts; :mod:`newsgraph.query` shapes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from newsgraph.names import name_key

Row = dict[str, Any]
CHUNK = 500  # ids per IN (...) list, well under SQLite's parameter limit
MANY_EVENTS = 20_000  # past this, an entity's stated amounts are found from the amounts' side
MANY_MENTIONS = 2000  # past this, an entity's first mentions are found walking articles in date order
_ORDERS = {"date": "e.date_start IS NULL, e.date_start, e.rowid",
           "document": "(SELECT rowid FROM documents WHERE id = e.doc_id), e.position, e.rowid"}


def fts_query(text: str) -> str:
    """User text → an FTS5 query of quoted terms (all required): FTS syntax cannot leak through."""
    terms = [t for t in text.split() if re.search(r"\w", t)]
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _date_terms(since: str | None, until: str | None) -> list[str]:
    """WHERE terms keeping events that touch [:since, :until], comparing ISO prefixes at the
    precision both sides have ("2023" keeps a 2023-06 event, "2023-06-02" keeps a "2023-06" one)."""
    terms = []
    if since:
        terms.append("e.date_end IS NOT NULL AND substr(e.date_end, 1, min(length(e.date_end),"
                     " length(:since))) >= substr(:since, 1, min(length(e.date_end), length(:since)))")
    if until:
        terms.append("e.date_start IS NOT NULL AND substr(e.date_start, 1, min(length(e.date_start),"
                     " length(:until))) <= substr(:until, 1, min(length(e.date_start), length(:until)))")
    return terms


def _month_terms(since: str | None, until: str | None, first: str = "first", last: str = "last",
                 names: tuple[str, str] = ("since", "until")) -> list[str]:
    """:func:`_date_terms` over months (``first``/``last``: the first 7 characters of date_start /
    date_end, '' undated) as the derived tables of migration 0006 keep them: exact for a since/until
    of at most 7 characters, a superset (every event the day-precise terms keep) otherwise."""
    s, u = names
    terms = []
    if since:
        terms.append(f"{last} != '' AND substr({last}, 1, min(length({last}), length(:{s})))"
                     f" >= substr(:{s}, 1, min(length({last}), length(:{s})))")
    if until:
        terms.append(f"{first} != '' AND substr({first}, 1, min(length({first}), length(:{u})))"
                     f" <= substr(:{u}, 1, min(length({first}), length(:{u})))")
    return terms


def _monthly(*dates: str | None) -> bool:
    """Whether since/until are precise to the month at most, so the month tables answer exactly."""
    return all(d is None or len(d) <= 7 for d in dates)


def _needs_event(actor: str | None, modality: str | None, place: str | None) -> bool:
    """Whether event filters read columns of the event row that ``event_entities`` has no copy of."""
    return bool(actor is not None or modality or place is not None)


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

    def _event_where(self, *, actor: str | None, type: str | None, since: str | None, until: str | None,
                     entity: str | None, other: str | None, modality: str | None, place: str | None,
                     reports: bool, cluster: str | None, involved: bool = False
                     ) -> tuple[list[str], dict[str, Any]] | None:
        """The WHERE terms and parameters of an event query (None: the filter can match nothing).

        ``involved``: the query reads ``event_entities i`` (the merged events of ``entity``, see
        :meth:`_involved`) instead of testing every primary report's cluster: ``entity`` and
        ``other`` become lookups there, and type and date terms read its copies of those columns.
        """
        where: list[str] = ["e.rejected = 0"]  # an analyst's rejected events are gone from every read
        if involved:
            where = []  # event_entities holds only primary reports not rejected
        p: dict[str, Any] = {"actor": name_key(actor or ""), "type": type, "since": since, "until": until,
                             "entity": entity, "other": other, "cluster": cluster, "modality": modality,
                             "place": name_key(place or "")}
        if not reports and cluster is None and not involved:
            where.append("e.is_primary = 1")
        if cluster is not None:
            where.append("e.cluster = :cluster")
        if type:
            where.append("i.type = :type" if involved else "e.type = :type")
        if modality:
            where.append("e.modality = :modality")
        if place is not None:
            if not p["place"]:
                return None
            where.append("(instr(lower(e.place_name), :place) OR lower(e.place_country) = :place)")
        for name in ("entity", "other"):
            if involved and name == "entity":
                where.append("i.entity_id = :entity")
            elif involved and p[name]:
                where.append(f"EXISTS (SELECT 1 FROM event_entities j WHERE j.entity_id = :{name}"
                             " AND j.event_id = i.event_id)")
            elif p[name]:
                where.append(f"e.cluster IN (SELECT cluster FROM events WHERE source_entity = :{name}"
                             f" OR target_entity = :{name})")
        if actor is not None:
            if not p["actor"]:
                return None  # nothing nameable in it ("--"): match nothing, not everything
            where.append("e.cluster IN (SELECT cluster FROM events WHERE source_entity IN matched"
                         " OR target_entity IN matched)")
        where += [t.replace("e.date_", "i.date_") for t in _date_terms(since, until)] if involved \
            else _date_terms(since, until)
        if (since or until) and not reports and cluster is None:  # merged events: what event_months counts
            # Bounds an index on date_start can walk (the terms above are not): no kept event starts
            # before the earliest month event_months has for the filters, nor after :until || '~'.
            p["from_month"] = self._first_month(type, since, until)
            if p["from_month"] is None:
                return None
            col = "i.date_start" if involved else "e.date_start"
            where += (["i.undated = 0"] if involved else []) + [f"{col} >= :from_month"]
            if until:
                where.append(f"{col} < :until || '~'")
        return where, p

    def _first_month(self, type: str | None, since: str | None, until: str | None) -> str | None:
        """The earliest month a merged event kept by ``since``/``until`` (and ``type``) starts in
        (None: no event is kept), from the counts of migration 0006."""
        where = ["n > 0", "first != ''", *_month_terms(since and since[:7], until and until[:7])]
        if type:
            where.append("type = :type")
        return self._rows(f"SELECT min(first) AS m FROM event_months WHERE {' AND '.join(where)}",
                          {"since": since and since[:7], "until": until and until[:7], "type": type})[0]["m"]

    def _involved(self, entity: str | None, other: str | None, reports: bool,
                  cluster: str | None) -> tuple[bool, str | None, str | None]:
        """Whether an event query reads the merged events of ``entity`` from ``event_entities``
        (merged events only, by entity), and ``entity`` and ``other`` in the order to read them: a
        dyad's events are those of both, so the query walks the entity with fewer reports and looks
        the other up, whichever of the two was asked first."""
        if not entity or reports or cluster is not None:
            return False, entity, other
        if other:
            n = {r["entity_id"]: r["events"] for r in self._rows(
                "SELECT entity_id, events FROM entity_stats WHERE entity_id IN (?, ?)", (entity, other))}
            if n.get(other, 0) < n.get(entity, 0):
                entity, other = other, entity
        return True, entity, other

    _MATCHED = ("WITH matched AS (SELECT id FROM entities WHERE instr(norm, :actor)"
                " UNION SELECT entity_id FROM entity_aliases WHERE instr(norm, :actor))")

    def event_rows(self, *, actor: str | None = None, type: str | None = None, since: str | None = None,
                   until: str | None = None, entity: str | None = None, other: str | None = None,
                   modality: str | None = None, place: str | None = None, limit: int | None = None,
                   offset: int = 0, reports: bool = False, cluster: str | None = None,
                   order: str = "date") -> list[Row]:
        """Events with their source and target entity columns (``s_*``, ``t_*``), filtered.

        One row per merged event (its primary report) unless ``reports`` asks for every report;
        ``cluster`` selects one merged event's reports. An actor or entity filter keeps an event
        when any of its reports involves the actor; ``entity`` and ``other`` together keep a dyad's
        events. ``order`` is ``date`` (undated last) or ``document``: reading order, articles as
        they were stored and events as their text states them. Rejected events never appear.

        ``actor`` is a fragment of an entity's name or alias and ``place`` of a place name or a
        country code (compared normalised); ``since`` and ``until`` are ISO prefixes compared at the
        precision both sides have.
        """
        involved, entity, other = self._involved(entity, other, reports, cluster)
        found = self._event_where(actor=actor, type=type, since=since, until=until, entity=entity, other=other,
                                  modality=modality, place=place, reports=reports, cluster=cluster,
                                  involved=involved)
        if found is None:
            return []
        where, p = found
        p.update(limit=-1 if limit is None else limit, offset=offset)
        columns = (" SELECT e.*, s.name AS s_name, s.kind AS s_kind, s.country AS s_country, s.sector AS s_sector,"
                   " t.name AS t_name, t.kind AS t_kind, t.country AS t_country, t.sector AS t_sector")
        actors = " LEFT JOIN entities s ON s.id = e.source_entity LEFT JOIN entities t ON t.id = e.target_entity"
        if involved and order == "date":
            # Merged events of an entity: one page of its event_entities rows, in the events' date
            # order (i.undated, i.date_start, i.seq are the primary report's date and rowid) along
            # the index event_entities_date; only the page's events are read.
            inner = "event_entities i" + (" JOIN events e ON e.id = i.event_id"
                                          if _needs_event(actor, modality, place) else "")
            return self._rows(
                self._MATCHED + columns +
                f" FROM (SELECT i.event_id, i.undated, i.date_start, i.seq FROM {inner} WHERE {' AND '.join(where)}"
                " ORDER BY i.undated, i.date_start, i.seq LIMIT :limit OFFSET :offset) k"
                f" JOIN events e ON e.id = k.event_id{actors} ORDER BY k.undated, k.date_start, k.seq", p)
        source = "event_entities i JOIN events e ON e.id = i.event_id" if involved else "events e"
        # With since/until no undated event is kept: date order is date_start, rowid, the order of the
        # partial indexes events_live_day and events_live_type_day (migration 0006), walked from the
        # first month an event can start in.
        ordered = "e.date_start, e.rowid" if order == "date" and (since or until) and not reports \
            else _ORDERS[order]
        return self._rows(
            self._MATCHED + columns + f" FROM {source}{actors} WHERE {' AND '.join(where)}"
            f" ORDER BY {ordered} LIMIT :limit OFFSET :offset", p)

    def event_count(self, *, actor: str | None = None, type: str | None = None, since: str | None = None,
                    until: str | None = None, entity: str | None = None, other: str | None = None,
                    modality: str | None = None, place: str | None = None, reports: bool = False) -> int:
        """How many events :meth:`event_rows` would list with the same filters and no limit."""
        involved, entity, other = self._involved(entity, other, reports, None)
        found = self._event_where(actor=actor, type=type, since=since, until=until, entity=entity, other=other,
                                  modality=modality, place=place, reports=reports, cluster=None, involved=involved)
        if found is None:
            return 0
        where, p = found
        source = "events e"
        if not involved and not reports and (since or until) and _monthly(since, until) and entity is None \
                and other is None and not _needs_event(actor, modality, place):
            # Merged events by type and months (migration 0006): exact at month or year precision.
            terms = ["n > 0", *_month_terms(since, until)] + (["type = :type"] if type else [])
            return int(self._rows(f"SELECT coalesce(sum(n), 0) AS n FROM event_months WHERE {' AND '.join(terms)}",
                                  p)[0]["n"])
        if involved:  # the event row is needed only for filters event_entities has no copy of
            if len(where) == 1 and actor is None:  # the entity alone: its per-month counts
                return int(self._rows("SELECT coalesce(sum(n), 0) AS n FROM entity_months WHERE entity_id = ?",
                                      (entity,))[0]["n"])
            source = "event_entities i" + (" JOIN events e ON e.id = i.event_id"
                                           if _needs_event(actor, modality, place) else "")
        return int(self._rows(self._MATCHED + f" SELECT count(*) AS n FROM {source} WHERE {' AND '.join(where)}",
                              p)[0]["n"])

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
            " JOIN documents d ON d.id = v.doc_id WHERE e.rejected = 0 AND e.cluster IN ({ids})"
            " ORDER BY e.cluster, e.is_primary DESC, d.published IS NULL, d.published, v.doc_id, v.start", clusters)

    def cluster_count_rows(self, clusters: Sequence[str]) -> list[Row]:
        """Per merged event: reports, distinct articles and distinct sources (outlet, else article)."""
        return self._by_ids(
            "SELECT e.cluster, count(*) AS reports, count(DISTINCT e.doc_id) AS articles,"
            " count(DISTINCT coalesce(d.outlet, d.id)) AS sources FROM events e"
            " JOIN documents d ON d.id = e.doc_id WHERE e.rejected = 0 AND e.cluster IN ({ids})"
            " GROUP BY e.cluster", clusters)

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

    def _entity_where(self, kind: str | None, country: str | None, sector: str | None, q: str | None,
                      name: str | None) -> tuple[str, dict[str, Any]] | None:
        where = ["(:kind IS NULL OR n.kind = :kind)", "(:country IS NULL OR n.country = :country)",
                 "(:sector IS NULL OR n.sector = :sector)"]
        if q is not None:
            if not name_key(q):
                return None
            where.append("(instr(n.norm, :q) OR n.id IN (SELECT entity_id FROM entity_aliases"
                         " WHERE instr(norm, :q)))")
        if name is not None:
            where.append("(n.id = :name OR n.norm = :norm OR n.id IN (SELECT entity_id FROM entity_aliases"
                         " WHERE norm = :norm))")
        return " AND ".join(where), {"kind": kind, "country": country, "sector": sector,
                                     "q": name_key(q or ""), "name": name, "norm": name_key(name or "")}

    def entity_rows(self, *, kind: str | None = None, country: str | None = None, sector: str | None = None,
                    q: str | None = None, name: str | None = None, limit: int | None = None,
                    offset: int = 0) -> list[Row]:
        """Entities with event and mention counts, most active first.

        ``q`` matches a fragment of the name or an alias; ``name`` the id, whole name or an alias
        (in that order of preference). Both compare normalised (case, diacritics, punctuation ignored).
        """
        found = self._entity_where(kind, country, sector, q, name)
        if found is None:
            return []
        where, p = found
        p.update(limit=-1 if limit is None else limit, offset=offset)
        return self._rows(
            "SELECT n.id, n.name, n.kind, n.country, n.sector, coalesce(c.events, 0) AS events,"
            " coalesce(c.mentions, 0) AS mentions"
            f" FROM entities n LEFT JOIN entity_stats c ON c.entity_id = n.id WHERE {where}"
            " ORDER BY n.id = :name DESC, n.norm = :norm DESC, events DESC, mentions DESC, n.name"
            " LIMIT :limit OFFSET :offset", p)

    def entity_count(self, *, kind: str | None = None, country: str | None = None, sector: str | None = None,
                     q: str | None = None) -> int:
        found = self._entity_where(kind, country, sector, q, None)
        if found is None:
            return 0
        where, p = found
        return int(self._rows(f"SELECT count(*) AS n FROM entities n WHERE {where}", p)[0]["n"])

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

    def mention_evidence_rows(self, entity_id: str, limit: int | None = None) -> list[Row]:
        """The sentences that mention an entity (the mention itself when sentences are missing).

        An entity mentioned often (a hub is in every other article) is read article by article in
        publication order (index documents_order) until ``limit`` sentences are found; a rarer one
        from its own mentions, then sorted. Both give the same rows in the same order.
        """
        often = limit is not None and self._rows("SELECT coalesce(max(mentions), 0) AS n FROM entity_stats"
                                                 " WHERE entity_id = ?", (entity_id,))[0]["n"] >= MANY_MENTIONS
        return self._rows(
            'SELECT DISTINCT m.doc_id, d.source, trim(coalesce(s.text, m.text)) AS sentence,'
            ' coalesce(s.start, m.start) AS start, coalesce(s."end", m."end") AS "end"'
            + (" FROM documents d CROSS JOIN mentions m ON m.doc_id = d.id" if often else
               " FROM mentions m JOIN documents d ON d.id = m.doc_id") +
            ' LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.start <= m.start AND m."end" <= s."end"'
            " WHERE m.entity_id = ? ORDER BY d.published IS NULL, d.published, d.id, 4 LIMIT ?",
            (entity_id, -1 if limit is None else limit))

    def search_sentences(self, text: str, limit: int = 20, offset: int = 0) -> list[Row]:
        """Full-text search of sentences; ``text`` is user input, quoted term by term."""
        match = fts_query(text)
        if not match:
            return []
        return self._rows(
            "SELECT s.doc_id, d.source, d.title, d.published, s.idx AS sentence_index, s.start, s.\"end\","
            " trim(s.text) AS text, snippet(sentences_fts, 0, '**', '**', '…', 16) AS snippet"
            " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
            " JOIN documents d ON d.id = s.doc_id WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, limit, offset))

    def search_count(self, text: str) -> int:
        match = fts_query(text)
        if not match:
            return 0
        return int(self._rows("SELECT count(*) AS n FROM sentences_fts WHERE sentences_fts MATCH ?", (match,))[0]["n"])

    def event_facts(self, entity: str, other: str | None = None) -> list[Row]:
        """How many of an entity's (or a dyad's) dated merged events fall in each month, type and
        mode: ``month`` (the first 7 characters of ``date_start``: "2024-03", or "2024" for a date
        known to the year), ``type``, ``mode``, ``n``. All a trend needs, counted in SQL: a hub has
        too many events to hand each one over."""
        _, first, second = self._involved(entity, other, False, None)
        if not second:
            return self._rows("SELECT month, type, nullif(mode, '') AS mode, n FROM entity_months"
                              " WHERE entity_id = ? AND month != '' AND n > 0", (entity,))
        dyad = (" AND EXISTS (SELECT 1 FROM event_entities j WHERE j.entity_id = :other"
                " AND j.event_id = i.event_id)")
        return self._rows(
            "SELECT substr(i.date_start, 1, 7) AS month, i.type, i.mode, count(*) AS n FROM event_entities i"
            f" WHERE i.entity_id = :entity AND i.undated = 0{dyad} GROUP BY 1, 2, 3",
            {"entity": first, "other": second})

    def type_counts(self, entity: str) -> list[Row]:
        """Merged events per type that name ``entity`` as source or target."""
        return self._rows("SELECT type, sum(n) AS n FROM entity_months WHERE entity_id = :e"
                          " GROUP BY type HAVING sum(n) > 0 ORDER BY n DESC, type", {"e": entity})

    def entity_quantity_rows(self, entity: str, limit: int = 50) -> list[Row]:
        """Amounts stated in the reports of an entity (money, barrels, troops...): the first ``limit``
        found walking its merged events newest first (undated last; index event_entities_date, so a
        hub reads only its newest events), within one merged event by report and statement order."""
        out: list[Row] = []
        for undated, order in ((0, "i.date_start DESC, i.seq DESC"), (1, "i.seq DESC")):
            if len(out) >= limit:
                break
            out += self._rows(
                "SELECT q.value, q.unit, q.text, q.kind, e.cluster AS event_id, e.type, e.date_value AS date"
                " FROM event_entities i CROSS JOIN events e ON e.cluster = i.cluster"
                " CROSS JOIN event_quantities q ON q.event_id = e.id"
                " WHERE i.entity_id = :e AND i.undated = :undated AND e.rejected = 0"
                " AND (e.source_entity = :e OR e.target_entity = :e)"
                f" ORDER BY {order}, e.rowid, q.rowid LIMIT :limit",
                {"e": entity, "undated": undated, "limit": limit - len(out)})
        return out

    def _pairs(self, types: Sequence[str], since: str | None,
               until: str | None) -> tuple[str, list[str], dict[str, Any]]:
        """Where the graph reads merged events between two entities, as rows (entity_id, other_id,
        outgoing, type, mode, first, last, n): entity_pairs (migration 0006), or, for a since/until
        precise to the day (finer than its months), the events themselves; and the WHERE terms and
        parameters of ``types``, ``since`` and ``until`` over those rows."""
        params: dict[str, Any] = {"since": since, "until": until, **{f"t{i}": t for i, t in enumerate(types)}}
        where = ["p.n > 0"]
        if types:
            where.append(f"p.type IN ({', '.join(f':t{i}' for i in range(len(types)))})")
        if _monthly(since, until):
            return "entity_pairs p", where + _month_terms(since, until, "p.first", "p.last"), params
        live = ("FROM events e WHERE e.is_primary = 1 AND e.rejected = 0 AND e.source_entity != e.target_entity"
                + "".join(f" AND {t}" for t in _date_terms(since, until)))
        rest = ("e.type, coalesce(e.mode, ''), coalesce(substr(e.date_start, 1, 7), ''),"
                " coalesce(substr(e.date_end, 1, 7), ''), 1")
        named = ("e.type AS type, coalesce(e.mode, '') AS mode, coalesce(substr(e.date_start, 1, 7), '') AS first,"
                 " coalesce(substr(e.date_end, 1, 7), '') AS last, 1 AS n")
        return (f"(SELECT e.source_entity AS entity_id, e.target_entity AS other_id, 1 AS outgoing, {named} {live}"
                f" UNION ALL SELECT e.target_entity, e.source_entity, 0, {rest} {live}) p", where, params)

    def graph_neighbour_rows(self, center: str, *, types: Sequence[str] = (), since: str | None = None,
                             until: str | None = None, limit: int = 50) -> tuple[list[Row], int]:
        """The ``limit`` entities with the most merged events with ``center`` (one the source, the
        other the target), most first (``id``, ``n``), and how many such events ``center`` has in all.
        Unfiltered, from the per-pair totals entity_links; filtered, from entity_pairs."""
        if not types and not since and not until:
            rows = self._rows("SELECT other_id AS id, n FROM entity_links WHERE entity_id = :c AND n > 0"
                              " ORDER BY n DESC, other_id LIMIT :limit", {"c": center, "limit": limit})
            total = self._rows("SELECT coalesce(sum(n), 0) AS n FROM entity_links WHERE entity_id = ?", (center,))
            return rows, int(total[0]["n"])
        source, where, params = self._pairs(types, since, until)
        params.update(c=center, limit=limit)
        terms = " AND ".join(["p.entity_id = :c", *where])
        rows = self._rows(f"SELECT p.other_id AS id, sum(p.n) AS n FROM {source} WHERE {terms}"
                          " GROUP BY p.other_id ORDER BY n DESC, p.other_id LIMIT :limit", params)
        total = self._rows(f"SELECT coalesce(sum(p.n), 0) AS n FROM {source} WHERE {terms}", params)
        return rows, int(total[0]["n"])

    def graph_edge_rows(self, entities: Sequence[str], *, types: Sequence[str] = (), since: str | None = None,
                        until: str | None = None) -> list[Row]:
        """Merged events among ``entities`` per (source, target, type, mode): ``n`` and the months of
        the first start and last end (``first``, ``last``; None when undated)."""
        source, where, params = self._pairs(types, since, until)
        ids = ", ".join(f":n{i}" for i in range(len(entities)))
        params.update({f"n{i}": x for i, x in enumerate(entities)})
        return self._rows(
            "SELECT p.entity_id AS source, p.other_id AS target, p.type, nullif(p.mode, '') AS mode, sum(p.n) AS n,"
            " min(nullif(p.first, '')) AS first, max(nullif(p.last, '')) AS last"
            f" FROM {source} WHERE p.outgoing = 1 AND p.entity_id IN ({ids}) AND p.other_id IN ({ids})"
            f" AND {' AND '.join(where)} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4", params)

    def entity_brief_rows(self, entity_ids: Sequence[str]) -> list[Row]:
        return self._by_ids("SELECT id, name, kind, country, sector FROM entities WHERE id IN ({ids})", entity_ids)

    def place_rows(self, *, entity: str | None = None, type: str | None = None, since: str | None = None,
                   until: str | None = None, limit: int = 500) -> list[Row]:
        """Event places with coordinates and how many merged events happened there, most first.

        The map, the map of one type or of a since/until (to the month) and the map of one entity
        read the per-place counts of migration 0006; other filters read the events (slower)."""
        p: dict[str, Any] = {"entity": entity, "type": type, "since": since, "until": until, "limit": limit}
        order = " ORDER BY events DESC, name, country, lat, lon LIMIT :limit"
        group = " GROUP BY lat, lon, name, country HAVING events > 0"
        if entity and not (type or since or until):
            return self._rows("SELECT name, country, lat, lon, n AS events FROM entity_places"
                              " WHERE entity_id = :entity AND n > 0" + order, p)
        if not entity and not since and not until:
            return self._rows("SELECT name, country, lat, lon, sum(n) AS events FROM place_types"
                              " WHERE (:type IS NULL OR type = :type)" + group + order, p)
        if not entity and not type and _monthly(since, until):
            return self._rows("SELECT name, country, lat, lon, sum(n) AS events FROM place_months WHERE "
                              + " AND ".join(_month_terms(since, until)) + group + order, p)
        found = self._event_where(actor=None, type=type, since=since, until=until, entity=entity, other=None,
                                  modality=None, place=None, reports=False, cluster=None, involved=bool(entity))
        if found is None:
            return []
        where, q = found
        q["limit"] = limit
        x = "i" if entity else "e"
        return self._rows(
            f"SELECT {x}.place_name AS name, {x}.place_country AS country, {x}.place_lat AS lat, {x}.place_lon AS lon,"
            f" count(*) AS events FROM {'event_entities i' if entity else 'events e'} WHERE {' AND '.join(where)}"
            f" AND {x}.place_lat IS NOT NULL GROUP BY 3, 4, 1, 2" + order, q)

    def document_text_row(self, doc_id: str) -> Row | None:
        rows = self._rows("SELECT id, source, url, title, published, outlet, language, text FROM documents"
                          " WHERE id = ?", (doc_id,))
        return rows[0] if rows else None

    def document_span_rows(self, doc_id: str) -> list[Row]:
        """What a document's text supports: event evidence (``ref`` = merged event), relation
        statements (``ref`` = source|relation|target entities) and entity mentions, by offset."""
        return self._rows(
            'SELECT v.start, v."end", \'event\' AS kind, e.cluster AS ref, e.type AS label FROM evidence v'
            " JOIN events e ON e.id = v.event_id WHERE v.doc_id = :d AND e.rejected = 0"
            ' UNION SELECT r.start, r."end", \'relation\', r.source_entity || \'|\' || r.relation || \'|\''
            " || r.target_entity, r.relation FROM relations r WHERE r.doc_id = :d AND r.\"end\" > r.start"
            ' UNION SELECT m.start, m."end", \'mention\', m.entity_id, n.name FROM mentions m'
            " JOIN entities n ON n.id = m.entity_id WHERE m.doc_id = :d"
            " ORDER BY 1, 2", {"d": doc_id})

    def counts(self) -> Row:
        """Row counts of the main tables: merged events and the reports they merge, standing
        relations and the statements behind them, entities and the actor keys they resolve; events
        per type (merged)."""
        kept = {r["name"]: r["n"] for r in self._rows("SELECT name, n FROM store_counts")}  # migration 0005
        row = self._rows(
            "SELECT (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM actor_keys) AS actor_keys,"
            " (SELECT count(*) FROM (SELECT DISTINCT source_entity, relation, target_entity FROM relations))"
            " AS relations")[0]
        out: Row = {name: row[name] if name in row else kept.get(name, 0) for name in (
            "documents", "sentences", "entities", "actor_keys", "mentions", "events", "reports", "relations",
            "relation_statements")}
        out["by_type"] = {name[5:]: n for name, n in sorted(kept.items(), key=lambda kv: (-kv[1], kv[0][5:]))
                          if name.startswith("type:") and n > 0}
        return out
