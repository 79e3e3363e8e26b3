"""Parquet export: explicit schemas, values and types read back with pyarrow and DuckDB."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph import ontology
from newsgraph.errors import InputError
from newsgraph.export._common import MissingDependency
from newsgraph.export.parquet import WHATS, schema, write_parquet

pa = pytest.importorskip("pyarrow", reason="pyarrow is the optional newsgraph[parquet] extra")
pq = pytest.importorskip("pyarrow.parquet")


def ref(eid: str, name: str, kind: str = "person", country: str | None = None) -> dict[str, Any]:
    return {"id": eid, "name": name, "kind": kind, "country": country, "sector": "GOV"}


EV1 = {
    "id": "ev1", "type": "AGREE", "mode": "cooperate", "context": "economic", "modality": "asserted",
    "confidence": 0.8, "source": ref("p1", "Zoë 😀 <b>"), "target": ref("g1", "Ruritania", "country", "RUR"),
    "date": {"text": "in June 2023", "value": "2023-06", "precision": "month"},
    "place": {"name": "Zenda", "country": "RUR", "lat": 55.75, "lon": -37.5},
    "quantities": [{"value": 35e6, "unit": "USD", "text": "$35 million"}],
    "evidence": [{"doc_id": "d1", "source": "https://news.example/a", "sentence": "They signed.", "start": 0,
                  "end": 12},
                 {"doc_id": "d2", "source": "b.txt", "sentence": "Signed, it was.", "start": 40, "end": 55}],
    "sources": 2, "articles": 2, "reports": 3,
}
EV2 = {"id": "ev2", "type": "MOBILIZE", "mode": None, "context": None, "modality": "planned", "confidence": 1,
       "source": ref("g1", "Ruritania", "country", "RUR"), "target": None, "date": None, "place": None,
       "quantities": [], "evidence": [], "sources": 1, "articles": 1, "reports": 1}
ENTITY = {"id": "p1", "name": "Zoë", "kind": "person", "country": "MMR", "sector": None, "aliases": ["Z", "Dr Zoë"],
          "roles": [{"title": "Minister", "organisation": "Ministry of Trade", "seen": "2024-03-02"}],
          "event_count": 4, "mention_count": 9,
          "sanctions": [{"list": "OFAC SDN", "party_id": "42", "party_name": "ZOE", "score": 0.93,
                         "explanation": "name + country"}]}
RELATION = {"id": "r1", "source": ref("p1", "Zoë"), "relation": "leads", "target": ref("g1", "Ruritania"),
            "first_seen": "2023-06-01", "last_seen": "2024-01-05",
            "evidence": [{"doc_id": "d1", "source": "s", "sentence": "Zoë leads.", "start": 3, "end": 13}]}


def test_events_round_trip_with_flat_columns_and_nested_lists(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(iter([EV1, EV2]), path, "events") == 2
    table = pq.read_table(path)
    assert table.schema.equals(schema("events"))
    assert table.schema.metadata[b"newsgraph.what"] == b"events"
    types = {f.name: f.type for f in table.schema}
    assert types["lat"] == pa.float64() and types["sources"] == pa.int64() and types["source_name"] == pa.string()
    assert types["evidence"] == pa.list_(pa.struct([("doc_id", pa.string()), ("source", pa.string()),
                                                    ("sentence", pa.string()), ("start", pa.int64()),
                                                    ("end", pa.int64())]))
    first, second = table.to_pylist()
    assert (first["source_id"], first["source_name"], first["target_country"]) == ("p1", "Zoë 😀 <b>", "RUR")
    assert (first["date_value"], first["date_precision"], first["date_text"]) == ("2023-06", "month", "in June 2023")
    assert (first["place_name"], first["lat"], first["lon"]) == ("Zenda", 55.75, -37.5)
    assert (first["sources"], first["articles"], first["reports"]) == (2, 2, 3)
    assert first["goldstein"] == ontology.goldstein("AGREE", "cooperate")
    assert first["quantities"] == [{"value": 35e6, "unit": "USD", "text": "$35 million"}]
    assert [e["doc_id"] for e in first["evidence"]] == ["d1", "d2"] and first["evidence"][1]["start"] == 40
    assert second["target_id"] is None and second["date_value"] is None and second["lat"] is None
    assert second["confidence"] == 1.0 and second["evidence"] == [] and second["mode"] is None


def test_entities_and_relations_round_trip(tmp_path: Path) -> None:
    write_parquet([ENTITY], tmp_path / "e.parquet", "entities")
    write_parquet([RELATION], tmp_path / "r.parquet", "relations")
    (entity,) = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert entity["aliases"] == ["Z", "Dr Zoë"] and entity["sanctioned"] is True
    assert entity["roles"] == [{"title": "Minister", "organisation": "Ministry of Trade", "seen": "2024-03-02"}]
    assert entity["sanctions"][0]["score"] == 0.93 and entity["event_count"] == 4
    (relation,) = pq.read_table(tmp_path / "r.parquet").to_pylist()
    assert (relation["source_id"], relation["relation"], relation["target_name"]) == ("p1", "leads", "Ruritania")
    assert (relation["first_seen"], relation["last_seen"]) == ("2023-06-01", "2024-01-05")
    assert relation["evidence"][0]["sentence"] == "Zoë leads."


@pytest.mark.parametrize("what", WHATS)
def test_empty_input_writes_a_valid_file_with_the_schema(tmp_path: Path, what: str) -> None:
    path = tmp_path / f"{what}.parquet"
    assert write_parquet([], path, what) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.schema.equals(schema(what))


def test_duckdb_reads_the_export(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "events.parquet"
    write_parquet([EV1, EV2], path, "events")
    con = duckdb.connect()
    rows = con.execute(f"SELECT id, source_name, lat, sources FROM '{path}' ORDER BY id").fetchall()
    assert rows == [("ev1", "Zoë 😀 <b>", 55.75, 2), ("ev2", "Ruritania", None, 1)]
    docs = con.execute(f"SELECT unnest(evidence).doc_id FROM '{path}' WHERE id = 'ev1'").fetchall()
    assert docs == [("d1",), ("d2",)]
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{path}')").fetchall())
    assert types["lat"] == "DOUBLE" and types["sources"] == "BIGINT" and types["date_value"] == "VARCHAR"


def test_bad_rows_are_reported_and_the_rest_written(tmp_path: Path) -> None:
    errors: list[InputError] = []
    bad_lat = EV1 | {"id": "ev3", "place": {"name": "x", "lat": "north"}}
    n = write_parquet([EV1, {"type": "AGREE"}, bad_lat, float("nan"), EV2], tmp_path / "x.parquet", "events",
                      errors=errors)
    assert n == 2
    assert [e.where for e in errors] == ["event #2", "event ev3", "event #4"]
    assert "'lat'" in errors[1].reason
    assert pq.read_table(tmp_path / "x.parquet").column("id").to_pylist() == ["ev1", "ev2"]
    with pytest.raises(InputError, match="event #1: missing 'id'"):
        write_parquet([{"type": "AGREE"}], tmp_path / "y.parquet", "events")


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export 'places'"):
        write_parquet([], tmp_path / "x.parquet", "places")


def test_missing_pyarrow_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingDependency, match=r"newsgraph\[parquet\]"):
        write_parquet([], tmp_path / "x.parquet", "events")
