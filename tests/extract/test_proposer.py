"""The type proposer: it speaks only for two-sided sentences the rules found nothing in, reads no
names or demonyms, links the pair its pair model prefers (without one, the main clause's subject and
the next side named), and only while enabled."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from importlib import resources

import pytest

from newsgraph.extract import _read, sentence_candidates
from newsgraph.extract.actors import sentences
from newsgraph.extract.proposer import (
    MAX_CONFIDENCE,
    NONE,
    TypeProposer,
    pair_options,
    propose_events,
    sentence_features,
    sentence_pair,
    type_proposer,
)
from newsgraph.model import Document
from newsgraph.ontology import event_types

SAID = "Chile said the raid by Bolivian police was a grave breach of the convention."


def _parse(nlp, text: str):  # type: ignore[no-untyped-def]
    document = Document.from_text(text, "t.txt", published=date(2024, 5, 6))
    doc = nlp(text)
    table = _read(document, doc)[0]
    return document, doc, table


def _model(enabled: bool = True, threshold: float = 0.5) -> TypeProposer:
    return TypeProposer({NONE: {}, "ACCUSE": {"w=breach": 6.0}, "CONSULT": {"w=talk": 6.0}},
                        {NONE: 2.0, "ACCUSE": 0.0, "CONSULT": 0.0}, threshold, enabled)


def test_the_subject_side_acts_on_the_next_side_named(nlp) -> None:
    _, doc, table = _parse(nlp, SAID)
    source, target, _ = sentence_pair(sentences(doc)[0], table)  # type: ignore[misc]
    assert (source.country, target.country) == ("CHL", "BOL")


def test_a_pair_model_picks_among_the_ordered_pairs(nlp) -> None:
    _, doc, table = _parse(nlp, SAID)
    sent = sentences(doc)[0]
    options = pair_options(sent, table)
    assert {(a.country, b.country) for a, b, _ in options} == {("CHL", "BOL"), ("BOL", "CHL")}
    assert any("a.role=subject" in f for _, _, f in options)
    backwards = replace(_model(), pair_weights={"a.role=subject": -4.0})  # a model that learned the reverse
    source, target, p = sentence_pair(sent, table, backwards)  # type: ignore[misc]
    assert (source.country, target.country) == ("BOL", "CHL") and p == 0.5  # no weight speaks for it


def test_one_side_is_no_pair(nlp) -> None:
    _, doc, table = _parse(nlp, "Chile said the talks with its own miners were a breach of trust.")
    assert sentence_pair(sentences(doc)[0], table) is None


def test_features_are_general_words_and_structure_never_names(nlp) -> None:
    _, doc, table = _parse(nlp, SAID)
    sent = sentences(doc)[0]
    features = sentence_features(sent, table)
    assert {"w=breach", "speech", "sides=2"} <= set(features)
    assert not any("chile" in f or "bolivia" in f for f in features)
    _, doc, table = _parse(nlp, "Chile said the Chinese loan to Bolivia was a breach of the rules.")
    words = set(sentence_features(sentences(doc)[0], table))
    assert "w=loan" in words and "w=chinese" not in words  # a free-standing demonym is a name too
    assert any(f.startswith(("own=", "dict=")) for f in features)  # the vocabularies' types of its words


def test_an_enabled_model_proposes_for_an_untold_sentence(nlp) -> None:
    document, doc, table = _parse(nlp, SAID)
    (ev,) = propose_events(doc, document, table, [], _model())
    assert ev.type == "ACCUSE" and (ev.source.country, ev.target.country) == ("CHL", "BOL")  # type: ignore[union-attr]
    assert ev.confidence <= MAX_CONFIDENCE and ev.evidence[0].sentence == SAID


def test_no_proposal_when_disabled_unsure_or_already_told(nlp) -> None:
    document, doc, table = _parse(nlp, SAID)
    assert propose_events(doc, document, table, [], _model(enabled=False)) == []
    assert propose_events(doc, document, table, [], _model(threshold=0.99)) == []
    (ev,) = propose_events(doc, document, table, [], _model())
    assert propose_events(doc, document, table, [ev], _model()) == []  # a rule event stands there


def test_probabilities_sum_to_one_and_repeat() -> None:
    probs = _model().probabilities({"w=breach": 1.0})
    assert abs(sum(probs.values()) - 1.0) < 1e-9 and probs == _model().probabilities({"w=breach": 1.0})
    assert _model().best({"w=talk": 1.0})[0] == "CONSULT"


@pytest.mark.xfail(strict=True, reason="known error of the ranker retrained at the sixth stop: the raid's "
                   "unsaid target is taken from the sentence before (Peru)")
def test_a_raid_judged_in_reported_words_gets_no_target_from_the_sentence_before(nlp) -> None:
    text = "Peru and Bolivia signed a trade agreement on Monday. " + SAID
    events, cands = sentence_candidates(Document.from_text(text, "t.txt", published=date(2024, 5, 6)), nlp(text))
    assert [c.told for c in cands] == [True, False]


def test_candidates_mark_the_sentences_the_rules_told(nlp) -> None:
    text = "Peru and Bolivia signed a trade agreement on Monday. Chile and Argentina are neighbours of Bolivia."
    events, cands = sentence_candidates(Document.from_text(text, "t.txt", published=date(2024, 5, 6)), nlp(text))
    assert events and [c.told for c in cands] == [True, False]


def test_the_shipped_model_is_off_unless_it_beat_the_rules_on_test() -> None:
    data = json.loads(resources.files("newsgraph.ontology").joinpath("data", "type_proposer.json").read_text())
    assert set(data["weights"]) - {NONE} <= set(event_types())  # PLOVER types only
    assert type_proposer().enabled == data["enabled"]
    if data["enabled"]:
        assert data["measured"]["test"]["proposed"][2] > data["measured"]["test"]["rules"][2]
        held_out = data["measured"]["dev_held_out"]
        assert held_out["proposed"][2] > held_out["rules"][2]
