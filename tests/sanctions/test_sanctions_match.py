"""Matching entities to listed parties: titles, word order, transliteration, shared surnames, conflicts."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.sanctions import ListedParty, PartyIndex, SanctionsUnavailable, match_entity
from newsgraph.sanctions.match import strip_titles
from newsgraph.sanctions.model import require

pytest.importorskip("rigour.names", reason="needs the sanctions extra: pip install 'newsgraph[sanctions]'")

PARTIES = [
    ListedParty("OFAC SDN", "7001", "Person", "NAING, Thura Win", countries=("MMR",)),
    ListedParty("OFAC SDN", "7004", "Person", "VOLKONOV, Sergei Pavlovich", countries=("RUS",)),
    ListedParty("OFAC SDN", "7002", "Organization", "IRRAWADDY STAR SHIPPING COMPANY LIMITED", countries=("MMR",)),
    ListedParty("OFAC SDN", "7003", "Vessel", "GOLDEN LOTUS 7", countries=("PAN",)),
    ListedParty("OFAC SDN", "7005", "Organization", "KAPITAL INVEST HOLDING"),
    ListedParty("eu_fsf", "p-9", "Person", "Марта Ильина", countries=("RUS",)),
]


@pytest.fixture(scope="module")
def index() -> PartyIndex:
    return PartyIndex(PARTIES)


def entity(name: str, kind: str = "person", country: str | None = None, aliases: list[str] | None = None
           ) -> dict[str, Any]:
    return {"id": "e1", "name": name, "kind": kind, "country": country, "aliases": aliases or []}


def ids(matches: list[Any]) -> list[str]:
    return [m.party.party_id for m in matches]


def test_title_and_reordered_name_match(index: PartyIndex) -> None:
    found = index.match(entity("Lieutenant General Thura Win Naing", country="MMR"))
    assert ids(found) == ["7001"]
    assert found[0].score == 1.0
    assert found[0].explanation == ("name 'Lieutenant General Thura Win Naing' = listed 'NAING, Thura Win' (100);"
                                    " country MMR agrees; kind person = Person")
    assert ids(index.match(entity("Dr. Thura Win Naing"))) == ["7001"]


def test_transliteration_variant_matches(index: PartyIndex) -> None:
    found = index.match(entity("Sergey Volkonov", country="RUS"))
    assert ids(found) == ["7004"]
    assert 0.85 <= found[0].score < 1.0
    assert "sergey≈sergei" in found[0].explanation
    assert "listed also pavlovich" in found[0].explanation


def test_name_in_another_script_matches(index: PartyIndex) -> None:
    found = index.match(entity("Marta Ilyina"))
    assert ids(found) == ["p-9"]
    assert "listed 'Марта Ильина'" in found[0].explanation
    assert index.match(entity("Marta Petrova")) == []


def test_people_sharing_only_a_surname_do_not_match(index: PartyIndex) -> None:
    assert index.match(entity("Anatoly Volkonov", country="RUS")) == []
    assert index.match(entity("Volkonov")) == []  # a bare surname could be anyone on the list
    # They were scored, and low: the index found them, the names disagreed.
    low = index.match(entity("Anatoly Volkonov", country="RUS"), threshold=0.0)
    assert ids(low) == ["7004"] and low[0].score < 0.6
    bare = index.match(entity("Volkonov"), threshold=0.0)
    assert "only one name part agrees" in bare[0].explanation


def test_country_conflict_lowers_the_score(index: PartyIndex) -> None:
    agree = index.match(entity("Sergei Volkonov", country="RUS"), threshold=0.0)[0]
    unknown = index.match(entity("Sergei Volkonov"), threshold=0.0)[0]
    conflict = index.match(entity("Sergei Volkonov", country="UKR"), threshold=0.0)[0]
    assert agree.score == unknown.score > conflict.score
    assert "country RUS agrees" in agree.explanation
    assert "country UKR ≠ listed RUS" in conflict.explanation
    assert index.match(entity("Thura Win Naing", country="THA")) == []  # exact name, other country: not flagged


def test_kind_conflict_vetoes(index: PartyIndex) -> None:
    assert index.match(entity("Irrawaddy Star Shipping Company Limited", kind="person"), threshold=0.0) == []
    assert index.match(entity("Thura Win Naing", kind="business"), threshold=0.0) == []
    assert index.match(entity("Kapital Invest Holding", kind="country"), threshold=0.0) == []


def test_organisation_with_shortened_legal_form(index: PartyIndex) -> None:
    found = index.match(entity("Irrawaddy Star Shipping Co. Ltd", kind="business", country="MMR"))
    assert ids(found) == ["7002"]
    assert "kind business = Organization" in found[0].explanation
    # An alias carries the match too.
    assert ids(index.match(entity("ISS", kind="business", aliases=["Irrawaddy Star Shipping Company Ltd"]))) == ["7002"]


def test_vessel_numbers_must_agree(index: PartyIndex) -> None:
    assert ids(index.match(entity("MV Golden Lotus 7", kind="organisation"))) == ["7003"]
    assert index.match(entity("Golden Lotus 8", kind="organisation")) == []


def test_match_entity_accepts_plain_parties() -> None:
    found = match_entity(entity("Sergei Volkonov"), PARTIES)
    assert ids(found) == ["7004"]
    assert match_entity(entity("Unrelated Person Name"), PARTIES) == []


def test_index_blocks_on_name_parts(index: PartyIndex) -> None:
    assert len(index) == len(PARTIES)
    # Nothing shares a part or a sound with this name: no party is even scored.
    assert index.match(entity("Quentin Zabriskie"), threshold=0.0) == []


def test_strip_titles_keeps_the_name() -> None:
    assert strip_titles("Senior General Thura Win Naing") == "Thura Win Naing"
    assert strip_titles("General") == "General"  # never strips a name down to nothing


def test_missing_extra_names_the_install_command() -> None:
    with pytest.raises(SanctionsUnavailable, match=r"pip install 'newsgraph\[sanctions\]'"):
        require("newsgraph_no_such_module")
