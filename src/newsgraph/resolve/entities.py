"""Entity resolution: which actors, named by different documents, are one real-world entity.

Pure functions over :class:`ActorRecord` (what one document calls an actor); the store feeds them
the records a new batch touches and writes back the assignment. Resolution is a deterministic
function of the *set* of records (sorted before any greedy step, ids derived from member keys), so
ingesting the same articles in another order, or twice, gives the same entities.

Two records are the same entity when:

- persons: their full names agree token by token after honorifics and titles are dropped and
  transliteration variants are folded (Sergey / Sergei), with rapidfuzz absorbing spelling
  slips; a surname alone ("Putin") joins a full name only when exactly one full name in reach has
  that surname, so two people who share a surname stay apart;
- anything else: of the same kind (or one of them a generic "organisation"), with compatible
  countries, and a name or alias in common, an acronym of the other's name (EEC), a name that
  differs only by a slip (token-sort ratio >= 92), or the same generic national institution
  ("Myanmar Army" / "Myanmar military").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from newsgraph.names import name_key
from newsgraph.ontology import countries, vocab
from newsgraph.resolve.decisions import Decision, apply_decisions
from newsgraph.resolve.names import entity_id

DOCUMENT_SCOPED = "|@"  # marks the keys of common-noun actors, which never leave their document
PERSON_TOKEN_MIN = 80   # per-token similarity of two spellings of one given name or surname
ORG_NAME_MIN = 92       # token-sort similarity of two spellings of one organisation's name
_ORG_KINDS = {"organisation", "business", "igo", "government", "military", "media", "armed-group", "group"}


@dataclass(frozen=True)
class ActorRecord:
    """All actors that share one resolve key (normalised name|COUNTRY|kind), whatever document
    named them: the unit the resolver clusters. Actors with one key are certainly one entity, so a
    corpus of a million reports of "the United States" is one record here, with its ``weight``
    (how many documents name it so) deciding which spelling names the entity."""

    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    weight: int = 1

    @property
    def id(self) -> str:
        return self.key

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Entity:
    """A canonical entity: what a cluster of records is called and where it belongs."""

    id: str
    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    members: tuple[str, ...]  # the keys of its records


# --- names -------------------------------------------------------------------------------------

@cache
def _settings() -> dict[str, object]:
    return vocab.resolve_settings()


@cache
def _title_words() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """Single words and multi-word titles that may stand before a person's name."""
    phrases = {tuple(name_key(t).split()) for t in vocab.titles()}
    phrases |= {tuple(name_key(h).split()) for h in vocab.honorifics()}
    phrases |= {("senior",), ("general",), ("junior",), ("deputy",), ("acting",), ("former",), ("chief",)}
    phrases = {p for p in phrases if p}
    return frozenset(p[0] for p in phrases if len(p) == 1), frozenset(p for p in phrases if len(p) > 1)


