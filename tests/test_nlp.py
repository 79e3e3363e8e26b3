"""The spaCy pipeline's own repairs: names the model cut short are carried to their end."""

from __future__ import annotations

import pytest


def entities(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(("text", "name"), [
    ("The Press Council of Uganda called the raid an assault on the newsroom.", "The Press Council of Uganda"),
    ("The Islamic Resistance in Iraq said its drones had reached the base.", "The Islamic Resistance in Iraq"),
])
def test_a_name_cut_after_of_or_in_runs_to_its_end(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    found = entities(nlp, text)
    assert any(t == name for t, _ in found), found
    assert not any(t.split()[-1] in ("of", "in") for t, _ in found), found


def test_a_name_ending_in_a_lower_case_word_is_left_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    found = entities(nlp, "Delegates of the Group of 20 met in Rome, where the ministers of finance spoke.")
    assert all(not t.endswith(" where") for t, _ in found), found


@pytest.mark.parametrize(("text", "kept"), [
    ("The Media Council of Kenya CEO David Omwoyo condemned the raid.", "David Omwoyo"),
    ("The Media Council of Kenya and Amnesty International condemned Israel.", "Amnesty International"),
    ("The Media Council of Kenya Tuesday accused Ethiopia of jamming.", "Tuesday"),
])
def test_a_carried_name_stops_before_a_person_a_date_or_another_name(nlp, text: str, kept: str) -> None:  # type: ignore[no-untyped-def]
    found = entities(nlp, text)
    assert ("The Media Council of Kenya", "ORG") in found and any(t == kept for t, _ in found), found


def test_a_carried_name_takes_a_following_name_that_begins_with_the(nlp) -> None:  # type: ignore[no-untyped-def]
    found = entities(nlp, "The Office of the Prime Minister of the Republic of Armenia and the Administration of "
                          "the President of the Republic of Azerbaijan have held talks.")
    assert ("the Administration of the President of the Republic of Azerbaijan", "ORG") in found, found
