"""The OFAC Specially Designated Nationals list as OFAC publishes it: ``sdn.csv`` (and ``alt.csv``).

``sdn.csv`` has no header; its twelve columns are ent_num, SDN_Name, SDN_Type, Program, Title,
Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks, with ``-0-`` for empty.
Aliases, birth dates and nationalities hide in Remarks ("DOB 01 Jan 1960; nationality Burma;
a.k.a. 'X'"); ``alt.csv`` (ent_num, alt_num, alt_type, alt_name, alt_remarks) lists more aliases.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.sanctions.codes import iso3_all
from newsgraph.sanctions.model import ListedParty

LIST_NAME = "OFAC SDN"
_COLUMNS = 12
_KINDS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "": "Organization",
          "entity": "Organization"}
_AKA = re.compile(r"\b[afn]\.k\.a\.,?\s+'([^']+)'", re.IGNORECASE)
_DOB = re.compile(r"\bDOB\s+([^;]+)")
_NATIONALITY = re.compile(r"\b(?:nationality|citizen)\s+([^;(]+)", re.IGNORECASE)
_DATE_FORMATS = (("%d %b %Y", "%Y-%m-%d"), ("%b %Y", "%Y-%m"), ("%Y", "%Y"))


def _cell(value: str) -> str:
    value = " ".join(value.split())
    return "" if value == "-0-" else value


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot read: {err.strerror or err}") from err
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # older OFAC files are Windows-1252


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of every non-blank row; OFAC ends its files with a Ctrl-Z."""
    reader = csv.reader(io.StringIO(_decode(path), newline=""))
    for row in reader:
        if not any(c.strip().strip("\x1a") for c in row):
            continue
        yield reader.line_num, row


def _iso_date(text: str) -> str | None:
    text = re.sub(r"^(?:circa|approximately)\s+", "", text.strip().rstrip("."), flags=re.IGNORECASE)
    text = re.split(r"\s+to\s+", text)[0]  # "1958 to 1960": the earliest
    for parse, out in _DATE_FORMATS:
        try:
            return datetime.strptime(text, parse).strftime(out)
        except ValueError:
            continue
    return None


def _remarks(remarks: str) -> tuple[list[str], list[str], list[str]]:
    """Aliases, ISO birth dates and nationality names found in the Remarks column."""
    aliases = [" ".join(a.split()) for a in _AKA.findall(remarks)]
    births = [d for d in (_iso_date(m) for m in _DOB.findall(remarks)) if d]
    nations = [n.strip().rstrip(".").strip() for n in _NATIONALITY.findall(remarks)]
    return aliases, births, nations


def _party(row: list[str], where: str, source: str, line: int) -> ListedParty:
    if len(row) != _COLUMNS:
        raise InputError(where, f"expected {_COLUMNS} columns (ent_num … Remarks), got {len(row)}")
    cells = [_cell(c) for c in row]
    ent_num, name, sdn_type, program = cells[:4]
    vess_flag, remarks = cells[9], cells[11]
    if not ent_num.isdigit():
        raise InputError(where, f"ent_num must be a number, got {row[0]!r}")
    if not name:
        raise InputError(where, f"entry {ent_num} has no SDN_Name")
    kind = _KINDS.get(sdn_type.lower())
    if kind is None:
        raise InputError(where, f"unknown SDN_Type {sdn_type!r} (individual, vessel, aircraft or -0-)")
    aliases, births, nations = _remarks(remarks)
    programs = [p.strip(" []") for p in program.split("] [")] if program else []
    return ListedParty(
        list_name=LIST_NAME, party_id=ent_num, kind=kind, name=name,
        aliases=tuple(a for a in dict.fromkeys(aliases) if a != name),
        countries=iso3_all([*nations, *([vess_flag] if vess_flag else [])]),
        birth_dates=tuple(dict.fromkeys(births)), programs=tuple(p for p in programs if p),
        listed_on=None, source_file=source, source_line=line)


def _alt_names(alt: Path) -> tuple[dict[str, list[str]], list[InputError]]:
    names: dict[str, list[str]] = {}
    errors: list[InputError] = []
    for line, row in _rows(alt):
        cells = [_cell(c) for c in row]
        where = f"{alt}:{line}"
        if len(cells) < 4 or not cells[0].isdigit() or not cells[3]:
            errors.append(InputError(where, "expected ent_num, alt_num, alt_type, alt_name, alt_remarks"))
            continue
        names.setdefault(cells[0], []).append(cells[3])
    return names, errors


def read_ofac_sdn(path: str | Path, alt: str | Path | None = None) -> Iterator[ListedParty | InputError]:
    """Listed parties of an OFAC ``sdn.csv``; with ``alt`` (its ``alt.csv``), their further aliases.

    Names stay as OFAC writes them ("SURNAME, Given Names"): the matcher is order-blind. SDN has
    no listing dates, so ``listed_on`` is None.
    """
    path = Path(path)
    extra: dict[str, list[str]] = {}
    if alt is not None:
        extra, errors = _alt_names(Path(alt))
        yield from errors
    for line, row in _rows(path):
        try:
            party = _party(row, f"{path}:{line}", str(path), line)
        except InputError as err:
            yield err
            continue
        more = [a for a in extra.get(party.party_id, []) if a != party.name and a not in party.aliases]
        if more:
            party = replace(party, aliases=party.aliases + tuple(more))
        yield party
