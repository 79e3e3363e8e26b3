"""The PETRARCH2 dictionaries as converted into ``data/petrarch/`` by ``scripts/convert_petrarch.py``
(provenance, licence and the conversion's rules in its NOTICE.md): verb patterns with their CAMEO
codes read as PLOVER, generic agents with sector codes, named actors with the roles they held and
when, and the phrases that make PETRARCH discard a sentence.

Each file is read once per process, on first use. Actor rows stay text until asked for: a document
looks up a handful of the 34,000 names, so a ``KnownActor`` is built on first lookup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from newsgraph.ontology import countries

# Code prefixes that are an actor type rather than a country, and the sector they read as:
# international organisations (and PETRARCH's international militarised groups and unidentified
# state actors) as IGO, multinationals as business, NGOs (and NGO movements) as NGO.
TYPE_PREFIXES = {"IGO": "IGO", "IMG": "IGO", "UIS": "IGO", "MNC": "BUS", "NGO": "NGO", "NGM": "NGO"}
# The sectors a role gives (a code that starts with one, ``[ELI]`` or ``[MED]``, has no country).
SECTOR_CODES = frozenset({"GOV", "MIL", "REB", "OPP", "BUS", "MED", "CVL", "COP", "JUD", "NGO", "INS", "ELI"})
_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


def _text(name: str) -> str:
    return resources.files("newsgraph.ontology").joinpath("data", "petrarch", name).read_text(encoding="utf-8")


def _tsv(name: str) -> Iterator[list[str]]:
    """A TSV file's rows after its header."""
    lines = _text(name).split("\n")
    for line in lines[1:]:
        if line:
            yield line.split("\t")


# --- CAMEO -> PLOVER -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Plover:
    """The PLOVER reading of a CAMEO code."""

    type: str
    mode: str
    context: str | None


@cache
def _cameo_table() -> dict[str, tuple[Plover | None, float | None]]:
    out: dict[str, tuple[Plover | None, float | None]] = {}
    for row in _tsv("cameo_plover.tsv"):
        code, type_, mode, context, score = row[:5]
        plover = Plover(type_, mode, context or None) if type_ else None
        out[code] = (plover, float(score) if score else None)
    return out


@lru_cache(maxsize=1024)
def cameo_to_plover(code: str | None) -> Plover | None:
    """The PLOVER type, mode and context of a CAMEO code: those of its longest prefix the table
    lists. None for statements (01x), for codes PLOVER does not map, and for no code."""
    if not code or not code.isdigit() or code.startswith("01"):
        return None
    table = _cameo_table()
    for k in range(len(code), 1, -1):
        row = table.get(code[:k])
        if row is not None:
            return row[0]
    return None


def goldstein(code: str | None) -> float | None:
    """The Goldstein score of a CAMEO code (or of its longest listed prefix)."""
    if not code or not code.isdigit():
        return None
    table = _cameo_table()
    for k in range(len(code), 1, -1):
        row = table.get(code[:k])
        if row is not None and row[1] is not None:
            return row[1]
    return None


# --- verbs ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class VerbPattern:
    """One PETRARCH pattern: the words that must stand in the verb's subject, object and
    prepositional phrases (each word a set of alternatives), the CAMEO code it gives (None: the
    construction codes nothing, ``[---]``), PETRARCH's passive code ``code2``, and where the source
    and target stand ("subject", "object", "prep:<p>" or None)."""

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
    """A verb (phrasal verbs as "bring out"), its default code and the patterns of its blocks in
    dictionary order. ``head`` is the word a parser tags as the verb; ``forms`` its inflections."""

    verb: str
    code: str | None
    plover: Plover | None
    patterns: tuple[VerbPattern, ...]
    code2: str | None = None
    head: str = ""
    forms: tuple[str, ...] = ()


def _words(items: list[list[str]], pool: dict[tuple[str, ...], frozenset[str]]) -> tuple[frozenset[str], ...]:
    out = []
    for alts in items:
        key = tuple(alts)
        found = pool.get(key)
        if found is None:
            found = pool[key] = frozenset(alts)
        out.append(found)
    return tuple(out)


