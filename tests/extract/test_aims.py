"""Targets the text leaves unsaid for acts aimed by their nature (extract/aims.py)."""

from __future__ import annotations

from datetime import date

import pytest

MONDAY = date(2024, 7, 8)


def _mobilised(ex):  # type: ignore[no-untyped-def]
    return [(e.source.country, e.target.country if e.target else None) for e in ex.events if e.type == "MOBILIZE"]


def test_a_mobilisation_is_aimed_at_the_states_one_adversary_in_the_story(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Serbia accused Kosovo of attacking Serb villages on Thursday. Serbia sent troops to the "
                      "border on Friday.", MONDAY)
    assert _mobilised(ex) == [("SRB", "XKX")]


def test_a_mobilisation_against_two_adversaries_alike_is_aimed_at_neither(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Serbia accused Kosovo of attacking Serb villages on Thursday. Serbia also accused Croatia of "
                      "arming the attackers. Serbia sent troops to the border on Friday.", MONDAY)
    assert ("SRB", "XKX") not in _mobilised(ex) and ("SRB", "HRV") not in _mobilised(ex)


@pytest.mark.parametrize(("text", "country"), [
    ("Opposition supporters accused President Emmerson Mnangagwa of rigging the vote on Monday. The opposition "
     "supporters then took to the streets.", "ZWE"),
    ("Protesters demanded the resignation of Prime Minister KP Sharma Oli on Monday. On Tuesday the protesters "
     "took to the streets again.", "NPL"),
])
def test_a_protest_aimed_at_no_one_named_is_against_the_crowds_own_government(extract_text, text, country) -> None:  # type: ignore[no-untyped-def]
    protests = [e for e in extract_text(text, MONDAY).events if e.type == "PROTEST"]
    assert [(e.target.kind, e.target.country) for e in protests if e.target is not None] == [("government", country)]


def test_a_protest_of_a_crowd_of_no_known_state_is_no_event(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Thousands of people took to the streets on Monday, witnesses said.", MONDAY)
    assert not [e for e in ex.events if e.type == "PROTEST" and e.target is None]


def test_a_protest_abroad_is_not_against_the_crowds_own_government(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Ukrainian women rallied in Warsaw on Sunday to demand the return of prisoners held by Russia.",
                      MONDAY)
    assert not [e for e in ex.events if e.type == "PROTEST" and e.target is not None and e.target.country == "UKR"]


def test_a_protest_told_with_its_target_is_not_told_again_without(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Thousands of people took to the streets of Nairobi on Tuesday, chanting slogans against the "
                      "finance bill.", MONDAY)
    assert len([e for e in ex.events if e.type == "PROTEST"]) == 1
