"""The query layer over a small hand-built store: filters, entities, full-text search, stats."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from newsgraph import pipeline
from newsgraph.errors import InputError
from newsgraph.model import (
    Actor,
    Document,
    Event,
    Evidence,
    Extraction,
    Place,
    Quantity,
    Role,
    Span,
    TimeValue,
)
from newsgraph.query import Query
from newsgraph.store import Store

EVENT_KEYS = {"sources", "articles", "reports", "id", "type", "mode", "context", "modality", "confidence",
              "source", "target", "date", "place",
              "quantities", "evidence"}
ACTOR_KEYS = {"id", "name", "kind", "country", "sector"}


class Doc:
    """Builds one Extraction by hand: actors found by name in the text, events on sentences."""

    def __init__(self, text: str, source: str, published: date | None) -> None:
        self.document = Document.from_text(text, source, published=published)
        self.sents = [Span(m.start(), m.end(), m.group(), i)
                      for i, m in enumerate(re.finditer(r"\S[^.]*\.", text))]
        self.actors: dict[str, Actor] = {}
        self.events: list[Event] = []

    def actor(self, name: str, kind: str, country: str | None, sector: str | None = None,
              **kw: object) -> Actor:
        if name not in self.actors:
            text = self.document.text
            spans = [Span(m.start(), m.end(), name, next(s.sentence for s in self.sents if s.end >= m.end()))
                     for m in re.finditer(re.escape(name), text)]
            self.actors[name] = Actor(name, name, kind, country, sector, mentions=spans, **kw)  # type: ignore[arg-type]
        return self.actors[name]

    def event(self, sentence: int, type: str, mode: str | None, source: Actor | None, target: Actor | None,
              time: TimeValue | None = None, **kw: object) -> None:
        s = self.sents[sentence]
        ev = Evidence(self.document.id, self.document.source, s.text, s.start, s.end, sentence)
        self.events.append(Event(type, mode, source, target, time=time, evidence=[ev], **kw))  # type: ignore[arg-type]

    def extraction(self) -> Extraction:
        return Extraction(self.document, list(self.actors.values()), self.events, sentences=self.sents)


def corpus() -> list[Extraction]:
    one = Doc("Russia and Myanmar signed a memorandum in June 2023. "
              "Min Aung Hlaing met Vladimir Putin in Moscow on June 15.",
              "https://ex.org/1", date(2023, 6, 20))
    rus = one.actor("Russia", "government", "RUS", "GOV")
    mmr = one.actor("Myanmar", "government", "MMR", "GOV", aliases=["Burma"])
    mah = one.actor("Min Aung Hlaing", "person", "MMR", "MIL", aliases=["the junta chief"],
                    roles=[Role("commander-in-chief", "Tatmadaw", "2023-06-20")])
    putin = one.actor("Vladimir Putin", "person", "RUS", "GOV")
    one.event(0, "AGREE", "cooperate", rus, mmr, TimeValue("June 2023", "2023-06", "month"), trigger="signed")
    one.event(1, "CONSULT", "meet", mah, putin, TimeValue("June 15", "2023-06-15", "day"), trigger="met",
              place=Place("Moscow", "RUS", 55.75, 37.62), confidence=0.8)

    two = Doc("Russia will supply Myanmar with ships worth $35 million. "
              "The United States sanctioned two Myanmar banks in January.", "two.txt", date(2024, 1, 31))
    rus2 = two.actor("Russia", "government", "RUS", "GOV")
    mmr2 = two.actor("Myanmar", "government", "MMR", "GOV")
    usa = two.actor("The United States", "government", "USA", "GOV")
    two.event(0, "COOPERATE", "military", rus2, mmr2, TimeValue("2023", "2023", "year"), modality="planned",
              quantities=[Quantity(35e6, "USD", "$35 million", "money")], trigger="supply")
    two.event(1, "SANCTION", "economic", usa, mmr2, TimeValue("in January", "2024-01", "month"),
              trigger="sanctioned")

    three = Doc("Burma accused the rebels of attacks. Nobody replied.", "three.txt", None)
    burma = three.actor("Burma", "government", "MMR", "GOV")
    rebels = three.actor("the rebels", "armed-group", "MMR", "REB")
    three.event(0, "ACCUSE", "allege", burma, rebels, trigger="accused")
    return [one.extraction(), two.extraction(), three.extraction()]


@pytest.fixture
def query(tmp_path: Path) -> Iterator[Query]:
    with Store.open(tmp_path / "q.db") as store:
        store.add(corpus())
        yield Query(store)


def types(events: list[dict[str, object]]) -> list[object]:
    return [e["type"] for e in events]


def test_events_have_exactly_the_export_schema_in_date_order(query: Query) -> None:
    events = query.events()
    assert types(events) == ["COOPERATE", "AGREE", "CONSULT", "SANCTION", "ACCUSE"]  # undated last
    for ev in events:
        assert set(ev) == EVENT_KEYS
        assert set(ev["source"]) == ACTOR_KEYS and set(ev["target"]) == ACTOR_KEYS
        assert all(set(e) == {"doc_id", "source", "sentence", "start", "end"} for e in ev["evidence"])
    consult = events[2]
    assert consult["date"] == {"text": "June 15", "value": "2023-06-15", "precision": "day"}
    assert consult["place"] == {"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62}
    assert consult["evidence"][0]["source"] == "https://ex.org/1"
    assert consult["evidence"][0]["sentence"] == "Min Aung Hlaing met Vladimir Putin in Moscow on June 15."
    assert events[0]["quantities"] == [{"value": 35e6, "unit": "USD", "text": "$35 million"}]
    assert events[0]["modality"] == "planned"
    assert events[4]["date"] is None and events[4]["place"] is None


def test_actor_filter_matches_names_and_aliases_ignoring_case(query: Query) -> None:
    assert types(query.events(actor="putin")) == ["CONSULT"]
    assert types(query.events(actor="MIN AUNG")) == ["CONSULT"]
    assert types(query.events(actor="united states")) == ["SANCTION"]
    # Myanmar (alias Burma) and the separate "Burma" entity of document three
    assert types(query.events(actor="burma")) == ["COOPERATE", "AGREE", "SANCTION", "ACCUSE"]
    assert query.events(actor="nobody at all") == []
    assert query.events(actor="--") == []


def test_type_filter_and_limit(query: Query) -> None:
    assert types(query.events(type="sanction")) == ["SANCTION"]
    assert types(query.events(limit=2)) == ["COOPERATE", "AGREE"]
    assert query.events(limit=0) == []
    with pytest.raises(InputError):
        query.events(limit=-1)


def test_since_until_compare_at_the_coarser_precision(query: Query) -> None:
    assert types(query.events(since="2024")) == ["SANCTION"]
    assert types(query.events(until="2023-06")) == ["COOPERATE", "AGREE", "CONSULT"]
    assert types(query.events(since="2023-06-10", until="2023-12-31")) == ["COOPERATE", "AGREE", "CONSULT"]
    assert types(query.events(since="2023-06-16", until="2023-06-30")) == ["COOPERATE", "AGREE"]
    assert types(query.events(since="2025")) == []
    assert "ACCUSE" not in types(query.events(until="2099"))  # undated events are left out
    with pytest.raises(InputError, match="since"):
        query.events(since="June 2023")


def test_entities_listing_and_filters(query: Query) -> None:
    ents = query.entities()
    assert set(ents[0]) == {"id", "name", "kind", "country", "sector", "aliases", "event_count",
                            "mention_count"}
    myanmar = next(e for e in ents if e["name"] == "Myanmar")
    # "Burma" of the third article is Myanmar (an alias in common): one entity across the corpus
    assert myanmar["aliases"] == ["Burma"] and myanmar["event_count"] == 4
    assert myanmar["mention_count"] == 4
    assert ents[0]["name"] == "Myanmar"  # most events first
    assert {e["name"] for e in query.entities(kind="person")} == {"Min Aung Hlaing", "Vladimir Putin"}
    assert {e["name"] for e in query.entities(country="rus")} == {"Russia", "Vladimir Putin"}
    assert {e["name"] for e in query.entities(q="bur")} == {"Myanmar"}


def test_entity_detail(query: Query) -> None:
    mah = query.entity("min aung hlaing")
    assert mah is not None
    assert mah["roles"] == [{"title": "commander-in-chief", "organisation": "Tatmadaw", "seen": "2023-06-20",
                             "doc_id": mah["events"][0]["evidence"][0]["doc_id"]}]
    assert mah["sanctions"] == []
    assert types(mah["events"]) == ["CONSULT"] and set(mah["events"][0]) == EVENT_KEYS
    assert mah["evidence"] == [{"doc_id": mah["events"][0]["evidence"][0]["doc_id"], "source": "https://ex.org/1",
                                "sentence": "Min Aung Hlaing met Vladimir Putin in Moscow on June 15.",
                                "start": 53, "end": 109}]
    burma = query.entity("BURMA")  # an alias finds its entity, with the events of every article
    assert burma is not None and burma["name"] == "Myanmar" and "ACCUSE" in types(burma["events"])
    myanmar = query.entity("myanmar")
    assert myanmar is not None and myanmar["aliases"] == ["Burma"] and myanmar["event_count"] == 4
    assert query.entity(myanmar["id"])["name"] == "Myanmar"  # type: ignore[index]
    assert query.entity("Min Aung-Hlaing")["name"] == "Min Aung Hlaing"  # type: ignore[index]
    assert query.entity("The Junta Chief")["name"] == "Min Aung Hlaing"  # type: ignore[index]
    assert query.entity("Kim Jong Un") is None


@pytest.mark.parametrize("hostile", ['"a OR', "NEAR(", "memorandum AND", "OR OR", "*", "x:y", ")", ""])
def test_search_sentences_survives_hostile_input(query: Query, hostile: str) -> None:
    assert isinstance(query.search_sentences(hostile), list)


def test_search_sentences_finds_words_with_stemming(query: Query) -> None:
    hits = query.search_sentences("sanctions banks")
    assert [h["text"] for h in hits] == ["The United States sanctioned two Myanmar banks in January."]
    assert hits[0]["source"] == "two.txt" and "**" in hits[0]["snippet"]
    assert query.search_sentences('"memorandum')  # a stray quote is just a character
    assert query.search_sentences("memorandum OR nothing") == []  # OR is a word to find, not syntax
    assert len(query.search_sentences("Myanmar", limit=1)) == 1


def test_stats(query: Query) -> None:
    stats = query.stats()
    assert {k: stats[k] for k in ("documents", "sentences", "events")} == {"documents": 3, "sentences": 6,
                                                                           "events": 5}
    assert stats["entities"] == 6  # Burma and Myanmar are one
    assert stats["by_type"] == {"ACCUSE": 1, "AGREE": 1, "CONSULT": 1, "COOPERATE": 1, "SANCTION": 1}


def test_graph_keeps_the_heaviest_edges_the_entitys_own_first(tmp_path: Path) -> None:
    """A hub's neighbourhood is cut to max_edges, never dropping an edge of the centre for one
    between two neighbours."""
    sample = Path(__file__).parent.parent / "src" / "newsgraph" / "data" / "sample"
    db = tmp_path / "g.db"
    pipeline.ingest([str(sample)], db)
    with Store.open(db) as store:
        q = Query(store)
        full = q.graph("United States")
        assert full["edges_total"] == len(full["edges"]) >= 4
        cut = q.graph("United States", max_edges=3)
        assert len(cut["edges"]) == 3 and cut["edges_total"] == full["edges_total"]
        own = [e for e in full["edges"] if full["center"] in (e["source"], e["target"])]
        assert cut["edges"] == own[:3]
