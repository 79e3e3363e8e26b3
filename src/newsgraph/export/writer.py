"""One entry point for every export format, so the CLI (and later the HTTP API) stay thin.

Formats and what they hold:

- ``jsonl``: events, entities or relations, one JSON object per line (events in the export schema
  that ``evaluate`` and ../shared/tools/score.py read);
- ``csv``: events in GDELT-style columns;
- ``parquet``: events, entities or relations with an explicit schema (DuckDB, pandas);
- ``graphml`` / ``gexf``: the whole network (entities as nodes, events and relations as edges);
- ``ftm``: the whole graph as FollowTheMoney entities (JSON lines).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from newsgraph.errors import InputError
from newsgraph.query import Json, Query

FORMATS = ("jsonl", "csv", "parquet", "graphml", "gexf", "ftm")
WHATS = ("events", "entities", "relations")
_BINARY = {"parquet", "graphml", "gexf"}  # written to a file (bytes or XML), never to the terminal


def rows(query: Query, what: str, reports: bool = False) -> list[Json]:
    """The records of one kind, as the query layer shapes them."""
    if what == "events":
        return query.events(reports=reports, order="document")
    if what == "entities":
        return query.entities(detail=True)
    if what == "relations":
        return query.relations()
    raise InputError("--what", f"{what!r}; choose one of {', '.join(WHATS)}")


def export(query: Query, format: str, what: str, output: Path | None, stdout: TextIO,
           reports: bool = False) -> list[str]:
    """Write one export to ``output`` (or ``stdout`` for text formats); return the records skipped
    as malformed, each named, so a bad record never stops the rest."""
    if format not in FORMATS:
        raise InputError("--format", f"{format!r}; choose one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise InputError("--what", f"{what!r}; choose one of {', '.join(WHATS)}")
    if format in _BINARY and output is None:
        raise InputError("--output", f"{format} writes a file, not the terminal: give one with -o")
    if format in ("graphml", "gexf", "ftm") and what != "events":
        raise InputError("--what", f"{format} always holds the whole graph (entities, events, relations);"
                                   " --what applies to jsonl and parquet")
    if format == "csv" and what != "events":
        raise InputError("--what", "csv holds events (GDELT-style columns); use jsonl or parquet for " + what)
    errors: list[InputError] = []
    if format in ("graphml", "gexf", "ftm"):
        graph_parts = (rows(query, "entities"), query.events(reports=reports), query.relations())
    if format == "parquet":
        from newsgraph.export.parquet import write_parquet

        assert output is not None
        write_parquet(rows(query, what, reports), output, what, errors=errors)
    elif format in ("graphml", "gexf"):
        from newsgraph.export import graph

        assert output is not None
        g = graph.build_graph(*graph_parts, errors=errors)
        (graph.write_graphml if format == "graphml" else graph.write_gexf)(g, output)
    else:
        fp: TextIO = output.open("w", encoding="utf-8", newline="") if output else stdout
        try:
            _write_text(query, format, what, reports, fp, graph_parts if format == "ftm" else None, errors)
        finally:
            if output:
                fp.close()
    return [str(e) for e in errors]


def _write_text(query: Query, format: str, what: str, reports: bool, fp: TextIO,
                graph_parts: tuple[Any, ...] | None, errors: list[InputError]) -> None:
    if format == "csv":
        from newsgraph.export.csv import write_csv

        write_csv(query, fp)
    elif format == "ftm":
        from newsgraph.export.ftm import write_ftm

        assert graph_parts is not None
        entities, events, relations = graph_parts
        write_ftm(entities, events, relations, fp, errors=errors)
    else:
        from newsgraph.export.jsonl import write_records

        write_records(rows(query, what, reports), fp)
