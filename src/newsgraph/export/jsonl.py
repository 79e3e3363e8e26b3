"""JSONL export: one event per line in the export schema, the format ``evaluate`` reads back."""

from __future__ import annotations

import json
from typing import Any, TextIO

from newsgraph.query import Query


def write_jsonl(query: Query, fp: TextIO, **filters: Any) -> int:
    """Write the events matching ``filters`` (those of ``Query.events``); return how many."""
    n = 0
    for event in query.events(**{"order": "document", **filters}):
        fp.write(json.dumps(event, ensure_ascii=False) + "\n")
        n += 1
    return n
