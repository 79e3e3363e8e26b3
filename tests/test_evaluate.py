"""The gold scorer, on a small invented gold file (Ruritania, Graustark: fictional actors)."""

from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rich.console import Console

from newsgraph.errors import GoldFormatError, InputError
from newsgraph.evaluate import (
    CorpusFolder,
    EvalReport,
    bundled_corpora,
    corpus_table,
    evaluate_part,
    load_events,
    load_gold,
    load_gold_files,
    load_relations,
    score,
    score_relations,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"  # beside the checkout
FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"

GOLD: dict[str, Any] = {
    "entities": {
        "ruritania": {"name": "Ruritania", "kind": "country", "country": "RUR", "sector": None,
                      "aliases": ["Ruritania"]},
        "rur-gov": {"name": "Government of Ruritania", "kind": "government", "country": "RUR",
                    "sector": "GOV", "aliases": ["Ruritanian government"]},
        "elphberg": {"name": "Rudolf Elphberg", "kind": "person", "country": "RUR", "sector": "GOV",
                     "aliases": ["Prime Minister Elphberg"]},
        "graustark": {"name": "Graustark", "kind": "country", "country": "GRA", "sector": None,
                      "aliases": []},
        "gra-army": {"name": "Graustark Army", "kind": "military", "country": "GRA", "sector": "MIL",
                     "aliases": []},
        "league": {"name": "Northern League of Trade", "kind": "igo", "country": None, "sector": "IGO",
                   "aliases": ["Northern League", "the League"]},
        "freedonia": {"name": "Freedonia", "kind": "country", "country": "FRE", "sector": None,
                      "aliases": []},
    },
    "places": {"Strelsau": {"country": "RUR", "lat": 50.1, "lon": 14.4}},
    "documents": [
        {"doc": "a.txt", "published": "2024-03-04", "relations": [], "events": [
            {"id": "a-1", "type": "CONSULT", "mode": "meet", "source": "elphberg", "target": "league",
             "date_iso": "2024-03-03", "location": "Strelsau", "modality": "asserted", "quantities": [],
             "evidence": "met the Northern League delegation in Strelsau", "required": True},
            {"id": "a-2", "type": ["AGREE", "COOPERATE"], "mode": "sign", "source": "rur-gov",
             "target": "graustark", "date_iso": "2024-03", "location": None, "modality": "planned",
             "quantities": [{"value": 35_000_000, "unit": "USD", "text": "$35 million"}],
             "evidence": "will sign a $35 million gas deal", "required": True},
            {"id": "a-3", "type": "AID", "mode": "economic", "source": "rur-gov", "target": "gra-army",
             "date_iso": "2023-03/2023-06", "location": None, "modality": "asserted",
             "quantities": [{"value": 8_000_000, "unit": "barrel", "text": "8 million barrels"}],
             "evidence": "supplied 8 million barrels of oil to the Graustark Army", "required": True},
            {"id": "a-4", "type": "ACCUSE", "mode": "disapprove", "source": "freedonia",
             "target": "ruritania", "date_iso": None, "location": None, "modality": "asserted",
             "quantities": [], "evidence": "Freedonia criticised", "required": False},
        ]},
        {"doc": "b.txt", "published": None, "relations": [], "events": [
            {"id": "b-1", "type": "SANCTION", "mode": "economic", "source": "league", "target": None,
             "date_iso": None, "location": None, "modality": "negated", "quantities": [],
             "evidence": "did not impose sanctions", "required": True},
        ]},
    ],
}
SENTENCES = {
    "a-1": "On Sunday Prime Minister Elphberg met the Northern League delegation in Strelsau.",
    "a-2": "Ruritania will sign a $35 million gas deal with Graustark next month.",
    "a-3": "Between March and June 2023 Ruritania supplied 8 million barrels of oil to the Graustark Army.",
    "a-4": "Freedonia criticised the deal.",
    "b-1": "The League did not impose sanctions on Graustark.",
}


def actor(name: str, country: str | None = None) -> dict[str, Any]:
    return {"id": name.lower(), "name": name, "kind": "organisation", "country": country, "sector": None}


def event(gid: str, type_: str, source: dict[str, Any] | None, target: dict[str, Any] | None,
          sentence: str | None = None, **kw: Any) -> dict[str, Any]:
    """An exported event dict stating gold event ``gid`` (or ``sentence``) in that event's document."""
    doc = "a.txt" if gid.startswith("a") else "b.txt"
    sent = sentence if sentence is not None else SENTENCES[gid]
    ev: dict[str, Any] = {
        "id": f"p-{gid}-{type_}", "type": type_, "mode": None, "context": None, "modality": "asserted",
        "confidence": 0.9, "source": source, "target": target,
        "date": {"text": None, "value": None, "precision": None},
        "place": None, "quantities": [],
        "evidence": [{"doc_id": "0123abcd", "source": f"/corpus/{doc}", "sentence": sent, "start": 0,
                      "end": len(sent)}],
    }
    ev.update(kw)
    return ev


def perfect() -> list[dict[str, Any]]:
    return [
        event("a-1", "CONSULT", actor("Rudolf Elphberg", "RUR"), actor("Northern League"),
              date={"text": "on Sunday", "value": "2024-03-03", "precision": "day"},
              place={"name": "Strelsau", "country": "RUR", "lat": 50.1, "lon": 14.4}),
        event("a-2", "AGREE", actor("Ruritanian government", "RUR"), actor("Graustark", "GRA"),
              modality="planned", date={"text": "next month", "value": "2024-03", "precision": "month"},
              quantities=[{"value": 35_000_000, "unit": "USD", "text": "$35 million"}]),
        event("a-3", "AID", actor("Government of Ruritania", "RUR"), actor("Graustark Army", "GRA"),
              date={"text": "between March and June 2023", "value": "2023-03/2023-06", "precision": "range"},
              quantities=[{"value": 8_000_000, "unit": "barrel", "text": "8 million barrels"}]),
        event("b-1", "SANCTION", actor("the League"), None, modality="negated"),
    ]


def test_perfect_output_scores_one_everywhere() -> None:
    r = score(GOLD, perfect())
    assert (r.events_predicted, r.precision, r.recall, r.f1) == (4, 1.0, 1.0, 1.0)
    assert r.actor_entity_accuracy == r.actor_recall == 1.0
    assert r.date_accuracy == r.modality_accuracy == r.quantity_accuracy == r.place_accuracy == 1.0
    assert r.misses == [] and r.false_positives == []
    assert [(d.doc, d.predicted, d.matched, d.required, d.found) for d in r.documents] == [
        ("a.txt", 3, 3, 3, 3), ("b.txt", 1, 1, 1, 1)]


def test_no_events_scores_nothing_found() -> None:
    r = score(GOLD, [])
    assert (r.events_predicted, r.precision, r.recall, r.f1) == (0, None, 0.0, 0.0)
    assert r.modality_accuracy is None and r.actor_recall == 0.0
    assert [m["id"] for m in r.misses] == ["a-1", "a-2", "a-3", "b-1"]


def test_match_needs_the_evidence_inside_the_sentence() -> None:
    # case and punctuation do not matter; a sentence not containing the evidence does not match
    loose = event("a-1", "CONSULT", actor("Elphberg", "RUR"), actor("the League"),
                  sentence="Elphberg MET the Northern-League delegation in Strelsau, officials said.")
    elsewhere = event("a-1", "CONSULT", actor("Elphberg", "RUR"), actor("the League"),
                      sentence="Elphberg will meet the Northern League again in May.")
    r = score(GOLD, [loose, elsewhere])
    assert r.precision == 0.5 and r.recall == 0.25
    assert r.false_positives == [{
        "doc": "a.txt", "id": elsewhere["id"], "type": "CONSULT", "source": "Elphberg",
        "target": "the League", "sentence": elsewhere["evidence"][0]["sentence"]}]


def test_any_of_the_gold_types_matches() -> None:
    ruritania, graustark = actor("Ruritania", "RUR"), actor("Graustark", "GRA")
    for type_, ok in (("AGREE", True), ("COOPERATE", True), ("SUPPORT", False)):
        r = score(GOLD, [event("a-2", type_, ruritania, graustark)])
        assert (r.precision == 1.0) is ok, type_


def test_symmetric_types_match_in_either_order_others_do_not() -> None:
    swapped_consult = event("a-1", "CONSULT", actor("Northern League"), actor("Elphberg", "RUR"))
    swapped_aid = event("a-3", "AID", actor("Graustark Army", "GRA"), actor("Ruritania", "RUR"))
    r = score(GOLD, [swapped_consult, swapped_aid])
    assert [m["id"] for m in r.misses] == ["a-2", "a-3", "b-1"]
    assert [fp["type"] for fp in r.false_positives] == ["AID"]


def test_country_level_match_and_stricter_entity_level() -> None:
    # the government stands in for the prime minister: right country, wrong entity
    as_government = event("a-1", "CONSULT", actor("Ruritanian government", "RUR"), actor("the League"))
    # no country given: the name maps through the gold aliases to its country
    by_alias = event("a-3", "AID", actor("Ruritanian government"), actor("Graustark Army"))
    # the organisation has no country, so it must be the organisation itself
    wrong_igo = event("b-1", "SANCTION", actor("Southern League", None), None)
    r = score(GOLD, [as_government, by_alias, wrong_igo])
    assert r.recall == 0.5 and r.precision == 0.667
    assert r.actor_entity_accuracy == 0.5
    assert [m["id"] for m in r.misses] == ["a-2", "b-1"]


def test_optional_gold_events_are_neither_misses_nor_false_positives() -> None:
    optional = event("a-4", "ACCUSE", actor("Freedonia", "FRE"), actor("Ruritania", "RUR"))
    with_it = score(GOLD, [*perfect(), optional])
    assert with_it.precision == 1.0 and with_it.recall == 1.0 and with_it.false_positives == []
    assert [d.matched for d in with_it.documents] == [4, 1]
    without = score(GOLD, perfect())
    assert without.misses == []


@pytest.mark.parametrize(("value", "ok"), [
    ("2023-03/2023-06", True), ("2023-03", True), ("2023-03-15/2023-06-30", True),
    ("2023", False), ("2023-06", False), (None, False),
])
def test_dates_match_on_the_gold_prefix_and_range_start(value: str | None, ok: bool) -> None:
    ev = event("a-3", "AID", actor("Ruritania", "RUR"), actor("Graustark Army", "GRA"),
               date={"text": "x", "value": value, "precision": "range"})
    assert score(GOLD, [ev]).date_accuracy == (1.0 if ok else 0.0)


def test_day_gold_date_needs_the_day() -> None:
    for value, expected in (("2024-03-03", 1.0), ("2024-03", 0.0)):
        ev = event("a-1", "CONSULT", actor("Elphberg", "RUR"), actor("the League"),
                   date={"text": "Sunday", "value": value, "precision": "day"})
        assert score(GOLD, [ev]).date_accuracy == expected


@pytest.mark.parametrize(("quantity", "ok"), [
    ({"value": 35_200_000, "unit": "USD", "text": "$35.2 million"}, True),     # within 1%
    ({"value": 36_000_000, "unit": "USD", "text": "$36 million"}, False),      # 2.9% off
    ({"value": 35_000_000, "unit": "EUR", "text": "35 million euros"}, False),  # wrong unit
    ({"value": 35_000_000, "unit": None, "text": "USD 35 million"}, True),      # unit in the text
    ({"value": None, "unit": "USD", "text": "$35 million"}, False),
])
def test_quantities_within_tolerance_and_unit(quantity: dict[str, Any], ok: bool) -> None:
    ev = event("a-2", "AGREE", actor("Ruritania", "RUR"), actor("Graustark", "GRA"), quantities=[quantity])
    assert score(GOLD, [ev]).quantity_accuracy == (1.0 if ok else 0.0)


def test_quantity_unit_plural() -> None:
    ev = event("a-3", "AID", actor("Ruritania", "RUR"), actor("Graustark Army", "GRA"),
               quantities=[{"value": 8e6, "unit": "barrels", "text": "8m"}])
    assert score(GOLD, [ev]).quantity_accuracy == 1.0


@pytest.mark.parametrize(("place", "ok"), [
    ({"name": "Strelsau", "country": "RUR", "lat": None, "lon": None}, True),
    ({"name": "Strelsau, Ruritania", "country": "RUR", "lat": None, "lon": None}, True),
    ({"name": "Zenda", "country": "RUR", "lat": None, "lon": None}, False),
    (None, False),
])
def test_place_matches_by_name(place: dict[str, Any] | None, ok: bool) -> None:
    ev = event("a-1", "CONSULT", actor("Elphberg", "RUR"), actor("the League"), place=place)
    assert score(GOLD, [ev]).place_accuracy == (1.0 if ok else 0.0)


def test_modality_is_measured_on_matched_required_events() -> None:
    events = perfect()
    events[1]["modality"] = "asserted"  # "will sign" is planned
    assert score(GOLD, events).modality_accuracy == 0.75


def test_actor_recall_counts_gold_entities_named_per_document() -> None:
    # a.txt wants elphberg, league, rur-gov, graustark, gra-army; b.txt wants league
    events = [event("a-4", "ACCUSE", actor("Prime Minister Elphberg"), actor("Graustark Army"))]
    assert score(GOLD, events).actor_recall == round(2 / 6, 3)


def test_events_of_other_documents_are_not_scored() -> None:
    stray = event("a-1", "CONSULT", actor("Elphberg", "RUR"), actor("the League"))
    stray["evidence"][0]["source"] = "/corpus/c.txt"
    r = score(GOLD, [stray])
    assert r.events_predicted == 0 and r.events_outside_gold == 1 and r.false_positives == []


def test_report_shows_figures_misses_and_false_positives(tmp_path: Path) -> None:
    fp = event("b-1", "THREATEN", actor("the League"), actor("Graustark", "GRA"))
    r = score(GOLD, [*perfect()[:3], fp])
    text = r.format_text()
    assert "precision" in text and "0.75" in text
    assert '"did not impose sanctions"' in text
    assert "The League did not impose sanctions on Graustark." in text
    assert text.index("precision") < text.index("missed") < text.index("false positives:")
    console = Console(record=True, width=200)
    r.render(console)
    assert "did not impose sanctions" in console.export_text()
    data = json.loads(json.dumps(r.to_dict()))
    assert data["recall"] == 0.75 and data["misses"][0]["id"] == "b-1"
    assert data["documents"][1] == {"doc": "b.txt", "predicted": 1, "matched": 0, "false_positives": 1,
                                    "required": 1, "found": 0}


def test_load_gold_reads_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD))
    assert load_gold(path) == GOLD


