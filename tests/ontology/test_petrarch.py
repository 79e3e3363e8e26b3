"""The PETRARCH2 dictionaries: the converter on a miniature dictionary we wrote in their format,
and the packaged conversion read through the loader."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from newsgraph.ontology import petrarch

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "petrarch"
SHARED_REFERENCE = ROOT.parent / "shared" / "reference"


def _converter():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("convert_petrarch", ROOT / "scripts" / "convert_petrarch.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_petrarch"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("petrarch")
    assert _converter().main(["--reference", str(FIXTURE), "--out", str(out)]) == 0
    return out


def _jsonl(path: Path) -> dict[str, dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {str(r.get("verb") or r.get("block")): r for r in rows}


def test_verbs_share_their_block_patterns_and_keep_their_own_codes(converted: Path) -> None:
    verbs = _jsonl(converted / "verbs.jsonl")
    assert verbs["levy"] == {"verb": "levy", "forms": ["levied", "levies", "levying"], "code": None,
                             "blocks": ["IMPOSE@23"]}
    assert verbs["dismiss"]["code"] == "110"          # a verb's own [code] beats the block's [---]
    assert verbs["rush out"]["forms"] == ["rushed out", "rushes out"]   # +RUSH_OUT, a phrasal verb
    assert "scrap" in verbs                           # a TABARI ';' comment is not part of the verb


def test_patterns_expand_synonym_sets_and_mark_slots_and_codes(converted: Path) -> None:
    impose = _jsonl(converted / "verb_blocks.jsonl")["IMPOSE@23"]["patterns"]
    assert impose[0] == {"code": "163", "code2": None, "line": 26, "subject": [],
                         "object": [["embargo", "sanctions", "tariffs"]],  # &PENALTY_ with &LEVY_ inside
                         "preps": [{"prep": "on", "words": []}], "source": None, "target": "prep:on"}
    assert impose[1]["code"] is None and impose[1]["object"] == [["taxes"]]   # [---]: codes nothing
    assert (impose[2]["code"], impose[2]["code2"]) == ("042", "043")
    assert impose[2]["subject"] == [["police"]] and impose[2]["object"] == [["curfew order"]]
    assert impose[2]["source"] == "subject"


def test_agents_expand_substitutions_plurals_and_all_sectors(converted: Path) -> None:
    rows = dict(line.split("\t") for line in (converted / "agents.tsv").read_text().splitlines()[1:])
    assert rows["policeman"] == rows["policewoman"] == "COP"
    assert rows["legislators"] == rows["lawmaker"] == "GOV"
    assert rows["protesters"] == "CVL;OPP"        # a regular plural and both bracketed sectors
    assert "bank" not in rows                     # a commented-out entry


def test_actors_carry_dated_roles_and_kinds(converted: Path) -> None:
    rows = {r[0]: r[1:] for r in (line.split("\t") for line in
                                  (converted / "actors.tsv").read_text().splitlines()[1:])}
    assert rows["king elessar"] == ["Aragorn Elessar", "person", "ARNREB@2025-01-01@2030-05-01;ARNGOV@2030-05-02@"]
    assert rows["fornost"][:2] == ["Arnor", "country"]      # a country's city stands for it
    assert rows["white council"][1] == "igo" and rows["rangers of the north"][1] == "armed-group"


def test_malformed_records_are_skipped_and_named(converted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notice = (converted / "NOTICE.md").read_text()
    assert "Phoenix.agents.txt:8: expected 'AGENT [~CODE]', found 'BROKEN_LINE'" in notice
    assert "The MIT License" in notice


def test_a_missing_dictionary_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _converter().main(["--reference", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    assert "CAMEO.2.0.txt: no such file" in capsys.readouterr().err


def test_the_packaged_conversion_is_what_the_converter_makes(tmp_path: Path) -> None:
    if not (SHARED_REFERENCE / "petrarch2").is_dir():
        pytest.skip(f"{SHARED_REFERENCE}/petrarch2 not found: cannot re-run the conversion")
    assert _converter().main(["--reference", str(SHARED_REFERENCE), "--out", str(tmp_path)]) == 0
    packaged = ROOT / "src" / "newsgraph" / "ontology" / "data" / "petrarch"
    for name in ("verbs.jsonl", "verb_blocks.jsonl", "agents.tsv", "actors.tsv", "cameo_plover.tsv", "NOTICE.md"):
        assert (tmp_path / name).read_bytes() == (packaged / name).read_bytes(), name


def test_loader_reads_patterns_mapped_to_plover() -> None:
    impose = petrarch.verbs()["impose"]
    sanction = [p for p in impose.patterns if any("sanctions" in w for w in p.object)]
    assert [(p.code, p.plover and p.plover.type) for p in sanction] == [("163", "COERCE")]  # PLOVER 2021: 163 is COERCE
    assert petrarch.verb_forms()["struck"] == "strike"
    assert petrarch.cameo_to_plover("190") is not None and petrarch.cameo_to_plover("190").type == "ASSAULT"
    assert petrarch.cameo_to_plover("010") is None           # statements have no PLOVER type
    assert petrarch.cameo_to_plover("021").type == "REQUEST"  # appeals


def test_loader_gives_a_known_person_the_country_of_the_role_held_then() -> None:
    putin = petrarch.lookup_actor("Vladimir Putin")
    assert putin is not None and putin.kind == "person"
    assert putin.country_on(date(2015, 1, 1)) == "RUS" and putin.sector_on(date(2015, 1, 1)) == "GOV"
    assert petrarch.lookup_actor("the United Nations").country_on(None) is None
    assert petrarch.lookup_actor("no such actor anywhere") is None
    assert "COP" in petrarch.agents()["police"]



def test_a_name_written_with_an_apostrophe_finds_the_dictionarys_spelling_without_it() -> None:
    """The dictionaries write "Tigray Peoples Liberation Front"; news writes "People's"."""
    found = petrarch.lookup_actor("Tigray People\u2019s Liberation Front")
    assert found is not None and found.kind == "armed-group" and found.country_on(None) == "ETH"


def test_our_leaders_layer_knows_the_years_after_petrarch() -> None:
    """PETRARCH2's roles end about 2016; ``leaders.tsv`` (ours) adds the national leaders since."""
    trump = petrarch.lookup_actor("Donald Trump")
    assert trump is not None and trump.kind == "person"
    assert trump.country_on(date(2018, 6, 1)) == "USA" and trump.sector_on(date(2018, 6, 1)) == "GOV"
    assert trump.sector_on(date(2022, 6, 1)) == "ELI"  # out of office, still American
    assert petrarch.lookup_actor("Kassym-Jomart Tokayev").country_on(date(2025, 6, 1)) == "KAZ"
    # a person both know keeps PETRARCH2's roles and gains ours
    putin = petrarch.lookup_actor("Vladimir Putin")
    assert putin is not None and len(putin.roles) > len({r for r in putin.roles if r.start and r.start.year < 2016})
    assert putin.country_on(date(2024, 3, 1)) == "RUS"