@cache
def _patterns() -> dict[int, VerbPattern]:
    pool: dict[tuple[str, ...], frozenset[str]] = {}  # synonym-set expansions repeat: share them
    out: dict[int, VerbPattern] = {}
    for line in _text("patterns.jsonl").split("\n"):
        if not line:
            continue
        p: dict[str, Any] = json.loads(line)
        out[p["line"]] = VerbPattern(
            code=p["code"], code2=p["code2"], plover=cameo_to_plover(p["code"]),
            subject=_words(p["subject"], pool), object=_words(p["object"], pool),
            preps=tuple((q["prep"], _words(q["words"], pool)) for q in p["preps"]),
            source=p["source"], target=p["target"], line=p["line"])
    return out


@cache
def _verb_records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in _text("verbs.jsonl").split("\n") if line]


@cache
def verbs() -> dict[str, VerbEntry]:
    """Verb lemma -> its entry: default code, PLOVER reading, and patterns."""
    patterns = _patterns()
    out: dict[str, VerbEntry] = {}
    for v in _verb_records():
        out[v["verb"]] = VerbEntry(verb=v["verb"], code=v["code"], plover=cameo_to_plover(v["code"]),
                                   patterns=tuple(patterns[n] for n in v["patterns"]), code2=v["code2"],
                                   head=v["head"], forms=tuple(v["forms"]))
    return out


@cache
def verb_forms() -> dict[str, str]:
    """Inflected form -> verb lemma ("struck" -> "strike", "brought out" -> "bring out"); a form
    two verbs share goes to the first in alphabetical order."""
    out: dict[str, str] = {}
    for v in _verb_records():
        for form in v["forms"]:
            out.setdefault(form, v["verb"])
    return out


# --- agents and discards -------------------------------------------------------------------------

@cache
def agents() -> dict[str, tuple[str, ...]]:
    """Generic agent phrases ("police", "lawmakers", "foreign ministry") -> sector codes (COP,
    LEG, GOV, GOVAGR, ...; a code's first three letters are the sector)."""
    return {row[0]: tuple(row[1].split(";")) for row in _tsv("agents.tsv")}


@cache
def discard_kinds() -> dict[str, str]:
    """Phrase -> "story" or "sentence": what PETRARCH drops when the phrase occurs."""
    out: dict[str, str] = {}
    for phrase, kind in _tsv("discards.tsv"):
        out[phrase] = "story" if kind == "story" or out.get(phrase) == "story" else kind
    return out


@cache
def discards() -> frozenset[str]:
    """The phrases that make PETRARCH drop a sentence or story (sports, entertainment, history)."""
    return frozenset(discard_kinds())


# --- actors --------------------------------------------------------------------------------------

@cache
def country_codes() -> dict[str, str]:
    """The three-letter actor-code prefixes the dictionaries use for countries -> the dictionary's
    name for it ("KSV" -> "Kosovo")."""
    return {row[0]: row[1] for row in _tsv("country_codes.tsv")}


@cache
def _iso() -> dict[str, str]:
    """Actor-code prefix -> ISO alpha-3 as newsgraph's countries.tsv has it ("KSV" -> "XKX"): the
    dictionaries' country codes, and any other code countries.tsv lists ("PRI" in "PRIREB")."""
    out = {code: code for code in countries.countries()}
    for row in _tsv("country_codes.tsv"):
        if row[2]:
            out[row[0]] = row[2]
        else:
            out.pop(row[0], None)  # a country of the dictionary newsgraph does not know (Kinakuta)
    return out


