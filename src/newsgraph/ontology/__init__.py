"""The event ontology, read from ``data/plover.toml``.

Types, modes, CAMEO codes, Goldstein scores, contexts, modalities and relation types are data, so
adding one is editing the TOML file, not code. The file is parsed once (on first use, never at
import) and handed out as frozen dataclasses.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

DATA_FILE = "plover.toml"


@dataclass(frozen=True)
class Mode:
    """A PLOVER mode of an event type and the more specific CAMEO code it exports as."""

    name: str
    description: str
    cameo: str
    goldstein: float


@dataclass(frozen=True)
class EventType:
    """A PLOVER category with what GDELT-style exports need: CAMEO root, QuadClass, Goldstein."""

    name: str
    description: str
    quad_class: int
    cameo_root: str
    goldstein: float
    symmetric: bool
    modes: Mapping[str, Mode]  # read-only


@dataclass(frozen=True)
class RelationType:
    """A kind of standing tie between two entities."""

    name: str
    description: str
    symmetric: bool


@dataclass(frozen=True)
class _Ontology:
    types: dict[str, EventType]
    relations: dict[str, RelationType]
    modalities: dict[str, str]
    contexts: tuple[str, ...]


def _event_type(name: str, raw: dict[str, Any]) -> EventType:
    modes = {
        m: Mode(name=m, description=v["description"], cameo=v["cameo"], goldstein=float(v["goldstein"]))
        for m, v in raw.get("modes", {}).items()
    }
    return EventType(
        name=name, description=raw["description"], quad_class=int(raw["quad_class"]),
        cameo_root=raw["cameo_root"], goldstein=float(raw["goldstein"]),
        symmetric=bool(raw["symmetric"]), modes=MappingProxyType(modes),
    )


@cache
def _ontology() -> _Ontology:
    raw = tomllib.loads(files(__name__).joinpath("data", DATA_FILE).read_text(encoding="utf-8"))
    return _Ontology(
        types={n: _event_type(n, t) for n, t in raw["types"].items()},
        relations={n: RelationType(n, r["description"], bool(r["symmetric"]))
                   for n, r in raw["relations"].items()},
        modalities=dict(raw["modalities"]),
        contexts=tuple(raw["contexts"]),
    )


def event_types() -> dict[str, EventType]:
    """All event types by name (a fresh dict: callers may not edit the shared one)."""
    return dict(_ontology().types)


def event_type(name: str) -> EventType:
    """One event type; KeyError naming the known types when ``name`` is not one."""
    types = _ontology().types
    try:
        return types[name]
    except KeyError:
        raise KeyError(f"unknown event type {name!r}; known types: {', '.join(types)}") from None


def cameo_code(type_name: str, mode: str | None = None) -> str:
    """CAMEO code for an event: the mode's code, else the type's root (modes may be free text)."""
    t = event_type(type_name)
    m = t.modes.get(mode) if mode else None
    return m.cameo if m else t.cameo_root


def goldstein(type_name: str, mode: str | None = None) -> float:
    """Goldstein score for an event: the mode's when the ontology knows the mode, else the type's."""
    t = event_type(type_name)
    m = t.modes.get(mode) if mode else None
    return m.goldstein if m else t.goldstein


def relation_types() -> dict[str, RelationType]:
    """All relation types by name."""
    return dict(_ontology().relations)


def relation_type(name: str) -> RelationType:
    """One relation type; KeyError naming the known ones when ``name`` is not one."""
    rels = _ontology().relations
    try:
        return rels[name]
    except KeyError:
        raise KeyError(f"unknown relation {name!r}; known relations: {', '.join(rels)}") from None


def modalities() -> dict[str, str]:
    """Modality name → what it means."""
    return dict(_ontology().modalities)


def contexts() -> tuple[str, ...]:
    """The allowed context names."""
    return _ontology().contexts
