"""The resolve stage end to end: articles we wrote (tests/fixtures/resolve) through the real parser
and the real SQLite store.

- one meeting reported by three outlets in different words, with spelling variants of both
  presidents' names, is one event with three sources;
- the same two presidents meeting a year earlier is another event;
- two people who share a family name are two entities;
- ingesting again, or in another order, or one article at a time, gives the same graph.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from newsgraph import pipeline
from newsgraph.query import Query
from newsgraph.store import Store

CORPUS = Path(__file__).parent.parent / "fixtures" / "resolve"
FILES = sorted(str(p) for p in CORPUS.glob("*.txt"))


def snapshot(db: Path) -> dict[str, Any]:
    """Everything a user sees of the graph, independent of row order."""
    with Store.open(db) as store:
        q = Query(store)
        entities = sorted((e["id"], e["name"], e["kind"], e["country"], tuple(e["aliases"]), e["event_count"],
                           e["mention_count"]) for e in q.entities())
        events = sorted((e["id"], e["type"], (e["source"] or {}).get("id"), (e["target"] or {}).get("id"),
                         (e["date"] or {}).get("value"), e["sources"], e["articles"],
                         tuple(sorted((v["doc_id"], v["start"]) for v in e["evidence"]))) for e in q.events())
        relations = sorted((r["id"], r["first_seen"], r["last_seen"], len(r["evidence"])) for r in q.relations())
    return {"entities": entities, "events": events, "relations": relations}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("resolve") / "all.db"
    report = pipeline.ingest(FILES, db)
    assert report.ingested == len(FILES) and not report.errors
    return db


def meetings(db: Path) -> list[dict[str, Any]]:
    with Store.open(db) as store:
        return Query(store).timeline("Kassym-Jomart Tokayev", "Sadyr Japarov")


def test_three_outlets_one_meeting_is_one_event_with_three_sources(graph: Path) -> None:
    june = [e for e in meetings(graph) if (e["date"] or {}).get("value", "").startswith("2024-06")]
    assert len(june) == 1
    (event,) = june
    assert event["type"] == "CONSULT" and event["date"]["value"] == "2024-06-03"
    assert (event["sources"], event["articles"], event["reports"]) == (3, 3, 3)
    assert {Path(e["source"]).name for e in event["evidence"]} == {
        "a_steppe_wire.txt", "b_highland_daily.txt", "c_central_asia_review.txt"}


def test_the_same_two_people_a_year_earlier_are_another_event(graph: Path) -> None:
    dates = sorted((e["date"] or {}).get("value") or "" for e in meetings(graph))
    assert dates == ["2023-05-18", "2024-06-03"]


def test_spelling_variants_and_titles_are_one_entity(graph: Path) -> None:
    with Store.open(graph) as store:
        q = Query(store)
        tokayev, japarov = q.entity("Kassym-Zhomart Tokayev"), q.entity("Mr Japarov")
    assert tokayev is not None and japarov is not None
    assert tokayev["name"] == "Kassym-Jomart Tokayev" and tokayev["kind"] == "person"
    assert japarov["name"] == "Sadyr Japarov" and "Sadyr Zhaparov" in japarov["aliases"]
    assert tokayev["country"] == "KAZ" and japarov["country"] == "KGZ"


def test_two_people_with_one_family_name_are_two_entities(graph: Path) -> None:
    with Store.open(graph) as store:
        kims = {e["name"] for e in Query(store).entities(kind="person", q="kim")}
    assert {"Kim Jong Un", "Kim Hong-kyun"} <= kims


def test_show_event_lists_every_report(graph: Path) -> None:
    june = next(e for e in meetings(graph) if (e["date"] or {}).get("value") == "2024-06-03")
    with Store.open(graph) as store:
        shown = Query(store).event(june["id"])
    assert shown is not None
    outlets = sorted(r["outlet"] for r in shown["report_list"])
    assert outlets == ["Central Asia Review", "Highland Daily", "Steppe Wire"]
    assert sum(r["primary"] for r in shown["report_list"]) == 1


def test_ingesting_again_changes_nothing(graph: Path, tmp_path: Path) -> None:
    before = snapshot(graph)
    again = pipeline.ingest(FILES, graph)
    assert again.ingested == 0
    assert snapshot(graph) == before


@pytest.mark.parametrize("order", [list(reversed(FILES)), [FILES[i] for i in (2, 4, 0, 3, 1)]])
def test_one_article_at_a_time_in_another_order_gives_the_same_graph(graph: Path, tmp_path: Path,
                                                                      order: list[str]) -> None:
    db = tmp_path / "incremental.db"
    for path in order:  # every article is its own ingest: resolution runs incrementally each time
        assert pipeline.ingest([path], db).ingested == 1
    assert snapshot(db) == snapshot(graph)


def test_permutations_of_batches_agree(graph: Path, tmp_path: Path) -> None:
    for n, (first, second) in enumerate(itertools.islice(itertools.permutations([FILES[:2], FILES[2:]]), 2)):
        db = tmp_path / f"p{n}.db"
        pipeline.ingest(first, db)
        pipeline.ingest(second, db)
        assert snapshot(db) == snapshot(graph)


def test_common_nouns_stay_in_their_article_and_do_not_merge_events(tmp_path: Path) -> None:
    corpus = tmp_path / "police"
    corpus.mkdir()
    for name, city in (("a.txt", "Tbilisi"), ("b.txt", "Nairobi")):
        (corpus / name).write_text(f"Published: 2024-05-15\n\nIn {city}, police detained several protesters "
                                   "on Tuesday, witnesses said.\n", encoding="utf-8")
    db = tmp_path / "police.db"
    assert pipeline.ingest([str(corpus)], db).ingested == 2
    with Store.open(db) as store:
        q = Query(store)
        # each article's police (now placed in the city's country) stays its own entity
        assert len([e for e in q.entities() if e["name"].lower().endswith("police")]) == 2
        events = q.events()
        assert len(events) == 2 and all(e["sources"] == 1 for e in events)
