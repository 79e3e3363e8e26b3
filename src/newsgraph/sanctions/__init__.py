"""Sanctions lists: load the files users download, flag the entities that match listed parties.

``newsgraph sanctions load FILE`` calls :func:`load_and_flag`: read the list (FollowTheMoney JSON
lines or the OFAC SDN CSV), store its parties, match every stored entity against every stored
party and replace the stored matches. After the resolver merges entities (their ids change),
:func:`flag_entities` re-runs the matching alone. followthemoney and rigour are an optional
extra, imported only when a list is read or matched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError
from newsgraph.sanctions.load import read_ftm, read_list, read_ofac_sdn
from newsgraph.sanctions.match import THRESHOLD, Match, PartyIndex, match_entity
from newsgraph.sanctions.model import ListedParty, SanctionsUnavailable, require

if TYPE_CHECKING:
    from newsgraph.store import Store

__all__ = ["THRESHOLD", "ListedParty", "Match", "PartyIndex", "SanctionsReport", "SanctionsUnavailable",
           "flag_entities", "load_and_flag", "match_entity", "parties_from_rows", "read_ftm", "read_list",
           "read_ofac_sdn"]


@dataclass
class SanctionsReport:
    """What one load did: parties stored, bad records (each naming file:line), matches written."""

    parties: int = 0
    errors: list[InputError] = field(default_factory=list)
    entities: int = 0
    matches: int = 0
    flagged: int = 0  # distinct entities with at least one match

    def to_dict(self) -> dict[str, Any]:
        return {"parties": self.parties, "bad_records": len(self.errors),
                "errors": [str(e) for e in self.errors], "entities": self.entities,
                "matches": self.matches, "flagged_entities": self.flagged}


def parties_from_rows(rows: Iterable[dict[str, Any]]) -> list[ListedParty]:
    """Stored party rows (``Store.party_rows()``) back into ListedParty records."""
    return [ListedParty(list_name=r["list_name"], party_id=r["party_id"], kind=r["kind"], name=r["name"],
                        aliases=tuple(r["aliases"]), countries=tuple(r["countries"]),
                        birth_dates=tuple(r["birth_dates"]), programs=tuple(r["programs"]),
                        listed_on=r["listed_on"], source_file=r["source_file"], source_line=r["source_line"])
            for r in rows]


def flag_entities(store: Store, parties: PartyIndex | Iterable[ListedParty] | None = None,
                  threshold: float = THRESHOLD) -> SanctionsReport:
    """Match every stored entity to the parties (default: every stored party); replace stored matches."""
    from newsgraph.query import Query

    if parties is None:
        parties = parties_from_rows(store.party_rows())
    index = parties if isinstance(parties, PartyIndex) else PartyIndex(parties)
    entities = Query(store).entities()
    rows: list[tuple[str, str, str, float, str]] = []
    flagged = 0
    for entity in entities:
        found = index.match(entity, threshold)
        flagged += bool(found)
        rows += [(entity["id"], m.party.list_name, m.party.party_id, m.score, m.explanation) for m in found]
    store.replace_matches(rows)
    return SanctionsReport(parties=len(index), entities=len(entities), matches=len(rows), flagged=flagged)


def load_and_flag(store: Store, path: str | Path, threshold: float = THRESHOLD) -> SanctionsReport:
    """Read a list file, store its parties, re-match all entities against all stored parties.

    Bad records are reported (``report.errors``), not fatal; a file that is not a sanctions list
    raises InputError, and nothing is stored.
    """
    require("rigour.names")  # fail before storing anything when matching cannot run
    parties: list[ListedParty] = []
    errors: list[InputError] = []
    for item in read_list(path):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            parties.append(item)
    stored = store.add_parties(parties)
    report = flag_entities(store, threshold=threshold)
    report.parties, report.errors = stored, errors
    return report
