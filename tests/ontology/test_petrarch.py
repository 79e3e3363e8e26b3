"""The PETRARCH2 dictionaries: the converter (scripts/convert_petrarch.py) on a miniature dictionary
we wrote in PETRARCH's format (tests/fixtures/petrarch/), and the packaged conversion read through
the loader (newsgraph.ontology.petrarch)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsgraph.ontology import petrarch

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "petrarch"
SHARED_REFERENCE = ROOT.parent / "shared" / "reference"
PACKAGED = ROOT / "src" / "newsgraph" / "ontology" / "data" / "petrarch"
OUTPUTS = ("verbs.jsonl", "patterns.jsonl", "cameo_plover.tsv", "agents.tsv", "actors.tsv", "country_codes.tsv",
           "discards.tsv", "NOTICE.md")


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_petrarch", ROOT / "scripts" / "convert_petrarch.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_petrarch"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _convert(reference: Path, out: Path, *extra: str) -> int:
    return int(_converter().main(["--reference", str(reference), "--out", str(out), *extra]))


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("petrarch")
    assert _convert(FIXTURE, out) == 0
    return out


def _jsonl(path: Path, key: str) -> dict[Any, dict[str, Any]]:
    return {r[key]: r for r in (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())}


def _tsv(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:]]


# --- the converter on our miniature dictionary ---------------------------------------------------

def test_a_block_gives_its_code_and_patterns_to_each_of_its_verbs(converted: Path) -> None:
    verbs = _jsonl(converted / "verbs.jsonl", "verb")
    assert verbs["levy"] == {"verb": "levy", "forms": ["levied", "levies", "levying"], "code": "163", "code2": None,
                             "plover": {"type": "SANCTION", "mode": "embargo", "context": "economic"},
                             "head": "levy", "line": 40, "blocks": ["LEVY"], "patterns": [43, 44, 45, 46]}
    assert verbs["waive"]["code"] is None and verbs["waive"]["plover"] is None  # its own [---] beats [163]
    assert verbs["waive"]["forms"] == ["waived", "waives", "waiving"]           # regular forms made
    assert verbs["waive"]["patterns"] == [43, 44, 45, 46]                       # the block's patterns all the same
    # listed in two blocks: the first listing's code, the patterns of both
    assert verbs["slap"]["code"] == "163" and verbs["slap"]["blocks"] == ["LEVY", "REJECT"]
    assert verbs["slap"]["patterns"] == [43, 44, 45, 46, 57]
    assert verbs["slap"]["forms"] == ["slapped", "slapping", "slaps"]
    assert verbs["reject"]["code"] == "120" and verbs["reject"]["forms"] == ["rejected", "rejecting", "rejects"]


def test_multi_word_verbs_are_phrases_with_their_head(converted: Path) -> None:
    verbs = _jsonl(converted / "verbs.jsonl", "verb")
    assert verbs["drop by"]["forms"] == ["dropped by", "dropping by", "drops by"] and verbs["drop by"]["head"] == "drop"
    assert verbs["call on"]["forms"] == ["called on", "calling on", "calls on"]   # the + word inflected
    assert (verbs["call on"]["code"], verbs["call on"]["plover"]) == ("040", {"type": "CONSULT", "mode": "",
                                                                              "context": None})
    assert verbs["visit"]["code"] is None                                         # block [---]
    assert set(verbs) == {"levy", "slap", "waive", "visit", "drop by", "call on", "reject"}


def test_patterns_expand_synonym_sets_and_record_slots_and_codes(converted: Path) -> None:
    patterns = _jsonl(converted / "patterns.jsonl", "line")
    # &PENALTY holds SANCTIONS_ (no plural), EMBARGO and the set &TARIFF (TARIFF, LEVY_, IMPORT_DUTY)
    assert patterns[43] == {
        "line": 43, "block": "LEVY", "code": "163", "code2": None,
        "plover": {"type": "SANCTION", "mode": "embargo", "context": "economic"},
        "subject": [], "object": [["embargo", "embargos", "import duties", "import duty", "levy", "sanctions",
                                   "tariff", "tariffs"]],
        "preps": [{"prep": "on", "words": []}], "source": None, "target": "prep:on"}
    assert patterns[44] == {"line": 44, "block": "LEVY", "code": None, "code2": None, "plover": None,  # [---]
                            "subject": [["police"]], "object": [["fines"]], "preps": [],
                            "source": "subject", "target": None}
    assert (patterns[45]["code"], patterns[45]["code2"], patterns[45]["target"]) == ("042", "043", "prep:to")
    assert patterns[45]["object"] == [["staff"]] and patterns[45]["plover"]["type"] == "CONSULT"
    # [:173]: no active meaning, the passive one 173 ("appear before court")
    assert (patterns[46]["code"], patterns[46]["code2"], patterns[46]["plover"]) == (None, "173", None)
    assert patterns[46]["preps"] == [{"prep": "before", "words": [["court"]]}]
    assert (patterns[52]["source"], patterns[52]["target"]) == ("prep:from", "subject")
    assert patterns[57]["object"] == [["peace import duties", "peace import duty", "peace levy", "peace tariff",
                                       "peace tariffs"]]          # a {noun phrase} holding a set
    assert patterns[57]["plover"] == {"type": "REJECT", "mode": "", "context": "political;legal"}
    assert sorted(patterns) == [43, 44, 45, 46, 52, 57]


def test_cameo_codes_map_to_plover_with_goldstein(converted: Path) -> None:
    rows = {r[0]: r[1:] for r in _tsv(converted / "cameo_plover.tsv")}
    assert rows["163"] == ["SANCTION", "embargo", "economic", "-8", "Impose embargo, boycott, or sanctions"]
    assert rows["010"] == ["", "", "", "0", "Make statement"]             # statements: no PLOVER type
    assert rows["021"][:3] == ["REQUEST", "", "economic"]                 # appeals: REQUEST, 031's context
    assert rows["043"][:3] == ["CONSULT", "", ""]                         # the longest listed prefix: 04
    assert rows["1241"][:4] == ["REJECT", "", "political;legal", "-4"]


def test_agents_expand_plurals_substitutions_and_keep_every_sector(converted: Path) -> None:
    assert _tsv(converted / "agents.tsv") == [
        ["aid agencies", "NGO"], ["aid agency", "NGO"], ["boss", "BUS"], ["bosses", "BUS"],
        ["foreign ministries", "GOV"], ["foreign ministry", "GOV"], ["lawmaker", "LEG"], ["legislators", "LEG"],
        ["police", "COP"], ["policeman", "COP"], ["policeperson", "COP"], ["policewoman", "COP"],
        ["protester", "OPP;CVL"], ["protesters", "OPP;CVL"]]


def test_actors_carry_kinds_dated_roles_and_alias_kinds(converted: Path) -> None:
    rows = {r[0]: r[1:] for r in _tsv(converted / "actors.tsv")}
    aragorn = ["Aragorn Elessar", "person", "ARNELI@1985-01-01@1999-06-15;ARNGOV@1999-06-15@;ARNELI@@", "name"]
    assert rows["aragorn elessar"] == rows["king elessar"] == rows["strider"] == aragorn
    assert rows["haldir of lorien"][2] == "ARNMIL@1928-01-01@2030-01-01;LORGOV@@2030-01-01"  # yyyymmdd, '<'
    assert rows["arnor"] == ["Arnor", "country", "ARN@@", "name"]
    assert rows["arnorian"][3] == "adjective" and rows["fornost"][3] == "other"
    assert rows["kingdom of the north"][3] == "name"
    assert [rows[k][3] for k in ("myanmar", "burma", "burmese", "naypyidaw", "mandalay", "irrawaddy river")] == \
        ["name", "name", "adjective", "city", "city", "other"]
    assert rows["arnor royal guard"][:3] == rows["guard of annuminas"][:3] == ["Arnor Royal Guard", "organisation",
                                                                             "ARNMIL@@"]
    assert rows["josé de arnor"][0] == "José de Arnor"      # a Latin-1 byte read as Latin-1
    assert rows["doğan arnor"][0] == "José de Arnor"        # a UTF-8 line in the Latin-1 file repaired
    assert rows["white council"][:2] == ["White Council", "igo"]
    assert rows["saruman the white"][:3] == ["Curunir", "person", "IGOWHC@1950-01-01@2019-03-01;ELI@@"]
    assert rows["rangers of the north"][1] == rows["dunedain rangers"][1] == "armed-group"
    assert rows["halbarad"][1] == "person"                  # the non-state file's "__" names are people
    assert "nameless one" not in rows                       # no code: PETRARCH cannot code it
    assert len(rows) == 24
    assert _tsv(converted / "country_codes.tsv") == [["ARN", "Arnor", ""], ["MMR", "Myanmar", "MMR"]]


def test_discards_keep_their_scope(converted: Path) -> None:
    assert _tsv(converted / "discards.tsv") == [["chess olympiad", "sentence"], ["world cup", "story"]]


def test_notice_has_provenance_licence_counts_and_what_was_skipped(converted: Path) -> None:
    notice = (converted / "NOTICE.md").read_text(encoding="utf-8")
    assert "Copyright (c) 2026 newsgraph contributors" in notice and "The MIT License (MIT)" in notice
    assert "CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE." in notice
    assert "| verbs | 7 |" in notice and "| patterns | 6 |" in notice and "| actor phrases | 24 |" in notice
    assert "| transformations skipped | 1 |" in notice and "TRANSFORMATIONS section" in notice
    assert "NOT the upstream blob f15f1766c6115b7fb2f797200c1ae42e037364b0" in notice  # ours is no copy


def test_the_conversion_is_deterministic(converted: Path, tmp_path: Path) -> None:
    assert _convert(FIXTURE, tmp_path) == 0
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (converted / name).read_bytes(), name


def _broken_copy(tmp_path: Path, name: str, old: bytes, new: bytes) -> Path:
    reference = tmp_path / "reference"
    shutil.copytree(FIXTURE, reference)
    path = next(reference.rglob(name))
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    return reference


def test_a_missing_dictionary_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reference = tmp_path / "reference"
    shutil.copytree(FIXTURE, reference)
    (reference / "petrarch2" / "Phoenix.agents.txt").unlink()
    assert _convert(reference, tmp_path / "out") == 1
    assert "Phoenix.agents.txt: no such file" in capsys.readouterr().err


@pytest.mark.parametrize(("name", "old", "new", "message"), [
    ("CAMEO.2.0.txt", b"[042:043]", b"", "CAMEO.2.0.txt:45: a pattern without its [CODE]"),
    ("CAMEO.2.0.txt", b"(ON +)", b"(ON +", "CAMEO.2.0.txt:43: unclosed '('"),
    ("CAMEO.2.0.txt", b"[1241]", b"[12x41]", "CAMEO.2.0.txt:57: unreadable CAMEO code [12x41]"),
    ("Phoenix.Countries.actors.txt", b"[ARNGOV >990615]", b"[ARNGOV >99o615]",
     "Phoenix.Countries.actors.txt:45: unreadable date range"),
    ("Phoenix.agents.txt", b"POLICE!PERSON!", b"POLICE!PEOPLE!", "Phoenix.agents.txt:5: substitution set !PEOPLE!"),
])
def test_malformed_input_fails_naming_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                                    old: bytes, new: bytes, message: str) -> None:
    assert _convert(_broken_copy(tmp_path, name, old, new), tmp_path / "out") == 1
    assert message in capsys.readouterr().err


def test_slips_are_repaired_and_reported_or_fatal_when_strict(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    reference = _broken_copy(tmp_path, "Phoenix.agents.txt", b"BOSS [~BUS]", b"BOSS")
    assert _convert(reference, tmp_path / "out") == 0
    assert "Phoenix.agents.txt:12: an agent without a [~CODE]" in capsys.readouterr().err
    assert "Phoenix.agents.txt:12: an agent without" in (tmp_path / "out" / "NOTICE.md").read_text(encoding="utf-8")
    assert _convert(reference, tmp_path / "strict", "--strict") == 1
    assert "Phoenix.agents.txt:12" in capsys.readouterr().err


def test_the_real_dictionaries_convert_deterministically_into_what_is_packaged(tmp_path: Path) -> None:
    if not (SHARED_REFERENCE / "petrarch2").is_dir():
        pytest.skip(f"{SHARED_REFERENCE / 'petrarch2'} not found (the shared reference folder beside the "
                    "checkout): cannot re-run the conversion")
    assert _convert(SHARED_REFERENCE, tmp_path / "a") == 0
    assert _convert(SHARED_REFERENCE, tmp_path / "b") == 0
    for name in OUTPUTS:
        fresh = (tmp_path / "a" / name).read_bytes()
        assert fresh == (tmp_path / "b" / name).read_bytes(), f"{name} differs between two runs"
        assert fresh == (PACKAGED / name).read_bytes(), f"{name} is stale: run `make vocab`"


# --- the loader on the packaged conversion -------------------------------------------------------

def test_impose_codes_sanctions_from_its_object() -> None:
    impose = petrarch.verbs()["impose"]
    assert impose.code == "170" and impose.plover is not None and impose.plover.type == "COERCE"
    sanctions = [p for p in impose.patterns if any("sanctions" in w for w in p.object)]
    assert sanctions and all(p.code == "163" for p in sanctions)  # CAMEO 163: impose embargo, boycott, sanctions
    # CAMEO2PLOVER-2021 reads 163 as COERCE ("restrict"), not SANCTION
    assert {(p.plover.type, p.plover.mode) for p in sanctions if p.plover} == {("COERCE", "restrict")}
    assert any(p.code is None and p.object == (frozenset({"taxes"}),) for p in impose.patterns)  # [---] kept
    assert petrarch.verb_forms()["imposed"] == "impose"


def test_verbs_default_to_their_block_code_read_as_plover() -> None:
    table = petrarch.verbs()
    attack = table["attack"]
    assert attack.plover is not None and attack.plover.type == "ASSAULT" and attack.code == "190"
    assert table["bring out"].head == "bring" and petrarch.verb_forms()["brought out"] == "bring out"
    assert petrarch.verb_forms()["struck"] == "strike"
    assert len(table) > 1500 and sum(len(v.patterns) for v in table.values()) > 40000
    patterns = {p.line: p for v in table.values() for p in v.patterns}
    assert len(patterns) > 4500
    assert any(p.code2 is not None and p.code is None for p in patterns.values())  # [:173]-style passives
    assert all(p.plover == petrarch.cameo_to_plover(p.code) for p in patterns.values())


def test_cameo_codes_read_as_plover_and_goldstein() -> None:
    assert petrarch.cameo_to_plover("190") == petrarch.Plover("ASSAULT", "", "military")
    assert petrarch.cameo_to_plover("010") is None and petrarch.cameo_to_plover("01") is None
    request = petrarch.cameo_to_plover("0233")
    assert request is not None and (request.type, request.mode, request.context) == ("REQUEST", "", "humanitarian")
    assert petrarch.cameo_to_plover(None) is None and petrarch.cameo_to_plover("---") is None
    assert petrarch.goldstein("190") == -10.0 and petrarch.goldstein("0311") is not None
    assert petrarch.goldstein("abc") is None


def test_a_known_person_takes_the_country_and_sector_of_the_role_held_then() -> None:
    putin = petrarch.lookup_actor("Vladimir Putin")
    assert putin is not None and putin.kind == "person" and putin.actor_id == "Vladimir Putin"
    assert putin.country_on(date(2015, 1, 1)) == "RUS" and putin.sector_on(date(2015, 1, 1)) == "GOV"
    assert putin.sector_on(date(1990, 1, 1)) == "ELI"
    assert petrarch.lookup_actor("  PUTIN ") == putin
    annan = petrarch.lookup_actor("Kofi Annan")
    assert annan is not None and annan.country_on(date(2000, 1, 1)) is None
    assert annan.sector_on(date(2000, 1, 1)) == "IGO" and annan.sector_on(date(2010, 1, 1)) == "ELI"


def test_lookup_normalises_case_spaces_the_and_apostrophes() -> None:
    un = petrarch.lookup_actor("the United Nations")
    assert un is not None and un.kind == "igo" and un.country_on(None) is None and un.sector_on(None) == "IGO"
    assert petrarch.lookup_actor("United  Nations") is not None
    kremlin = petrarch.lookup_actor("The Kremlin")
    assert kremlin is not None and kremlin.country_on(None) == "RUS"
    assert petrarch.lookup_actor("al qa\u2019ida") == petrarch.lookup_actor("al qa'ida") is not None
    assert petrarch.lookup_actor("no such actor anywhere") is None


def test_country_aliases_and_dated_roles() -> None:
    burmese = petrarch.lookup_actor("Burmese")
    assert burmese is not None and (burmese.kind, burmese.alias_kind, burmese.country_on(None)) == \
        ("country", "adjective", "MMR")
    moscow = petrarch.lookup_actor("Moscow")
    assert moscow is not None and (moscow.kind, moscow.alias_kind, moscow.actor_id) == \
        ("country", "city", "Russian Federation")
    croatia = petrarch.lookup_actor("Croatia")
    assert croatia is not None and croatia.country_on(date(2000, 1, 1)) == "HRV"
    role = petrarch.ActorRole("RUSGOV", date(2000, 1, 1), date(2008, 5, 7))
    assert role.holds_on(date(2000, 1, 1)) and role.holds_on(date(2008, 5, 6))
    assert not role.holds_on(date(2008, 5, 7)) and not role.holds_on(None)  # PETRARCH's END is exclusive


def test_a_role_has_a_country_only_when_its_letters_are_a_country_code() -> None:
    def reading(name: str) -> tuple[str | None, str | None]:
        actor = petrarch.lookup_actor(name)
        assert actor is not None, name
        return actor.country_on(None), actor.sector_on(None)

    assert reading("Reuters") == (None, "MED")                   # MED is media, no country
    assert reading("Toyota") == (None, "BUS")                    # MNC: a multinational
    assert reading("Amnesty International") == (None, "NGO")
    assert reading("Hamas") == ("PSE", "REB")
    rugova = petrarch.lookup_actor("Ibrahim Rugova")
    assert rugova is not None and rugova.country_on(date(2004, 1, 1)) == "XKX"  # CAMEO's KSV, ISO's XKX
    assert petrarch.country_codes()["KSV"] == "Kosovo"


def test_agents_discards_and_countries() -> None:
    table = petrarch.agents()
    assert "COP" in table["police"] and "COP" in table["policemen"] and table["lawmakers"][0][:3] == "LEG"
    assert "world cup" in petrarch.discards() or "world cup finals" in petrarch.discards()
    assert petrarch.country_codes()["RUS"] == "Russian Federation" and "IGO" not in petrarch.country_codes()
    actors = petrarch.known_actors()
    assert "vladimir putin" in actors and actors["vladimir putin"].kind == "person" and len(actors) > 30000
