"""Match newsgraph entities to listed parties: a score, and an explanation a person can check.

Names are compared the way OpenSanctions' matcher does, from rigour's parts: honorifics and
titles dropped ("Dr", "Senior General"), scripts latinised, parts paired by shared name symbols
(Sergey = Sergei) or by edit distance, in any order ("KAN, Zaw" = "Zaw Kan"). Parts only one
side has cost: a listed middle name or patronymic little, a given name the list lacks much, so
two people who share only a surname stay apart. A kind conflict (a person vs a company) vetoes;
a country conflict lowers the score. :class:`PartyIndex` blocks on name parts and their sounds,
so each entity is scored against a few dozen parties, not the whole list.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from newsgraph.ontology import vocab
from newsgraph.sanctions.model import ListedParty, require

if TYPE_CHECKING:
    from rigour.names import Alignment, Name, NameTypeTag

__all__ = ["Match", "PartyIndex", "match_entity"]

THRESHOLD = 0.85
_CANDIDATES = 25           # parties fully scored per entity, best blocking overlap first
_COMMON = 0.05             # a blocking key on more than this share of parties ("bank", "mohammad") only ranks
_BOUND_RATIO = 60          # parts this similar (rapidfuzz ratio) may still align: the bound counts them
_BOUND_EXTRA_QUERY = 0.5   # looser than the real weights, so the bound never cuts a real match
_BOUND_EXTRA_RESULT = 0.1
_EXTRA_QUERY = 0.8         # weight of a part only the entity's name has
_EXTRA_RESULT = 0.2        # weight of a part only the listed name has (patronymics, middle names)
_STOP = 0.7
_COUNTRY_CONFLICT = 0.8    # an exact name with another country falls under the default threshold
_ONE_PART = 0.7            # a person whose one agreeing name part is all the evidence
_NUMBER_MISMATCH = 0.7     # "Sea Star 2" is not "Sea Star 3"

_ORG_KINDS = frozenset({"government", "military", "armed-group", "business", "media", "igo", "organisation",
                        "group"})
# Which entity kinds a party of each schema may be; anything else (a country, a place) never matches.
_COMPATIBLE: dict[str, frozenset[str]] = {
    "Person": frozenset({"person"}),
    "Organization": _ORG_KINDS, "Company": _ORG_KINDS, "PublicBody": _ORG_KINDS,
    "LegalEntity": _ORG_KINDS | {"person"},
    "Vessel": _ORG_KINDS | {"project"}, "Airplane": _ORG_KINDS | {"project"},
}
# Pairs where the schema says what the kind says (the rest are merely compatible).
_AGREES: dict[str, frozenset[str]] = {
    "Person": frozenset({"person"}), "Company": frozenset({"business"}),
    "PublicBody": frozenset({"government", "military", "igo"}), "Organization": _ORG_KINDS,
}
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Match:
    """One listed party an entity matched, how well (0..1) and why."""

    party: ListedParty
    score: float
    explanation: str


@dataclass(frozen=True)
class _Named:
    """One analysed name and the string it came from (rigour drops honorifics from ``original``)."""

    name: Name
    source: str
    parts: tuple[tuple[str, str], ...]  # (comparable, "~metaphone") of the parts that carry the name
    keys: frozenset[str]                 # the same, flat: blocking keys and the bound's exact hits


@dataclass(frozen=True)
class _Entry:
    party: ListedParty
    names: tuple[_Named, ...]


@functools.cache
def _rn() -> ModuleType:
    """rigour.names, imported on first use (it loads its name tagger: seconds, once)."""
    return require("rigour.names")


def _tag(party_kind: str, entity_kind: str) -> NameTypeTag:
    tags = _rn().NameTypeTag
    if party_kind == "Person" or (party_kind == "LegalEntity" and entity_kind == "person"):
        return tags.PER
    if party_kind in ("Vessel", "Airplane"):
        return tags.OBJ
    return tags.ENT if party_kind == "LegalEntity" else tags.ORG


@functools.cache
def _titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles and honorifics as token tuples by first token, longest first ("senior general", "senior")."""
    words = sorted({tuple(w.replace(".", "").split()) for w in (*vocab.titles(), *vocab.honorifics())},
                   key=len, reverse=True)
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for w in words:
        by_first[w[0]].append(w)
    return {k: tuple(v) for k, v in by_first.items()}


def strip_titles(name: str) -> str:
    """ "Senior General Min Aung Hlaing" → "Min Aung Hlaing"; rigour removes "Dr", "Mr", "Sir" too."""
    tokens = name.split()
    folded = [t.replace(".", "").casefold() for t in tokens]
    start, moved = 0, True
    while moved:
        moved = False
        for title in _titles().get(folded[start], ()):
            end = start + len(title)
            if end < len(tokens) and tuple(folded[start:end]) == title:
                start, moved = end, True
                break
    return " ".join(tokens[start:])


