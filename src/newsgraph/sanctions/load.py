"""Read sanctions lists the user downloaded: FollowTheMoney JSON lines and the OFAC SDN CSV.

Each reader yields a :class:`ListedParty` per listed party and an :class:`InputError` (naming
``file:line`` and what is wrong) per bad record, so one broken line never stops a list of
thousands. A file that is neither format raises instead: nothing of it could be read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError
from newsgraph.sanctions.codes import iso3_all
from newsgraph.sanctions.model import PARTY_SCHEMATA, ListedParty, require
from newsgraph.sanctions.sdn import read_ofac_sdn

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy

__all__ = ["read_ftm", "read_list", "read_ofac_sdn"]

_ALIAS_PROPS = ("name", "alias", "previousName", "abbreviation")  # not weakAlias: "Bob" flags every Bob
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_SDN_ROW = re.compile(r'\s*"?\d+"?\s*,')


@dataclass
class _Party:
    """A party read from the file, waiting for the Sanction entities that may follow it."""

    line: int
    proxy: EntityProxy
    list_name: str
    target: bool | None
    programs: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)


def _list_name(data: dict[str, Any], path: Path) -> str:
    datasets = data.get("datasets")
    if isinstance(datasets, list) and datasets and all(isinstance(d, str) for d in datasets):
        return ", ".join(sorted(set(datasets)))
    return path.name.split(".")[0]


def _proxy(data: Any, where: str) -> EntityProxy | None:
    """The record as an entity proxy, values re-validated (the file is untrusted input); None for
    the schemata a list carries as context (addresses, identifiers, ownership, ...)."""
    ftm = require("followthemoney")
    exc = require("followthemoney.exc")
    if not isinstance(data, dict):
        raise InputError(where, f"expected a JSON object, got {type(data).__name__}")
    if not isinstance(data.get("id"), str) or not data["id"].strip():
        raise InputError(where, "entity has no id")
    schema = data.get("schema")
    if not isinstance(schema, str) or ftm.model.get(schema) is None:
        raise InputError(where, f"unknown FollowTheMoney schema {schema!r}")
    if schema != "Sanction" and schema not in PARTY_SCHEMATA:
        return None
    if not isinstance(data.get("properties", {}), dict):
        raise InputError(where, "'properties' must be an object of lists")
    try:
        proxy: EntityProxy = ftm.model.get_proxy(data, cleaned=False)
    except (exc.InvalidData, TypeError, ValueError, AttributeError) as err:
        raise InputError(where, f"not a valid FollowTheMoney entity: {err}") from err
    return proxy


def read_ftm(path: str | Path) -> Iterator[ListedParty | InputError]:
    """Listed parties of a FollowTheMoney JSON-lines file (the OpenSanctions format).

    Only party schemata are kept (Person, Organization, Company, LegalEntity, PublicBody, Vessel,
    Airplane); ``Sanction`` entities in the same file fill their party's programs and listing
    date, wherever in the file they are. Records OpenSanctions marks ``"target": false``
    (relatives, owners) are left out unless a Sanction names them. ``list_name`` is the record's
    datasets, or the file's stem when it has none.
    """
    path = Path(path)
    parties: list[_Party] = []
    sanctions: dict[str, list[tuple[list[str], list[str]]]] = {}
    try:
        handle = path.open("rb")
    except OSError as err:
        raise InputError(str(path), f"cannot read: {err.strerror or err}") from err
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                data = json.loads(raw.removeprefix(b"\xef\xbb\xbf"))
                proxy = _proxy(data, where)
            except (json.JSONDecodeError, UnicodeDecodeError) as err:
                yield InputError(where, f"not a JSON line: {err}")
                continue
            except InputError as err:
                yield err
                continue
            if proxy is None:
                continue
            name = proxy.schema.name
            if name == "Sanction":
                record = (proxy.get("program") or proxy.get("programId"),
                          proxy.get("listingDate") + proxy.get("startDate"))
                for party_id in proxy.get("entity"):
                    sanctions.setdefault(party_id, []).append(record)
            elif name in PARTY_SCHEMATA:
                target = data.get("target")
                parties.append(_Party(number, proxy, _list_name(data, path),
                                      target if isinstance(target, bool) else None))
    for p in parties:
        for programs, dates in sanctions.get(p.proxy.id or "", []):
            p.programs += programs
            p.dates += dates
        if p.target is False and p.proxy.id not in sanctions:
            continue
        yield _party(p, str(path))


def _party(p: _Party, source: str) -> ListedParty | InputError:
    proxy = p.proxy
    names = [v for prop in _ALIAS_PROPS if prop in proxy.schema.properties for v in proxy.get(prop)]
    names = list(dict.fromkeys(" ".join(n.split()) for n in names if n.strip()))
    if not names:
        return InputError(f"{source}:{p.line}", f"{proxy.schema.name} {proxy.id} has no name")
    caption = proxy.context.get("caption")
    name = caption if isinstance(caption, str) and caption in names else names[0]
    births = proxy.get("birthDate", quiet=True)
    dates = sorted(d for d in p.dates if _ISO_DATE.fullmatch(d))
    own = proxy.get("program", quiet=True)
    return ListedParty(
        list_name=p.list_name, party_id=str(proxy.id), kind=proxy.schema.name, name=name,
        aliases=tuple(n for n in names if n != name), countries=iso3_all(sorted(proxy.countries)),
        birth_dates=tuple(sorted(set(births))), programs=tuple(dict.fromkeys(own + p.programs)),
        listed_on=dates[0] if dates else None, source_file=source, source_line=p.line)


def read_list(path: str | Path) -> Iterator[ListedParty | InputError]:
    """Read a sanctions list in whichever format it is: FtM JSON lines or the OFAC SDN CSV.

    The extension decides (``.json``/``.jsonl``/``.ftm`` vs ``.csv``), else the first line does.
    Raises InputError naming the file when it is neither, or cannot be read.
    """
    path = Path(path)
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".json", ".jsonl", ".ndjson", ".ftm"):
        return read_ftm(path)
    if suffixes and suffixes[-1] == ".csv":
        return read_ofac_sdn(path)
    first = _first_line(path)
    if first.startswith("{"):
        return read_ftm(path)
    if _SDN_ROW.match(first):
        return read_ofac_sdn(path)
    raise InputError(str(path), "neither FollowTheMoney JSON lines nor an OFAC SDN CSV (sdn.csv)")


def _first_line(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            for raw in handle:
                if raw.strip():
                    return raw.decode("utf-8", errors="replace").lstrip("\ufeff").strip()
    except OSError as err:
        raise InputError(str(path), f"cannot read: {err.strerror or err}") from err
    raise InputError(str(path), "empty file: not a sanctions list")
