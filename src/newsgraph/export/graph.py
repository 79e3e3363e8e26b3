"""Entities, events and relations as one network, written as GraphML or GEXF for Gephi.

Nodes are entities; an event with a source and a target is an edge of kind "event", a relation an
edge of kind "relation" (keyed by the newsgraph id, so parallel edges survive). Both formats only
hold str/int/float/bool attributes, so nulls are dropped, lists are joined, and characters XML 1.0
cannot carry (NUL and other C0 controls, lone surrogates) are replaced: text from articles must
never make the file unreadable. Attribute names avoid GEXF's reserved ones (type, weight, start,
end, id, pid, key); "label" is the name Gephi shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from os import PathLike
from typing import IO, Any

import networkx as nx

from newsgraph.errors import InputError
from newsgraph.export._common import (
    Record,
    goldstein,
    maps,
    opt_float,
    opt_int,
    opt_map,
    opt_str,
    report,
    req_str,
    strs,
    where,
)

Scalar = str | int | float | bool
Target = str | PathLike[str] | IO[bytes]

# C0 controls other than tab/newline/CR are not XML 1.0 characters at all; surrogates cannot be
# encoded; U+FFFE/U+FFFF are non-characters XML forbids.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
LIST_SEP = " | "


def xml_text(value: str) -> str:
    """``value`` with every character XML 1.0 cannot hold replaced by a space (CR/CRLF → LF)."""
    return _XML_ILLEGAL.sub(" ", value.replace("\r\n", "\n").replace("\r", "\n"))


def _scalars(values: dict[str, Any]) -> dict[str, Scalar]:
    """Drop nulls and empty lists; XML-clean text; join lists of text."""
    out: dict[str, Scalar] = {}
    for key, value in values.items():
        if value is None or value == []:
            continue
        if isinstance(value, list):
            value = LIST_SEP.join(str(v) for v in value)
        out[key] = xml_text(value) if isinstance(value, str) else value
    return out


def _ref_attrs(ref: Record) -> dict[str, Scalar]:
    name = opt_str(ref, "name") or req_str(ref, "id")
    return _scalars({"label": name, "name": name, "kind": opt_str(ref, "kind"),
                     "country": opt_str(ref, "country"), "sector": opt_str(ref, "sector")})


def _entity_attrs(entity: Record) -> dict[str, Scalar]:
    sanctions = maps(entity, "sanctions")
    attrs = _ref_attrs(entity)
    attrs.update(_scalars({
        "aliases": strs(entity, "aliases"),
        "event_count": opt_int(entity, "event_count"),
        "mention_count": opt_int(entity, "mention_count"),
        "sanctioned": bool(sanctions),
        "sanction_lists": list(dict.fromkeys(str(s.get("list")) for s in sanctions if s.get("list"))),
    }))
    return attrs


def _evidence_attrs(record: Record) -> dict[str, Any]:
    evidence = maps(record, "evidence")
    first = evidence[0] if evidence else {}
    return {
        "evidence": opt_str(first, "sentence"),
        "evidence_source": opt_str(first, "source"),
        "evidence_count": len(evidence),
        "doc_ids": list(dict.fromkeys(d for e in evidence if (d := opt_str(e, "doc_id")))),
    }


def _event_attrs(event: Record) -> dict[str, Scalar]:
    etype, mode = req_str(event, "type"), opt_str(event, "mode")
    date, place = opt_map(event, "date"), opt_map(event, "place")
    return _scalars({
        "kind": "event", "label": etype, "event_type": etype, "mode": mode,
        "context": opt_str(event, "context"), "modality": opt_str(event, "modality"),
        "confidence": opt_float(event, "confidence"), "goldstein": goldstein(etype, mode),
        "date": opt_str(date, "value"), "date_precision": opt_str(date, "precision"),
        "date_text": opt_str(date, "text"),
        "place": opt_str(place, "name"), "place_country": opt_str(place, "country"),
        "sources": opt_int(event, "sources"), "articles": opt_int(event, "articles"),
        "reports": opt_int(event, "reports"),
        **_evidence_attrs(event),
    })


def _relation_attrs(relation: Record) -> dict[str, Scalar]:
    name = req_str(relation, "relation")
    return _scalars({
        "kind": "relation", "label": name, "relation": name,
        "first_seen": opt_str(relation, "first_seen"), "last_seen": opt_str(relation, "last_seen"),
        **_evidence_attrs(relation),
    })


def _add_ref(graph: nx.MultiDiGraph, ref: Record) -> str | None:
    """Make sure the actor a ref names is a node (refs never overwrite entity attributes)."""
    if not ref:
        return None
    node = xml_text(req_str(ref, "id"))
    if node not in graph:
        graph.add_node(node, **_ref_attrs(ref))
    return node


def build_graph(entities: Iterable[Record], events: Iterable[Record], relations: Iterable[Record],
                errors: list[InputError] | None = None) -> nx.MultiDiGraph:
    """One directed multigraph of the three record streams.

    A malformed record is skipped and its InputError appended to ``errors``; without a list the
    first one is raised.
    """
    graph = nx.MultiDiGraph()
    for i, entity in enumerate(entities):
        try:
            graph.add_node(xml_text(req_str(entity, "id")), **_entity_attrs(entity))
        except (ValueError, AttributeError) as e:
            report(errors, InputError(where("entity", entity, i), str(e)))
    for i, event in enumerate(events):
        try:
            attrs = _event_attrs(event)
            source, target = _add_ref(graph, opt_map(event, "source")), _add_ref(graph, opt_map(event, "target"))
            if source is not None and target is not None:
                graph.add_edge(source, target, key=xml_text(req_str(event, "id")), **attrs)
        except (ValueError, AttributeError) as e:
            report(errors, InputError(where("event", event, i), str(e)))
    for i, relation in enumerate(relations):
        try:
            attrs = _relation_attrs(relation)
            source, target = _add_ref(graph, opt_map(relation, "source")), _add_ref(graph, opt_map(relation, "target"))
            if source is None or target is None:
                raise ValueError("a relation needs both a source and a target")
            graph.add_edge(source, target, key=xml_text(req_str(relation, "id")), **attrs)
        except (ValueError, AttributeError) as e:
            report(errors, InputError(where("relation", relation, i), str(e)))
    return graph


def write_graphml(graph: nx.MultiDiGraph, path_or_stream: Target) -> None:
    """GraphML (UTF-8); a stream must be opened in binary mode."""
    nx.write_graphml(graph, path_or_stream, encoding="utf-8", prettyprint=True)


def write_gexf(graph: nx.MultiDiGraph, path_or_stream: Target) -> None:
    """GEXF 1.2 (UTF-8), the format Gephi opens natively; a stream must be binary."""
    nx.write_gexf(graph, path_or_stream, encoding="utf-8", prettyprint=True)
