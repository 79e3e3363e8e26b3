"""GraphML/GEXF export: built from hand-written query-layer dicts, written, and read back with networkx."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from newsgraph import ontology
from newsgraph.errors import InputError
from newsgraph.export.graph import build_graph, write_gexf, write_graphml, xml_text

HOSTILE = "<script>alert('x')</script> & \"Q\" ]]> \x00\x07\x1b \u202eRTL\u202c Zoë 😀 e\u0301 \u200d\ud800 \ufffe"
HOSTILE_CLEAN = "<script>alert('x')</script> & \"Q\" ]]>     \u202eRTL\u202c Zoë 😀 e\u0301 \u200d   "


def ref(eid: str, name: str, kind: str = "person", country: str | None = None) -> dict[str, Any]:
    return {"id": eid, "name": name, "kind": kind, "country": country, "sector": None}


def evidence(doc: str, sentence: str, source: str = "https://news.example/a") -> dict[str, Any]:
    return {"doc_id": doc, "source": source, "sentence": sentence, "start": 0, "end": len(sentence)}


def event(eid: str, etype: str, source: dict[str, Any] | None, target: dict[str, Any] | None,
          **extra: Any) -> dict[str, Any]:
    out = {"id": eid, "type": etype, "mode": None, "context": None, "modality": "asserted", "confidence": 0.75,
           "source": source, "target": target, "date": None, "place": None, "quantities": [], "evidence": [],
           "sources": 1, "articles": 1, "reports": 1}
    return out | extra


ENTITIES = [
    {"id": "p1", "name": HOSTILE, "kind": "person", "country": "MMR", "sector": "GOV", "aliases": ["Dr X", "X"],
     "roles": [], "event_count": 3, "mention_count": 7,
     "sanctions": [{"list": "OFAC SDN", "party_id": "123", "party_name": "X", "score": 0.91, "explanation": "name"}]},
    {"id": "g1", "name": "Ruritania government", "kind": "government", "country": "RUR", "sector": "GOV",
     "aliases": [], "roles": [], "event_count": 2, "mention_count": 2, "sanctions": []},
]
EVENTS = [
    event("ev1", "CONSULT", ref("p1", "ignored: entity attributes win"), ref("g1", "Ruritania government"),
          mode="visit", date={"text": "on 2 March", "value": "2024-03-02", "precision": "day"},
          place={"name": "Zenda", "country": "RUR", "lat": 1.5, "lon": 2.5}, sources=3, articles=4, reports=5,
          evidence=[evidence("d1", "Line one\r\nline\ttwo & <b>."), evidence("d2", "Another."),
                    evidence("d1", "Again.")]),
    event("ev2", "CONSULT", ref("p1", "X"), ref("g1", "Ruritania government")),  # a second, parallel edge
    event("ev3", "MOBILIZE", ref("g1", "Ruritania government"), None),            # one-sided: no edge
    event("ev4", "NOT_A_PLOVER_TYPE", ref("g1", "Ruritania government"), ref("o1", "Outsider & Co", "business")),
]
RELATIONS = [
    {"id": "r1", "source": ref("p1", "X"), "relation": "holds_office_in", "target": ref("g1", "Ruritania government"),
     "first_seen": "2024-03-02", "last_seen": "2024-05-01", "evidence": [evidence("d1", "X is a minister.")]},
    {"id": "r2", "source": ref("o1", "Outsider & Co", "business"), "relation": "supplies_arms_to",
     "target": ref("g2", "Only named by a relation", "government"), "first_seen": None, "last_seen": None,
     "evidence": []},
]


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return build_graph(ENTITIES, EVENTS, RELATIONS)


def test_build_graph_nodes_edges_and_scalar_attributes(graph: nx.MultiDiGraph) -> None:
    assert set(graph.nodes) == {"p1", "g1", "o1", "g2"}
    assert sorted(k for _, _, k in graph.edges(keys=True)) == ["ev1", "ev2", "ev4", "r1", "r2"]
    assert graph.nodes["p1"]["name"] == HOSTILE_CLEAN       # the entity, not the event's ref, names the node
    assert graph.nodes["p1"]["sanctioned"] is True and graph.nodes["g1"]["sanctioned"] is False
    assert graph.nodes["o1"] == {"label": "Outsider & Co", "name": "Outsider & Co", "kind": "business"}
    for _, attrs in graph.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in attrs.values())
    for _, _, attrs in graph.edges(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in attrs.values())
    assert "goldstein" not in graph.edges["g1", "o1", "ev4"]   # unknown type: dropped, not None


def check_round_trip(back: nx.MultiDiGraph) -> None:
    assert isinstance(back, nx.MultiDiGraph)
    assert set(back.nodes) == {"p1", "g1", "o1", "g2"}
    p1 = back.nodes["p1"]
    assert p1["name"] == p1["label"] == HOSTILE_CLEAN
    assert (p1["kind"], p1["country"], p1["sector"]) == ("person", "MMR", "GOV")
    assert p1["sanctioned"] is True and back.nodes["g1"]["sanctioned"] is False
    assert p1["aliases"] == "Dr X | X" and p1["sanction_lists"] == "OFAC SDN"
    assert p1["event_count"] == 3 and p1["mention_count"] == 7

    edges = {k: (u, v, d) for u, v, k, d in back.edges(keys=True, data=True)}
    assert sorted(edges) == ["ev1", "ev2", "ev4", "r1", "r2"]
    u, v, ev1 = edges["ev1"]
    assert (u, v) == ("p1", "g1")
    assert ev1["kind"] == "event" and ev1["event_type"] == "CONSULT" and ev1["mode"] == "visit"
    assert ev1["modality"] == "asserted" and ev1["confidence"] == pytest.approx(0.75)
    assert ev1["date"] == "2024-03-02" and ev1["date_precision"] == "day"
    assert ev1["place"] == "Zenda" and ev1["place_country"] == "RUR"
    assert (ev1["sources"], ev1["articles"], ev1["reports"]) == (3, 4, 5)
    assert ev1["goldstein"] == pytest.approx(ontology.goldstein("CONSULT", "visit"))
    assert ev1["evidence"] == "Line one\nline\ttwo & <b>."
    assert ev1["doc_ids"] == "d1 | d2" and ev1["evidence_count"] == 3
    assert isinstance(ev1["sources"], int) and isinstance(ev1["goldstein"], float)
    assert "date" not in edges["ev2"][2] and "goldstein" not in edges["ev4"][2]
    _, _, r1 = edges["r1"]
    assert r1["kind"] == "relation" and r1["relation"] == "holds_office_in"
    assert (r1["first_seen"], r1["last_seen"], r1["evidence_count"]) == ("2024-03-02", "2024-05-01", 1)
    assert edges["r2"][:2] == ("o1", "g2") and "first_seen" not in edges["r2"][2]


def test_graphml_round_trip(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    ET.parse(path)  # well-formed XML
    check_round_trip(nx.read_graphml(path))


def test_gexf_round_trip(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    write_gexf(graph, path)
    ET.parse(path)
    check_round_trip(nx.read_gexf(path))


@pytest.mark.parametrize("write", [write_graphml, write_gexf])
def test_writes_to_a_binary_stream(write: Any) -> None:
    graph = build_graph([], [event("e", "AGREE", ref("a", "A & B"), ref("b", "<B>"))], [])
    out = io.BytesIO()
    write(graph, out)
    root = ET.fromstring(out.getvalue())
    assert "A & B" in {el.text for el in root.iter()} | {el.get("label") for el in root.iter()}


def test_hostile_node_ids_stay_well_formed(tmp_path: Path) -> None:
    graph = build_graph([{"id": "a\x00<&>\"", "name": "\x01"}], [], [])
    write_graphml(graph, tmp_path / "g.graphml")
    write_gexf(graph, tmp_path / "g.gexf")
    assert set(nx.read_graphml(tmp_path / "g.graphml").nodes) == {"a <&>\""}
    assert set(nx.read_gexf(tmp_path / "g.gexf").nodes) == {"a <&>\""}


def test_xml_text_keeps_legal_whitespace_and_unicode() -> None:
    assert xml_text("a\tb\nc\r\nd\re") == "a\tb\nc\nd\ne"
    assert xml_text("\U0001f600\u00e9\u202e") == "\U0001f600\u00e9\u202e"
    assert xml_text("\x00\x08\x0b\x0c\x1f\ud800\uffff") == " " * 7


def test_bad_records_are_reported_and_skipped() -> None:
    errors: list[InputError] = []
    graph = build_graph(
        [{"id": "a", "name": "A"}, {"name": "no id"}, "not a record"],
        [event("ok", "AGREE", ref("a", "A"), ref("b", "B")), event("bad", "AGREE", ref("a", "A"), ref("b", "B"),
                                                                  sources="three")],
        [{"id": "r", "relation": "ally_of", "source": ref("a", "A"), "target": None}],
        errors=errors,
    )
    assert [e.where for e in errors] == ["entity #2", "entity #3", "event bad", "relation r"]
    assert "sources" in errors[2].reason and "target" in errors[3].reason
    assert [k for _, _, k in graph.edges(keys=True)] == ["ok"]
    with pytest.raises(InputError, match="entity #1: missing 'id'"):
        build_graph([{"name": "no id"}], [], [])
