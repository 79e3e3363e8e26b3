"""Merging through the real store gives the same events whatever the order and batching of the
articles, even for chains of reports that could each join the next (a week-long negotiation
reported day by day, undated reports published a few days apart)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsgraph.model import Actor, Document, Event, Evidence, Extraction, Span, TimeValue
from newsgraph.query import Query
from newsgraph.store import Store


def article(i: int, published: date, when: date | None) -> Extraction:
    text = f"United States officials held talks with China, report {i}."
    doc = Document.from_text(text, source=f"r{i}.txt", published=published, outlet=f"outlet {i}")
    us = Actor("us", "United States", "country", "USA", mentions=[Span(0, 13, "United States", 0)])
    cn = Actor("cn", "China", "country", "CHN", mentions=[Span(text.index("China"), text.index("China") + 5,
                                                               "China", 0)])
    time = TimeValue(when.isoformat(), when.isoformat(), "day") if when else None
    ev = Event("CONSULT", "negotiate", us, cn, time=time, trigger="talks", position=text.index("talks"),
               evidence=[Evidence(doc.id, doc.source, text, 0, len(text), 0)])
    return Extraction(doc, [us, cn], [ev], sentences=[Span(0, len(text), text, 0)])


def chains() -> list[Extraction]:
    start = date(2024, 3, 1)
    undated = [article(i, start + timedelta(days=5 * i), None) for i in range(10)]
    daily = [article(100 + i, start + timedelta(days=i + 1), start + timedelta(days=i)) for i in range(10)]
    return undated + daily


def events(db: Path) -> list[tuple[str, ...]]:
    with Store.open(db) as store:
        return sorted(tuple(sorted(e["doc_id"] for e in ev["evidence"])) for ev in Query(store).events())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_chains_merge_the_same_in_any_order(tmp_path: Path, seed: int) -> None:
    docs = chains()
    with Store.open(tmp_path / "batch.db") as store:
        store.add(docs)
    expected = events(tmp_path / "batch.db")
    assert len(expected) < len(docs)  # something merged
    shuffled = docs[:]
    random.Random(seed).shuffle(shuffled)
    with Store.open(tmp_path / "one.db") as store:
        for ex in shuffled:  # one article per batch: the incremental path every time
            store.add([ex])
    assert events(tmp_path / "one.db") == expected
