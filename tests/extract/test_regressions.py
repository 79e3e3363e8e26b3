"""Regressions found in review: each input once broke extraction or attributed an act wrongly."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph import pipeline

MONDAY = date(2024, 7, 8)


def test_names_in_other_scripts_stay_distinct_actors(extract_text) -> None:
    ex = extract_text("Газпром и Роснефть подписали соглашение. Лукойл отказался.", MONDAY)
    keys = [a.key for a in ex.actors]
    assert len(keys) == len(set(keys))
    assert all(k.split(":", 1)[1].strip() for k in keys)  # no actor keyed by an empty name


def test_a_full_name_never_renames_another_person_with_that_surname(extract_text) -> None:
    ex = extract_text("Putin spoke on Monday. Vladimir Putin met Xi Jinping in Beijing. "
                      "Lyudmila Putin visited Paris.", MONDAY)
    names = {a.name for a in ex.actors if a.kind == "person"}
    assert "Vladimir Putin" in names and "Lyudmila Putin" in names
    meeting = next(e for e in ex.events if e.type == "CONSULT" and e.trigger == "met")
    assert meeting.source is not None and meeting.source.name == "Vladimir Putin"


def test_hyphenated_names_keep_their_spelling(extract_text) -> None:
    ex = extract_text("South Korean President Moon Jae-in met Japanese Prime Minister Fumio Kishida in Tokyo.",
                      MONDAY)
    assert "Moon Jae-in" in {a.name for a in ex.actors}


def test_evidence_offsets_slice_exactly_the_sentence(extract_text) -> None:
    text = "Chile and Peru signed a trade deal on Monday.\n\nThe two sides met again in Lima.\n\n"
    ex = extract_text(text, MONDAY)
    assert ex.events
    for ev in ex.events:
        for e in ev.evidence:
            assert text[e.start:e.end] == e.sentence


def test_a_very_long_sentence_does_not_exhaust_the_stack(extract_text) -> None:
    text = "Officials from " + ", ".join(f"town {i}" for i in range(600)) + " met in Lima on Monday."
    ex = extract_text(text, MONDAY)
    assert ex.document.text == text


def test_two_sides_far_from_any_named_pair_are_not_guessed(extract_text) -> None:
    filler = " ".join("The weather was mild." for _ in range(6))
    ex = extract_text(f"Chile and Peru met in Lima on Monday. {filler} The two sides discussed fishing.", MONDAY)
    discussed = [e for e in ex.events if e.trigger == "discussed"]
    assert discussed == []


def test_text_longer_than_the_parser_accepts_is_reported_not_fatal(tmp_path) -> None:
    (tmp_path / "huge.txt").write_text("date: 2024-07-08\n" + "Chile met Peru. " * 70_000, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("date: 2024-07-08\nChile and Peru signed a trade deal on Monday.\n",
                                     encoding="utf-8")
    report = pipeline.ingest([str(tmp_path)], tmp_path / "s.db")
    assert report.ingested == 1 and report.failed == 1
    assert "huge.txt" in report.errors[0] and "characters" in report.errors[0]


def test_a_dateline_is_where_the_report_was_filed_not_who_acted(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("GENEVA – The United States and China agreed on May 12 to suspend most of the tariffs "
                      "after two days of talks at the Swiss ambassador's residence.")
    pairs = {(e.type, e.source.name if e.source else None, e.target.name if e.target else None) for e in ex.events}
    assert ("AGREE", "United States", "China") in pairs
    assert not any("Switzerland" in (s or "") for _, s, _ in pairs)


def test_the_lead_after_a_dateline_stays_one_sentence(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("QUITO, April 6 - Mexico broke off diplomatic relations with Ecuador after police "
                      "forced their way into its embassy.")
    cut = [e for e in ex.events if e.type == "SANCTION"]
    assert cut and cut[0].source is not None and cut[0].source.name == "Mexico"
    assert cut[0].evidence[0].sentence.startswith("Mexico broke off diplomatic relations")


@pytest.mark.parametrize("dateline", ["ABUJA (dpa) - ", "ABUJA (wire) - ", "ABUJA, May 6 (ap) - "])
def test_an_agency_named_in_lower_case_still_ends_the_dateline(extract_text, dateline) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(dateline + "Nigeria expelled two Ghanaian diplomats on Friday.")
    cut = [e for e in ex.events if e.type == "SANCTION"]
    assert cut and cut[0].source is not None and cut[0].source.country == "NGA"
    assert cut[0].evidence[0].sentence.startswith("Nigeria expelled")
