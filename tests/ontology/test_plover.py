"""The ontology data file: complete, consistent, and in line with the CAMEO codebook."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsgraph import ontology
from newsgraph.model import MODALITIES

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # beside the checkout
CODEBOOK = SHARED / "reference" / "cameo" / "cameo-codes.utf8.csv"


@pytest.fixture(scope="module")
def codebook() -> dict[str, float]:
    if not CODEBOOK.is_file():
        pytest.skip(f"CAMEO codebook not found at {CODEBOOK} (../shared/reference beside the checkout)")
    with CODEBOOK.open(encoding="utf-8", newline="") as f:
        return {row["code"]: float(row["goldstein"]) for row in csv.DictReader(f)}


def test_the_sixteen_plover_types_are_there() -> None:
    assert set(ontology.event_types()) == PLOVER_TYPES


@pytest.mark.parametrize("name", sorted(PLOVER_TYPES))
def test_every_type_is_complete(name: str) -> None:
    t = ontology.event_type(name)
    assert t.name == name and t.description
    assert t.quad_class in (1, 2, 3, 4)
    assert len(t.cameo_root) == 2 and t.cameo_root.isdigit()
    assert -10 <= t.goldstein <= 10
    for mode_name, m in t.modes.items():
        assert m.name == mode_name and m.description
        assert m.cameo.isdigit() and len(m.cameo) in (3, 4)
        assert -10 <= m.goldstein <= 10


def test_symmetric_types() -> None:
    assert {n for n, t in ontology.event_types().items() if t.symmetric} == {"CONSULT", "COOPERATE", "AGREE"}


def test_quad_classes_follow_gdelt() -> None:
    quad = {n: t.quad_class for n, t in ontology.event_types().items()}
    assert quad["CONSULT"] == 1 and quad["AID"] == 2 and quad["ACCUSE"] == 3 and quad["ASSAULT"] == 4


def test_codes_and_scores_come_from_the_codebook(codebook: dict[str, float]) -> None:
    for t in ontology.event_types().values():
        assert t.cameo_root in codebook, f"{t.name}: root {t.cameo_root} not in CAMEO"
        assert t.goldstein == codebook[t.cameo_root], f"{t.name}: goldstein differs from CAMEO"
        for m in t.modes.values():
            assert m.cameo in codebook, f"{t.name}.{m.name}: code {m.cameo} not in CAMEO"
            assert m.goldstein == codebook[m.cameo], f"{t.name}.{m.name}: goldstein differs from CAMEO"


def test_cameo_code_and_goldstein_helpers() -> None:
    assert ontology.cameo_code("AGREE", "sign") == "057"
    assert ontology.cameo_code("CONSULT", "visit") == "042"
    assert ontology.cameo_code("SANCTION", "economic") == "163"
    assert ontology.cameo_code("AID") == "07"
    assert ontology.cameo_code("CONSULT", "a free-text mode") == "04"
    assert ontology.goldstein("ASSAULT", "fight") == -10.0
    assert ontology.goldstein("CONSULT", None) == ontology.event_type("CONSULT").goldstein


def test_unknown_type_is_a_clear_key_error() -> None:
    with pytest.raises(KeyError, match="unknown event type 'MEET'.*CONSULT"):
        ontology.event_type("MEET")
    with pytest.raises(KeyError, match="unknown event type"):
        ontology.cameo_code("MEET", "visit")


def test_modalities_match_the_data_model() -> None:
    assert tuple(ontology.modalities()) == MODALITIES
    assert all(ontology.modalities().values())


def test_contexts() -> None:
    ctx = ontology.contexts()
    assert {"economic", "military", "diplomatic", "humanitarian", "energy", "nuclear", "trade"} <= set(ctx)
    assert len(ctx) == len(set(ctx))


def test_relation_types() -> None:
    rels = ontology.relation_types()
    assert {"holds_office_in", "leads", "member_of", "part_of", "sanctions", "supplies_arms_to",
            "supports", "ally_of"} <= set(rels)
    assert rels["ally_of"].symmetric and not rels["leads"].symmetric
    assert all(r.description for r in rels.values())
    with pytest.raises(KeyError, match="unknown relation"):
        ontology.relation_type("friend_of")


def test_callers_cannot_edit_the_shared_tables() -> None:
    ontology.event_types().pop("AGREE")
    assert "AGREE" in ontology.event_types()
    with pytest.raises(TypeError):
        ontology.event_type("AGREE").modes["new"] = ontology.event_type("AGREE").modes["sign"]  # type: ignore[index]