def _analyse(tag: NameTypeTag, names: Iterable[str], person: bool) -> tuple[_Named, ...]:
    rn = _rn()
    found: list[_Named] = []
    for source in dict.fromkeys(names):
        text = strip_titles(source) if person else source
        for name in rn.analyze_names(tag, [text], consolidate=False):
            parts = tuple((p.comparable, f"~{p.metaphone}" if p.metaphone and len(p.metaphone) > 1 else "")
                          for p in name.parts if p.tag not in (rn.NamePartTag.STOP, rn.NamePartTag.LEGAL))
            keys = frozenset(k for part in parts for k in part if len(k) > 1)
            found.append(_Named(name, source, parts, keys))
    kept = rn.Name.consolidate_names([n.name for n in found])  # "John Smith" must not beat "John K Smith"
    return tuple(n for n in found if n.name in kept)


@functools.cache
def _symbol_policy() -> tuple[dict[Any, float], dict[Any, float]]:
    """Score and weight of a part pair by the kind of symbol that paired it (nomenklatura's tuning)."""
    cat = _rn().Symbol.Category
    scores = {cat.NAME: 0.9, cat.NICK: 0.6, cat.INITIAL: 0.9, cat.ORG_CLASS: 0.8}
    weights = {cat.INITIAL: 0.5, cat.NICK: 0.8, cat.SYMBOL: 0.3, cat.ORG_CLASS: 0.7, cat.DOMAIN: 0.7,
               cat.NUMERIC: 1.3}
    return scores, weights


def _score_parts(query: Name, result: Name) -> tuple[float, list[Alignment]]:
    """OpenSanctions-style name score: symbol pairs, then edit-distance pairs of what remains."""
    rn = _rn()
    sym_scores, sym_weights = _symbol_policy()
    person = rn.NameTypeTag.PER in (query.tag, result.tag)
    best: tuple[float, list[Alignment]] = (0.0, [])
    for edges in rn.pair_symbols(query, result):
        matches: list[Alignment] = []
        for edge in edges:
            category = edge.symbol.category if edge.symbol else None
            edge.score = sym_scores.get(category, 0.9)
            edge.weight = sym_weights.get(category, 1.0)
            matches.append(edge)
        qused = {p for e in edges for p in e.qps}  # parts hash by (index, form): one set per side
        rused = {p for e in edges for p in e.rps}
        qrest = [p for p in query.parts if p not in qused]
        rrest = [p for p in result.parts if p not in rused]
        if qrest or rrest:
            if person:
                qrest, rrest = rn.align_person_name_order(qrest, rrest)
            else:
                qrest, rrest = rn.NamePart.tag_sort(qrest), rn.NamePart.tag_sort(rrest)
            matches.extend(rn.compare_parts(qrest, rrest))
        for m in matches:
            if not m.qps:
                m.weight = _EXTRA_RESULT
            elif not m.rps:
                m.weight = _EXTRA_QUERY
            if any(len(side) == 1 and side[0].tag == rn.NamePartTag.STOP for side in (m.qps, m.rps)):
                m.weight *= _STOP
            if m.score < 1.0 and m.qps and m.rps and m.qstr == m.rstr:
                m.score = 1.0  # same letters, whatever symbol paired them
        total = sum(m.weight for m in matches)
        score = sum(m.score * m.weight for m in matches) / total if total else 0.0
        if score > best[0]:
            best = (score, matches)
    return best


def _score_objects(query: Name, result: Name) -> tuple[float, list[Alignment]]:
    """Vessels and aircraft: the whole name by edit distance, and numbers must agree."""
    rn = _rn()
    q, r = rn.remove_obj_prefixes(query.comparable), rn.remove_obj_prefixes(result.comparable)
    score = fuzz.ratio(q, r) / 100
    if set(_DIGITS.findall(q)) != set(_DIGITS.findall(r)):
        score *= _NUMBER_MISMATCH
    return score, []


def _paired(matches: list[Alignment]) -> int:
    """How many parts of the entity's name found a counterpart in the listed name."""
    return sum(len(m.qps) for m in matches if m.qps and m.rps and m.score > 0)


def _detail(matches: list[Alignment]) -> str:
    parts: list[str] = []
    for m in matches:
        if m.qps and m.rps and m.qstr != m.rstr:
            parts.append(f"{m.qstr}≈{m.rstr}")
        elif m.rps and not m.qps:
            parts.append(f"listed also {m.rstr}")
        elif m.qps and not m.rps:
            parts.append(f"only here {m.qstr}")
    return f": {', '.join(parts)}" if parts else ""


