"""The read API every front end uses (CLI now, HTTP later), so they all show the same answers.

Results are plain JSON-ready dicts. An event is always the export schema, the same dict the JSONL
export writes and ``evaluate`` scores::

    id, type, mode, context, modality, confidence,
    source {id, name, kind, country, sector} | null, target {...} | null,
    date {text, value, precision} | null, place {name, country, lat, lon} | null,
    quantities [{value, unit, text}], evidence [{doc_id, source, sentence, start, end}],
    sources, articles, reports

An event is one real-world happening: the reports of it from several articles are merged (see
:mod:`newsgraph.resolve.events`), its fields are those of the report with the most precise date,
and its evidence lists every report's sentence, the primary report's first.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Any

from newsgraph.errors import InputError, NotFound
from newsgraph.ontology import goldstein
from newsgraph.resolve import entity_id
from newsgraph.store import Store

Json = dict[str, Any]
_ISO_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _iso_prefix(name: str, value: str | None) -> str | None:
    if value is not None and not _ISO_PREFIX.fullmatch(value):
        raise InputError(name, f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def _period(value: str, by: str) -> str:
    """An ISO prefix's period: "2024-03-02" is "2024-03" by month, "2024-Q1" by quarter. A date
    coarser than the period falls in its first period ("2024" by month is "2024-01")."""
    year, _, rest = value.partition("-")
    month = int(rest[:2]) if rest[:2].isdigit() else 1
    if by == "year":
        return year
    if by == "quarter":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return f"{year}-{month:02d}"


def _actor(row: Json, prefix: str, column: str) -> Json | None:
    if row[column] is None:
        return None
    return {"id": row[column], "name": row[f"{prefix}_name"], "kind": row[f"{prefix}_kind"],
            "country": row[f"{prefix}_country"], "sector": row[f"{prefix}_sector"]}


def _event(row: Json, evidence: list[Json], quantities: list[Json], counts: Json | None) -> Json:
    has_date = row["date_text"] is not None or row["date_value"] is not None
    return {
        "id": row["cluster"] or row["id"], "type": row["type"], "mode": row["mode"], "context": row["context"],
        "modality": row["modality"], "confidence": row["confidence"],
        "source": _actor(row, "s", "source_entity"), "target": _actor(row, "t", "target_entity"),
        "date": {"text": row["date_text"], "value": row["date_value"], "precision": row["date_precision"]}
        if has_date else None,
        "place": {"name": row["place_name"], "country": row["place_country"], "lat": row["place_lat"],
                  "lon": row["place_lon"]} if row["place_name"] is not None else None,
        "quantities": [{"value": q["value"], "unit": q["unit"], "text": q["text"]} for q in quantities],
        "evidence": [{"doc_id": e["doc_id"], "source": e["source"], "sentence": e["sentence"],
                      "start": e["start"], "end": e["end"]} for e in evidence],
        "sources": counts["sources"] if counts else 1, "articles": counts["articles"] if counts else 1,
        "reports": counts["reports"] if counts else 1,
    }


class Query:
    """Questions a person asks of one store: events, entities, sentences, totals."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def events(self, actor: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, limit: int | None = None, reports: bool = False,
               order: str = "date", *, entity: str | None = None, other: str | None = None,
               modality: str | None = None, place: str | None = None, offset: int = 0) -> list[Json]:
        """Events in date order (undated last), filtered.

        ``actor`` matches part of the source's or target's name or alias, ignoring case and
        accents; ``entity`` (and ``other``, for a dyad) are entity ids, names or aliases.
        ``since``/``until`` are ISO prefixes, inclusive at the coarser precision of the two
        sides ("2023" keeps a 2023-06 event); undated events are left out when either is given.
        ``reports`` lists every report on its own (one row per article's statement, each with its
        own evidence) instead of one row per happening. ``order="document"`` lists events in
        reading order (articles as stored, events as their text states them), as exports do.
        """
        if order not in ("date", "document"):
            raise InputError("order", f"expected date or document, got {order!r}")
        if limit is not None and limit < 0:
            raise InputError("limit", f"must be 0 or more, got {limit}")
        rows = self.store.event_rows(**self._event_filters(actor, type, since, until, entity, other, modality, place),
                                     limit=limit, offset=offset, reports=reports, order=order)
        return self._shape(rows, merged=not reports)

    def event_count(self, actor: str | None = None, type: str | None = None, since: str | None = None,
                    until: str | None = None, *, entity: str | None = None, other: str | None = None,
                    modality: str | None = None, place: str | None = None) -> int:
        """How many merged events :meth:`events` lists with the same filters."""
        return self.store.event_count(**self._event_filters(actor, type, since, until, entity, other, modality, place))

    def _event_filters(self, actor: str | None, type: str | None, since: str | None, until: str | None,
                       entity: str | None, other: str | None, modality: str | None, place: str | None) -> Json:
        return {"actor": actor, "type": type.upper() if type else None, "since": _iso_prefix("since", since),
                "until": _iso_prefix("until", until),
                "entity": self.find_entity_id(entity) if entity is not None else None,
                "other": self.find_entity_id(other, "other") if other is not None else None,
                "modality": modality, "place": place}

    def event(self, event_id: str) -> Json | None:
        """One merged event by its id (or the id of any of its reports), with ``reports``: each
        report as its article states it (actors, date, place, evidence, outlet, published)."""
        rows = self.store.event_rows(cluster=event_id, reports=True)
        if not rows:
            owner = self.store.cluster_of(event_id)
            rows = self.store.event_rows(cluster=owner, reports=True) if owner else []
        if not rows:
            return None
        primary = next((r for r in rows if r["is_primary"]), rows[0])
        event = self._shape([primary], merged=True)[0]
        docs = {d["id"]: d for d in self.store.document_rows([r["doc_id"] for r in rows])}
        event["report_list"] = []
        for shaped, row in zip(self._shape(rows, merged=False), rows, strict=True):
            doc = docs.get(row["doc_id"], {})
            shaped.update(report_id=row["id"], primary=bool(row["is_primary"]), outlet=doc.get("outlet"),
                          published=doc.get("published"), title=doc.get("title"))
            event["report_list"].append(shaped)
        return event

    def _shape(self, rows: list[Json], merged: bool = True) -> list[Json]:
        evidence: dict[str, list[Json]] = defaultdict(list)
        quantities: dict[str, list[Json]] = defaultdict(list)
        counts: dict[str, Json] = {}
        for q in self.store.quantity_rows([r["id"] for r in rows]):
            quantities[q["event_id"]].append(q)
        if merged:
            clusters = [r["cluster"] or r["id"] for r in rows]
            for e in self.store.cluster_evidence_rows(clusters):
                evidence[e["cluster"]].append(e)
            counts = {c["cluster"]: c for c in self.store.cluster_count_rows(clusters)}
            return [_event(r, evidence[r["cluster"] or r["id"]], quantities[r["id"]], counts.get(r["cluster"]))
                    for r in rows]
        for e in self.store.evidence_rows([r["id"] for r in rows]):
            evidence[e["event_id"]].append(e)
        return [dict(_event(r, evidence[r["id"]], quantities[r["id"]], None), id=r["id"]) for r in rows]

    def entities(self, kind: str | None = None, country: str | None = None,
                 q: str | None = None, detail: bool = False, *, sector: str | None = None,
                 limit: int | None = None, offset: int = 0) -> list[Json]:
        """Entities, most active first: id, name, kind, country, sector, aliases, counts; with
        ``detail`` also their roles (title, organisation, seen) and sanctions-list flags."""
        rows = self.store.entity_rows(kind=kind, country=country.upper() if country else None,
                                      sector=sector.upper() if sector else None, q=q, limit=limit, offset=offset)
        ids = [r["id"] for r in rows]
        aliases: dict[str, list[str]] = defaultdict(list)
        for a in self.store.alias_rows(ids):
            aliases[a["entity_id"]].append(a["alias"])
        out = [{"id": r["id"], "name": r["name"], "kind": r["kind"], "country": r["country"],
                "sector": r["sector"], "aliases": aliases[r["id"]], "event_count": r["events"],
                "mention_count": r["mentions"]} for r in rows]
        if detail:
            roles: dict[str, list[Json]] = defaultdict(list)
            for role in self.store.roles_of(ids):
                roles[role.pop("entity_id")].append(role)
            flags = self.sanctions_of(ids)
            for e in out:
                e["roles"] = roles[e["id"]]
                e["sanctions"] = flags.get(e["id"], [])
        return out

    def entity_count(self, kind: str | None = None, country: str | None = None, q: str | None = None,
                     sector: str | None = None) -> int:
        return self.store.entity_count(kind=kind, country=country.upper() if country else None,
                                       sector=sector.upper() if sector else None, q=q)

    def documents(self, doc_ids: list[str]) -> list[Json]:
        """Where articles came from: id, source, url, title, published, outlet."""
        return self.store.document_rows(doc_ids)

    def sanctions_of(self, entity_ids: list[str]) -> dict[str, list[Json]]:
        """Sanctions-list matches per entity: list, party, score and why they matched."""
        found: dict[str, list[Json]] = defaultdict(list)
        for row in self.store.sanction_rows(entity_ids):
            found[row["entity_id"]].append({k: row[k] for k in ("list", "party_id", "party_name", "score",
                                                                 "explanation")})
        return found

    def entity(self, name: str, events: bool = True, evidence_limit: int | None = None) -> Json | None:
        """One entity by id, name or alias (the most active when several share it), with its
        roles, relations, events per type, stated quantities, events (unless ``events`` is False:
        a hub has too many for one answer; page them with :meth:`events`) and the sentences that
        mention it; None when nothing matches."""
        rows = self.store.entity_rows(name=name, limit=1)
        if not rows:
            return None
        r = rows[0]
        out = {
            "id": r["id"], "name": r["name"], "kind": r["kind"], "country": r["country"],
            "sector": r["sector"], "aliases": [a["alias"] for a in self.store.alias_rows([r["id"]])],
            "roles": self.store.role_rows(r["id"]),
            "sanctions": self.sanctions_of([r["id"]]).get(r["id"], []),
            "relations": self.relations(entity=r["id"]),
            "event_count": r["events"], "mention_count": r["mentions"],
            "event_counts": {t["type"]: t["n"] for t in self.store.type_counts(r["id"])},
            "quantities": self.store.entity_quantity_rows(r["id"]),
            "evidence": self.store.mention_evidence_rows(r["id"], evidence_limit),
        }
        if events:
            out["events"] = self._shape(self.store.event_rows(entity=r["id"]))
        return out

    def timeline(self, actor: str, other: str | None = None, limit: int | None = None, offset: int = 0) -> list[Json]:
        """The merged events of one entity (or one dyad, in either role) in date order, undated last.

        ``actor`` and ``other`` are an entity id, name or alias (see :meth:`entity`).
        """
        return self.events(entity=actor, other=other, limit=limit, offset=offset)

    def trend(self, actor: str, other: str | None = None, by: str = "month") -> list[Json]:
        """Per period (``month``, ``quarter`` or ``year``): event counts per PLOVER type and a
        cooperation–conflict balance, for one entity or one dyad. Undated events are left out.

        ``goldstein`` is the mean Goldstein-style score of the period's events (-10 conflict ..
        +10 cooperation); ``cooperation`` and ``conflict`` count events scoring above and below 0.
        """
        if by not in ("month", "quarter", "year"):
            raise InputError("by", f"expected month, quarter or year, got {by!r}")
        first = self.find_entity_id(actor)
        second = self.find_entity_id(other, "other") if other is not None else None
        periods: dict[str, list[Json]] = defaultdict(list)
        for facts in self.store.event_facts(first, second):  # events per month, type and mode
            periods[_period(facts["month"], by)].append(facts)
        out = []
        for period in sorted(periods):
            rows = periods[period]
            scored = [(goldstein(r["type"], r["mode"]), r["n"]) for r in rows]
            events = sum(n for _, n in scored)
            counts: dict[str, int] = defaultdict(int)
            for r in rows:
                counts[r["type"]] += r["n"]
            out.append({"period": period, "events": events, "by_type": dict(sorted(counts.items())),
                        "goldstein": round(math.fsum(x * n for x, n in scored) / events, 2),
                        "cooperation": sum(n for x, n in scored if x > 0),
                        "conflict": sum(n for x, n in scored if x < 0)})
        return out

    def graph(self, entity: str, types: list[str] | None = None, since: str | None = None,
              until: str | None = None, limit: int = 50, max_edges: int | None = None) -> Json:
        """An entity's neighbourhood: the entity, the ``limit`` neighbours it has most merged events
        with (as source and target, either way round; ties by id), and one edge per (source, target,
        event type) between the entity and them and among them, weighted by merged events and scored
        by mean Goldstein value. ``first``/``last`` are the months of the edge's first and last event.
        ``events`` of a neighbour is its events with the entity; of the entity, with all neighbours.
        ``max_edges`` keeps the heaviest edges, the entity's own first (a hub's fifty neighbours can
        share tens of thousands of typed edges: more than a reader can see or a browser draw);
        ``edges_total`` says how many there were."""
        center = self.find_entity_id(entity)
        kinds = [t.upper() for t in types or []]
        since, until = _iso_prefix("since", since), _iso_prefix("until", until)
        near_rows, total = self.store.graph_neighbour_rows(center, types=kinds, since=since, until=until, limit=limit)
        weight = {r["id"]: r["n"] for r in near_rows}
        nodes_ids = [center, *weight]
        rows = self.store.graph_edge_rows(nodes_ids, types=kinds, since=since, until=until) if weight else []
        edges: dict[tuple[str, str, str], Json] = {}
        for r in rows:
            edge = edges.setdefault((r["source"], r["target"], r["type"]), {
                "source": r["source"], "target": r["target"], "type": r["type"], "weight": 0, "score": 0.0,
                "first": r["first"], "last": r["last"]})
            edge["weight"] += r["n"]
            edge["score"] += goldstein(r["type"], r["mode"]) * r["n"]
            edge["first"] = min(x for x in (edge["first"], r["first"]) if x) if edge["first"] or r["first"] else None
            edge["last"] = max(x for x in (edge["last"], r["last"]) if x) if edge["last"] or r["last"] else None
        out_edges = []
        for edge in sorted(edges.values(), key=lambda e: (-e["weight"], e["source"], e["target"], e["type"])):
            edge["goldstein"] = round(edge.pop("score") / edge["weight"], 2)
            out_edges.append(edge)
        edges_total = len(out_edges)
        if max_edges is not None and edges_total > max_edges:
            own = [e for e in out_edges if center in (e["source"], e["target"])]
            out_edges = (own + [e for e in out_edges if center not in (e["source"], e["target"])])[:max_edges]
        brief = {b["id"]: b for b in self.store.entity_brief_rows(nodes_ids)}
        nodes = [dict(brief[i], events=weight.get(i, total)) for i in nodes_ids if i in brief]
        return {"center": center, "nodes": nodes, "edges": out_edges, "edges_total": edges_total}

    def places(self, actor: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 500) -> list[Json]:
        """Where events happened (places with coordinates), with how many merged events each."""
        entity = self.find_entity_id(actor) if actor else None
        return self.store.place_rows(entity=entity, type=type.upper() if type else None,
                                     since=_iso_prefix("since", since), until=_iso_prefix("until", until), limit=limit)

    def document(self, doc_id: str) -> Json | None:
        """One article with its text and the spans newsgraph read in it: ``spans`` are
        ``{start, end, kind, ref, label}`` with kind event (ref: the merged event), relation (ref:
        the standing relation) or mention (ref: the entity)."""
        doc = self.store.document_text_row(doc_id)
        if doc is None:
            return None
        spans = []
        for s in self.store.document_span_rows(doc_id):
            if s["kind"] == "relation":
                s["ref"] = entity_id(s["ref"])
            spans.append(s)
        doc["spans"] = spans
        return doc

    def find_entity_id(self, name: str, field: str = "actor") -> str:
        """The id of the entity with this id, name or alias (the most active of several)."""
        rows = self.store.entity_rows(name=name, limit=1)
        if not rows:
            raise NotFound(f"{field}: no entity is called {name!r} (try `newsgraph entities --search`)")
        return str(rows[0]["id"])

    def relations(self, entity: str | None = None, relation: str | None = None) -> list[Json]:
        """Standing relations: one per (source entity, relation, target entity), with the period it
        was seen in (first and last report dates) and every sentence that states it."""
        grouped: dict[tuple[str, str, str], list[Json]] = defaultdict(list)
        for r in self.store.relation_rows(entity=entity, relation=relation):
            grouped[(r["source_entity"], r["relation"], r["target_entity"])].append(r)
        out = []
        for (src, rel, tgt), rows in grouped.items():
            seen = sorted(r["seen"] for r in rows if r["seen"])
            first = rows[0]
            out.append({
                "id": entity_id(f"{src}|{rel}|{tgt}"),
                "source": _actor(first, "s", "source_entity"), "relation": rel,
                "target": _actor(first, "t", "target_entity"),
                "first_seen": seen[0] if seen else None, "last_seen": seen[-1] if seen else None,
                "evidence": [{"doc_id": r["doc_id"], "source": r["source"], "sentence": r["sentence"],
                              "start": r["start"], "end": r["end"], "seen": r["seen"]} for r in rows],
            })
        return out

    def search_sentences(self, q: str, limit: int = 20, offset: int = 0) -> list[Json]:
        """Sentences containing every word of ``q`` (any input is safe: terms are quoted), best first."""
        if limit < 0:
            raise InputError("limit", f"must be 0 or more, got {limit}")
        return self.store.search_sentences(q, limit, offset)

    def search_count(self, q: str) -> int:
        return self.store.search_count(q)

    def name_groups(self, entity_id: str) -> list[list[str]]:
        """An entity's names grouped by the actor key they came with: what a split can move apart."""
        return self.store.name_groups(entity_id)

    def audit(self, limit: int = 50, offset: int = 0) -> list[Json]:
        """The audit log, newest first: who changed what, when."""
        return self.store.audit_rows(limit, offset)

    def audit_count(self) -> int:
        return self.store.audit_count()

    def decisions(self, active: bool | None = None, limit: int | None = None, offset: int = 0) -> list[Json]:
        """Analyst decisions (merge, split, reject), newest first, with whether they were undone."""
        return self.store.decision_rows(active, -1 if limit is None else limit, offset)

    def decision_count(self, active: bool | None = None) -> int:
        return self.store.decision_count(active)

    def stats(self) -> Json:
        """documents, sentences, entities, mentions, events, relations and by_type counts."""
        return self.store.counts()
