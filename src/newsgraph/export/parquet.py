"""Parquet export with a fixed schema per record kind, for DuckDB, pandas and polars.

Events are flattened (source_id, target_name, date_value, lat, ...) so the common questions are
plain column filters; evidence, quantities, roles and sanctions stay list<struct> columns that
DuckDB can ``unnest``. The schema is explicit so an empty export, or one whose first rows happen
to be all-null in a column, has the same column types as any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from os import PathLike
from typing import IO, Any

from newsgraph.errors import InputError
from newsgraph.export._common import (
    Record,
    goldstein,
    maps,
    opt_float,
    opt_int,
    opt_map,
    opt_str,
    report,
    req_str,
    require,
    strs,
    where,
)

WHATS = ("events", "entities", "relations")
BATCH_ROWS = 10_000
_ACTOR_FIELDS = ("id", "name", "kind", "country", "sector")


def _pa() -> Any:
    return require("pyarrow", "parquet", "Parquet export")


def schema(what: str) -> Any:
    """The pyarrow schema of one record kind (ValueError for an unknown kind)."""
    pa = _pa()
    string, f64, i64 = pa.string(), pa.float64(), pa.int64()
    evidence = pa.list_(pa.struct([("doc_id", string), ("source", string), ("sentence", string),
                                   ("start", i64), ("end", i64)]))

    def actor(prefix: str) -> list[Any]:
        return [pa.field(f"{prefix}_{f}", string) for f in _ACTOR_FIELDS]

    if what == "events":
        fields = [
            pa.field("id", string, nullable=False), pa.field("type", string), pa.field("mode", string),
            pa.field("context", string), pa.field("modality", string), pa.field("confidence", f64),
            pa.field("goldstein", f64), *actor("source"), *actor("target"),
            pa.field("date_text", string), pa.field("date_value", string), pa.field("date_precision", string),
            pa.field("place_name", string), pa.field("place_country", string),
            pa.field("lat", f64), pa.field("lon", f64),
            pa.field("sources", i64), pa.field("articles", i64), pa.field("reports", i64),
            pa.field("quantities", pa.list_(pa.struct([("value", f64), ("unit", string), ("text", string)]))),
            pa.field("evidence", evidence),
        ]
    elif what == "entities":
        fields = [
            pa.field("id", string, nullable=False), pa.field("name", string), pa.field("kind", string),
            pa.field("country", string), pa.field("sector", string), pa.field("aliases", pa.list_(string)),
            pa.field("roles", pa.list_(pa.struct([("title", string), ("organisation", string), ("seen", string)]))),
            pa.field("event_count", i64), pa.field("mention_count", i64), pa.field("sanctioned", pa.bool_()),
            pa.field("sanctions", pa.list_(pa.struct([
                ("list", string), ("party_id", string), ("party_name", string), ("score", f64),
                ("explanation", string)]))),
        ]
    elif what == "relations":
        fields = [
            pa.field("id", string, nullable=False), pa.field("relation", string), *actor("source"),
            *actor("target"), pa.field("first_seen", string), pa.field("last_seen", string),
            pa.field("evidence", evidence),
        ]
    else:
        raise ValueError(f"unknown export {what!r}; choose one of {', '.join(WHATS)}")
    return pa.schema(fields, metadata={"newsgraph.what": what})


def _actor(prefix: str, ref: Record) -> dict[str, Any]:
    return {f"{prefix}_{f}": opt_str(ref, f) for f in _ACTOR_FIELDS}


def _evidence(record: Record) -> list[dict[str, Any]]:
    return [{"doc_id": opt_str(e, "doc_id"), "source": opt_str(e, "source"), "sentence": opt_str(e, "sentence"),
             "start": opt_int(e, "start"), "end": opt_int(e, "end")} for e in maps(record, "evidence")]


def event_row(event: Record) -> dict[str, Any]:
    etype, mode = opt_str(event, "type"), opt_str(event, "mode")
    date, place = opt_map(event, "date"), opt_map(event, "place")
    return {
        "id": req_str(event, "id"), "type": etype, "mode": mode, "context": opt_str(event, "context"),
        "modality": opt_str(event, "modality"), "confidence": opt_float(event, "confidence"),
        "goldstein": goldstein(etype, mode),
        **_actor("source", opt_map(event, "source")), **_actor("target", opt_map(event, "target")),
        "date_text": opt_str(date, "text"), "date_value": opt_str(date, "value"),
        "date_precision": opt_str(date, "precision"),
        "place_name": opt_str(place, "name"), "place_country": opt_str(place, "country"),
        "lat": opt_float(place, "lat"), "lon": opt_float(place, "lon"),
        "sources": opt_int(event, "sources"), "articles": opt_int(event, "articles"),
        "reports": opt_int(event, "reports"),
        "quantities": [{"value": opt_float(q, "value"), "unit": opt_str(q, "unit"), "text": opt_str(q, "text")}
                       for q in maps(event, "quantities")],
        "evidence": _evidence(event),
    }


def entity_row(entity: Record) -> dict[str, Any]:
    sanctions = [{"list": opt_str(s, "list"), "party_id": opt_str(s, "party_id"),
                  "party_name": opt_str(s, "party_name"), "score": opt_float(s, "score"),
                  "explanation": opt_str(s, "explanation")} for s in maps(entity, "sanctions")]
    return {
        "id": req_str(entity, "id"), "name": opt_str(entity, "name"), "kind": opt_str(entity, "kind"),
        "country": opt_str(entity, "country"), "sector": opt_str(entity, "sector"),
        "aliases": strs(entity, "aliases"),
        "roles": [{"title": opt_str(r, "title"), "organisation": opt_str(r, "organisation"),
                   "seen": opt_str(r, "seen")} for r in maps(entity, "roles")],
        "event_count": opt_int(entity, "event_count"), "mention_count": opt_int(entity, "mention_count"),
        "sanctioned": bool(sanctions), "sanctions": sanctions,
    }


def relation_row(relation: Record) -> dict[str, Any]:
    return {
        "id": req_str(relation, "id"), "relation": opt_str(relation, "relation"),
        **_actor("source", opt_map(relation, "source")), **_actor("target", opt_map(relation, "target")),
        "first_seen": opt_str(relation, "first_seen"), "last_seen": opt_str(relation, "last_seen"),
        "evidence": _evidence(relation),
    }


_ROWS = {"events": event_row, "entities": entity_row, "relations": relation_row}
_SINGULAR = {"events": "event", "entities": "entity", "relations": "relation"}


def _batches(rows: Iterable[Record], what: str, errors: list[InputError] | None) -> Iterator[list[dict[str, Any]]]:
    convert, batch = _ROWS[what], []
    for i, record in enumerate(rows):
        try:
            batch.append(convert(record))
        except (ValueError, AttributeError) as e:
            report(errors, InputError(where(_SINGULAR[what], record, i), str(e)))
            continue
        if len(batch) >= BATCH_ROWS:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(rows: Iterable[Record], path: str | PathLike[str] | IO[bytes], what: str,
                  errors: list[InputError] | None = None) -> int:
    """Write ``rows`` (query-layer dicts of kind ``what``) to ``path``; return how many were written.

    Rows are converted in batches, so memory stays flat on large stores. A malformed row is
    skipped and its InputError appended to ``errors``; without a list the first one is raised.
    Empty input still writes a valid file carrying the schema.
    """
    table_schema = schema(what)
    pa = _pa()
    pq = require("pyarrow.parquet", "parquet", "Parquet export")
    n = 0
    with pq.ParquetWriter(path, table_schema, compression="zstd") as writer:
        for batch in _batches(rows, what, errors):
            writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
            n += len(batch)
    return n