class PartyIndex:
    """Listed parties, analysed once and blocked on name parts and their metaphones."""

    def __init__(self, parties: Iterable[ListedParty]) -> None:
        rn = _rn()
        self._entries: list[_Entry] = []
        self._keys: dict[str, list[int]] = defaultdict(list)
        for party in parties:
            tag = _tag(party.kind, "")
            entry = _Entry(party, _analyse(tag, party.names, person=tag == rn.NameTypeTag.PER))
            for key in {k for n in entry.names for k in n.keys}:
                self._keys[key].append(len(self._entries))
            self._entries.append(entry)
        self._kinds = [e.party.kind for e in self._entries]
        n = max(len(self._entries), 1)
        self._idf = {k: math.log(1 + n / len(v)) for k, v in self._keys.items()}
        self._common = max(50, int(n * _COMMON))

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def parties(self) -> list[ListedParty]:
        return [e.party for e in self._entries]

    def _candidates(self, keys: set[str], kind: str) -> list[_Entry]:
        ranked: dict[int, float] = defaultdict(float)
        rare = [k for k in keys if k in self._keys and len(self._keys[k]) <= self._common]
        for key in rare or [k for k in keys if k in self._keys]:
            for i in self._keys[key]:
                ranked[i] += self._idf[key]
        allowed = {schema for schema, kinds in _COMPATIBLE.items() if kind in kinds}
        fits = [i for i in ranked if self._kinds[i] in allowed]
        return [self._entries[i] for i in heapq.nsmallest(_CANDIDATES, fits, key=lambda i: (-ranked[i], i))]

    def match(self, entity: Mapping[str, Any], threshold: float = THRESHOLD) -> list[Match]:
        """Listed parties ``entity`` (a query-layer entity dict) matches at ``threshold`` or more, best first."""
        rn = _rn()
        kind = str(entity.get("kind") or "")
        if not any(kind in kinds for kinds in _COMPATIBLE.values()):
            return []
        names = [n for n in (entity.get("name"), *(entity.get("aliases") or ())) if isinstance(n, str) and n.strip()]
        person = kind == "person"
        tags = (rn.NameTypeTag.PER,) if person else (rn.NameTypeTag.ORG, rn.NameTypeTag.OBJ)
        analysed = {tag: _analyse(tag, names, person) for tag in tags}
        keys = {k for named in analysed.values() for n in named for k in n.keys}
        found: list[Match] = []
        for entry in self._candidates(keys, kind):
            tag = _tag(entry.party.kind, kind)
            if tag not in analysed:
                analysed[tag] = _analyse(tag, names, person)
            match = _judge(entity, kind, analysed[tag], entry, tag == rn.NameTypeTag.OBJ, threshold)
            if match is not None and match.score >= threshold:
                found.append(match)
        return sorted(found, key=lambda m: (-m.score, m.party.list_name, m.party.party_id))


def _optimistic(q: _Named, r: _Named) -> float:
    """A cheap, optimistic estimate of the name score (looser weights than the real one), so pairs
    that cannot reach the threshold are never aligned; on a 10k × 20k synthetic run it removed no match."""
    matched = 0
    for comparable, sound in q.parts:
        if comparable in r.keys or sound in r.keys or \
                process.extractOne(comparable, [c for c, _ in r.parts], scorer=fuzz.ratio, score_cutoff=_BOUND_RATIO):
            matched += 1
    extra_q, extra_r = len(q.parts) - matched, max(0, len(r.parts) - matched)
    total = matched + _BOUND_EXTRA_QUERY * extra_q + _BOUND_EXTRA_RESULT * extra_r
    return matched / total if total else 1.0


def _judge(entity: Mapping[str, Any], kind: str, query: tuple[_Named, ...], entry: _Entry, objects: bool,
           threshold: float) -> Match | None:
    best: tuple[float, float, _Named, _Named, list[Alignment]] | None = None  # score, name score, ...
    for q in query:
        for r in entry.names:
            detail: list[Alignment] = []
            if q.name.comparable == r.name.comparable:
                score = 1.0
            elif objects:
                score, detail = _score_objects(q.name, r.name)
            elif threshold > 0 and _optimistic(q, r) < threshold:
                continue
            else:
                score, detail = _score_parts(q.name, r.name)
            adjusted = score
            if kind == "person" and detail and len(r.name.parts) > 1 and _paired(detail) < 2:
                adjusted *= _ONE_PART  # "Lavrov" alone could be any Lavrov on the list
            if best is None or adjusted > best[0]:
                best = (adjusted, score, q, r, detail)
        if best is not None and best[0] == 1.0:
            break
    if best is None or best[0] <= 0 or best[0] < threshold:  # a country can only lower the score
        return None
    score, name_score, q, r, detail = best
    party = entry.party
    sign = "=" if name_score >= 0.995 else "~"
    why = [f"name {q.source!r} {sign} listed {r.source!r} ({round(name_score * 100)}{_detail(detail)})"]
    if score < name_score:
        why.append("only one name part agrees")
    country = entity.get("country")
    if country and party.countries:
        if country in party.countries:
            why.append(f"country {country} agrees")
        else:
            score *= _COUNTRY_CONFLICT
            why.append(f"country {country} ≠ listed {'/'.join(party.countries)}")
    why.append(f"kind {kind} {'=' if kind in _AGREES.get(party.kind, ()) else '~'} {party.kind}")
    return Match(party, round(score, 3), "; ".join(why))


def match_entity(entity: Mapping[str, Any], parties: PartyIndex | Iterable[ListedParty],
                 threshold: float = THRESHOLD) -> list[Match]:
    """Listed parties an entity (``{"name", "aliases", "kind", "country", ...}``) matches, best first.

    Pass a :class:`PartyIndex` when matching many entities: a plain iterable is indexed per call.
    """
    index = parties if isinstance(parties, PartyIndex) else PartyIndex(parties)
    return index.match(entity, threshold)
