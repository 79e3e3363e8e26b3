"""What a sanctions list says about one party, and what matching an entity to it found.

Kept apart from the shared ``newsgraph.model``: listed parties come from files the user downloads,
not from articles, and only the sanctions stage and the store's sanctions tables use them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from newsgraph.errors import NewsgraphError

#: FollowTheMoney schemata of the parties a sanctions list names (everything else in a file is context).
PARTY_SCHEMATA: tuple[str, ...] = ("Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel",
                                   "Airplane")


class SanctionsUnavailable(NewsgraphError):
    """followthemoney or rigour is not installed: they are an optional extra (they build PyICU)."""

    code = "missing_extra"


def require(module: str) -> ModuleType:
    """Import an optional dependency of the sanctions extra, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise SanctionsUnavailable(
            f"sanctions lists need the {module.split('.')[0]!r} package: pip install 'newsgraph[sanctions]'"
        ) from err


@dataclass(frozen=True)
class ListedParty:
    """One party (person, organisation, vessel, ...) as one sanctions list names it.

    ``kind`` is the FollowTheMoney schema name (``Person``, ``Company``, ``Vessel``, ...) whatever
    the source format; ``countries`` are ISO alpha-3; ``birth_dates`` and ``listed_on`` are ISO
    prefixes (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``). ``source_file``/``source_line`` say where
    the record was read, so a flag can always be traced back to the list.
    """

    list_name: str
    party_id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    listed_on: str | None = None
    source_file: str = ""
    source_line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias, each once, the name first."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))
