"""JSONL export: one record per line; events in the export schema, the format ``evaluate`` reads back."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from newsgraph.query import Json, Query


def write_records(records: Iterable[Json], fp: TextIO) -> int:
    """Write records (events, entities or relations as the query layer shapes them), one JSON
    object per line; return how many."""
    n = 0
    for record in records:
        fp.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_jsonl(query: Query, fp: TextIO, **filters: Any) -> int:
    """Write the events matching ``filters`` (those of ``Query.events``) in reading order."""
    return write_records(query.events(**{"order": "document", **filters}), fp)