@cache
def _transliterations() -> tuple[tuple[str, str], ...]:
    table = _settings()["transliteration"]
    assert isinstance(table, dict)
    return tuple(sorted(((str(k), str(v)) for k, v in table.items()), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=65536)
def fold_spelling(token: str) -> str:
    """One spelling for transliteration variants: "sergey" and "sergei" both give "sergei"."""
    for old, new in _transliterations():
        token = token.replace(old, new)
    return token


@lru_cache(maxsize=65536)
def person_tokens(name: str) -> tuple[str, ...]:
    """The tokens of a person's name without leading honorifics and titles, spellings folded.

    "Snr Gen Min Aung Hlaing" and "Senior General Min Aung Hlaing" both give (min, aung, hlaing).
    """
    words, phrases = _title_words()
    tokens = name_key(name).split()
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for phrase in phrases:
            if len(tokens) > len(phrase) and tuple(tokens[:len(phrase)]) == phrase:
                tokens, changed = tokens[len(phrase):], True
        if len(tokens) > 1 and tokens[0] in words:
            tokens, changed = tokens[1:], True
    return tuple(fold_spelling(t) for t in tokens)


def _same_surname(a: str, b: str) -> bool:
    """Surnames agree when equal after transliteration folding, or, for longer names, when they
    differ only inside (Glazyev / Glaziev): same first and last letter, similarity >= 80%. A changed
    ending is another name (Petrov / Petrova)."""
    if a == b:
        return True
    return (min(len(a), len(b)) >= 6 and a[0] == b[0] and a[-1] == b[-1]
            and Indel.normalized_similarity(a, b) * 100 >= PERSON_TOKEN_MIN)


def _suffixes() -> frozenset[str]:
    value = _settings()["suffixes"]
    assert isinstance(value, list)
    return frozenset(value)


def same_person_name(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two full names (token tuples, >= 2 tokens each) name one person.

    Given names must be equal once transliterations are folded (Sergey / Sergei, but Maria is not
    Mario and Ivan is not Ivana); surnames may differ by a slip inside (see _same_surname); middle
    names, when both give some, must be the same ("George W Bush" is not "George H W Bush");
    particles ("al", "bin", "van") do not count; generational suffixes must agree exactly (Marcos
    Jr is not Marcos). Initials never match a name: "J Biden" could be Joe or Jill.
    """
    sfx, particles = _suffixes(), vocab.particles()
    sa, sb = [t for t in a if t in sfx], [t for t in b if t in sfx]
    if sa != sb:
        return False
    a = [t for t in a if t not in sfx and t not in particles]
    b = [t for t in b if t not in sfx and t not in particles]
    if len(a) < 2 or len(b) < 2 or min(len(a[0]), len(b[0])) < 2:
        return False
    if a[0] != b[0] or not _same_surname(a[-1], b[-1]):
        return False
    ma, mb = a[1:-1], b[1:-1]
    return not (ma and mb) or ma == mb


@cache
def _acronym_stopwords() -> frozenset[str]:
    value = _settings()["acronym_stopwords"]
    assert isinstance(value, list)
    return frozenset(value)


def initials(name: str) -> str:
    """"Eurasian Economic Commission" → "eec"; names of one word have none."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _acronym_stopwords()]
    return "".join(w[0] for w in words if w[0].isalnum()).lower() if len(words) > 1 else ""


def all_initials(name: str) -> set[str]:
    """The name's initials, and those of the name without a leading state ("U.S. Federal Bureau of
    Investigation" is the "FBI", "Russian Direct Investment Fund" the "RDIF"): the acronym an
    outlet uses rarely carries the state the article names before it."""
    out = {initials(name)}
    first, _, rest = name.strip().partition(" ")
    if rest and countries.country_code(first) and len(stripped := initials(rest)) >= 3:
        out.add(stripped)  # three letters at least: "SA" for "Space Agency" would be anything
    return out - {""}


@cache
def _generic_words() -> dict[str, frozenset[str]]:
    table = _settings()["generic"]
    assert isinstance(table, dict)
    return {kind: frozenset(name_key(w) for w in words) for kind, words in table.items()}


def generic_national(rec: ActorRecord) -> bool:
    """Whether a record names its country's institution generically ("Myanmar's military")."""
    generic = _generic_words().get(rec.kind)
    if not generic or not rec.country:
        return False
    for name in rec.names():
        words = name_key(name).split()
        rest = [w for w in words if w not in ("the", "s") and countries.country_code(w) != rec.country]
        if rest and " ".join(rest) in generic:
            return True
    return False


# --- pairs ---------------------------------------------------------------------------------------

def _countries_agree(a: ActorRecord, b: ActorRecord) -> bool:
    return a.country is None or b.country is None or a.country == b.country


def _kinds_agree(a: ActorRecord, b: ActorRecord) -> bool:
    if a.kind == b.kind:
        return True
    if {a.kind, b.kind} == {"person", "organisation"}:
        return True  # decided on the names: see same_entity
    return "organisation" in (a.kind, b.kind) and a.kind in _ORG_KINDS and b.kind in _ORG_KINDS


def is_full_person(rec: ActorRecord) -> bool:
    return rec.kind == "person" and len(person_tokens(rec.name)) >= 2


def same_entity(a: ActorRecord, b: ActorRecord) -> bool:
    """The pairwise rule (see the module docstring); surnames alone are handled by :func:`cluster`."""
    if not _kinds_agree(a, b) or not _countries_agree(a, b):
        return False
    if a.kind == "person" or b.kind == "person":
        # a generic "organisation" may be a person's name the tagger took for one ("talks with
        # Kassym-Zhomart Tokayev of Kazakhstan"): it joins only on a full-name match
        if not all(len(person_tokens(r.name)) >= 2 and r.kind in ("person", "organisation") for r in (a, b)):
            return False
        return any(same_person_name(person_tokens(x), person_tokens(y)) for x in a.names() for y in b.names())
    if a.kind == "country" and a.country and a.country == b.country:
        return True
    na = {name_key(n) for n in a.names()} - {""}
    nb = {name_key(n) for n in b.names()} - {""}
    if na & nb:
        return True
    if a.kind != b.kind:
        return False  # a generic "organisation" joins only on a name in common
    ia = {i for n in a.names() for i in all_initials(n)}
    ib = {i for n in b.names() for i in all_initials(n)}
    if ((na & ib) or (nb & ia)) and not (_spelled_out(na) and _spelled_out(nb)):
        return True  # "DA" is the Democratic Alliance; but the Democratic Alliance (alias "DA") is not Dassault
        # Aviation, nor the Arakan Army ("AA") Algeria's army, nor the Sudanese Armed Forces ("SAF") the Sudan Air
        # Force: two names spelled out that differ (a record of the acronym alone still joins either)
    if generic_national(a) and generic_national(b) and a.country == b.country:
        return True
    return any(fuzz.token_sort_ratio(x, y) >= ORG_NAME_MIN for x in na for y in nb
               if min(len(x), len(y)) >= 6)


def _spelled_out(names: set[str]) -> bool:
    """Whether a record has a name of two words or more (not only an acronym or a single word)."""
    return any(len(n.split()) >= 2 for n in names)


# --- blocking ------------------------------------------------------------------------------------

def block_keys(rec: ActorRecord) -> set[str]:
    """Keys under which a record is compared with others: any pair that can match shares one."""
    keys: set[str] = set()
    if rec.kind in ("person", "organisation"):
        for name in rec.names():
            tokens = [t for t in person_tokens(name) if t not in _suffixes()]
            if tokens:
                keys.add("p:" + tokens[-1][:3])
        if rec.kind == "person":
            return keys
    if rec.kind == "country" and rec.country:
        keys.add("c:" + rec.country)
    if generic_national(rec):
        keys.add(f"g:{rec.kind}:{rec.country}")
    for name in rec.names():
        norm = name_key(name)
        if not norm:
            continue
        keys.add("n:" + norm)                  # exact names and aliases
        keys.add("n:" + norm.replace(" ", ""))  # an acronym meets the initials below
        keys |= {"n:" + ini for ini in all_initials(name)}
        words = sorted(norm.split(), key=lambda w: (-len(w), w))
        keys.add("f:" + fold_spelling(words[0])[:4])  # fuzzy pairs share their longest word's start
    return keys


# --- clusters ------------------------------------------------------------------------------------

class _UnionFind:
    """Union-find whose components remember their countries: two components with different
    countries are never joined, so "John Smith" (no country) cannot chain a British and an
    American John Smith into one person."""

    def __init__(self, records: Iterable[ActorRecord]) -> None:
        self.parent: dict[str, str] = {}
        self.countries: dict[str, set[str]] = {}
        for r in records:
            self.parent[r.id] = r.id
            self.countries[r.id] = {r.country} if r.country else set()

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ca, cb = self.countries[ra], self.countries[rb]
        if ca and cb and not ca & cb:
            return False
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        self.countries[keep] = ca | cb
        return True


def cluster(records: Sequence[ActorRecord], known: Mapping[str, str] | None = None,
            fresh: Collection[str] | None = None, decisions: Sequence[Decision] = ()) -> list[Entity]:
    """Group records into entities. Deterministic in the set of records, whatever their order.

    Incrementally, ``known`` maps the keys already resolved to their entity and ``fresh`` names the
    keys that are new or changed: only pairs with a fresh key are compared, and keys that shared an
    entity are joined up front. The answer is the one a full run would give, because a record's
    names only ever grow (so old matches still hold) and an entity of full names is exactly a set of
    pairwise-connected keys (bare surnames, attached afterwards, are decided again every time).

    ``decisions`` (an analyst's merges and splits, see :mod:`newsgraph.resolve.decisions`) are
    applied last, in the order they were made.
    """
    recs = sorted({r.id: r for r in records}.values(), key=lambda r: r.id)
    uf = _UnionFind(recs)
    blocks: dict[str, list[ActorRecord]] = defaultdict(list)
    by_entity: dict[str, str] = {}
    for r in recs:
        if r.kind == "person" and not is_full_person(r):
            continue  # surnames alone: second pass
        if DOCUMENT_SCOPED in r.key:
            continue  # "police" of one article (resolve.names.document_key) is its own entity
        if known and fresh is not None and r.key in known:
            first = by_entity.setdefault(known[r.key], r.id)
            uf.union(first, r.id)
        for k in block_keys(r):
            blocks[k].append(r)
    for members in blocks.values():
        if fresh is None:
            pairs: Iterable[tuple[ActorRecord, ActorRecord]] = (
                (a, b) for i, a in enumerate(members) for b in members[i + 1:])
        else:
            pairs = ((a, b) for a in members if a.key in fresh for b in members
                     if b is not a and (b.key not in fresh or a.id < b.id))
        for a, b in pairs:
            if uf.find(a.id) != uf.find(b.id) and same_entity(a, b):
                uf.union(a.id, b.id)
    _attach_surnames(recs, uf)
    groups: dict[str, set[str]] = defaultdict(set)
    for r in recs:
        groups[uf.find(r.id)].add(r.id)
    by_key = {r.id: r for r in recs}
    decided = apply_decisions(groups.values(), decisions) if decisions else list(groups.values())
    return sorted((_entity([by_key[k] for k in sorted(g)]) for g in decided), key=lambda e: e.id)


def _attach_surnames(recs: Sequence[ActorRecord], uf: _UnionFind) -> None:
    """A one-word person name joins the single full-name entity with that surname (and a country
    that does not contradict it), if there is exactly one; bare surnames of different countries
    stay apart ("Kim" of Seoul is not "Kim" of Pyongyang)."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for r in recs:
        if is_full_person(r):
            root = uf.find(r.id)
            for name in r.names():
                tokens = [t for t in person_tokens(name) if t not in _suffixes()]
                if len(tokens) >= 2:
                    by_surname[tokens[-1]].add(root)
    singles: dict[tuple[str, str | None], list[ActorRecord]] = defaultdict(list)
    for r in recs:
        if r.kind == "person" and not is_full_person(r) and person_tokens(r.name):
            singles[(person_tokens(r.name)[-1], r.country)].append(r)
    for (surname, country), group in sorted(singles.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        for r in group[1:]:
            uf.union(group[0].id, r.id)  # the same bare surname and country is one entity either way
        roots = {uf.find(root) for root in by_surname.get(surname, set())}
        roots = {root for root in roots if not (country and uf.countries[root] and country not in uf.countries[root])}
        if len(roots) == 1:
            uf.union(group[0].id, roots.pop())


def _pick_weighted(values: Iterable[tuple[str | None, int]]) -> str | None:
    counts: Counter[str] = Counter()
    for v, w in values:
        if v is not None:
            counts[v] += w
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


STATELESS = ""  # the vote of a record that speaks for an international organisation, not a country


def _country_of(group: list[ActorRecord]) -> str | None:
    """The country most documents give the entity; an international official's reports ("EU
    chief X", no country) vote for none, so that one article giving a past national office does
    not make the Commission's president German everywhere."""
    picked = _pick_weighted((r.country or (STATELESS if r.sector == "IGO" and r.kind != "igo" else None), r.weight)
                            for r in group)
    return picked or None


def _entity(group: list[ActorRecord]) -> Entity:
    key = min(r.key for r in group)
    kinds: Counter[str] = Counter()
    for r in group:
        if r.kind != "organisation":
            kinds[r.kind] += r.weight
    kind = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if kinds else group[0].kind
    # The name most documents use; among equals the fullest, then alphabetical: order-independent.
    # A person is named by a full name, without a title when some report writes it so.
    names: Counter[str] = Counter()
    for r in group:
        if kind != "person" or is_full_person(r) or not any(is_full_person(x) for x in group):
            names[r.name] += r.weight

    def rank(item: tuple[str, int]) -> tuple[bool, int, int, str]:
        titled = kind == "person" and len(person_tokens(item[0])) < len(name_key(item[0]).split())
        return titled, -item[1], -len(item[0]), item[0]
    name = sorted(names.items(), key=rank)[0][0]
    aliases = sorted({n for r in group for n in r.names()} - {name})
    return Entity(id=entity_id(key), key=key, name=name, kind=kind,
                  country=_country_of(group),
                  sector=_pick_weighted((r.sector, r.weight) for r in group), aliases=tuple(aliases),
                  members=tuple(sorted(r.key for r in group)))
