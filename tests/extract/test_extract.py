"""The extract stage as a whole: one document in, one self-consistent Extraction out."""

from __future__ import annotations

import json
import pickle
from datetime import date

import pytest

from newsgraph.extract import find_dateline
from newsgraph.model import to_dict

PUBLISHED = date(2024, 7, 8)  # a Monday
ARTICLE = ("Japan, Philippines sign defence pact\n"
           "Japan and the Philippines signed a defence pact in Manila on Monday. "
           "Tokyo will provide $500 million in aid to Manila next year. "
           "Chinese officials criticised the deal.")


def test_sentences_cover_the_document_with_offsets(extract_text) -> None:
    ex = extract_text(ARTICLE, PUBLISHED)
    assert [s.sentence for s in ex.sentences] == list(range(len(ex.sentences)))
    assert [s.text.strip() for s in ex.sentences] == [
        "Japan, Philippines sign defence pact",
        "Japan and the Philippines signed a defence pact in Manila on Monday.",
        "Tokyo will provide $500 million in aid to Manila next year.",
        "Chinese officials criticised the deal.",
    ]
    for s in ex.sentences:
        assert ARTICLE[s.start:s.end] == s.text
    assert all(a.end <= b.start for a, b in zip(ex.sentences, ex.sentences[1:], strict=False))


def test_times_are_normalised_against_the_publication_date(extract_text) -> None:
    ex = extract_text(ARTICLE, PUBLISHED)
    assert [(t.text, t.value, t.precision) for t in ex.times] == [
        ("on Monday", "2024-07-08", "day"),
        ("next year", "2025", "year"),
    ]
    for t in ex.times:
        assert ARTICLE[t.start:t.end] == t.text


def test_places_are_located_with_country_and_offsets(extract_text) -> None:
    ex = extract_text(ARTICLE, PUBLISHED)
    manila = [p for p in ex.places if p.name == "Manila"]
    assert len(manila) == 2
    assert all(p.country == "PHL" and p.lat is not None and p.lon is not None for p in manila)
    for p in ex.places:
        assert ARTICLE[p.start:p.end] == p.name


def test_quantities_are_normalised_with_offsets(extract_text) -> None:
    ex = extract_text(ARTICLE, PUBLISHED)
    assert [(q.text, q.value, q.unit, q.kind) for q in ex.quantities] == [
        ("$500 million", 5e8, "USD", "money"),
    ]
    (q,) = ex.quantities
    assert ARTICLE[q.start:q.end] == q.text


def test_events_reference_the_extractions_own_actors(extract_text) -> None:
    ex = extract_text(ARTICLE, PUBLISHED)
    assert ex.events
    ids = {id(a) for a in ex.actors}
    for ev in ex.events:
        for actor in (ev.source, ev.target):
            assert actor is None or id(actor) in ids
        assert ev.evidence and all(e.doc_id == ex.document.id for e in ev.evidence)
        assert 0.0 < ev.confidence <= 1.0


def test_capital_standing_for_its_government_carries_the_aid_and_amount(extract_text) -> None:
    ex = extract_text(ARTICLE, PUBLISHED)
    (aid,) = [e for e in ex.events if e.type == "AID"]
    assert (aid.source.country, aid.target.country) == ("JPN", "PHL")  # type: ignore[union-attr]
    assert aid.modality == "planned"
    assert [q.value for q in aid.quantities] == [5e8]
    assert aid.time is not None and aid.time.value == "2025"
    assert aid.evidence[0].sentence == "Tokyo will provide $500 million in aid to Manila next year."


def test_dateline_gives_a_meeting_its_place(extract_text) -> None:
    text = "MANILA \u2013 Japan and the Philippines discussed maritime security on Monday."
    ex = extract_text(text, PUBLISHED)
    (ev,) = ex.events
    assert ev.type == "CONSULT"
    assert ev.place is not None and ev.place.name == "Manila" and ev.place.country == "PHL"
    assert text[ev.place.start:ev.place.end] == "MANILA"


def test_extraction_is_deterministic(extract_text) -> None:
    first = extract_text(ARTICLE, PUBLISHED)
    second = extract_text(ARTICLE, PUBLISHED)
    assert [e.id for e in first.events] == [e.id for e in second.events]
    assert [a.key for a in first.actors] == [a.key for a in second.actors]
    assert len({e.id for e in first.events}) == len(first.events)


def test_extraction_is_plain_data(extract_text) -> None:
    ex = extract_text(ARTICLE, PUBLISHED)
    assert to_dict(pickle.loads(pickle.dumps(ex))) == to_dict(ex)  # crosses a process boundary intact
    data = json.loads(json.dumps(to_dict(ex)))
    assert data["document"]["published"] == "2024-07-08"
    assert data["document"]["source"] == "test.txt"
    assert len(data["events"]) == len(ex.events)


@pytest.mark.parametrize("text, city", [
    ("LIMA (wire) - Peru's Congress removed the president on Wednesday.", "Lima"),
    ("DHAKA, Nov 17 (Reuters) - A court ruled on Monday.", "Dhaka"),
    ("LONDON (AP) — Britain froze the assets on Tuesday.", "London"),
    ("NAIROBI - Kenya deployed police officers on Tuesday.", "Nairobi"),
])
def test_datelines_with_and_without_an_agency(text: str, city: str) -> None:
    place = find_dateline(text)
    assert place is not None and place.name == city
    assert find_dateline("The (big) - day came.") is None