def test_an_international_office_speaks_for_no_country_while_it_is_held() -> None:
    """Our layer dates offices in international organisations too: PETRARCH2 leaves a national
    office open, and the person who went on to lead NATO or the Commission is not their state then."""
    for name, before, during in (("Jens Stoltenberg", date(2012, 1, 1), date(2020, 1, 1)),
                                 ("Ursula von der Leyen", date(2015, 1, 1), date(2023, 1, 1)),
                                 ("Mark Rutte", date(2015, 1, 1), date(2025, 1, 1))):
        known = petrarch.lookup_actor(name)
        assert known is not None
        assert known.country_on(before) is not None and known.sector_on(before) == "GOV", name
        assert known.country_on(during) is None and known.sector_on(during) == "IGO", name
    stoltenberg = petrarch.lookup_actor("Jens Stoltenberg")
    assert stoltenberg is not None and stoltenberg.country_on(date(2025, 6, 1)) == "NOR"  # back in Oslo


def test_office_holders_by_surname_on_a_day() -> None:
    assert petrarch.office_holders_named("Erdogan", date(2024, 5, 1)) == {"TUR"}
    assert petrarch.office_holders_named("Trump", date(2023, 5, 1)) == set()  # out of office then
    assert petrarch.office_holders_named("Trump", date(2018, 5, 1)) == {"USA"}
    assert len(petrarch.office_holders_named("Ali", date(2024, 5, 1))) > 1  # anyone
    # an office PETRARCH2 left open (its data end about 2016) is closed by our layer's dates
    assert petrarch.office_holders_named("Obama", date(2024, 5, 1)) == set()
    assert petrarch.lookup_actor("Angela Merkel").sector_on(date(2024, 5, 1)) != "GOV"


def test_the_leaders_layer_is_well_formed() -> None:
    rows = (resources.files("newsgraph.ontology") / "data" / "leaders.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "phrase\tactor_id\tkind\tcodes"
    pattern = re.compile(r"^([A-Z]{3}(GOV|MIL|ELI)|IGO[A-Z]{0,9})@(\d{4}-\d{2}-\d{2})?@(\d{4}-\d{2}-\d{2})?$")
    for row in rows[1:]:
        phrase, actor_id, kind, codes = row.split("\t")
        assert len(phrase.split()) > 1 and phrase == phrase.lower(), row  # never one word: "Kim" is anyone
        assert kind == "person" and actor_id, row
        roles = codes.split(";")
        assert all(pattern.match(c) for c in roles), row
        assert roles[-1].endswith("ELI@@") and len({c[:3] for c in roles if not c.startswith("IGO")}) == 1, row
        # one nationality, always known (an office in an international organisation has none)
