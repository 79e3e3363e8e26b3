"""The PETRARCH2 dictionaries as converted into ``data/petrarch/`` (see its NOTICE.md): verb
patterns with their CAMEO codes mapped to PLOVER, generic agents with sector codes, and named
actors with the roles they held and when.

Each file is read once per process, on first use. Actor rows stay as text until looked up: a
document asks for a handful of the 34,000 names.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from newsgraph.ontology import countries

_THE = re.compile(r"^the\s+")
_SPACE = re.compile(r"\s+")
IGO_PREFIXES = ("IGO", "IMG", "NGO", "NGM", "MNC", "INT", "UIS")
SECTOR_CODES = {"GOV", "MIL", "REB", "OPP", "BUS", "MED", "CVL", "COP", "JUD", "NGO", "INS", "ELI"}


def _lines(name: str) -> list[str]:
    path = resources.files("newsgraph.ontology").joinpath("data", "petrarch", name)
    return path.read_text(encoding="utf-8").splitlines()


@dataclass(frozen=True)
class Plover:
    """The PLOVER reading of a CAMEO code."""

    type: str
    mode: str
    context: str | None


@dataclass(frozen=True)
class VerbPattern:
    """One PETRARCH pattern: words that must stand in the verb's subject, object and prepositional
    phrases (each a set of alternatives), the code it gives, and where the source and target are."""

    code: str | None
    code2: str | None
    plover: Plover | None
    subject: tuple[frozenset[str], ...]
    object: tuple[frozenset[str], ...]
    preps: tuple[tuple[str, tuple[frozenset[str], ...]], ...]
    source: str | None
    target: str | None
    line: int


@dataclass(frozen=True)
class VerbEntry:
    verb: str
    code: str | None
    plover: Plover | None
    patterns: tuple[VerbPattern, ...]


@cache
def _plover_table() -> dict[str, tuple[Plover, float | None]]:
    rows = csv.DictReader(_lines("cameo_plover.tsv"), delimiter="\t")
    return {r["code"]: (Plover(r["type"], r["mode"], r["context"] or None),
                        float(r["goldstein"]) if r["goldstein"] else None) for r in rows}


def cameo_to_plover(code: str | None) -> Plover | None:
    """The PLOVER type, mode and context of a CAMEO code (its longest listed prefix); None for
    statements (01x) and codes PLOVER does not map."""
    digits = re.sub(r"[^0-9]", "", code or "")
    if not digits or digits.startswith("01"):
        return None
    table = _plover_table()
    for k in range(len(digits), 1, -1):
        if digits[:k] in table:
            return table[digits[:k]][0]
    return Plover("REQUEST", "", None) if digits.startswith("02") else None


def goldstein(code: str) -> float | None:
    row = _plover_table().get(code)
    return row[1] if row else None


def _words(items: list[list[str]]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(alts) for alts in items)


def _pattern(p: dict[str, Any]) -> VerbPattern:
    return VerbPattern(code=p["code"], code2=p["code2"], plover=cameo_to_plover(p["code"]),
                       subject=_words(p["subject"]), object=_words(p["object"]),
                       preps=tuple((q["prep"], _words(q["words"])) for q in p["preps"]),
                       source=p["source"], target=p["target"], line=p["line"])


@cache
def verbs() -> dict[str, VerbEntry]:
    """Verb lemma (phrasal verbs as "bring out") -> its default code and its blocks' patterns."""
    blocks = {}
    for line in _lines("verb_blocks.jsonl"):
        b = json.loads(line)
        blocks[b["block"]] = tuple(_pattern(p) for p in b["patterns"])
    out: dict[str, VerbEntry] = {}
    for line in _lines("verbs.jsonl"):
        v = json.loads(line)
        patterns = tuple(p for name in v["blocks"] for p in blocks[name])
        out[v["verb"]] = VerbEntry(v["verb"], v["code"], cameo_to_plover(v["code"]), patterns)
    return out


@cache
def verb_forms() -> dict[str, str]:
    """Irregular and listed inflected forms -> the verb ("struck" -> "strike")."""
    out: dict[str, str] = {}
    for line in _lines("verbs.jsonl"):
        v = json.loads(line)
        for form in v["forms"]:
            out.setdefault(form, v["verb"])
    return out


@cache
def agents() -> dict[str, tuple[str, ...]]:
    """Generic agent nouns ("police", "lawmakers", "coast guard") -> sector codes (COP, GOV, ...)."""
    rows = csv.DictReader(_lines("agents.tsv"), delimiter="\t")
    return {r["phrase"]: tuple(r["codes"].split(";")) for r in rows}


@dataclass(frozen=True)
class ActorRole:
    """A CAMEO actor code held between two dates (either may be open)."""

    code: str
    start: date | None
    end: date | None

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def country(self) -> str | None:
        """The role's country: its first three letters when they are a country code ("MED" for a
        media outlet, "NGO" or "IGO" are sectors, not countries)."""
        head = self.code[:3]
        return head if head in countries.countries() else None

    @property
    def sector(self) -> str | None:
        head = self.code[:3]
        if head in ("IGO", "IMG", "UIS"):
            return "IGO"
        if head == "MNC":
            return "BUS"
        if head not in countries.countries():
            return head if head in SECTOR_CODES else None  # "MED" for Reuters, "NGO" for an NGO
        return self.code[3:6] or None


