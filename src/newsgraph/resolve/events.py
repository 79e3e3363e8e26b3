"""Event merging: reports of one happening, from several articles, become one event.

Pure functions over :class:`Report` (one event as one document states it, with its actors already
resolved to entities). Two reports are of the same happening when they come from different
documents and agree on type, actors (the same entities, in either order for symmetric types; a
missing side is no contradiction; or, both sides named, the same states: one outlet writes "Italy
summoned the Israeli ambassador", another "Defence Minister Crosetto summoned Israel's envoy"),
modality, time and place. Clusters are built by complete
linkage (a report joins a group only if it agrees with *every* member), in an order fixed by the
reports' content, so the result does not depend on the order articles were ingested in and one
vague report cannot chain two different meetings together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
UNDATED_WINDOW = timedelta(days=7)     # undated reports: published this close, or no merge
DAY_SLACK = timedelta(days=1)          # dated reports: this far apart is still one day (time zones)
COARSE_WINDOW = timedelta(days=31)     # year-only dates: published this close, or no merge
TOLD_REACH = timedelta(days=2)         # a day given from the story may follow the act by this much
_PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3, "decade": 4}
# A claim and its telling are one act; so are an act announced ("will expel 70 diplomats") and done.
_COMPATIBLE_MODALITY = {frozenset({"asserted", "reported-claim"}), frozenset({"asserted", "planned"})}
# Acts on the ground, of which the same two states may do several a day apart in different places
# (two strikes of one war): two reports of them are one act only if they name one place. The place
# of any other act says nothing of whether two reports are one: statements and sanctions are placed
# by each outlet's dateline ("QUITO" and "MEXICO CITY" for one break of ties), deals, visits and
# aid by a dateline too when the text names no place ("SEOUL" for a treaty signed in Pyongyang).
ON_THE_GROUND = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})
# Acts in words, and sanctions, decided in a capital: their place is each outlet's dateline, always.
DATELINED = frozenset({"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN", "SANCTION"})
# Entities that speak for their state: a state's organs, and its officials (sector GOV or MIL).
STATE_KINDS = frozenset({"country", "government", "military", "police"})
STATE_SECTORS = frozenset({"GOV", "MIL"})


def state_side(kind: str | None, country: str | None, sector: str | None) -> str | None:
    """The state an entity acts for ("state:ITA" for Italy, its government, army or defence
    minister), or None for an entity that is its own side (a rebel group, a company, a citizen)."""
    if not country or not (kind in STATE_KINDS or (kind == "person" and sector in STATE_SECTORS)):
        return None
    return f"state:{country}"


@dataclass(frozen=True)
class Report:
    id: str
    doc_id: str
    type: str
    source: str | None        # entity ids
    target: str | None
    modality: str
    date_start: str | None    # ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD)
    date_end: str | None
    precision: str | None
    published: str | None     # ISO date of the report's document
    place_country: str | None = None
    place_name: str | None = None
    detail: int = 0           # how much the report says (quantities, place): breaks ties for primary
    date_given: bool = False  # the date was given from the story (no time in the sentence), not stated
    source_side: str | None = None  # the state the source acts for (``state_side``), if any
    target_side: str | None = None
    position: int = 0         # the sentence of its document it is first told in (the lead is 0)

    @cached_property
    def days(self) -> tuple[date, date] | None:
        """The first and last day the date covers (parsed once: merging compares it many times)."""
        if not self.date_start:
            return None
        try:
            return day_bounds(self.date_start, self.date_end or self.date_start)
        except ValueError:
            return None

    @cached_property
    def published_day(self) -> date | None:
        return _day(self.published)


@dataclass(frozen=True)
class Happening:
    """One merged event: its id (stable: the smallest member id), the report that speaks for it
    (the most precise date, then the most detail) and every member."""

    id: str
    primary: str
    members: tuple[str, ...]


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def day_bounds(start: str, end: str) -> tuple[date, date]:
    """The first and last day an ISO prefix range covers."""
    def first(v: str) -> date:
        parts = [int(p) for p in v.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    def last(v: str) -> date:
        parts = [int(p) for p in v.split("-")]
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return date(parts[0], 12, 31)
    return first(start), last(end)


def _actors_agree(a: Report, b: Report) -> bool:
    """No side contradicts the other, and at least one entity plays the same role in both (either
    role for symmetric types): Russia sanctioning someone is not someone sanctioning Russia. Or the
    other side is the same state told two ways ("Honduran police arrested X", "Honduras detained
    X"), or, with no entity shared, both sides are the same two states: then only on the evidence of
    ``_same_day_and_place``."""
    def fit(x: str | None, y: str | None, x_side: str | None, y_side: str | None, loose: bool) -> bool:
        return x is None or y is None or x == y or (loose and x_side is not None and x_side == y_side)

    def oriented(src: str | None, tgt: str | None, src_side: str | None, tgt_side: str | None,
                 loose: bool = False) -> bool:
        shared = (a.source is not None and a.source == src) or (a.target is not None and a.target == tgt)
        return shared and fit(a.source, src, a.source_side, src_side, loose) \
            and fit(a.target, tgt, a.target_side, tgt_side, loose)

    def either_way(loose: bool) -> bool:
        return oriented(b.source, b.target, b.source_side, b.target_side, loose) or (
            a.type in SYMMETRIC and oriented(b.target, b.source, b.target_side, b.source_side, loose))

    if either_way(loose=False):
        return True
    return (either_way(loose=True) or _sides_agree(a, b)) and _same_day_and_place(a, b)


def _sides(r: Report) -> tuple[str, str] | None:
    """Both sides as states or entities, when both are named and at least one acts for a state."""
    if r.source is None or r.target is None or not (r.source_side or r.target_side):
        return None
    return r.source_side or r.source, r.target_side or r.target


def _sides_agree(a: Report, b: Report) -> bool:
    """The same two sides, state by state (officials and organs of one state are that state); a state
    acting on its own people is too coarse a pair (see ``_actors_agree`` for one entity shared)."""
    sa, sb = _sides(a), _sides(b)
    if sa is None or sb is None or sa[0] == sa[1]:
        return False
    return sa == sb or (a.type in SYMMETRIC and sa == sb[::-1])


def _same_day_and_place(a: Report, b: Report) -> bool:
    """What two reports must share when they agree on sides but not on both entities: evidence as
    strong as a shared entity's. Both fix the day (a month or a year could be another act of the same
    two states; a day given from the story only as ``_same_day`` allows); the place of a statement, a
    sanction, a deal, a visit or aid says nothing here (each outlet's dateline or its host;
    ``_places_agree`` still parts a deal, a visit or aid in two countries on two days); an act on
    the ground must name the same place in both reports when either day was given from its story
    (two strikes of a war two days apart), and no two places otherwise."""
    if a.precision != "day" or b.precision != "day" or not _same_day(a, b):
        return False
    if a.type not in ON_THE_GROUND:
        return True  # words, sanctions, deals, visits, aid: placed by each outlet's dateline or host
    if a.date_given or b.date_given:
        return bool(a.place_name) and a.place_name == b.place_name
    return not (a.place_name and b.place_name) or a.place_name == b.place_name


def _same_day(a: Report, b: Report) -> bool:
    """Two day-dated reports of the same two states tell one act: the same stated day (a day of
    slack), or a day given from the story (the day it was told by: the publication, or the dated
    act just before) that falls on the stated day or up to ``TOLD_REACH`` after it. Two given days
    must be within a day of each other."""
    if a.days is None or b.days is None:
        return False
    a0, b0 = a.days[0], b.days[0]
    if a.date_given == b.date_given:
        return abs(a0 - b0) <= DAY_SLACK
    given, stated = (a0, b0) if a.date_given else (b0, a0)
    return stated - DAY_SLACK <= given <= stated + TOLD_REACH


def _times_agree(a: Report, b: Report) -> bool:
    pa, pb = a.published_day, b.published_day
    if not (a.date_start and b.date_start):
        if a.date_start or b.date_start:
            return False  # one says when, the other does not: too little to call them one
        return pa is not None and pb is not None and abs(pa - pb) <= UNDATED_WINDOW
    if a.days is None or b.days is None:
        return False
    (a0, a1), (b0, b1) = a.days, b.days
    if a.date_given or b.date_given:  # a day given from the story: the event was told by then
        if a.date_given and b.date_given:
            return abs(a0 - b0) <= UNDATED_WINDOW  # as two undated reports published close by
        given, stated = (a0, (b0, b1)) if a.date_given else (b0, (a0, a1))
        return stated[0] <= given + DAY_SLACK and stated[1] >= given - UNDATED_WINDOW
    if a0 > b1 + DAY_SLACK or b0 > a1 + DAY_SLACK:
        return False  # a day of slack for time zones and "late on Tuesday"
    if _PRECISION_RANK.get(a.precision or "", 9) >= 3 and _PRECISION_RANK.get(b.precision or "", 9) >= 3:
        # "in 2025" twice says little: the articles must also be close in time
        return pa is not None and pb is not None and abs(pa - pb) <= COARSE_WINDOW
    return True


def _places_agree(a: Report, b: Report) -> bool:
    """No two countries for one act on the ground. A statement's or a sanction's place is where it
    was reported from (each outlet's dateline) and says nothing; a deal's, a visit's or aid's may be
    a dateline too ("SEOUL" for a treaty signed in Pyongyang), so two countries part them only when
    their days differ (one meeting in Cairo, the next day's in Jeddah)."""
    if a.type in DATELINED:
        return True
    if a.type not in ON_THE_GROUND and a.precision == b.precision == "day" and a.date_start == b.date_start:
        return True
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    return True


def same_happening(a: Report, b: Report) -> bool:
    """Whether two reports (of different documents) state the same real-world event."""
    if a.doc_id == b.doc_id or a.type != b.type:
        return False
    if a.modality != b.modality and frozenset({a.modality, b.modality}) not in _COMPATIBLE_MODALITY:
        return False
    return _actors_agree(a, b) and _times_agree(a, b) and _places_agree(a, b)


def _order(r: Report) -> tuple[object, ...]:
    return (_PRECISION_RANK.get(r.precision or "", 9), r.date_start or "~", -r.detail, r.published or "~",
            r.doc_id, r.position, r.id)


def _nearest(r: Report, homes: list[int], groups: list[list[Report]]) -> int | None:
    """Of the groups a report may join, the one whose report told at the nearest place in its own
    article: an article that tells an act twice (the lead, then a later paragraph) meets another that
    does the same lead to lead, not lead to restatement. Ties: the group formed first."""
    return min(homes, key=lambda i: (min(abs(m.position - r.position) for m in groups[i]), i), default=None)


def _slots(r: Report) -> list[tuple[str, str | None, str | None]]:
    """Index keys of a report: its type with its (source, target), each side alone, and its pair
    of state sides."""
    slots = [(r.type, r.source, r.target), (r.type, r.source, "*"), (r.type, "*", r.target)]
    sides = _sides(r)
    return slots + [(r.type + "/sides", *sides)] if sides else slots


def _probes(r: Report) -> list[tuple[str, str | None, str | None]]:
    """Index keys under which the reports that can agree with ``r`` are filed (see _actors_agree)."""
    def one_way(s: str | None, t: str | None) -> list[tuple[str, str | None, str | None]]:
        if s is not None and t is not None:
            return [(r.type, s, t), (r.type, s, None), (r.type, None, t)]
        if s is not None:
            return [(r.type, s, "*")]
        return [(r.type, "*", t)] if t is not None else []
    keys = one_way(r.source, r.target)
    if r.type in SYMMETRIC:
        keys += one_way(r.target, r.source)
    if (sides := _sides(r)) is not None:
        keys.append((r.type + "/sides", *sides))
        if r.type in SYMMETRIC:
            keys.append((r.type + "/sides", *sides[::-1]))
    return keys


def merge(reports: Sequence[Report]) -> list[Happening]:
    """Group reports into happenings (complete linkage in content order; see the module docstring).

    Groups are indexed by type and actors, so a report is only compared with the groups whose
    actors could agree with its own: the work grows with the reports of a dyad, not of a hub.
    """
    groups: list[list[Report]] = []
    index: dict[tuple[str, str | None, str | None], set[int]] = defaultdict(set)
    for r in sorted({r.id: r for r in reports}.values(), key=_order):
        candidates = sorted({i for key in _probes(r) for i in index.get(key, ())})
        home = _nearest(r, [i for i in candidates if all(same_happening(r, m) for m in groups[i])], groups)
        if home is None:
            groups.append([r])
            home = len(groups) - 1
        else:
            groups[home].append(r)
        for key in _slots(r):
            index[key].add(home)
    return [Happening(id=min(m.id for m in g), primary=g[0].id, members=tuple(sorted(m.id for m in g)))
            for g in groups]