def _broken(edit: Any) -> dict[str, Any]:
    g = copy.deepcopy(GOLD)
    edit(g)
    return g


@pytest.mark.parametrize(("gold", "message"), [
    ([], "top level must be an object"),
    (_broken(lambda g: g.pop("documents")), "'documents' must be a list"),
    (_broken(lambda g: g["documents"][0]["events"][1].update(source="atlantis")),
     r"documents\[0\]\.events\[1\]\.source: unknown entity 'atlantis'"),
    (_broken(lambda g: g["documents"][0]["events"][0].update(date_iso="March 2024")),
     r"events\[0\]\.date_iso: 'March 2024' is not"),
    (_broken(lambda g: g["documents"][1]["events"][0].update(id="a-1")), "duplicate id 'a-1'"),
    (_broken(lambda g: g["documents"][0]["events"][0].update(type=[])), r"\.type: must be"),
    (_broken(lambda g: g["documents"][0]["events"][2]["quantities"][0].pop("value")), r"\.quantities"),
    (_broken(lambda g: g["entities"]["league"].pop("name")), "entities.league: needs a string 'name'"),
])
def test_malformed_gold_is_a_gold_format_error(tmp_path: Path, gold: Any, message: str) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold))
    with pytest.raises(GoldFormatError, match=f"^{path}: .*{message}"):
        load_gold(path)


