"""Sanctions tables: parties round-trip, reloading is idempotent, matches are replaced, entities flagged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.errors import InputError, StoreError
from newsgraph.model import Actor, Document, Extraction, Span
from newsgraph.sanctions import ListedParty, load_and_flag, parties_from_rows, read_ofac_sdn
from newsgraph.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sanctions"
SDN = FIXTURES / "sdn_sample.csv"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "s.db")


def sdn_parties() -> list[ListedParty]:
    return [p for p in read_ofac_sdn(SDN) if isinstance(p, ListedParty)]


def test_migration_creates_strict_tables(store: Store) -> None:
    assert any(m["name"] == "0003_sanctions.sql" for m in store.applied_migrations())
    db = sqlite3.connect(store.path)
    sql = {name: text for name, text in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")}
    db.close()
    assert "STRICT" in sql["listed_parties"] and "STRICT" in sql["sanction_matches"]
    assert "REFERENCES entities" not in sql["sanction_matches"]  # entity ids change on merges


def test_parties_round_trip(store: Store) -> None:
    parties = sdn_parties()
    assert store.add_parties(parties) == 5
    assert parties_from_rows(store.party_rows()) == parties
    assert [r["party_id"] for r in store.party_rows("OFAC SDN")] == ["7001", "7002", "7003", "7004", "7005"]
    assert store.party_rows("no such list") == []
    assert store.sanction_counts() == {"lists": {"OFAC SDN": 5}, "flagged_entities": 0}


def test_reloading_a_list_is_idempotent_and_updates(store: Store) -> None:
    parties = sdn_parties()
    store.add_parties(parties)
    store.replace_matches([("e1", "OFAC SDN", "7001", 1.0, "name agrees")])
    renamed = [ListedParty(**{**p.__dict__, "name": "NAING, Thura Win U"}) if p.party_id == "7001" else p
               for p in parties]
    store.add_parties(renamed)
    store.add_parties(renamed)
    rows = store.party_rows()
    assert len(rows) == 5
    assert rows[0]["name"] == "NAING, Thura Win U"
    assert [r["party_name"] for r in store.sanction_rows(["e1"])] == ["NAING, Thura Win U"]  # match kept


def test_replace_matches_and_read_them(store: Store) -> None:
    store.add_parties(sdn_parties())
    store.replace_matches([("e1", "OFAC SDN", "7001", 0.9, "a"), ("e1", "OFAC SDN", "7004", 0.95, "b"),
                           ("e2", "OFAC SDN", "7002", 1.0, "c")])
    assert store.sanction_rows(["e1"]) == [
        {"entity_id": "e1", "list": "OFAC SDN", "party_id": "7004", "party_name": "VOLKONOV, Sergei Pavlovich",
         "score": 0.95, "explanation": "b"},
        {"entity_id": "e1", "list": "OFAC SDN", "party_id": "7001", "party_name": "NAING, Thura Win",
         "score": 0.9, "explanation": "a"}]
    store.replace_matches([("e2", "OFAC SDN", "7003", 0.88, "d")], entity_ids=["e2"])  # only e2's
    assert [r["party_id"] for r in store.sanction_rows(["e1", "e2"])] == ["7004", "7001", "7003"]
    store.replace_matches([])  # all of them
    assert store.sanction_rows(["e1", "e2"]) == []


def test_bad_matches_change_nothing(store: Store) -> None:
    store.add_parties(sdn_parties())
    store.replace_matches([("e1", "OFAC SDN", "7001", 0.9, "a")])
    with pytest.raises(StoreError, match="no listed party '9999'"):
        store.replace_matches([("e3", "OFAC SDN", "7002", 0.9, "b"), ("e4", "OFAC SDN", "9999", 0.9, "c")])
    with pytest.raises(StoreError):
        store.replace_matches([("e3", "OFAC SDN", "7002", 1.5, "score out of range")])
    assert [r["entity_id"] for r in store.sanction_rows(["e1", "e3", "e4"])] == ["e1"]


def add_people(store: Store, names: list[tuple[str, str, str | None]]) -> None:
    text = " ".join(f"{name} spoke." for name, _, _ in names)
    doc = Document.from_text(text, source="people.txt")
    actors = []
    for name, kind, country in names:
        start = text.index(name)
        actors.append(Actor(key=name, name=name, kind=kind, country=country,
                            mentions=[Span(start, start + len(name), name, 0)]))
    store.add([Extraction(document=doc, actors=actors, sentences=[Span(0, len(text), text, 0)])])


def test_load_and_flag_entities(store: Store) -> None:
    pytest.importorskip("rigour.names", reason="needs the sanctions extra: pip install 'newsgraph[sanctions]'")
    add_people(store, [("Lieutenant General Thura Win Naing", "person", "MMR"),
                       ("Anatoly Volkonov", "person", "RUS"),
                       ("Irrawaddy Star Shipping Co. Ltd", "business", "MMR")])
    report = load_and_flag(store, SDN)
    assert (report.parties, report.entities, report.flagged) == (5, 3, 2)
    assert [e.where for e in report.errors] == [f"{SDN}:4", f"{SDN}:7"]
    flagged = {r["party_id"]: r for r in store.sanction_rows([e["id"] for e in store.entity_rows()])}
    assert set(flagged) == {"7001", "7002"}
    assert "country MMR agrees" in flagged["7001"]["explanation"]
    again = load_and_flag(store, SDN)  # the same file twice: the same parties and flags
    assert (again.parties, again.matches) == (5, report.matches)
    assert len(store.party_rows()) == 5
    assert report.to_dict()["bad_records"] == 2


def test_load_refuses_a_file_that_is_no_list(store: Store, tmp_path: Path) -> None:
    pytest.importorskip("rigour.names", reason="needs the sanctions extra: pip install 'newsgraph[sanctions]'")
    notes = tmp_path / "notes.txt"
    notes.write_text("nothing to see\n", encoding="utf-8")
    with pytest.raises(InputError, match="neither"):
        load_and_flag(store, notes)
    assert store.party_rows() == []
