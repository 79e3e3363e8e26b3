"""Country, capital and IGO vocabulary: whatever a news story calls a state → ISO alpha-3.

News names one state many ways ("Burma", "the U.S.", "Russian", "Russia's", "Moscow signed"); the
resolver needs one code. The vocabulary is data (``data/countries.tsv``, ``data/igos.tsv``), loaded
once; this module only normalises spellings and looks them up in dicts.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from newsgraph.names import compact_key

# Letters NFKD does not decompose into ASCII + combining mark.
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
def is_acronym(alias: str) -> bool:
    """"US", "U.S.", "UAE", "AfDB": matched case-sensitively, so "us" or "who" never hit."""
    a = alias.replace(".", "")
    return " " not in a and (not any(c.islower() for c in a) or sum(c.isupper() for c in a) >= 2)


def variants(name: str) -> list[str]:
    """The name as given, without a leading "the", without a possessive "'s", and without both."""
    name = " ".join(name.split())
    bare = _POSSESSIVE.sub("", name)
    out = [name, bare, _THE.sub("", name), _THE.sub("", bare)]
    return list(dict.fromkeys(v for v in out if v))


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


def _rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("newsgraph.ontology").joinpath("data", filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


@functools.cache
def countries() -> dict[str, Country]:
    """All rows of countries.tsv by ISO alpha-3 (current states and a few former ones)."""
    return {r["iso3"]: Country(r["iso3"], r["name"], _split(r["aliases"]), _split(r["demonyms"]),
                               _split(r["capitals"])) for r in _rows("countries.tsv")}


@dataclass
class _Index:
    """Folded names and exact acronyms → value; the first entry wins (canonical names go first)."""

    key: Callable[[str], str] = compact_key
    names: dict[str, str] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)

    def add(self, alias: str, value: str) -> None:
        if is_acronym(alias):
            self.acronyms.setdefault(alias.replace(".", ""), value)
        else:
            self.names.setdefault(self.key(alias), value)

    def get(self, name: str) -> str | None:
        for v in variants(name):
            bare = v.replace(".", "")
            # Title-cased acronyms of 4+ letters are house style ("Nato", "Asean"); "Who" is not.
            titled = self.acronyms.get(bare.upper()) if len(bare) >= 4 and bare.istitle() else None
            hit = self.acronyms.get(bare) or titled or self.names.get(self.key(v))
            if hit:
                return hit
        return None


@functools.cache
def _country_index() -> tuple[_Index, _Index, _Index]:
    names, demonyms, capitals = _Index(), _Index(), _Index()
    table = countries().values()
    for c in table:
        names.add(c.name, c.iso3)
    for c in table:
        for a in c.aliases:
            names.add(a, c.iso3)
        for d in c.demonyms:
            demonyms.add(d, c.iso3)
        for cap in c.capitals:
            capitals.add(cap, c.iso3)
    return names, demonyms, capitals


# A state's formal style before its short name: "(the) Republic of Rwanda", "the Kingdom of Lesotho".
# ("State of", "Union of" and "Democratic Republic of" are left out: "the State of Georgia" is a US state,
# "the Democratic Republic of Korea" no state the table would read right.)
_FORMAL = re.compile(r"^(?:[Tt]he\s+)?(?:Republic|Kingdom|Sultanate|Emirate|Principality|Federal Republic|"
                     r"Islamic Republic)\s+of\s+(?:the\s+)?(.+)$")


@functools.lru_cache(maxsize=65536)
def country_code(name: str) -> str | None:
    """ISO alpha-3 for a country name, alias or demonym ("Burmese", "the U.S.", "Russians").
    Memoised: every stage asks it of the same few hundred words in every article."""
    names, demonyms, _ = _country_index()
    hit = names.get(name) or demonyms.get(name)
    if hit is None:
        bare = _POSSESSIVE.sub("", name.strip())
        if bare.endswith("s") and not is_acronym(bare):  # plural demonym: "Russians", "Filipinos"
            hit = demonyms.get(bare[:-1])
    if hit is None and (formal := _FORMAL.match(name.strip())):  # "the Republic of Rwanda": a formal
        hit = names.get(formal.group(1))  # style the table does not list, before a name it does
    return hit


def country_name(iso3: str) -> str | None:
    """Canonical English short name for an ISO alpha-3 code."""
    c = countries().get(iso3.upper())
    return c.name if c else None


def capital_of(name: str) -> str | None:
    """ISO alpha-3 of the state whose capital ``name`` is: "Moscow signed" means Russia did."""
    return _country_index()[2].get(name)


def _igo_fold(name: str) -> str:
    return compact_key(name).replace("organisation", "organization").replace("programme", "program")


@functools.cache
def _igo_table() -> tuple[dict[str, dict[str, Any]], _Index]:
    table: dict[str, dict[str, Any]] = {}
    for r in _rows("igos.tsv"):
        table[r["key"]] = {"key": r["key"], "name": r["name"], "aliases": list(_split(r["aliases"])),
                           "members": list(_split(r["members"])), "kind": r["kind"]}
    index = _Index(_igo_fold)
    for r in table.values():
        index.add(r["name"], r["key"])
    for r in table.values():
        for a in r["aliases"]:
            index.add(a, r["key"])
    return table, index


def igo(name: str) -> dict[str, Any] | None:
    """An international organisation by name or acronym ("EAEU", "the U.N.", "NATO's").

    Returns a fresh dict: key, name, aliases, members (ISO alpha-3, empty when not listed), kind
    (igo, organ, agency, court, bank, forum, ngo).
    """
    table, index = _igo_table()
    key = index.get(name)
    if key is None:
        return None
    r = table[key]
    return {**r, "aliases": list(r["aliases"]), "members": list(r["members"])}
