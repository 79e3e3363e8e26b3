"""Sanctions list readers: FollowTheMoney JSON lines and the OFAC SDN CSV, bad records reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.sanctions import ListedParty, read_ftm, read_list, read_ofac_sdn

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sanctions"
FTM = FIXTURES / "sample.ftm.jsonl"
SDN = FIXTURES / "sdn_sample.csv"


@pytest.fixture
def ftm() -> None:
    """FollowTheMoney files need the sanctions extra; the SDN reader does not."""
    pytest.importorskip("followthemoney", reason="needs the sanctions extra: pip install 'newsgraph[sanctions]'")


def split(items: list[ListedParty | InputError]) -> tuple[dict[str, ListedParty], list[InputError]]:
    parties = {p.party_id: p for p in items if isinstance(p, ListedParty)}
    return parties, [e for e in items if isinstance(e, InputError)]


def test_ftm_reads_party_fields_and_links_sanctions(ftm: None) -> None:
    parties, _ = split(list(read_ftm(FTM)))
    thura = parties["ng-p-thura"]
    assert thura.kind == "Person"
    assert thura.list_name == "us_ofac_sdn"
    assert thura.name == "Thura Win Naing"
    assert thura.aliases == ("NAING, Thura Win",)  # the weak alias "Thura" is left out
    assert thura.countries == ("MMR",)
    assert thura.birth_dates == ("1961-04-12",)
    assert thura.programs == ("Burma-related Sanctions",)
    assert thura.listed_on == "2021-03-10"
    assert (thura.source_file, thura.source_line) == (str(FTM), 1)
    # The company's Sanction comes six lines after it in the file.
    company = parties["ng-c-irrawaddy"]
    assert (company.kind, company.programs, company.listed_on) == ("Company", ("BURMA-EO14014",), "2022-01-31")
    vessel = parties["ng-v-lotus"]
    assert (vessel.kind, vessel.countries, vessel.list_name) == ("Vessel", ("PAN",), "eu_fsf")
    assert parties["ng-p-volkonov"].list_name == "eu_fsf, us_ofac_sdn"


def test_ftm_keeps_only_listed_parties(ftm: None) -> None:
    parties, _ = split(list(read_ftm(FTM)))
    assert set(parties) == {"ng-p-thura", "ng-c-irrawaddy", "ng-v-lotus", "ng-p-volkonov"}
    # not the relative marked "target": false, nor the Address, nor the Sanctions themselves


def test_ftm_bad_lines_name_file_line_and_batch_goes_on(ftm: None) -> None:
    parties, errors = split(list(read_ftm(FTM)))
    by_where = {e.where: e.reason for e in errors}
    assert set(by_where) == {f"{FTM}:4", f"{FTM}:9", f"{FTM}:11"}
    assert "not a JSON line" in by_where[f"{FTM}:4"]
    assert "Spaceship" in by_where[f"{FTM}:9"]
    assert "no name" in by_where[f"{FTM}:11"]
    assert "ng-p-volkonov" in parties  # read after the bad lines


def test_ftm_rejects_records_that_are_not_entities(ftm: None, tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('[1, 2]\n{"schema": "Person", "properties": {"name": ["No Id"]}}\n'
                    '{"id": "a", "schema": "Person", "properties": ["x"]}\n'
                    '{"id": "b", "schema": "Person", "properties": {"name": ["Fine Name"]}}\n', encoding="utf-8")
    parties, errors = split(list(read_ftm(path)))
    assert [e.where for e in errors] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert "JSON object" in errors[0].reason and "no id" in errors[1].reason and "properties" in errors[2].reason
    assert parties["b"].list_name == "odd"  # no datasets: the file's stem


def test_sdn_reads_individuals_entities_and_vessels() -> None:
    parties, _ = split(list(read_ofac_sdn(SDN)))
    naing = parties["7001"]
    assert naing.list_name == "OFAC SDN"
    assert (naing.kind, naing.name) == ("Person", "NAING, Thura Win")
    assert naing.aliases == ("THURA WIN NAING", "NAING, Win")
    assert naing.countries == ("MMR",)  # "nationality Burma"
    assert naing.birth_dates == ("1961-04-12",)
    assert naing.programs == ("BURMA-EO14014",)
    assert naing.source_line == 1
    assert parties["7002"].kind == "Organization" and parties["7002"].countries == ()
    vessel = parties["7003"]
    assert (vessel.kind, vessel.programs, vessel.countries) == ("Vessel", ("IRAN", "SDGT"), ("PAN",))
    volkonov = parties["7004"]
    assert volkonov.birth_dates == ("1965",) and volkonov.countries == ("RUS",)
    assert volkonov.aliases == ("VOLKONOV, Sergey",)  # f.k.a. counts


def test_sdn_bad_rows_name_file_line_and_batch_goes_on() -> None:
    parties, errors = split(list(read_ofac_sdn(SDN)))
    assert [e.where for e in errors] == [f"{SDN}:4", f"{SDN}:7"]
    assert "12 columns" in errors[0].reason
    assert "no SDN_Name" in errors[1].reason
    assert set(parties) == {"7001", "7002", "7003", "7004", "7005"}  # the Ctrl-Z at the end is no row


def test_sdn_alt_file_adds_aliases(tmp_path: Path) -> None:
    alt = tmp_path / "alt.csv"
    alt.write_text('7002,101,"aka","IRRAWADDY STAR LINES",-0- \n7003,102,"fka"\n', encoding="utf-8")
    items = list(read_ofac_sdn(SDN, alt=alt))
    parties, errors = split(items)
    assert parties["7002"].aliases == ("IRRAWADDY STAR LINES",)
    assert f"{alt}:2" in [e.where for e in errors]


def test_read_list_dispatches_on_extension_and_content(ftm: None, tmp_path: Path) -> None:
    assert {p.list_name for p in read_list(SDN) if isinstance(p, ListedParty)} == {"OFAC SDN"}
    assert "us_ofac_sdn" in {p.list_name for p in read_list(FTM) if isinstance(p, ListedParty)}
    bare = tmp_path / "sdn"  # no extension: the first line decides
    bare.write_bytes(SDN.read_bytes())
    assert len([p for p in read_list(bare) if isinstance(p, ListedParty)]) == 5


def test_read_list_refuses_other_files(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("These are my notes on sanctions.\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_list(text)
    assert err.value.where == str(text) and "neither" in err.value.reason
    empty = tmp_path / "empty"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_list(empty)
    with pytest.raises(InputError, match="cannot read"):
        list(read_list(tmp_path / "missing.csv"))