def test_unreadable_gold_is_a_gold_format_error(tmp_path: Path) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text("{not json")
    with pytest.raises(GoldFormatError, match="not valid JSON"):
        load_gold(bad)
    with pytest.raises(GoldFormatError, match="cannot read"):
        load_gold(tmp_path / "absent.json")


def test_load_events_reads_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in perfect()) + "\n\n")
    assert score(GOLD, load_events(path)).f1 == 1.0


# --- agreement with the reference scorer in ../shared/tools ---------------------------------------

def reference_scorer() -> ModuleType:
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        pytest.skip(f"reference scorer not found at {path} (../shared beside the checkout)")
    spec = importlib.util.spec_from_file_location("newsgraph_reference_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_agrees(ref: ModuleType, gold: dict[str, Any], events: list[dict[str, Any]]) -> EvalReport:
    expected = ref.score(gold, events)
    report = score(gold, events)
    mine = report.to_dict()
    assert {k: mine[k] for k in expected if k != "missed_required"} == {
        k: v for k, v in expected.items() if k != "missed_required"}
    assert [m["id"] for m in report.misses] == expected["missed_required"]
    return report


def seed_events(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Synthetic exports for the seed gold: hits, near misses and noise, built from its annotations."""
    ents = gold["entities"]

    def named(gid: str | None, country: bool) -> dict[str, Any] | None:
        if gid is None:
            return None
        e = ents[gid]
        return actor(e["aliases"][0] if e["aliases"] else e["name"], e["country"] if country else None)

    out = []
    for d in gold["documents"]:
        for n, g in enumerate(d["events"]):
            types = g["type"] if isinstance(g["type"], list) else [g["type"]]
            kind = n % 5
            if kind == 4:
                continue  # missed
            src, tgt = named(g["source"], kind != 1), named(g["target"], kind != 1)
            if kind == 2:
                src, tgt = tgt, src  # swapped: only symmetric types still match
            if kind == 3 and src and src["country"]:
                src = actor(src["country"].title(), src["country"])  # right country, not the entity
            iso = g["date_iso"]
            ev = event("a", types[-1], src, tgt, sentence=f"Reports say {g['evidence']}.",
                       modality=g["modality"] if kind != 3 else "hypothetical",
                       date={"text": g["date"], "value": iso[:4] if iso and kind == 3 else iso,
                             "precision": None},
                       place={"name": g["location"], "country": None, "lat": None, "lon": None},
                       quantities=g["quantities"] if kind != 1 else [])
            ev["evidence"][0]["source"] = f"/seeds/{d['doc']}"
            out.append(ev)
        noise = event("a", "ASSAULT", actor("Someone"), actor("Russia", "RUS"), sentence="Nothing happened.")
        noise["evidence"][0]["source"] = f"https://example.org/{d['doc']}"
        out.append(noise)
    return out


def test_agrees_with_the_reference_scorer_on_the_seed_gold() -> None:
    ref = reference_scorer()
    path = SHARED / "gold" / "seeds.gold.json"
    if not path.is_file():
        pytest.skip(f"seed gold not found at {path}")
    gold = load_gold(path)
    report = assert_agrees(ref, gold, seed_events(gold))
    assert 0 < report.recall < 1 and 0 < report.precision < 1  # the comparison is not trivial
    assert_agrees(ref, gold, [])


def test_agrees_with_the_reference_scorer_on_the_small_gold() -> None:
    ref = reference_scorer()
    optional = event("a-4", "ACCUSE", actor("Freedonia", "FRE"), actor("Ruritania", "RUR"))
    swapped = event("a-3", "AID", actor("Graustark Army", "GRA"), actor("Ruritania", "RUR"))
    assert_agrees(ref, GOLD, [*perfect(), optional])
    assert_agrees(ref, GOLD, [perfect()[0], swapped, optional])


# --- relations ------------------------------------------------------------------------------------

REL_GOLD: dict[str, Any] = copy.deepcopy(GOLD)
REL_GOLD["documents"][0]["relations"] = [
    {"source": "elphberg", "relation": "holds_office_in", "target": "rur-gov"},
    {"source": "ruritania", "relation": "member_of", "target": "league"},
    {"source": "graustark", "relation": "ally_of", "target": "freedonia"},
]
REL_GOLD["documents"][1]["relations"] = [
    {"source": "league", "relation": "sanctions", "target": "gra-army"},
    {"source": "elphberg", "relation": "holds_office_in", "target": "rur-gov"},  # again: counts here too
]


def person(name: str, country: str | None = None) -> dict[str, Any]:
    return {**actor(name, country), "kind": "person"}


def relation(source: dict[str, Any], rel: str, target: dict[str, Any], *docs: str) -> dict[str, Any]:
    """An exported relation whose evidence comes from the named documents."""
    return {"id": f"{source['name']}|{rel}|{target['name']}", "source": source, "relation": rel, "target": target,
            "first_seen": None, "last_seen": None,
            "evidence": [{"doc_id": d, "source": f"/corpus/{d}", "sentence": f"A sentence of {d}.", "start": 0,
                          "end": 10} for d in docs or ("a.txt",)]}


def perfect_relations() -> list[dict[str, Any]]:
    return [
        relation(person("Rudolf Elphberg", "RUR"), "holds_office_in", actor("Ruritanian government", "RUR"),
                 "a.txt", "b.txt"),
        relation(actor("Ruritania", "RUR"), "member_of", actor("Northern League")),
        relation(actor("Graustark", "GRA"), "ally_of", actor("Freedonia", "FRE")),
        relation(actor("the League"), "sanctions", actor("Graustark Army", "GRA"), "b.txt"),
    ]


def test_relations_perfect_output_scores_one_lenient_and_strict() -> None:
    r = score_relations(REL_GOLD, perfect_relations())
    assert (r.predicted, r.gold, r.precision, r.recall, r.f1) == (5, 5, 1.0, 1.0, 1.0)
    assert (r.strict_precision, r.strict_recall, r.strict_f1) == (1.0, 1.0, 1.0)
    assert [(d.doc, d.predicted, d.gold, d.matched) for d in r.documents] == [("a.txt", 3, 3, 3), ("b.txt", 2, 2, 2)]
    assert all(d.misses == [] and d.false_positives == [] for d in r.documents)


def test_relations_none_predicted() -> None:
    r = score_relations(REL_GOLD, [])
    assert (r.precision, r.recall, r.f1, r.strict_recall) == (None, 0.0, 0.0, 0.0)
    assert [(m["doc"], m["relation"]) for d in r.documents for m in d.misses] == [
        ("a.txt", "holds_office_in"), ("a.txt", "member_of"), ("a.txt", "ally_of"),
        ("b.txt", "sanctions"), ("b.txt", "holds_office_in")]


def test_relations_country_level_is_lenient_entity_level_is_strict() -> None:
    # the country for its government, an unknown minister of the right country: lenient only
    by_country = relation(person("Rudolf Elphberg"), "holds_office_in", actor("Ruritania", "RUR"))
    other_person = relation(person("Anton Hentzau", "RUR"), "holds_office_in", actor("Government of Ruritania"),
                            "b.txt")
    r = score_relations(REL_GOLD, [by_country, other_person])
    assert (r.precision, r.recall) == (1.0, 0.4)
    assert (r.strict_precision, r.strict_recall) == (0.0, 0.0)


def test_relations_need_the_same_kind_family_and_type() -> None:
    government_for_person = relation(actor("Ruritanian government", "RUR"), "holds_office_in",
                                     actor("Government of Ruritania", "RUR"))
    wrong_type = relation(person("Rudolf Elphberg", "RUR"), "leads", actor("Government of Ruritania", "RUR"))
    wrong_igo = relation(actor("Ruritania", "RUR"), "member_of", actor("Southern League"))
    r = score_relations(REL_GOLD, [government_for_person, wrong_type, wrong_igo])
    assert r.precision == 0.0 and r.recall == 0.0
    assert [p["relation"] for p in r.documents[0].false_positives] == ["holds_office_in", "leads", "member_of"]


def test_relations_ally_of_matches_in_either_order_others_do_not() -> None:
    swapped_ally = relation(actor("Freedonia", "FRE"), "ally_of", actor("Graustark", "GRA"))
    swapped_member = relation(actor("Northern League"), "member_of", actor("Ruritania", "RUR"))
    r = score_relations(REL_GOLD, [swapped_ally, swapped_member])
    assert r.documents[0].matched == 1
    assert [p["source"] for p in r.documents[0].false_positives] == ["Northern League"]


def test_relations_match_one_to_one_preferring_entity_level_pairs() -> None:
    # two ministers of the same country for one gold minister: one of them is a false positive,
    # and it is the one that is not the gold entity
    right = relation(person("Rudolf Elphberg", "RUR"), "holds_office_in", actor("Government of Ruritania"))
    also = relation(person("Anton Hentzau", "RUR"), "holds_office_in", actor("Government of Ruritania"))
    r = score_relations(REL_GOLD, [also, right])
    assert (r.documents[0].matched, r.documents[0].strict_matched) == (1, 1)
    assert [p["source"] for p in r.documents[0].false_positives] == ["Anton Hentzau"]


def test_relations_belong_to_every_document_of_their_evidence() -> None:
    both = relation(person("Rudolf Elphberg", "RUR"), "holds_office_in", actor("Government of Ruritania"),
                    "a.txt", "b.txt")
    stray = relation(actor("Ruritania", "RUR"), "member_of", actor("Northern League"), "c.txt")
    r = score_relations(REL_GOLD, [both, stray])
    assert [d.matched for d in r.documents] == [1, 1]
    assert (r.predicted, r.relations_outside_gold) == (2, 1)


def test_relation_report_text_and_json() -> None:
    fp = relation(actor("Graustark", "GRA"), "sanctions", actor("Ruritania", "RUR"), "b.txt")
    r = score_relations(REL_GOLD, [*perfect_relations()[:3], fp])
    data = json.loads(json.dumps(r.to_dict()))
    assert data["precision"] == 0.8 and data["recall"] == 0.8 and data["strict_precision"] == 0.8
    assert data["documents"][1]["misses"] == [
        {"doc": "b.txt", "source": "league", "relation": "sanctions", "target": "gra-army"}]
    text = r.format_text()
    assert "strict precision" in text and "missed: league sanctions gra-army" in text
    assert 'false positive: Graustark sanctions Ruritania ("A sentence of b.txt.")' in text


def test_load_relations_reads_jsonl_and_names_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "relations.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in perfect_relations()) + "\n\n")
    assert score_relations(REL_GOLD, load_relations(path)).f1 == 1.0
    path.write_text(json.dumps(perfect_relations()[0]) + "\n" + json.dumps({"relation": "leads"}) + "\n")
    with pytest.raises(InputError, match=f"^{path}:2: a relation needs"):
        load_relations(path)
    path.write_text("[1]\n")
    with pytest.raises(InputError, match=f"^{path}:1: a relation must be a JSON object"):
        load_relations(path)


# --- events merged across articles, duplicate groups, strict P/R ------------------------------------

DUP_GOLD: dict[str, Any] = copy.deepcopy(GOLD)
DUP_GOLD["documents"][1]["events"].append(
    {"id": "b-2", "type": "CONSULT", "mode": "meet", "source": "elphberg", "target": "league",
     "date_iso": "2024-03-03", "location": "Strelsau", "modality": "asserted", "quantities": [],
     "evidence": "Elphberg and the League envoys talked", "required": True})
DUP_GOLD["duplicate_groups"] = [{"members": ["a-1", "b-2"]}, {"members": ["a-2", "b-1"]}]


def merged_meeting() -> dict[str, Any]:
    """a-1 as one exported event with a report from each article."""
    ev = perfect()[0]
    sent = "On Monday Elphberg and the League envoys talked again."
    ev["evidence"].append({"doc_id": "4567", "source": "/corpus/b.txt", "sentence": sent, "start": 0,
                           "end": len(sent)})
    return ev


def test_an_event_merged_across_articles_counts_once_in_each_and_merges_its_group() -> None:
    r = score(DUP_GOLD, [merged_meeting(), *perfect()[1:]])
    assert (r.events_predicted, r.precision, r.recall) == (5, 1.0, 1.0)
    assert [(d.doc, d.predicted, d.matched) for d in r.documents] == [("a.txt", 3, 3), ("b.txt", 2, 2)]
    # group 1: one event matched both members; group 2: matched by two events (a-2 and b-1 differ)
    assert (r.duplicate_groups, r.duplicate_groups_found, r.duplicate_groups_merged) == (2, 2, 1)
    assert "duplicate sets merged" in r.format_text() and "1 of 2 (found 2)" in r.format_text()
    in_b = merged_meeting()
    in_b["id"], in_b["evidence"] = "another", in_b["evidence"][1:]
    unmerged = score(DUP_GOLD, [perfect()[0], in_b])  # the two reports came out as two events
    assert (unmerged.recall, unmerged.duplicate_groups_found, unmerged.duplicate_groups_merged) == (0.4, 1, 0)
    assert score(GOLD, perfect()).duplicates_text() == "n/a"


def test_merged_events_and_groups_agree_with_the_reference_scorer() -> None:
    ref = reference_scorer()
    outside = merged_meeting()
    outside["evidence"].append({"doc_id": "x", "source": "/corpus/c.txt", "sentence": "Elsewhere.", "start": 0,
                                "end": 10})
    assert_agrees(ref, DUP_GOLD, [merged_meeting(), *perfect()[1:]])
    assert_agrees(ref, DUP_GOLD, [outside, perfect()[0], perfect()[3]])
    assert_agrees(ref, DUP_GOLD, [])


def test_strict_precision_and_recall_need_the_gold_entities() -> None:
    as_government = event("a-1", "CONSULT", actor("Ruritanian government", "RUR"), actor("the League"))
    optional = event("a-4", "ACCUSE", actor("Freedonia", "FRE"), actor("Ruritania", "RUR"))
    r = score(GOLD, [as_government, *perfect()[1:], optional])
    assert (r.precision, r.recall) == (1.0, 1.0)
    assert (r.strict_precision, r.strict_recall) == (0.8, 0.75)  # 4 of 5 matched, 3 of 4 required
    assert score(GOLD, []).strict_precision is None


# --- causes of misses and false positives -------------------------------------------------------------

ZERO = {"misses": {"no trigger": 0, "actor missing": 0, "wrong actor": 0, "wrong type": 0},
        "matched": {"wrong modality": 0, "wrong date": 0},
        "false_positives": {"no gold event": 0, "wrong type": 0, "wrong actor": 0, "extra": 0}}


def counts(**nonzero: int) -> dict[str, dict[str, int]]:
    """ZERO with ``kind__cause_words=n`` set, e.g. ``misses__no_trigger=1``."""
    out = copy.deepcopy(ZERO)
    for key, n in nonzero.items():
        kind, cause = key.split("__")
        assert cause.replace("_", " ") in out[kind], key
        out[kind][cause.replace("_", " ")] = n
    return out


@pytest.mark.parametrize(("fixture", "expected"), [
    ("perfect", counts()),
    ("no_trigger", counts(misses__no_trigger=1)),                                     # g1 not extracted
    ("actor_missing", counts(misses__actor_missing=1, false_positives__wrong_actor=1)),  # g2 without target
    ("wrong_actor", counts(misses__wrong_actor=1, false_positives__wrong_actor=1)),    # g3 to Freedonia
    ("wrong_type", counts(misses__wrong_type=1, false_positives__wrong_type=1)),       # g4 as THREATEN
    ("wrong_modality", counts(matched__wrong_modality=1)),                            # g1 planned
    ("wrong_date", counts(matched__wrong_date=1)),                                    # g1 a week early
    ("no_gold_event", counts(false_positives__no_gold_event=1)),                      # the weather
    ("extra", counts(false_positives__extra=1)),                                      # AGREE beside g1
])
def test_each_error_gets_its_cause(fixture: str, expected: dict[str, dict[str, int]]) -> None:
    gold = load_gold(FIXTURES / "causes" / "causes.gold.json")
    r = score(gold, load_events(FIXTURES / "causes" / f"{fixture}.jsonl"))
    assert r.explanation.counts == expected
    assert sum(r.explanation.counts["misses"].values()) == len(r.misses)
    assert sum(r.explanation.counts["false_positives"].values()) == len(r.false_positives)


def test_cause_items_name_the_gold_and_the_predicted_event() -> None:
    gold = load_gold(FIXTURES / "causes" / "causes.gold.json")
    r = score(gold, load_events(FIXTURES / "causes" / "wrong_type.jsonl"))
    sentence = "Freedonia accused Ruritania of smuggling."
    assert r.explanation.items == [
        {"kind": "misses", "cause": "wrong type", "doc": "ruritania.txt", "id": "g4",
         "evidence": "Freedonia accused Ruritania",
         "gold": {"id": "g4", "type": "ACCUSE", "source": "freedonia", "target": "ruritania"},
         "predicted": {"type": "THREATEN", "source": "Freedonia", "target": "Ruritania", "sentence": sentence}},
        {"kind": "false_positives", "cause": "wrong type", "doc": "ruritania.txt", "sentence": sentence,
         "gold": {"id": "g4", "type": "ACCUSE", "source": "freedonia", "target": "ruritania"},
         "predicted": {"type": "THREATEN", "source": "Freedonia", "target": "Ruritania", "sentence": sentence}},
    ]
    assert "explain" not in r.to_dict()
    data = json.loads(json.dumps(r.to_dict(explain=True)))
    assert data["explain"]["counts"]["misses"]["wrong type"] == 1 and len(data["explain"]["items"]) == 2
    text = r.explanation.format_text()
    assert "misses: wrong type: 1" in text and "false positives: extra: 0" in text
    assert '[ruritania.txt] gold ACCUSE freedonia -> ruritania | predicted THREATEN Freedonia -> Ruritania' in text


def test_one_extracted_event_cannot_explain_two_gold_events() -> None:
    # a.txt's a-1 stated twice in one sentence (gold), one prediction: the second has no trigger
    gold = copy.deepcopy(GOLD)
    gold["documents"][0]["events"].append({**gold["documents"][0]["events"][0], "id": "a-1b"})
    r = score(gold, perfect())
    assert [m["id"] for m in r.misses] == ["a-1b"]
    assert r.explanation.counts["misses"]["no trigger"] == 1


def test_a_second_type_for_a_matched_statement_is_extra_not_wrong_type() -> None:
    gold = load_gold(FIXTURES / "causes" / "causes.gold.json")
    events = load_events(FIXTURES / "causes" / "perfect.jsonl")
    second = {**events[3], "id": "p9", "type": "THREATEN"}  # g4 matched by ACCUSE already
    assert score(gold, [*events, second]).explanation.counts == counts(false_positives__extra=1)
    # without the ACCUSE, the THREATEN is the wrong type for the missed g4
    assert score(gold, [*events[:3], second]).explanation.counts == counts(
        misses__wrong_type=1, false_positives__wrong_type=1)


# --- several gold files read as one ----------------------------------------------------------------

def write_gold(path: Path, entities: dict[str, Any], *documents: dict[str, Any], **extra: Any) -> Path:
    path.write_text(json.dumps({"entities": entities, "places": extra.pop("places", {}),
                                "documents": list(documents), **extra}), encoding="utf-8")
    return path


def split_gold(tmp_path: Path) -> tuple[Path, Path]:
    """GOLD as two files: a.txt with every entity, b.txt with the one it names (aliases reordered)."""
    league = GOLD["entities"]["league"]
    first = write_gold(tmp_path / "a.gold.json", GOLD["entities"], GOLD["documents"][0],
                       places=GOLD["places"])
    second = write_gold(tmp_path / "b.gold.json", {"league": {**league, "aliases": league["aliases"][::-1]}},
                        GOLD["documents"][1], places={"Strelsau": {"country": "RUR", "lat": 0, "lon": 0}},
                        duplicate_groups=[{"members": ["a-2", "b-1"]}])
    return first, second


def test_gold_files_merge_documents_entities_places_and_groups(tmp_path: Path) -> None:
    merged = load_gold_files(split_gold(tmp_path))
    assert merged["documents"] == GOLD["documents"]
    assert merged["entities"] == GOLD["entities"]
    assert merged["places"] == GOLD["places"]  # the first definition of a place is kept
    assert merged["duplicate_groups"] == [{"members": ["a-2", "b-1"]}]
    assert score(merged, perfect()).f1 == 1.0
    assert load_gold_files([]) == {"entities": {}, "places": {}, "documents": [], "duplicate_groups": []}


def test_gold_files_may_name_entities_another_file_defines(tmp_path: Path) -> None:
    first, _ = split_gold(tmp_path)
    bare = write_gold(tmp_path / "c.gold.json", {}, {**GOLD["documents"][1], "doc": "c.txt", "events": [
        {**GOLD["documents"][1]["events"][0], "id": "c-1"}]})
    assert [d["doc"] for d in load_gold_files([first, bare])["documents"]] == ["a.txt", "c.txt"]
    with pytest.raises(GoldFormatError, match=r"c\.gold\.json: documents\[0\]\.events\[0\]\.source: unknown entity"):
        load_gold_files([bare])


def test_one_actor_under_two_files_ids_is_one_entity(tmp_path: Path) -> None:
    # b.txt's own annotator gave the League another id: a perfect extraction still matches both files
    first = write_gold(tmp_path / "a.gold.json", GOLD["entities"], GOLD["documents"][0])
    league = {**GOLD["entities"]["league"], "aliases": ["the trade league"]}
    doc_b = copy.deepcopy(GOLD["documents"][1])
    doc_b["events"][0]["source"] = "b-league"
    second = write_gold(tmp_path / "b.gold.json", {"b-league": league}, doc_b)
    merged = load_gold_files([first, second])
    assert "b-league" not in merged["entities"]
    assert merged["documents"][1]["events"][0]["source"] == "league"
    assert "the trade league" in merged["entities"]["league"]["aliases"]
    assert score(merged, perfect()).f1 == 1.0


def test_an_entity_defined_differently_in_two_files_is_an_error_naming_both(tmp_path: Path) -> None:
    first, second = split_gold(tmp_path)
    league = GOLD["entities"]["league"]
    write_gold(second, {"league": {**league, "country": "RUR"}}, GOLD["documents"][1])
    with pytest.raises(GoldFormatError, match=rf"^{second}: entities\.league: defined differently in {first}$"):
        load_gold_files([first, second])


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d, r"document 'b\.txt' is annotated in .*a\.gold\.json too"),
    (lambda d: {**d, "doc": "c.txt"}, r"event id 'b-1' is used in .*a\.gold\.json too"),
])
def test_a_document_or_event_id_in_two_files_is_an_error(tmp_path: Path, change: Any, message: str) -> None:
    first = write_gold(tmp_path / "a.gold.json", GOLD["entities"], *GOLD["documents"])
    second = write_gold(tmp_path / "b.gold.json", {}, change(GOLD["documents"][1]))
    with pytest.raises(GoldFormatError, match=f"^{second}: {message}"):
        load_gold_files([first, second])


def test_duplicate_groups_must_name_gold_events(tmp_path: Path) -> None:
    first, second = split_gold(tmp_path)
    write_gold(second, {}, GOLD["documents"][1], duplicate_groups=[{"members": ["a-2", "zz"]}])
    with pytest.raises(GoldFormatError, match=r"duplicate_groups\[0\]: unknown event 'zz'"):
        load_gold_files([first, second])
    with pytest.raises(GoldFormatError, match=r"duplicate_groups\[0\]: needs 'members'"):
        load_gold(write_gold(tmp_path / "c.gold.json", {}, duplicate_groups=[{"ids": []}]))


# --- scoring corpora: dev and test parts -------------------------------------------------------------

def test_a_part_without_gold_is_noted_not_scored(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = evaluate_part("test", [CorpusFolder(tmp_path / "empty"), CorpusFolder(tmp_path / "missing")], tmp_path)
    assert result.report is None and result.gold_files == []
    assert result.notes == [f"{tmp_path / 'empty'}: no gold (*.gold.json) yet",
                            f"{tmp_path / 'missing'}: no such folder yet", "test: not scored (no gold yet)"]
    assert result.to_dict(explain=True)["figures"] is None
    rows = corpus_table({"test": result}, explain=True)
    assert {row[1] for row in rows} == {"—"} and rows[-1][0] == "false positives: extra"


def test_the_bundled_corpora_are_package_data() -> None:
    parts = bundled_corpora()
    sample, dev = parts["dev"]
    assert sample.gold_files() and sample.gold_files()[0].name == "sample.gold.json"
    assert len(sample.articles()) >= 20
    assert (dev.path.parts[-2:], parts["test"][0].path.parts[-2:]) == (("corpus", "dev"), ("corpus", "test"))
    assert all(g.name.endswith(".gold.json") for g in dev.gold_files())


def newsgraph(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", "evaluate", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def test_evaluate_without_gold_ingests_and_scores_dev_and_test_side_by_side(tmp_path: Path) -> None:
    corpus = FIXTURES / "corpus"  # two reports of one meeting (dev, gold in two files); an aid pledge (test)
    done = newsgraph("--dev", corpus / "dev", "--test", corpus / "test", "--json", "--explain")
    assert done.returncode == 0, done.stderr
    parts = json.loads(done.stdout)
    dev, test = parts["dev"], parts["test"]
    assert list(parts) == ["dev", "test"]
    assert [Path(g).name for g in dev["gold_files"]] == ["arusha_summit.gold.json", "ruto_hassan_arusha.gold.json"]
    assert (dev["articles"], dev["documents"], dev["scored"], dev["notes"]) == (2, 2, True, [])  # README skipped
    assert (test["articles"], test["documents"]) == (1, 1)
    assert test["notes"] == ["test: 1 gold document(s) without their article, not scored: not_yet_written.txt"]
    for part in (dev, test):
        figures = part["figures"]
        assert figures["events_predicted"] > 0 and 0 < figures["recall"] <= 1 and 0 < figures["precision"] <= 1
        assert set(part["explain"]["counts"]) == {"misses", "matched", "false_positives"}
    assert dev["figures"]["duplicate_groups"] == 2 and test["figures"]["duplicate_groups"] == 0
    # the meeting is found in both articles (two reports of one happening)
    assert dev["figures"]["duplicate_groups_found"] >= 1

    (tmp_path / "empty").mkdir()
    done = newsgraph("--dev", corpus / "dev", "--test", tmp_path / "empty", "--explain")
    assert done.returncode == 0, done.stderr
    table = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
             for line in done.stdout.splitlines() if line.count("│") == 4}
    assert table["precision"] == [str(dev["figures"]["precision"]), "—"]
    assert table["duplicate sets merged"][1] == "—"
    found = dev["figures"]["duplicate_groups_found"]
    assert table["duplicate sets merged"][0] == f"{dev['figures']['duplicate_groups_merged']} of 2 (found {found})"
    assert table["misses: no trigger"][1] == "—" and "false positives: extra" in table
    assert {"F1", "strict actor precision", "strict actor recall", "date accuracy", "modality accuracy",
            "place accuracy", "quantity accuracy"} <= set(table)
    assert f"{tmp_path / 'empty'}: no gold (*.gold.json) yet" in done.stdout


def test_evaluate_without_gold_refuses_a_store(tmp_path: Path) -> None:
    done = newsgraph("--db", tmp_path / "x.db")
    assert done.returncode == 2 and "--db" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.db").exists()


def test_an_acronym_in_one_file_and_the_full_name_in_another_are_one_entity(tmp_path: Path) -> None:
    league = GOLD["entities"]["league"]  # "Northern League of Trade", alias "Northern League"
    first = write_gold(tmp_path / "a.gold.json", GOLD["entities"], GOLD["documents"][0])
    doc_b = copy.deepcopy(GOLD["documents"][1])
    doc_b["events"][0]["source"] = "b-league"
    second = write_gold(tmp_path / "b.gold.json", {"b-league": {**league, "name": "NLT",
                                                                "aliases": ["Northern League of Trade", "the bloc"]}},
                        doc_b)
    merged = load_gold_files([first, second])
    assert merged["documents"][1]["events"][0]["source"] == "league"
    # a shared description ("the bloc") alone never joins two organisations
    pact = {**league, "name": "Southern Pact", "aliases": ["the bloc"]}
    other = write_gold(tmp_path / "c.gold.json", {"c-bloc": pact},
                       {**copy.deepcopy(GOLD["documents"][1]), "doc": "c.txt", "events": []})
    assert "c-bloc" in load_gold_files([first, other])["entities"]