@dataclass(frozen=True)
class KnownActor:
    """A named actor of the dictionaries and the roles it held."""

    actor_id: str
    kind: str
    roles: tuple[ActorRole, ...]

    def role_on(self, day: date | None) -> ActorRole | None:
        """The role held on ``day``; else the latest one that ended before it; else any."""
        if not self.roles:
            return None
        held = [r for r in self.roles if r.holds_on(day)]
        if held:
            return max(held, key=lambda r: r.start or date.min)
        if day is not None:
            before = [r for r in self.roles if r.end is not None and r.end < day]
            if before:
                return max(before, key=lambda r: r.end or date.min)
        return self.roles[0]

    def country_on(self, day: date | None) -> str | None:
        role = self.role_on(day)
        return role.country if role else None

    def sector_on(self, day: date | None) -> str | None:
        role = self.role_on(day)
        return role.sector if role else None


@cache
def _actor_rows() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines("actors.tsv")[1:]:
        phrase, _, rest = line.partition("\t")
        out.setdefault(phrase, rest)
    return out


@cache
def _leader_rows() -> dict[str, str]:
    """Our own layer over the PETRARCH2 actors, whose roles end about 2016: national leaders and
    foreign ministers in office 2016-2025, and the heads and envoys of international organisations
    with the dates of those offices (an ``IGO...`` code: no country while held), each closing with
    the person's nationality (``ontology/data/leaders.tsv``, same columns)."""
    path = resources.files("newsgraph.ontology").joinpath("data", "leaders.tsv")
    if not path.is_file():
        return {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        phrase, _, rest = line.partition("\t")
        out.setdefault(_normal(phrase), rest)
    return out


def known_actors() -> dict[str, str]:
    """Every name and alias of the actor dictionaries (as raw rows; use ``lookup_actor``)."""
    return _actor_rows()


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _normal(name: str) -> str:
    name = name.replace("\u2019", "'").replace("\u2018", "'").lower().strip()
    return _SPACE.sub(" ", _THE.sub("", name))


@cache
def _people_by_surname() -> dict[str, tuple[str, ...]]:
    """Every full name (two words or more) of a person in the dictionaries, by its last word."""
    found: dict[str, set[str]] = {}
    for rows in (_actor_rows(), _leader_rows()):
        for phrase, row in rows.items():
            words = phrase.split()
            if len(words) > 1 and row.split("\t")[1] == "person":
                found.setdefault(words[-1], set()).add(phrase)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def is_known_surname(word: str) -> bool:
    """Whether the dictionaries list a person (of two words or more) with this last name."""
    return _normal(word) in _people_by_surname()


@lru_cache(maxsize=16384)
def office_holders_named(surname: str, day: date) -> frozenset[str]:
    """The countries of the people of the dictionaries with this surname who held a dated office
    on ``day`` ("Erdogan" on 2024-05-01: TUR). A caller takes the surname as that person only when
    the set has one country, and that country is in the article: "Kim" or "Sharif" alone may be anyone."""
    out: set[str] = set()
    for phrase in _people_by_surname().get(_normal(surname), ()):
        known = lookup_actor(phrase)
        if known is None:
            continue
        dated = [r for r in known.roles if r.start is not None and r.end is not None] if phrase not in _leader_rows() \
            else known.roles  # PETRARCH2 alone: only offices it closed; open ones end where its data do
        out |= {r.country for r in dated if r.start is not None and r.holds_on(day) and r.country}
    return frozenset(out)


@lru_cache(maxsize=65536)
def _rows_of(key: str) -> list[str]:
    """The dictionary rows of a normalised name: PETRARCH2's, then our leaders layer's."""
    return [row for row in (_actor_rows().get(key), _leader_rows().get(key)) if row is not None]


def lookup_actor(name: str) -> KnownActor | None:
    """The dictionary actor a name or alias stands for ("Vladimir Putin", "the Kremlin"), if any:
    PETRARCH2's, with the roles our leaders layer adds for the years after it (a leader it does
    not know at all comes from our layer alone)."""
    key = _normal(name)
    rows = _rows_of(key)
    if not rows and "'" in key:  # "Tigray People's Liberation Front": the dictionaries write "Peoples"
        key = key.replace("'", "")
        rows = _rows_of(key)
    if not rows:
        return None
    actor_id, kind, _ = rows[0].split("\t")
    roles = []
    ours = len(rows) > 1 or key not in _actor_rows()  # our leaders layer knows this person
    for n, row in enumerate(rows):
        _, row_kind, codes = row.split("\t")
        if row_kind != kind:
            continue  # a name PETRARCH2 gives to something else
        for code in codes.split(";"):
            c, _, span = code.partition("@")
            start, _, end = span.partition("@")
            role = ActorRole(c, _date(start), _date(end))
            if ours and n == 0 and len(rows) > 1 and role.end is None and role.start is not None \
                    and c[3:6] in ("GOV", "MIL"):
                continue  # an office PETRARCH2 left open-ended (its data stop about 2016): ours dates it
            if role not in roles:
                roles.append(role)
    return KnownActor(actor_id, kind, tuple(roles))
