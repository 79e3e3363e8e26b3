"""Event merging rules, on hand-made reports (entities already resolved)."""

from __future__ import annotations

import random
from dataclasses import replace

from newsgraph.resolve.events import Report, merge, same_happening

MEETING = Report(id="r1", doc_id="d1", type="CONSULT", source="KAZ", target="KGZ", modality="asserted",
                 date_start="2024-06-03", date_end="2024-06-03", precision="day", published="2024-06-04",
                 place_country="KAZ", place_name="Astana")


def test_two_articles_on_one_meeting_are_one_happening() -> None:
    other = replace(MEETING, id="r2", doc_id="d2", source="KGZ", target="KAZ")  # the other way round
    assert same_happening(MEETING, other)
    (h,) = merge([MEETING, other])
    assert h.members == ("r1", "r2") and h.id == "r1"


def test_one_article_never_merges_with_itself() -> None:
    assert not same_happening(MEETING, replace(MEETING, id="r2"))


def test_meetings_a_year_apart_are_two_happenings() -> None:
    later = replace(MEETING, id="r2", doc_id="d2", date_start="2025-06-03", date_end="2025-06-03",
                    published="2025-06-04")
    assert not same_happening(MEETING, later)
    assert len(merge([MEETING, later])) == 2


def test_a_day_of_slack_but_no_more() -> None:
    assert same_happening(MEETING, replace(MEETING, id="r2", doc_id="d2", date_start="2024-06-04",
                                           date_end="2024-06-04"))
    assert not same_happening(MEETING, replace(MEETING, id="r2", doc_id="d2", date_start="2024-06-06",
                                               date_end="2024-06-06"))


def test_a_coarser_date_that_contains_the_day_agrees() -> None:
    month = replace(MEETING, id="r2", doc_id="d2", date_start="2024-06", date_end="2024-06", precision="month")
    assert same_happening(MEETING, month)
    (h,) = merge([month, MEETING])
    assert h.primary == "r1"  # the report with the most precise date speaks for the event


def test_type_modality_place_and_actors_must_agree() -> None:
    other = replace(MEETING, id="r2", doc_id="d2")
    assert not same_happening(MEETING, replace(other, type="AGREE"))
    assert same_happening(MEETING, replace(other, modality="planned"))  # "will meet on Monday", then "met"
    assert not same_happening(MEETING, replace(other, modality="negated"))
    assert not same_happening(MEETING, replace(other, modality="hypothetical"))
    assert same_happening(MEETING, replace(other, modality="reported-claim"))
    strike = replace(MEETING, type="ASSAULT")  # an act on the ground has one place
    assert not same_happening(strike, replace(other, type="ASSAULT", place_country="KGZ", place_name="Bishkek"))
    assert not same_happening(MEETING, replace(other, target="UZB"))
    assert same_happening(MEETING, replace(other, target=None))  # a missing side is no contradiction
    assert not same_happening(replace(MEETING, target=None, source=None), replace(other, target=None, source=None))


def test_direction_matters_for_directed_types() -> None:
    aid = replace(MEETING, type="AID")
    assert not same_happening(aid, replace(aid, id="r2", doc_id="d2", source="KGZ", target="KAZ"))
    # a shared entity in opposite roles is no agreement: Russia sanctioning is not Russia sanctioned
    sanction = replace(MEETING, type="SANCTION", source="RUS", target=None)
    assert not same_happening(sanction, replace(sanction, id="r2", doc_id="d2", source=None, target="RUS"))
    assert same_happening(sanction, replace(sanction, id="r2", doc_id="d2", target="UKR"))


def test_undated_reports_merge_only_when_published_close_together() -> None:
    undated = replace(MEETING, date_start=None, date_end=None, precision=None)
    assert same_happening(undated, replace(undated, id="r2", doc_id="d2", published="2024-06-08"))
    assert not same_happening(undated, replace(undated, id="r2", doc_id="d2", published="2024-07-08"))
    assert not same_happening(undated, replace(MEETING, id="r2", doc_id="d2"))  # one dated, one not


def test_complete_linkage_does_not_chain_two_meetings() -> None:
    june = replace(MEETING, date_start="2024-06", date_end="2024-06", precision="month")
    third = replace(MEETING, id="r2", doc_id="d2")
    thirtieth = replace(MEETING, id="r3", doc_id="d3", date_start="2024-06-30", date_end="2024-06-30")
    happenings = merge([june, third, thirtieth])
    assert len(happenings) == 2  # "June" may be either meeting, but the 3rd and the 30th stay apart
    assert not any({"r2", "r3"} <= set(h.members) for h in happenings)


def test_two_articles_that_each_tell_an_act_twice_meet_lead_to_lead() -> None:
    # each article tells the meeting in its lead and again lower down (one report per article per
    # happening): the leads make one event and the restatements another, whatever their ids
    leads = [replace(MEETING, id="r9", doc_id="d1", position=0), replace(MEETING, id="r7", doc_id="d2", position=1)]
    later = [replace(MEETING, id="r1", doc_id="d1", position=6), replace(MEETING, id="r2", doc_id="d2", position=5)]
    groups = {frozenset(h.members) for h in merge(leads + later)}
    assert groups == {frozenset({"r9", "r7"}), frozenset({"r1", "r2"})}


