"""FollowTheMoney export: every entity validates with followthemoney and every link resolves."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.export._common import MissingDependency

ftm = pytest.importorskip("followthemoney", reason="followthemoney is the optional newsgraph[sanctions] extra")

from newsgraph.export.ftm import ftm_entities, write_ftm  # noqa: E402

model = ftm.model


def ref(eid: str, name: str, kind: str = "person", country: str | None = None) -> dict[str, Any]:
    return {"id": eid, "name": name, "kind": kind, "country": country, "sector": None}


def entity(eid: str, name: str, kind: str, country: str | None = None, **extra: Any) -> dict[str, Any]:
    out = {"id": eid, "name": name, "kind": kind, "country": country, "sector": None, "aliases": [], "roles": [],
           "event_count": 1, "mention_count": 1, "sanctions": []}
    return out | extra


def evidence(sentence: str, source: str = "https://news.example/a") -> dict[str, Any]:
    return {"doc_id": "d1", "source": source, "sentence": sentence, "start": 0, "end": len(sentence)}


def relation(rid: str, source: dict[str, Any], name: str, target: dict[str, Any]) -> dict[str, Any]:
    return {"id": rid, "source": source, "relation": name, "target": target, "first_seen": "2024-03-02",
            "last_seen": "2024-05", "evidence": [evidence(f"{source['name']} {name} {target['name']}.")]}


ENTITIES = [
    entity("p1", "Zoë <script>&\"\x07 Dar", "person", "MMR", aliases=["Dr Zoë Dar", "Zoë <script>&\"\x07 Dar"],
           roles=[{"title": "Minister for Trade", "organisation": "Ruritania government", "seen": "2024-03-02"}],
           sanctions=[{"list": "OFAC SDN", "party_id": "42", "party_name": "DAR, Zoe", "score": 0.93,
                       "explanation": "name + nationality"}]),
    entity("g1", "Ruritania government", "government", "RUS"),
    entity("m1", "Ruritanian army", "military", "RUS"),
    entity("c1", "Acme Arms", "business"),
    entity("i1", "Union of States", "igo"),
    entity("n1", "Daily Planet", "media"),
    entity("k1", "Ruritania", "country", "RUS"),
    entity("a1", "Red Brigade", "armed-group"),
    entity("x1", "Something new", "a-kind-nobody-mapped"),
    entity("pr1", "Pipeline project", "project"),
]
EVENTS = [
    {"id": "ev1", "type": "CONSULT", "mode": "visit", "context": "diplomatic", "modality": "asserted",
     "confidence": 0.8, "source": ref("p1", "Zoë"), "target": ref("o1", "Outsider", "person", "USA"),
     "date": {"text": "2 March", "value": "2024-03-02", "precision": "day"},
     "place": {"name": "Zenda", "country": "RUS", "lat": 1.0, "lon": 2.0}, "quantities": [],
     "evidence": [evidence("Zoë visited Zenda."), evidence("Zoë came.", source="notes.txt")],
     "sources": 2, "articles": 2, "reports": 2},
    {"id": "ev2", "type": "MOBILIZE", "mode": None, "context": None, "modality": "planned", "confidence": 0.5,
     "source": ref("m1", "Ruritanian army", "military"), "target": None,
     "date": {"text": "early June", "value": "2024-06-01/2024-06-10", "precision": "range"}, "place": None,
     "quantities": [], "evidence": [], "sources": 1, "articles": 1, "reports": 1},
    {"id": "ev3", "type": "AGREE", "mode": None, "context": None, "modality": "asserted", "confidence": 0.5,
     "source": ref("g1", "Ruritania government", "government"), "target": ref("pr1", "Pipeline project", "project"),
     "date": None, "place": None, "quantities": [], "evidence": [], "sources": 1, "articles": 1, "reports": 1},
]
RELATIONS = [
    relation("r1", ref("p1", "Zoë"), "holds_office_in", ref("g1", "Ruritania government", "government")),
    relation("r2", ref("p1", "Zoë"), "leads", ref("m1", "Ruritanian army", "military")),
    relation("r3", ref("k1", "Ruritania", "country", "RUS"), "member_of", ref("i1", "Union of States", "igo")),
    relation("r4", ref("m1", "Ruritanian army", "military"), "part_of", ref("g1", "Ruritania gov.", "government")),
    relation("r5", ref("u1", "Freedonia", "country", "USA"), "sanctions", ref("p1", "Zoë")),
    relation("r6", ref("c1", "Acme Arms", "business"), "supplies_arms_to", ref("a1", "Red Brigade", "armed-group")),
    relation("r7", ref("p1", "Zoë"), "leads", ref("o1", "Outsider", "person", "USA")),  # no Directorship of a person
    relation("r8", ref("k1", "Ruritania", "country"), "ally_of", ref("u1", "Freedonia", "country", "USA")),
]


@pytest.fixture(scope="module")
def emitted() -> list[dict[str, Any]]:
    return list(ftm_entities(ENTITIES, EVENTS, RELATIONS))


def by_record(emitted: list[dict[str, Any]], record_id: str) -> dict[str, Any]:
    (found,) = [e for e in emitted if record_id in e["properties"].get("recordId", [])]
    return found


def named(emitted: list[dict[str, Any]], name: str) -> dict[str, Any]:
    (found,) = [e for e in emitted if e["properties"].get("name") == [name]]
    return found


def test_every_entity_validates_and_cleans_to_itself(emitted: list[dict[str, Any]]) -> None:
    assert emitted
    for data in emitted:
        proxy = model.get_proxy(data, cleaned=False)  # re-validates and normalises every value
        assert proxy.schema.validate(proxy.to_dict()) is None
        assert all(proxy.has(p) for p in proxy.schema.required), data
        assert proxy.to_dict() == data          # nothing we wrote was invalid or unnormalised


def test_ids_are_unique_stable_and_links_resolve(emitted: list[dict[str, Any]]) -> None:
    ids = [e["id"] for e in emitted]
    assert len(ids) == len(set(ids))
    assert ids == [e["id"] for e in ftm_entities(ENTITIES, EVENTS, RELATIONS)]
    links = 0
    for data in emitted:
        proxy = model.get_proxy(data)
        for prop, value in proxy.itervalues():
            if prop.type == ftm.registry.entity:
                assert value in ids, f"{data['schema']}.{prop.name} -> {value} not emitted"
                links += 1
    assert links >= 15


def test_kinds_map_to_schemata(emitted: list[dict[str, Any]]) -> None:
    actors = [e for e in emitted if "name" in e["properties"] and e["schema"] != "Event"]
    schemata = {e["properties"]["name"][0]: e["schema"] for e in actors}
    assert len(schemata) == len(actors)
    assert schemata == {
        "Zoë <script>&\" Dar": "Person", "Ruritania government": "PublicBody", "Ruritanian army": "Organization",
        "Acme Arms": "Company", "Union of States": "Organization", "Daily Planet": "Organization",
        "Ruritania": "PublicBody", "Red Brigade": "Organization", "Something new": "LegalEntity",
        "Pipeline project": "Project",
        "Outsider": "Person", "Freedonia": "PublicBody",  # named only by events/relations: emitted once each
    }


def test_entity_properties(emitted: list[dict[str, Any]]) -> None:
    person = named(emitted, "Zoë <script>&\" Dar")["properties"]
    assert person["alias"] == ["Dr Zoë Dar"] and person["country"] == ["mm"]
    assert person["position"] == ["Minister for Trade, Ruritania government"]
    assert "OFAC SDN" in person["notes"][0] and "0.93" in person["notes"][0]


def test_relations_become_fitting_links(emitted: list[dict[str, Any]]) -> None:
    ids = {e["properties"]["name"][0]: e["id"] for e in emitted if "name" in e["properties"]}
    zoe, gov, army = ids["Zoë <script>&\" Dar"], ids["Ruritania government"], ids["Ruritanian army"]
    r1 = by_record(emitted, "r1")
    assert r1["schema"] == "Membership"
    assert (r1["properties"]["member"], r1["properties"]["organization"]) == ([zoe], [gov])
    assert r1["properties"]["role"] == ["holds office in"] and r1["properties"]["date"] == ["2024-03-02", "2024-05"]
    assert r1["properties"]["sourceUrl"] == ["https://news.example/a"]
    r2 = by_record(emitted, "r2")
    assert r2["schema"] == "Directorship" and r2["properties"]["director"] == [zoe]
    assert r2["properties"]["organization"] == [army]
    assert by_record(emitted, "r3")["schema"] == "Membership"
    assert by_record(emitted, "r4")["properties"]["member"] == [army]
    r5 = by_record(emitted, "r5")
    assert r5["schema"] == "Sanction" and r5["properties"]["entity"] == [zoe]
    assert r5["properties"]["authority"] == ["Freedonia"] and r5["properties"]["country"] == ["us"]
    r6, r7 = by_record(emitted, "r6"), by_record(emitted, "r7")
    assert (r6["schema"], r6["properties"]["role"]) == ("UnknownLink", ["supplies arms to"])
    assert (r7["schema"], r7["properties"]["role"]) == ("UnknownLink", ["leads"])
    assert r7["properties"]["subject"] == [zoe] and r7["properties"]["object"] == [ids["Outsider"]]


def test_events_become_ftm_events(emitted: list[dict[str, Any]]) -> None:
    ids = {e["properties"]["name"][0]: e["id"] for e in emitted if "name" in e["properties"]}
    ev1 = by_record(emitted, "ev1")
    assert ev1["schema"] == "Event"
    props = ev1["properties"]
    assert props["involved"] == [ids["Zoë <script>&\" Dar"], ids["Outsider"]]
    assert props["date"] == ["2024-03-02"] and props["location"] == ["Zenda"] and props["country"] == ["ru"]
    assert props["summary"] == ["Zoë visited Zenda."]
    assert props["sourceUrl"] == ["https://news.example/a"]  # "notes.txt" is not a URL: left out
    assert props["name"][0].startswith("CONSULT (visit): ")
    ev2 = by_record(emitted, "ev2")["properties"]
    assert (ev2["startDate"], ev2["endDate"]) == (["2024-06-01"], ["2024-06-10"])
    assert ev2["involved"] == [ids["Ruritanian army"]]
    # a project is not a legal entity, so it is linked to the event rather than "involved" in it
    ev3 = by_record(emitted, "ev3")
    assert ev3["properties"]["involved"] == [ids["Ruritania government"]]
    (link,) = [e for e in emitted if e["schema"] == "UnknownLink" and e["properties"]["subject"] == [ev3["id"]]]
    assert link["properties"]["object"] == [ids["Pipeline project"]] and link["properties"]["role"] == ["target"]


def test_write_ftm_writes_json_lines() -> None:
    out = io.StringIO()
    n = write_ftm(ENTITIES, EVENTS, RELATIONS, out)
    lines = out.getvalue().splitlines()
    assert n == len(lines) == len(list(ftm_entities(ENTITIES, EVENTS, RELATIONS)))
    for line in lines:
        assert model.get_proxy(json.loads(line), cleaned=False).id


def test_bad_records_are_reported_and_leave_no_dangling_stub() -> None:
    errors: list[InputError] = []
    good = relation("ok", ref("p1", "Zoë"), "member_of", ref("g1", "Gov", "government"))
    bad_target = relation("bad", ref("s1", "Stub that must not appear"), "member_of", {"id": "t1", "name": ""})
    out = list(ftm_entities([entity("p1", "Zoë", "person"), {"id": "x"}],
                            [{"id": "e", "type": None}], [bad_target, good], errors=errors))
    assert [e.where for e in errors] == ["entity x", "event e", "relation bad"]
    names = [e["properties"].get("name") for e in out]
    assert ["Stub that must not appear"] not in names
    assert [e["schema"] for e in out] == ["Person", "PublicBody", "Membership"]
    with pytest.raises(InputError, match="entity x: missing 'name'"):
        list(ftm_entities([{"id": "x"}], [], []))


def test_missing_followthemoney_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "followthemoney", None)
    with pytest.raises(MissingDependency, match=r"newsgraph\[sanctions\]"):
        list(ftm_entities([], [], []))