@dataclass(frozen=True)
class ActorRole:
    """A CAMEO actor code ("RUSGOV", "IGOUNO", "USAGOVLEG") held from ``start`` to the day before
    ``end``, as PETRARCH reads its ranges (either may be open)."""

    code: str
    start: date | None
    end: date | None

    def holds_on(self, day: date | None) -> bool:
        """Whether the role holds on ``day``; with no day, whether it still holds (no end)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    @property
    def country(self) -> str | None:
        """The role's country (ISO alpha-3): its first three letters when they are a country code
        ("RUSGOV" -> RUS, CAMEO's "KSVGOV" -> XKX); None for "IGOUNO", "MEDxxx" (media), "NGO...",
        a region ("MEAREB") or "---"."""
        return _iso().get(self.code[:3])

    @property
    def sector(self) -> str | None:
        """The role's sector: the three letters after the country ("RUSGOV" -> GOV), IGO for
        international organisations, BUS for multinationals, NGO for NGOs, the code itself for a
        bare sector ("ELI", "MED"), the letters after a region or religion when they are a sector
        ("MEAREB" -> REB); None when there is none."""
        head = self.code[:3]
        if head in _iso():
            return self.code[3:6] or None
        if head in TYPE_PREFIXES:
            return TYPE_PREFIXES[head]
        if head in SECTOR_CODES:
            return head
        return self.code[3:6] if self.code[3:6] in SECTOR_CODES else None


@dataclass(frozen=True)
class KnownActor:
    """A named actor of the dictionaries: its id (the entry's main name), kind (country, person,
    igo, armed-group, organisation), roles in dictionary order, and what the looked-up phrase is
    of it (``alias_kind``: name, adjective, city, other)."""

    actor_id: str
    kind: str
    roles: tuple[ActorRole, ...]
    alias_kind: str = "name"

    def role_on(self, day: date | None) -> ActorRole | None:
        """PETRARCH's choice: the first role in dictionary order that holds on ``day`` (an undated
        role always holds, so the dictionaries list it last); else the one that ended last before
        it; else the earliest."""
        if not self.roles:
            return None
        held = next((r for r in self.roles if r.holds_on(day)), None)
        if held is not None:
            return held
        ended = [r for r in self.roles if r.end is not None and (day is None or r.end <= day)]
        if ended:
            return max(ended, key=lambda r: r.end or date.min)
        return min(self.roles, key=lambda r: r.start or date.min)

    def country_on(self, day: date | None) -> str | None:
        """The country (ISO alpha-3) of the role held on ``day``; None for an organisation such as
        IGOUNO, a region, or no code."""
        role = self.role_on(day)
        return role.country if role is not None else None

    def sector_on(self, day: date | None) -> str | None:
        """The sector of the role held on ``day``: the three letters after the country (GOV, MIL,
        ELI, ...), IGO for international organisations (see ``ActorRole.sector``)."""
        role = self.role_on(day)
        return role.sector if role is not None else None


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@lru_cache(maxsize=65536)
def _roles(codes: str) -> tuple[ActorRole, ...]:
    roles = []
    for item in codes.split(";"):
        code, start, end = item.split("@")
        roles.append(ActorRole(code, _date(start), _date(end)))
    return tuple(roles)


class KnownActors(Mapping[str, KnownActor]):
    """Phrase -> KnownActor, built from its row on first access (the rows are read once)."""

    def __init__(self, rows: dict[str, str]) -> None:
        self._rows = rows
        self._made: dict[str, KnownActor] = {}

    def __getitem__(self, phrase: str) -> KnownActor:
        actor = self._made.get(phrase)
        if actor is None:
            actor_id, kind, codes, alias_kind = self._rows[phrase].split("\t")
            actor = self._made[phrase] = KnownActor(actor_id, kind, _roles(codes), alias_kind)
        return actor

    def __contains__(self, phrase: object) -> bool:
        return phrase in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


@cache
def known_actors() -> KnownActors:
    """Every name and alias of the actor dictionaries (lower case) -> the actor. When two entries
    share a phrase, the first in dictionary order (countries, international, non-state) wins."""
    rows: dict[str, str] = {}
    for line in _text("actors.tsv").split("\n")[1:]:
        if line:
            phrase, _, rest = line.partition("\t")
            rows.setdefault(phrase, rest)
    return KnownActors(rows)


def normalise(name: str) -> str:
    """A name as the dictionaries key it: lower case, one space between words, straight apostrophes."""
    return _SPACES.sub(" ", name.translate(_APOSTROPHES).lower()).strip()


@lru_cache(maxsize=65536)
def lookup_actor(name: str) -> KnownActor | None:
    """The dictionary actor a name or alias stands for ("Vladimir Putin", "the Kremlin", "Burmese"),
    ignoring case, spacing, a leading "the" and curly apostrophes; None when it is not listed."""
    table = known_actors()
    key = normalise(name)
    bare = _THE.sub("", key)
    for candidate in (key, bare, f"the {bare}"):
        if candidate in table:
            return table[candidate]
    return None
