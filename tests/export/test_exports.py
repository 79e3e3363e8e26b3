"""JSONL and GDELT-style CSV exports over a hand-built store."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from newsgraph import ontology
from newsgraph.evaluate import load_events
from newsgraph.export.csv import COLUMNS, defuse, sqldate, write_csv
from newsgraph.export.jsonl import write_jsonl
from newsgraph.model import Actor, Document, Event, Evidence, Extraction, Place, Quantity, TimeValue
from newsgraph.query import Query
from newsgraph.store import Store

EVENT_KEYS = ["id", "type", "mode", "context", "modality", "confidence", "source", "target", "date", "place",
              "quantities", "evidence", "sources", "articles", "reports"]


def extraction(text: str, source: str, events: list[tuple[Event, int]]) -> Extraction:
    """A document whose events are each stated by the sentence at the given offset."""
    doc = Document.from_text(text, source, published=date(2023, 6, 20))
    for ev, start in events:
        end = text.index(".", start) + 1
        ev.evidence.append(Evidence(doc.id, source, text[start:end], start, end))
    return Extraction(doc, events=[ev for ev, _ in events])


@pytest.fixture
def query(tmp_path: Path) -> Iterator[Query]:
    rus = Actor("r", "Russia", "government", "RUS", "GOV")
    mmr = Actor("m", "Myanmar", "government", "MMR", "GOV")
    usa = Actor("u", "=HYPERLINK(\"http://evil\")", "government", "USA", "GOV")
    text = "Russia and Myanmar signed a memorandum. The US sanctioned Myanmar banks."
    agree = Event("AGREE", "cooperate", rus, mmr, time=TimeValue("June 2023", "2023-06", "month"),
                  place=Place("Moscow", "RUS", 55.75, 37.62), confidence=0.8, trigger="signed",
                  quantities=[Quantity(35e6, "USD", "$35 million", "money")])
    sanction = Event("SANCTION", "economic", usa, mmr, time=TimeValue("2024", "2024", "year"),
                     trigger="sanctioned")
    monadic = Event("MOBILIZE", None, mmr, None, trigger="deployed")
    with Store.open(tmp_path / "x.db") as store:
        store.add([
            extraction(text, "https://news.example/a", [(agree, 0), (sanction, text.index("The US"))]),
            extraction("Myanmar deployed troops.", "-b.txt", [(monadic, 0)]),
        ])
        yield Query(store)


def test_jsonl_one_event_per_line_with_exactly_the_schema_keys(query: Query, tmp_path: Path) -> None:
    out = io.StringIO()
    assert write_jsonl(query, out) == 3
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    events = [json.loads(line) for line in lines]
    assert all(list(ev) == EVENT_KEYS for ev in events)
    assert events == query.events()
    assert events[0]["quantities"] == [{"value": 35e6, "unit": "USD", "text": "$35 million"}]
    path = tmp_path / "events.jsonl"  # what evaluate reads back
    with path.open("w", encoding="utf-8") as fp:
        write_jsonl(query, fp, type="SANCTION")
    assert [e["type"] for e in load_events(path)] == ["SANCTION"]


def read_csv(query: Query) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    assert write_csv(query, out) == 3
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def test_csv_has_gdelt_columns_and_cameo_codes(query: Query) -> None:
    rows = {r["PLOVER_Type"]: r for r in read_csv(query)}
    agree, sanction, mobilize = rows["AGREE"], rows["SANCTION"], rows["MOBILIZE"]
    assert agree["EventCode"] == ontology.cameo_code("AGREE", "cooperate") == "031"
    assert agree["EventRootCode"] == "03" and agree["QuadClass"] == "1"
    assert float(agree["GoldsteinScale"]) == ontology.goldstein("AGREE", "cooperate")
    assert (agree["SQLDATE"], agree["DatePrecision"]) == ("20230600", "month")
    actor1 = (agree["Actor1Name"], agree["Actor1CountryCode"], agree["Actor1Type1Code"])
    assert actor1 == ("Russia", "RUS", "GOV")
    assert (agree["Actor2Name"], agree["Actor2CountryCode"]) == ("Myanmar", "MMR")
    geo = (agree["ActionGeo_FullName"], agree["ActionGeo_Lat"], agree["ActionGeo_Long"])
    assert geo == ("Moscow", "55.75", "37.62")
    assert (agree["NumMentions"], agree["NumSources"]) == ("1", "1")
    assert agree["SOURCEURL"] == "https://news.example/a" and agree["Modality"] == "asserted"
    assert sanction["EventCode"] == "163" and sanction["GoldsteinScale"] == "-8.0"  # numbers are not defused
    assert sanction["SQLDATE"] == "20240000" and sanction["QuadClass"] == "4"
    assert mobilize["Actor2Name"] == "" and mobilize["SQLDATE"] == "" and mobilize["EventCode"]


def test_csv_defuses_formulas_in_text_cells_only(query: Query) -> None:
    rows = {r["PLOVER_Type"]: r for r in read_csv(query)}
    assert rows["SANCTION"]["Actor1Name"] == "'=HYPERLINK(\"http://evil\")"
    assert rows["MOBILIZE"]["SOURCEURL"] == "'-b.txt"
    assert [defuse(x) for x in ("+1", "@x", "ok", "")] == ["'+1", "'@x", "ok", ""]


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-06-15", "20230615"), ("2023-06", "20230600"), ("2023", "20230000"),
    ("2023-06/2023-08", "20230600"), (None, ""),
])
def test_sqldate(value: str | None, expected: str) -> None:
    assert sqldate(value) == expected
