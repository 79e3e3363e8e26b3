"""The learned event filter: it only removes candidates, only when enabled, deterministically."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

from newsgraph.extract import event_candidates
from newsgraph.extract.filter import EventFilter, bucket, event_filter
from newsgraph.model import Document


def test_a_disabled_filter_keeps_everything() -> None:
    assert EventFilter({"type=ASSAULT": -50.0}, 0.0, 0.9, enabled=False).keep({"type=ASSAULT": 1.0})


def test_an_enabled_filter_drops_what_scores_under_its_threshold() -> None:
    f = EventFilter({"origin=dictionary": -3.0, "type=CONSULT": 2.0}, 0.0, 0.5, enabled=True)
    assert f.keep({"type=CONSULT": 1.0}) and not f.keep({"origin=dictionary": 1.0})
    assert f.score({"type=CONSULT": 1.0}) == f.score({"type=CONSULT": 1.0})  # no randomness


def test_buckets() -> None:
    assert [bucket(n, (1, 2, 4)) for n in (0, 2, 3, 9)] == ["<=1", "<=2", "<=4", ">4"]


def test_the_shipped_filter_is_off_unless_it_beat_the_rules_on_test() -> None:
    data = json.loads(resources.files("newsgraph.ontology").joinpath("data", "event_filter.json").read_text())
    assert data["measured"]["candidates"] > 0  # trained on the dev corpus
    assert event_filter().enabled == data["enabled"]
    if data["enabled"]:  # only when the training script measured a win on the frozen test part
        assert data["measured"]["test"]["filtered"][2] > data["measured"]["test"]["rules"][2]
        held_out = data["measured"]["dev_held_out"]  # and on dev batches it was not trained on
        assert held_out["filtered"][2] > held_out["rules"][2]


def test_candidates_carry_what_the_rules_saw(nlp) -> None:
    text = "Peru expelled the Bolivian ambassador on Monday."
    document = Document.from_text(text, "t.txt", published=date(2024, 5, 6))
    ((ev, features),) = event_candidates(document, nlp(text))
    assert ev.type == "SANCTION"
    assert {"type=SANCTION", "origin=own", "pos=VERB", "source.kind=country", "target.country=yes",
            "lemma=expel", "mode=SANCTION.expel", "sentence=<=0"} <= set(features)
    assert "quoted" not in features
    text = 'Peru said on Monday: "We have expelled the Bolivian ambassador."'
    ((ev, features),) = event_candidates(Document.from_text(text, "t.txt", published=date(2024, 5, 6)), nlp(text))
    assert "quoted" in features


def test_the_shipped_weights_drop_sides_of_no_state_and_keep_two_states(nlp) -> None:
    data = json.loads(resources.files("newsgraph.ontology").joinpath("data", "event_filter.json").read_text())
    weights = EventFilter(dict(data["weights"]), float(data["bias"]), float(data["threshold"]), True)
    text = "Gunmen attacked villagers in Plateau state on Sunday, killing at least 40 people."
    ((ev, features),) = event_candidates(Document.from_text(text, "t.txt"), nlp(text))
    assert ev.type == "ASSAULT" and not weights.keep(features)  # countryless sides rarely hold in the gold
    text = "Peru and Bolivia signed a trade agreement on Monday."
    ((ev, features),) = event_candidates(Document.from_text(text, "t.txt"), nlp(text))
    assert ev.type == "AGREE" and weights.keep(features)