def test_merging_does_not_depend_on_input_order() -> None:
    reports = [replace(MEETING, id=f"r{i}", doc_id=f"d{i}", date_start=f"2024-06-{d:02d}",
                       date_end=f"2024-06-{d:02d}") for i, d in enumerate([3, 3, 4, 20, 20, 21, 3])]
    reports.append(replace(MEETING, id="r9", doc_id="d9", date_start="2024-06", date_end="2024-06",
                           precision="month"))
    expected = sorted(merge(reports), key=lambda h: h.id)
    rng = random.Random(3)
    for _ in range(20):
        shuffled = reports[:]
        rng.shuffle(shuffled)
        assert sorted(merge(shuffled), key=lambda h: h.id) == expected


def test_a_day_given_from_the_story_reaches_back_a_week_but_a_stated_day_does_not() -> None:
    told_later = replace(MEETING, id="r2", doc_id="d2", date_start="2024-06-07", date_end="2024-06-07",
                         published="2024-06-07", date_given=True)  # "the two met": dated by the story
    assert same_happening(MEETING, told_later)  # the meeting was on the 3rd, told by the 7th
    assert not same_happening(MEETING, replace(told_later, date_given=False))  # "met on Friday the 7th"
    assert not same_happening(MEETING, replace(told_later, date_start="2024-06-01", date_end="2024-06-01"))
    # two reports dated by their stories are as two undated ones: published within a week
    assert same_happening(replace(MEETING, date_given=True), told_later)


def test_officials_and_organs_of_the_same_two_states_are_the_same_sides() -> None:
    """One outlet writes "Italy summoned Israel's ambassador", another "the defence minister
    summoned the Israeli envoy": different entities, the same two states."""
    protest = Report(id="r1", doc_id="d1", type="ACCUSE", source="e-italy", target="e-israel",
                     modality="asserted", date_start="2024-10-10", date_end="2024-10-10", precision="day",
                     published="2024-10-11", source_side="state:ITA", target_side="state:ISR")
    by_minister = replace(protest, id="r2", doc_id="d2", source="e-minister", target="e-envoy")
    assert same_happening(protest, by_minister)
    assert len(merge([by_minister, protest])) == 1
    # the states the other way round, or a side that is its own (a company, a rebel group), are not
    assert not same_happening(protest, replace(by_minister, source_side="state:ISR", target_side="state:ITA"))
    assert not same_happening(protest, replace(by_minister, target_side=None))
    # a state acting on its own people is too coarse a pair to call two reports one
    domestic = replace(protest, target="e-police", target_side="state:ITA")
    assert not same_happening(domestic, replace(domestic, id="r2", doc_id="d2", source="e-minister",
                                                target="e-carabinieri"))
    # both sides must be named: an official with no target is no statement against Israel
    assert not same_happening(protest, replace(by_minister, target=None, target_side=None))


def test_symmetric_acts_agree_on_state_sides_in_either_order() -> None:
    talks = replace(MEETING, source="e-kaz-pm", target="e-kgz", source_side="state:KAZ", target_side="state:KGZ")
    other = replace(MEETING, id="r2", doc_id="d2", source="e-kgz-fm", target="e-kaz",
                    source_side="state:KGZ", target_side="state:KAZ")
    assert same_happening(talks, other)
    assert len(merge([other, talks])) == 1


def test_a_statements_place_is_no_reason_to_keep_two_reports_apart() -> None:
    """Each outlet places a statement at its own dateline, and a meeting too when the text names no
    place (a treaty signed in Pyongyang, reported from Seoul); a strike has one place."""
    statement = replace(MEETING, type="ACCUSE", place_country="IDN", place_name="Jakarta")
    assert same_happening(statement, replace(statement, id="r2", doc_id="d2", place_country="ITA",
                                             place_name="Rome"))
    assert same_happening(MEETING, replace(MEETING, id="r2", doc_id="d2", place_country="ITA", place_name="Rome"))
    # ... but on two days, two countries are two meetings (Cairo on Monday, Jeddah on Tuesday)
    assert not same_happening(MEETING, replace(MEETING, id="r2", doc_id="d2", place_country="ITA", place_name="Rome",
                                               date_start="2024-06-04", date_end="2024-06-04"))
    assert not same_happening(replace(MEETING, type="RETREAT"), replace(MEETING, type="RETREAT", id="r2", doc_id="d2",
                                                                        place_country="ITA", place_name="Rome"))
    strike = replace(MEETING, type="ASSAULT")
    assert not same_happening(strike, replace(strike, id="r2", doc_id="d2", place_country="ITA", place_name="Rome"))
    # a break of ties is decided in a capital: each outlet places it at its own dateline too
    sanction = replace(MEETING, type="SANCTION", place_country="ECU", place_name="Quito")
    assert same_happening(sanction, replace(sanction, id="r2", doc_id="d2", place_country="MEX",
                                            place_name="Mexico City"))


