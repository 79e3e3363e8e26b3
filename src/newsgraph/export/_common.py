"""Helpers the graph, Parquet and FtM writers share: lazy optional imports and field checks.

Exports take the JSON-ready dicts of the query layer. One malformed record must not sink an
export of thousands, so each writer checks fields here, and a failure names the record and field.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Mapping
from types import ModuleType
from typing import Any

from newsgraph.errors import InputError, NewsgraphError

Record = Mapping[str, Any]


class MissingDependency(NewsgraphError, ImportError):
    """An optional library an export needs is not installed."""

    code = "missing_dependency"


def require(module: str, extra: str, purpose: str) -> ModuleType:
    """Import ``module`` on first use, or say which newsgraph extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise MissingDependency(
            f"{purpose} needs {module.split('.')[0]}, which is not installed: pip install 'newsgraph[{extra}]'"
        ) from e


def where(what: str, record: Any, index: int) -> str:
    """How an error names a record: its id when it has one, else its position in the input."""
    rid = record.get("id") if isinstance(record, Mapping) else None
    return f"{what} {rid}" if isinstance(rid, str) and rid else f"{what} #{index + 1}"


def report(errors: list[InputError] | None, error: InputError) -> None:
    """Skip a bad record: collect its error when the caller gathers them, else stop the export."""
    if errors is None:
        raise error
    errors.append(error)


def opt_str(record: Record, key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # ids or seen-dates that arrived as numbers
    raise ValueError(f"{key!r} should be text, got {type(value).__name__}")


def req_str(record: Record, key: str) -> str:
    value = opt_str(record, key)
    if not value:
        raise ValueError(f"missing {key!r}")
    return value


def opt_int(record: Record, key: str) -> int | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key!r} should be an integer, got {value!r}")
    return value


def opt_float(record: Record, key: str) -> float | None:
    """A finite number, or None; NaN and infinities are refused (no export format keeps them)."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{key!r} should be a finite number, got {value!r}")
    return float(value)


def opt_map(record: Record, key: str) -> Record:
    """A nested object (actor ref, date, place) or {} when it is null."""
    value = record.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"{key!r} should be an object or null, got {type(value).__name__}")
    return value


def maps(record: Record, key: str) -> list[Record]:
    """A list of objects (evidence, quantities, roles, sanctions); [] when absent."""
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list | tuple) or not all(isinstance(v, Mapping) for v in value):
        raise ValueError(f"{key!r} should be a list of objects")
    return list(value)


def strs(record: Record, key: str) -> list[str]:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key!r} should be a list of strings")
    return list(value)


def goldstein(event_type: str | None, mode: str | None) -> float | None:
    """The ontology's Goldstein score, or None for a type the ontology does not know."""
    from newsgraph import ontology

    if not event_type:
        return None
    try:
        return ontology.goldstein(event_type, mode)
    except KeyError:
        return None
