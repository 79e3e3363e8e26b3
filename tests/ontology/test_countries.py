"""Country / capital / IGO vocabulary: the many ways news names a state resolve to one code."""

from __future__ import annotations

import pytest

from newsgraph.names import compact_key
from newsgraph.ontology.countries import (
    capital_of,
    countries,
    country_code,
    country_name,
    igo,
    is_acronym,
)


@pytest.mark.parametrize(("name", "iso3"), [
    ("Russia", "RUS"), ("Russian Federation", "RUS"), ("Russian", "RUS"), ("Russians", "RUS"),
    ("Russia's", "RUS"), ("Russia\u2019s", "RUS"), ("RUSSIA", "RUS"),
    ("the United States", "USA"), ("United States of America", "USA"), ("U.S.", "USA"),
    ("US", "USA"), ("USA", "USA"), ("America", "USA"), ("American", "USA"), ("the U.S.'s", "USA"),
    ("Burma", "MMR"), ("Myanmar", "MMR"), ("Burmese", "MMR"), ("Myanmar's", "MMR"),
    ("UK", "GBR"), ("U.K.", "GBR"), ("Britain", "GBR"), ("British", "GBR"), ("Britons", "GBR"),
    ("Soviet Union", "SUN"), ("USSR", "SUN"), ("Soviet", "SUN"),
    ("Filipinos", "PHL"), ("the Philippines", "PHL"), ("Philippines'", "PHL"),
    ("Côte d\u2019Ivoire", "CIV"), ("Cote d'Ivoire", "CIV"), ("Ivory Coast", "CIV"),
    ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Swiss", "CHE"), ("Dutch", "NLD"),
    ("St. Lucia", "LCA"), ("Saint Lucia", "LCA"), ("Kosovo", "XKX"), ("Congolese", "COD"),
    ("Nigerien", "NER"), ("Nigerian", "NGA"), ("North Korean", "PRK"), ("South Korea", "KOR"),
])
def test_country_code(name: str, iso3: str) -> None:
    assert country_code(name) == iso3


@pytest.mark.parametrize("name", ["us", "Us", "Korean", "Washington", "Moscow", "Flurbistan", "", "the"])
def test_country_code_refuses(name: str) -> None:
    # Lower-case "us" is the pronoun; "Korean" is either Korea; capitals are not country names.
    assert country_code(name) is None


@pytest.mark.parametrize(("name", "iso3"), [
    ("the Republic of Rwanda", "RWA"), ("Republic of Rwanda", "RWA"), ("the Kingdom of Lesotho", "LSO"),
    ("Republic of China", "TWN"),  # a style the table lists keeps its own reading
])
def test_a_formal_style_before_a_short_name_is_that_state(name: str, iso3: str) -> None:
    assert country_code(name) == iso3


@pytest.mark.parametrize("name", ["Republic of Srpska", "State of Emergency", "Union of Students", "State of Georgia",
                                  "Democratic Republic of Korea"])
def test_a_formal_style_before_no_state_is_none(name: str) -> None:
    assert country_code(name) is None


def test_country_name() -> None:
    assert country_name("RUS") == "Russia"
    assert country_name("mmr") == "Myanmar"
    assert country_name("USA") == "United States"
    assert country_name("XXX") is None


@pytest.mark.parametrize(("name", "iso3"), [
    ("Moscow", "RUS"), ("Moscow's", "RUS"), ("Beijing", "CHN"), ("Washington", "USA"),
    ("Naypyitaw", "MMR"), ("Naypyidaw", "MMR"), ("Nay Pyi Taw", "MMR"), ("Kyiv", "UKR"),
    ("Kiev", "UKR"), ("Tehran", "IRN"),
])
def test_capital_metonyms(name: str, iso3: str) -> None:
    assert capital_of(name) == iso3


def test_capital_of_refuses_non_capitals() -> None:
    assert capital_of("Russia") is None
    assert capital_of("Sittwe") is None


@pytest.mark.parametrize(("name", "key"), [
    ("EEC", "EEC"), ("Eurasian Economic Commission", "EEC"), ("EAEU", "EAEU"),
    ("Eurasian Economic Union", "EAEU"), ("EU", "EU"), ("the EU's", "EU"), ("E.U.", "EU"),
    ("European Union", "EU"), ("ASEAN", "ASEAN"), ("Asean", "ASEAN"), ("NATO", "NATO"),
    ("Nato", "NATO"), ("U.N.", "UN"), ("the United Nations", "UN"), ("WHO", "WHO"),
    ("World Health Organisation", "WHO"), ("Shanghai Cooperation Organisation", "SCO"),
    ("G7", "G7"), ("G-7", "G7"), ("European Commission", "EC"), ("Interpol", "interpol"),
])
def test_igo(name: str, key: str) -> None:
    found = igo(name)
    assert found is not None and found["key"] == key


@pytest.mark.parametrize("name", ["who", "Who", "un", "eu", "asean", "Amnesty", "EC", "Flurb Council"])
def test_igo_refuses(name: str) -> None:
    # Acronyms are case-sensitive ("who" is a pronoun); "EC" is as often an election commission.
    assert igo(name) is None


def test_igo_record() -> None:
    eaeu = igo("EAEU")
    assert eaeu is not None
    assert set(eaeu["members"]) == {"ARM", "BLR", "KAZ", "KGZ", "RUS"}
    assert eaeu["kind"] == "igo"
    assert igo("ICRC")["kind"] == "ngo"  # type: ignore[index]
    eaeu["members"].clear()  # callers get a copy, not the cached record
    assert igo("EAEU")["members"]  # type: ignore[index]


def test_igo_members_are_known_countries() -> None:
    known = countries()
    for name in ("EU", "NATO", "ASEAN", "BRICS", "SCO", "GCC", "CSTO", "CIS", "G20", "OPEC"):
        record = igo(name)
        assert record is not None and record["members"], name
        assert set(record["members"]) <= known.keys(), name


def test_vocabulary_is_unambiguous() -> None:
    """No name, alias or demonym of one country is also one of another's (after folding)."""
    owner: dict[str, str] = {}
    for c in countries().values():
        for n in (c.name, *c.aliases, *c.demonyms):
            key = n.replace(".", "") if is_acronym(n) else compact_key(n)
            assert owner.setdefault(key, c.iso3) == c.iso3, (n, owner[key], c.iso3)


def test_vocabulary_coverage() -> None:
    table = countries()
    assert len(table) >= 250
    assert sum(1 for c in table.values() if c.demonyms) >= 120
    assert sum(1 for c in table.values() if c.capitals) >= 120