def test_state_sides_alone_need_the_same_day_and_for_a_strike_the_same_place() -> None:
    """With no entity shared, two states acting on each other again and again are told apart by the
    day of each report (stated, or given from its story: the day it was told by) and, for an act on
    the ground, by where it happened."""
    strike = Report(id="r1", doc_id="d1", type="ASSAULT", source="e-army", target="e-ukraine",
                    modality="asserted", date_start="2024-03-01", date_end="2024-03-01", precision="day",
                    published="2024-03-02", place_country="UKR", place_name="Kharkiv",
                    source_side="state:RUS", target_side="state:UKR")
    other = replace(strike, id="r2", doc_id="d2", source="e-russia", target="e-troops")
    assert same_happening(strike, other)
    assert not same_happening(strike, replace(other, place_name="Avdiivka"))  # another strike that day
    assert not same_happening(strike, replace(other, date_start="2024-03-04", date_end="2024-03-04"))
    # a day given from the story is the day the act was told by: on the stated day or up to two after
    assert same_happening(strike, replace(other, date_given=True))
    assert same_happening(strike, replace(other, date_given=True, date_start="2024-03-03", date_end="2024-03-03"))
    assert not same_happening(strike, replace(other, date_given=True, date_start="2024-03-04",
                                              date_end="2024-03-04"))
    assert not same_happening(strike, replace(other, date_given=True, date_start="2024-02-27",
                                              date_end="2024-02-27"))  # told before it happened
    # ... but a strike dated from its story must name the same place: a war has strikes every day
    assert not same_happening(strike, replace(other, date_given=True, place_name=None, place_country=None))
    assert not same_happening(strike, replace(other, date_given=True, place_name="Odesa"))
    # a sanction, a deal, a visit or aid is placed by each outlet's dateline or host: with no entity
    # shared, the same two states and the same day make one act whatever the two places (an expulsion
    # told from Prague and from Moscow), but an act on the ground stays apart at two places
    package = replace(strike, type="SANCTION", place_name="Prague", place_country="CZE")
    assert same_happening(package, replace(other, type="SANCTION", place_name="Moscow", place_country="RUS"))
    assert same_happening(package, replace(other, type="SANCTION", date_given=True, place_name="Moscow",
                                           place_country="RUS"))
    assert not same_happening(package, replace(other, type="SANCTION", date_start="2024-03-04",
                                               date_end="2024-03-04"))
    assert not same_happening(replace(strike, type="COERCE"), replace(other, type="COERCE", place_name="Odesa"))
    both_given = replace(strike, date_given=True)
    assert same_happening(both_given, replace(other, date_given=True, date_start="2024-03-02", date_end="2024-03-02"))
    assert not same_happening(both_given, replace(other, date_given=True, date_start="2024-03-03",
                                                  date_end="2024-03-03"))
    assert not same_happening(strike, replace(other, date_start="2024", date_end="2024", precision="year"))
    # a statement's place is its outlet's dateline: only the day counts
    said = replace(strike, type="ACCUSE")
    assert same_happening(said, replace(other, type="ACCUSE", place_name="Moscow", place_country="RUS"))


def test_a_shared_entity_and_the_same_state_told_two_ways_agree_on_the_same_day_and_place() -> None:
    """One outlet writes "police arrested the former president", another "the country detained him":
    the same person arrested by one state, named as its police in one report and as itself in the
    other (a state acting on its own citizen, which the same-two-states rule leaves apart). Only on
    evidence as strong as the same two states need: the same day, and for an act on the ground no
    two places."""
    arrest = Report(id="r1", doc_id="d1", type="COERCE", source="e-police", target="e-expresident",
                    modality="asserted", date_start="2022-02-15", date_end="2022-02-15", precision="day",
                    published="2022-02-15", place_country="HND", place_name="Tegucigalpa",
                    source_side="state:HND", target_side="state:HND")
    by_state = replace(arrest, id="r2", doc_id="d2", source="e-honduras", place_name=None, place_country=None,
                       published="2022-02-16")
    assert same_happening(arrest, by_state)
    assert len(merge([by_state, arrest])) == 1
    # another state's police, a source that is its own side (a gang): not the same act
    assert not same_happening(arrest, replace(by_state, source="e-usa", source_side="state:USA"))
    assert not same_happening(arrest, replace(by_state, source="e-gang", source_side=None))
    # two arrests of one man by one state: in two towns, on two days, or one dated only by its story
    assert not same_happening(arrest, replace(by_state, place_country="HND", place_name="San Pedro Sula"))
    assert not same_happening(arrest, replace(by_state, date_start="2022-02-20", date_end="2022-02-20"))
    assert not same_happening(arrest, replace(by_state, date_given=True, date_start="2022-02-16",
                                              date_end="2022-02-16"))
    assert not same_happening(arrest, replace(by_state, precision="month", date_start="2022-02",
                                              date_end="2022-02"))
