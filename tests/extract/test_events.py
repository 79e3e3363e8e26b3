"""Events as an analyst reads them: who did what to whom, when, where, how sure, and on what evidence."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.model import Event, Extraction

MONDAY = date(2024, 7, 8)  # a Monday
WEDNESDAY = date(2024, 7, 10)


def events(ex: Extraction, type_: str) -> list[Event]:
    return [e for e in ex.events if e.type == type_]


def one(ex: Extraction, type_: str) -> Event:
    found = events(ex, type_)
    assert len(found) == 1, [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]
    return found[0]


def pair(ev: Event) -> tuple[str | None, str | None]:
    """(source country, target country) of an event."""
    return (ev.source.country if ev.source else None, ev.target.country if ev.target else None)


def sided(ex: Extraction, type_: str) -> set[tuple[str | None, str | None]]:
    """(source country, target country) of each event of a type that names both sides."""
    return {pair(e) for e in events(ex, type_) if e.source and e.target}


# -- who did what to whom ----------------------------------------------------------------------

def test_the_speaker_of_a_report_is_no_author_of_the_attack_it_describes(extract_text) -> None:
    # "..., the army said, in an attack that ...": the attack is the rockets', not the army's; and whoever
    # condemns "the attack" after it condemns the one who fired them
    ex = extract_text("Jordanian air defences intercepted a salvo of Syrian rockets fired at Ramtha on Monday, the "
                      "army said, in an attack that wounded two guards. Egypt and Iraq condemned the attack on "
                      "Tuesday.", MONDAY)
    assert sided(ex, "ACCUSE") == {("EGY", "SYR"), ("IRQ", "SYR")}
    assert all(e.source is not None and e.source.country == "SYR" for e in events(ex, "ASSAULT"))


def test_a_weapon_named_after_a_group_the_story_names_is_that_groups(extract_text) -> None:
    ex = extract_text("Two Bahraini soldiers were killed when Houthi drones struck their position near the border on "
                      "Monday. Saudi Arabia and Kuwait condemned the strike. The Houthis made no comment.", MONDAY)
    (strike,) = events(ex, "ASSAULT")
    assert strike.source is not None and strike.source.name == "Houthis"
    assert {e.target.name for e in events(ex, "ACCUSE") if e.target} == {"Houthis"}


def test_the_attack_condemned_is_the_one_told_not_one_told_in_passing(extract_text) -> None:
    ex = extract_text("Russian drones hit a power station in Odesa overnight, weeks after a truce that Ukraine broke "
                      "with strikes on Russian refineries. Poland condemned the attack.", MONDAY)
    assert sided(ex, "ACCUSE") == {("POL", "RUS")}


def test_signed_pact_is_an_agreement_with_place_and_day(extract_text) -> None:
    ex = extract_text("Japan and the Philippines signed a defence pact in Manila on Monday.", MONDAY)
    ev = one(ex, "AGREE")
    assert ev.mode == "sign"
    assert set(pair(ev)) == {"JPN", "PHL"}
    assert ev.modality == "asserted"
    assert ev.place is not None and ev.place.name == "Manila" and ev.place.country == "PHL"
    # "on Monday" in a past-tense report published on a Monday is that very day
    assert ev.time is not None and (ev.time.text, ev.time.value, ev.time.precision) == \
        ("on Monday", "2024-07-08", "day")


@pytest.mark.parametrize(("text", "published", "value"), [
    # past tense: the most recent such weekday not after the publication date
    ("Brazil and Argentina signed a trade agreement on Monday.", WEDNESDAY, "2024-07-08"),
    ("Brazil and Argentina signed a trade agreement on Tuesday.", MONDAY, "2024-07-02"),
    # future tense: the first such weekday not before the publication date
    ("Japan will meet South Korea on Friday.", MONDAY, "2024-07-12"),
])
def test_weekday_is_fixed_by_tense_against_the_publication_date(extract_text, text, published, value) -> None:
    (ev,) = extract_text(text, published).events
    assert ev.time is not None and ev.time.value == value and ev.time.precision == "day"


@pytest.mark.parametrize(("text", "type_", "mode", "source", "target", "modality"), [
    ("Colombia accused Venezuela of harbouring rebels.", "ACCUSE", "accuse", "COL", "VEN", "asserted"),
    ("The Kremlin criticised Finland.", "ACCUSE", "criticize", "RUS", "FIN", "asserted"),
    ("Argentina expelled the Bolivian ambassador on Thursday.", "SANCTION", "expel", "ARG", "BOL", "asserted"),
    ("Two Iranian firms were sanctioned by the United States on Tuesday.",  # passive: the agent acts
     "SANCTION", "economic", "USA", "IRN", "asserted"),
    ("Ethiopian troops clashed with Eritrean forces near the border.", "ASSAULT", "fight", "ETH", "ERI",
     "asserted"),
    ("Vietnam did not sign the agreement with China.", "AGREE", "sign", "VNM", "CHN", "negated"),
    # a verb with its own tense after a negated copula is not negated by it
    ("Kenya's president said the coup was not the answer and urged Sudan's army to hand over power.",
     "REQUEST", "request", "KEN", "SDN", "asserted"),
    ("Chile has not signed or ratified the accord with Bolivia.", "AGREE", "agree", "CHL", "BOL", "negated"),
    ("Iran claimed that Israel attacked its embassy in Damascus.", "ASSAULT", "attack", "ISR", "IRN",
     "reported-claim"),
    ("Ukraine's navy sank a Russian patrol ship off Crimea.", "ASSAULT", "attack", "UKR", "RUS", "asserted"),
    ("Armenia froze its participation in the Collective Security Treaty Organization.", "SANCTION", "suspend",
     "ARM", None, "asserted"),
    ("Ethiopia signed a port deal with Somaliland.", "AGREE", "sign", "ETH", "SOM", "asserted"),
    ("The Kremlin dismissed the assessment by British intelligence.", "REJECT", "deny", "RUS", "GBR", "asserted"),
    ("India spurned the mediation offer from Washington.", "REJECT", "reject", "IND", "USA", "asserted"),
    ("Israel turned down the Egyptian proposal.", "REJECT", "reject", "ISR", "EGY", "asserted"),
    ("The Qatari foreign minister arrived in Tehran for talks.", "CONSULT", "visit", "QAT", "IRN", "asserted"),
    ("Rwandan police officers arrived in Mozambique on Tuesday.", "MOBILIZE", "deploy", "RWA", "MOZ", "asserted"),
    ("Kim Jong Un received a delegation from Laos in Pyongyang.", "CONSULT", "host", "PRK", "LAO", "asserted"),
    ("Kenya demanded that Uganda pull back its troops.", "REQUEST", "demand", "KEN", "UGA", "asserted"),
    ("Iran demanded an immediate explanation from Pakistan.", "REQUEST", "demand", "IRN", "PAK", "asserted"),
    ("Egypt's foreign minister convened an emergency meeting with Sudanese envoys in Cairo.", "CONSULT", "meet",
     "EGY", "SDN", "asserted"),
    # a command in an infinitive: "told X to do" demands it (what is demanded has not happened)
    ("Ghana told Togo to close its side of the crossing.", "REQUEST", "demand", "GHA", "TGO", "asserted"),
    # what another side should or must do, in reported words, is a demand on it
    ("The Malaysian foreign minister said Myanmar must release the detained aid workers.", "REQUEST", "demand",
     "MYS", "MMR", "asserted"),
    ("Peru's president told the Chilean envoy that Santiago should reopen the border.", "REQUEST", "demand",
     "PER", "CHL", "asserted"),
    # officials "in" a capital serve its state
    ("Officials in Lima accused Caracas of arming smugglers.", "ACCUSE", "accuse", "PER", "VEN", "asserted"),
    ("Senior officials in Nairobi criticised Kampala over the arrests.", "ACCUSE", "criticize", "KEN", "UGA",
     "asserted"),
    ("Quito broke off its relationship with Mexico City after the raid.", "SANCTION", "cut-ties", "ECU", "MEX",
     "asserted"),
    ("Canberra hit Beijing with new tariffs on Friday.", "SANCTION", "economic", "AUS", "CHN", "asserted"),
    ("Russia handed four transport helicopters to Mali's air force.", "AID", "provide", "RUS", "MLI", "asserted"),
    ("Chile offered its full cooperation to the Peruvian authorities.", "AGREE", "intend", "CHL", "PER",
     "asserted"),
    # firing "on" or "at" someone needs no weapon named; sailors and marines are their state's forces
    ("Iranian sailors fired on a British tanker in the Gulf.", "ASSAULT", "firearms", "IRN", "GBR", "asserted"),
    ("Venezuelan marines fired at a Guyanese patrol boat.", "ASSAULT", "firearms", "VEN", "GUY", "asserted"),
])
def test_who_did_what_to_whom(extract_text, text, type_, mode, source, target, modality) -> None:
    ev = one(extract_text(text, MONDAY), type_)
    assert (ev.mode, pair(ev), ev.modality) == (mode, (source, target), modality)


def test_hosted_visit_has_the_host_as_source(extract_text) -> None:
    ex = extract_text("Indonesian President Joko Widodo was welcomed by Australian Prime Minister "
                      "Anthony Albanese in Canberra.", MONDAY)
    ev = one(ex, "CONSULT")
    assert ev.mode == "host"
    assert ev.source is not None and ev.source.name == "Anthony Albanese"
    assert ev.target is not None and ev.target.name == "Joko Widodo"
    assert ev.place is not None and ev.place.name == "Canberra"


def test_future_visit_is_planned_with_month_precision(extract_text) -> None:
    ex = extract_text("Indian Prime Minister Narendra Modi will visit Poland next month.", MONDAY)
    ev = one(ex, "CONSULT")
    assert ev.mode == "visit"
    assert ev.modality == "planned"
    assert ev.source is not None and ev.source.name == "Narendra Modi"
    assert ev.target is not None and ev.target.country == "POL"
    assert ev.time is not None and (ev.time.value, ev.time.precision) == ("2024-08", "month")


def test_conditional_sanctions_are_hypothetical(extract_text) -> None:
    ex = extract_text("The European Union could impose sanctions on Georgia if the law is passed.", MONDAY)
    ev = one(ex, "SANCTION")
    assert ev.source is not None and ev.source.kind == "igo" and ev.source.name == "European Union"
    assert ev.target is not None and ev.target.country == "GEO"
    assert ev.modality == "hypothetical"


def test_sanctions_on_foreign_companies_target_those_companies(extract_text) -> None:
    ev = one(extract_text("The United States imposed sanctions on two Iranian companies.", MONDAY), "SANCTION")
    assert ev.source is not None and ev.source.country == "USA"
    assert ev.target is not None and ev.target.kind == "business" and ev.target.country == "IRN"
    assert ev.modality == "asserted"


def test_threat_to_impose_tariffs_is_a_threat_not_a_sanction(extract_text) -> None:
    ex = extract_text("China threatened to impose tariffs on Australian wine.", MONDAY)
    ev = one(ex, "THREATEN")
    assert pair(ev) == ("CHN", "AUS")
    assert events(ex, "SANCTION") == []


def test_mediation_between_two_parties_reaches_both(extract_text) -> None:
    ex = extract_text("Egypt mediated between Israel and Hamas.", MONDAY)
    evs = events(ex, "CONSULT")
    assert {e.mode for e in evs} == {"mediate"}
    assert all(e.source is not None and e.source.country == "EGY" for e in evs)
    assert {e.target.name for e in evs if e.target} == {"Israel", "Hamas"}


def test_the_two_sides_refers_to_the_pair_just_named(extract_text) -> None:
    ex = extract_text("Ghana and Togo discussed border security. "
                      "The two sides agreed to hold joint patrols.", MONDAY)
    consult, agree = one(ex, "CONSULT"), one(ex, "AGREE")
    assert set(pair(consult)) == set(pair(agree)) == {"GHA", "TGO"}
    assert agree.evidence[0].sentence == "The two sides agreed to hold joint patrols."


def test_pronoun_subject_refers_to_the_previous_subject(extract_text) -> None:
    ex = extract_text("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi. "
                      "He praised Ethiopia for its role in the region.", MONDAY)
    ev = one(ex, "SUPPORT")
    assert ev.source is not None and ev.source.name == "William Ruto"
    assert ev.target is not None and ev.target.country == "ETH"


def test_pronoun_subject_refers_to_the_main_subject_not_one_inside_its_clause(extract_text) -> None:
    """The last subject of the sentence before may belong to a reported clause ("that Fernandez had
    insulted ..."): "he" then is the main clause's subject, the one who said it."""
    ex = extract_text("Brazilian President Jair Bolsonaro said that Argentine President Alberto Fernandez had "
                      "insulted his country. He later urged Argentina to apologise.", date(2020, 1, 24))
    ev = one(ex, "REQUEST")
    assert ev.source is not None and ev.source.name == "Jair Bolsonaro"
    assert ev.target is not None and ev.target.country == "ARG"
    # ... unless its own sentence names that one; and an object pronoun keeps the nearest subject
    ex = extract_text("Emmanuel Macron said Donald Trump had phoned him. He urged Macron to drop the digital tax.",
                      date(2019, 8, 24))
    assert ("Donald Trump", "Emmanuel Macron") in {(e.source.name, e.target.name) for e in events(ex, "REQUEST")
                                                   if e.source and e.target}
    ex = extract_text("Egypt said Ethiopia had started filling the dam. Sudan urged it to stop.", date(2020, 7, 15))
    assert sided(ex, "REQUEST") == {("SDN", "ETH")}
    # a chain of main subjects: "he" after "He said X had ..." is still the first speaker
    ex = extract_text("Joe Biden spoke to reporters on Monday. He said Vladimir Putin had lied. He urged Moscow "
                      "to withdraw.", date(2022, 2, 21))
    assert sided(ex, "REQUEST") == {("USA", "RUS")}


def test_protest_needs_no_state_target_and_keeps_place_and_day(extract_text) -> None:
    ev = one(extract_text("Protesters rallied against the government in Tbilisi on Sunday.", MONDAY), "PROTEST")
    assert ev.source is not None and ev.source.sector == "CVL"
    assert ev.place is not None and ev.place.name == "Tbilisi"
    assert ev.time is not None and ev.time.value == "2024-07-07"


@pytest.mark.parametrize("text, expected", [
    ("Israeli and American strikes on Iranian nuclear sites set the programme back.", {("ISR", "IRN"), ("USA", "IRN")}),
    ("US and British strikes on Houthi targets in Yemen continued on Friday.", {("USA", "YEM"), ("GBR", "YEM")}),
    ("Russian and Ukrainian drone attacks continued overnight.", {("RUS", "UKR")}),  # the two at each other
    ("Saudi and Emirati air strikes have killed thousands of Yemenis.", {("SAU", "YEM"), ("ARE", "YEM")}),  # allies
    ("Denmark said its frigate would not join American and British strikes on Houthi targets inside Yemen.",
     set()),  # aimed at a third side, even one not named: not at each other
])
def test_two_nations_named_on_one_act_both_do_it(extract_text, text: str, expected: set[tuple[str, str]]) -> None:
    assert sided(extract_text(text, MONDAY), "ASSAULT") == expected


def test_a_reaction_in_a_background_phrase_keeps_its_named_side(extract_text) -> None:
    ex = extract_text("Iran went ahead with the execution despite appeals by the EU.", MONDAY)
    assert [(e.source.name, e.target.country) for e in events(ex, "REQUEST") if e.source and e.target] \
        == [("European Union", "IRN")]


@pytest.mark.parametrize("text", [
    "Vladimir Putin arrived in Ulaanbaatar on Monday despite an arrest warrant from the International Criminal Court.",
    "Vladimir Putin arrived in Ulaanbaatar on Monday despite the threat of arrest.",
])
def test_a_standing_warrant_in_the_background_of_a_visit_is_no_arrest_by_the_visitor(extract_text, text) -> None:
    ex = extract_text(text, MONDAY)
    assert sided(ex, "CONSULT") == {("RUS", "MNG")}
    assert not events(ex, "COERCE") and not events(ex, "THREATEN")


def test_officials_of_two_nations_meeting_is_a_consultation(extract_text) -> None:
    ex = extract_text("Armenian and Turkish envoys met in Yerevan on Monday.", MONDAY)
    ev = one(ex, "CONSULT")
    assert set(pair(ev)) == {"ARM", "TUR"}
    assert ev.place is not None and ev.place.name == "Yerevan"


def test_welcoming_a_ceasefire_is_not_hosting_anyone(extract_text) -> None:
    ex = extract_text("The White House welcomed the ceasefire between Israel and Hamas.", MONDAY)
    assert events(ex, "CONSULT") == []
    ceasefire = one(ex, "AGREE")
    assert {ceasefire.source.name, ceasefire.target.name} == {"Israel", "Hamas"}  # type: ignore[union-attr]


# -- aid, troops and amounts -------------------------------------------------------------------

def test_amount_of_aid_is_attached_to_the_aid_event(extract_text) -> None:
    ev = one(extract_text("Germany will provide $2 billion in aid to Ukraine.", MONDAY), "AID")
    assert pair(ev) == ("DEU", "UKR")
    assert ev.modality == "planned"
    assert [(q.value, q.unit, q.kind) for q in ev.quantities] == [(2e9, "USD", "money")]


def test_pledged_amount_is_attached_to_the_pledged_aid(extract_text) -> None:
    ex = extract_text("Germany pledged $2 billion in military aid to Ukraine.", MONDAY)
    ev = one(ex, "AID")
    assert pair(ev) == ("DEU", "UKR")
    assert [(q.value, q.unit) for q in ev.quantities] == [(2e9, "USD")]


def test_gave_aid_is_an_aid_event(rules_text) -> None:
    ex = rules_text("The United States gave Ukraine $61 billion in military aid in April.", MONDAY)
    ev = one(ex, "AID")
    assert pair(ev) == ("USA", "UKR")
    assert [(q.value, q.unit) for q in ev.quantities] == [(61e9, "USD")]
    assert ev.time is not None and ev.time.value == "2024-04"


@pytest.mark.xfail(reason="'Y received aid from X' yields no AID event: the noun 'aid' has no "
                          "source_preps ['from'] and 'receive' only counts as hosting a person", strict=True)
def test_received_aid_from_is_aid_by_the_giver(extract_text) -> None:
    ex = extract_text("Ukraine received $61 billion in aid from the United States in April.", MONDAY)
    ev = one(ex, "AID")
    assert pair(ev) == ("USA", "UKR")


def test_troops_sent_abroad_are_aid_to_the_receiving_country(extract_text) -> None:
    ev = one(extract_text("South Africa sent 1,200 soldiers to Mozambique last year.", MONDAY), "AID")
    assert pair(ev) == ("ZAF", "MOZ")
    assert [(q.value, q.unit) for q in ev.quantities] == [(1200, "troop")]  # a deployment counts troops


def test_troops_sent_to_a_region_are_a_deployment(extract_text) -> None:
    ev = one(extract_text("France has sent 3,000 gendarmes to the archipelago since May.", MONDAY), "MOBILIZE")
    assert ev.source is not None and ev.source.country == "FRA" and ev.target is None
    assert not events(extract_text("France has sent 3,000 gendarmes to the archipelago.", MONDAY), "AID")


def test_deployment_abroad_targets_the_destination_country(extract_text) -> None:
    ex = extract_text("The Pentagon deployed troops to Poland.", MONDAY)
    ev = one(ex, "MOBILIZE")
    assert ev.source is not None and ev.source.country == "USA"
    assert ev.target is not None and ev.target.kind == "country" and ev.target.country == "POL"
    assert not [a for a in ex.actors if a.kind == "military" and a.country == "POL"]


# -- refusals and requests ---------------------------------------------------------------------

def test_refused_to_meet_is_a_rejection_not_a_meeting(extract_text) -> None:
    ex = extract_text("Thailand refused to meet Cambodia on Friday.", MONDAY)
    ev = one(ex, "REJECT")
    assert pair(ev) == ("THA", "KHM")
    assert ev.time is not None and ev.time.value == "2024-07-05"
    assert events(ex, "CONSULT") == []


def test_call_on_to_withdraw_is_a_request_and_no_retreat_by_the_caller(extract_text) -> None:
    ex = extract_text("The European Union called on Serbia to withdraw its troops from the border.", MONDAY)
    ev = one(ex, "REQUEST")
    assert ev.source is not None and ev.source.name == "European Union"
    assert ev.target is not None and ev.target.country == "SRB"
    assert not [e for e in events(ex, "RETREAT") if e.source is ev.source]


@pytest.mark.parametrize("text", [
    pytest.param("The European Union called on Serbia to withdraw its troops from the border.", id="withdraw"),
    pytest.param("ASEAN urged Thailand to talk with Cambodia.", id="talk"),
])
def test_requested_action_is_not_asserted(extract_text, text) -> None:
    # The request carries the action asked for; the action itself is not reported as done.
    ex = extract_text(text, MONDAY)
    assert one(ex, "REQUEST").target is not None
    assert all(e.modality != "asserted" for e in ex.events if e.type != "REQUEST")


def test_urging_aid_does_not_make_the_urger_an_aid_provider(extract_text) -> None:
    ex = extract_text("UN Secretary-General Antonio Guterres urged Israel to allow aid into Gaza.", MONDAY)
    req = one(ex, "REQUEST")
    assert req.source is not None and req.source.name == "Antonio Guterres"
    assert req.target is not None and req.target.country == "ISR"
    assert not [e for e in events(ex, "AID") if e.source is req.source]


# -- what is never invented --------------------------------------------------------------------

def test_no_publication_date_keeps_the_time_text_without_a_value(extract_text) -> None:
    ex = extract_text("Brazil and Argentina signed a trade agreement on Tuesday.")
    ev = one(ex, "AGREE")
    assert ev.time is not None
    assert ev.time.text == "on Tuesday"
    assert ev.time.value is None and ev.time.precision is None


@pytest.mark.parametrize("text", [
    "Heavy rain caused floods across the region on Monday.",  # no actor, no trigger
    "Officials met on Tuesday to discuss the budget.",  # triggers, but nobody named
    "The talks were described as productive.",  # an event noun with nothing to inherit from
    "The Kremlin rejected the proposal.",  # one actor, but REJECT needs a counterpart: no fallback
])
def test_no_event_without_named_participants(extract_text, text) -> None:
    assert extract_text(text, MONDAY).events == []


# -- evidence ----------------------------------------------------------------------------------

def test_evidence_is_exactly_the_sentence_that_states_the_event(extract_text) -> None:
    text = ("Japan, Philippines sign defence pact\n"
            "Japan and the Philippines signed a defence pact in Manila on Monday. "
            "The deal allows troops to train together. Chinese officials criticised the pact.")
    ex = extract_text(text, MONDAY)
    stated = "Japan and the Philippines signed a defence pact in Manila on Monday."
    agreed = events(ex, "AGREE")  # the body's report, and the headline's if its unsaid side is ranked in
    assert all(len(e.evidence) == 1 and e.evidence[0].sentence in text.splitlines()[0] + "\n" + stated
               for e in agreed)
    (ev,) = [e for e in agreed if e.evidence[0].sentence == stated]
    (evidence,) = ev.evidence
    assert evidence.sentence == stated
    assert text[evidence.start:evidence.end] == stated
    assert evidence.sentence_index == 1  # the headline is a sentence of its own
    assert ex.sentences[evidence.sentence_index].text == stated
    assert evidence.doc_id == ex.document.id and evidence.source == "test.txt"


@pytest.mark.parametrize("text, target_countries", [
    ("Venezuela and Guyana traded accusations over the border. "
     "The Organization of American States called on both countries to respect the ruling.", {"VEN", "GUY"}),
    ("Peru and Chile recalled their envoys. Brazil urged the two governments to resolve their differences.",
     {"PER", "CHL"}),
])
def test_both_countries_points_back_at_the_pair_just_named(extract_text, text, target_countries) -> None:
    evs = events(extract_text(text, MONDAY), "REQUEST")
    assert {e.target.country for e in evs if e.target} == target_countries


def test_both_men_needs_two_people_named_before(extract_text) -> None:
    ex = extract_text("Opposition leader Ousmane Sonko and his ally Bassirou Faye were jailed in 2023. "
                      "The authorities released both men in March.", MONDAY)
    released = [e for e in ex.events if e.trigger == "released"]
    assert {e.target.name for e in released if e.target} == {"Ousmane Sonko", "Bassirou Faye"}
    lone = extract_text("The authorities released both men in March.", MONDAY)
    assert not [e for e in lone.events if e.trigger == "released"]


def test_a_surname_alone_is_the_person_named_in_full_before(extract_text) -> None:
    ex = extract_text("Outgoing President Macky Sall stepped aside in March. "
                      "Sall himself congratulated Faye on Monday.", MONDAY)
    ev = one(ex, "SUPPORT")
    assert ev.source is not None and ev.source.name == "Macky Sall"


@pytest.mark.parametrize("text, source, target", [
    ("Foreign Minister Gabriela Sommerfeld insisted that the entry had been lawful, accusing Mexico of "
     "abusing its immunities.", "Gabriela Sommerfeld", "MEX"),
    ("Azerbaijan's foreign ministry responded by urging Armenia to stop its military build-up.", "AZE", "ARM"),
    ("Secretary of State Marco Rubio is due to meet Syria's foreign minister in Antalya on Thursday.",
     "Marco Rubio", "SYR"),
])
def test_a_clause_without_its_own_subject_takes_the_actor_above(extract_text, text, source, target) -> None:
    evs = [e for e in extract_text(text, MONDAY).events if e.target is not None and e.target.country == target]
    assert evs, "no event reaches the target"
    src = evs[0].source
    assert src is not None and source in (src.name, src.country)


def test_suspending_trade_with_a_state_is_a_sanction(extract_text) -> None:
    ev = one(extract_text("Pakistan suspended all trade with India on Thursday.", MONDAY), "SANCTION")
    assert pair(ev) == ("PAK", "IND")
    assert not events(extract_text("The army suspended its operations in the north on Thursday.", MONDAY), "SANCTION")


def test_a_list_of_states_is_every_state_even_when_the_parser_reads_an_apposition(extract_text) -> None:
    # the parser hangs "Chile" on "Mexico" as an apposition and the rest on "Chile" as conjuncts
    ex = extract_text("Mexico, Chile, Uruguay, Bolivia and Ecuador condemned Venezuela on Monday.", MONDAY)
    assert {e.source.country for e in events(ex, "ACCUSE") if e.source} == {"MEX", "CHL", "URY", "BOL", "ECU"}
    # an apposition that describes the state is no second state
    ex = extract_text("Brazil, the region's largest economy, and Argentina signed a trade deal on Monday.", MONDAY)
    assert {frozenset((e.source.country, e.target.country)) for e in events(ex, "AGREE")
            if e.source and e.target} == {frozenset(("BRA", "ARG"))}


def test_the_leaders_of_several_states_are_every_state(extract_text) -> None:
    ex = extract_text("Kenya's president met the leaders of Uganda and Tanzania in Arusha on Monday.", MONDAY)
    assert {e.target.country for e in events(ex, "CONSULT") if e.target} == {"UGA", "TZA"}


def test_a_call_held_with_someone_is_a_conversation_and_a_call_for_calm_is_not(extract_text) -> None:
    ex = extract_text("Chile's president held a call with the leaders of Peru and Bolivia on Monday.", MONDAY)
    assert {e.target.country for e in events(ex, "CONSULT") if e.target} == {"PER", "BOL"}
    assert not events(extract_text("Chile's president issued a call for calm on Monday.", MONDAY), "CONSULT")


@pytest.mark.parametrize("second", [
    "Iran and Saudi Arabia will reopen their embassies within two months.",
    "Iran and Saudi Arabia agreed to restore ties and reopen their embassies within two months.",  # subject above
])
def test_their_after_a_coordinated_subject_is_the_subjects_own(extract_text, second) -> None:
    ex = extract_text("China hosted the talks. " + second, MONDAY)
    assert not [e for e in ex.events if e.evidence[0].sentence.startswith("Iran and Saudi Arabia")
                and e.target is not None and e.target.country not in ("IRN", "SAU")]


def test_a_span_of_time_holding_talks_shares_the_verb_subject(extract_text) -> None:
    ev = one(extract_text("Trade negotiators from the United States and China ended two days of talks in "
                          "Stockholm on Tuesday.", MONDAY), "CONSULT")
    assert set(pair(ev)) == {"USA", "CHN"}
    assert ev.place is not None and ev.place.name == "Stockholm"


def test_talks_held_with_someone_described_by_a_clause_reach_that_someone(extract_text) -> None:
    ex = extract_text("President Kassym-Jomart Tokayev held talks at the Akorda on Monday with Chinese President "
                      "Xi Jinping, who arrived in Astana on Sunday.", MONDAY)
    talks = [e for e in events(ex, "CONSULT") if e.mode != "visit"]  # his arrival is a visit of its own
    assert len(talks) == 1
    ev = talks[0]
    assert ev.source is not None and ev.source.name == "Kassym-Jomart Tokayev"
    assert ev.target is not None and ev.target.name == "Xi Jinping"


def test_lifting_sanctions_eases_them_and_imposes_none(extract_text) -> None:
    ex = extract_text("He said Washington would lift all of its sanctions on Damascus.", MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("CONCEDE", ("USA", "SYR"))]


def test_an_act_reported_at_the_end_of_the_sentence_is_not_the_reporters(extract_text) -> None:
    ex = extract_text("Syrian President Ahmed al-Sharaa reaffirmed the ceasefire and invited American companies "
                      "to invest in Syria, the White House said.", MONDAY)
    assert not [e for e in ex.events if e.source is not None and e.source.name == "White House"]


def test_what_a_reaction_calls_the_act_names_no_target(extract_text) -> None:
    ex = extract_text("Syria's foreign ministry welcomed the announcement as a turning point for the country.",
                      MONDAY)
    assert not [e for e in ex.events if e.target is not None and e.target.country == "SYR"]


@pytest.mark.parametrize("text, type_", [
    ("North Korea fired a ballistic missile into the sea off its east coast on Wednesday.", "MOBILIZE"),
    ("Hezbollah fired rockets at northern Israel on Wednesday.", "ASSAULT"),
])
def test_a_missile_fired_at_no_one_is_a_show_of_force(rules_text, text, type_) -> None:
    assert [e.type for e in rules_text(text, MONDAY).events] == [type_]


def test_summoning_an_ambassador_is_a_protest_to_his_state(extract_text) -> None:
    ev = one(extract_text("The Philippines summoned China's ambassador over the incident.", MONDAY), "ACCUSE")
    assert pair(ev) == ("PHL", "CHN")


@pytest.mark.parametrize("text, expected", [
    ("Israel condemned what it called an Iranian attack on an international ship.", [("ACCUSE", ("ISR", "IRN"))]),
    ("Poland accused Russia of an attack. Moscow denied it.",
     [("ACCUSE", ("POL", "RUS")), ("REJECT", ("RUS", "POL"))]),
    ("Pakistan and Iran traded strikes on Thursday.", [("ASSAULT", ("PAK", "IRN"))]),
])
def test_reactions_denials_and_exchanges(extract_text, text, expected) -> None:
    assert [(e.type, pair(e)) for e in extract_text(text, MONDAY).events] == expected


def test_a_reaction_points_back_at_an_act_that_reached_no_named_target(extract_text) -> None:
    ex = extract_text("The Houthis seized a cargo ship in the Red Sea on Sunday. Japan strongly condemned the seizure.",
                      MONDAY)
    ev = one(ex, "ACCUSE")
    assert ev.source is not None and ev.source.country == "JPN"
    assert ev.target is not None and ev.target.name == "Houthis"


def test_a_toll_told_without_its_agent_belongs_to_the_attack_before(extract_text) -> None:
    ex = extract_text("US aircraft struck militia sites in Syria on Friday. At least 18 Syrian fighters were "
                      "killed, a monitor said.", MONDAY)
    toll = [e for e in ex.events if e.trigger == "killed"]
    assert toll and toll[0].source is not None and toll[0].source.country == "USA"


def test_a_truce_brokered_by_third_parties_reaches_both_sides(extract_text) -> None:
    ex = extract_text("A ceasefire between Israel and Hezbollah, brokered by the United States and France, "
                      "took effect on Wednesday.", MONDAY)
    mediations = {(e.source.country, e.target.name) for e in events(ex, "CONSULT") if e.source and e.target}
    assert mediations == {("USA", "Israel"), ("USA", "Hezbollah"), ("FRA", "Israel"), ("FRA", "Hezbollah")}


def test_missiles_that_hit_a_village_were_fired_by_the_side_that_struck_it(extract_text) -> None:
    ex = extract_text("Pakistan said its forces had struck hideouts in Iran's Sistan-Baluchestan province. "
                      "An Iranian official said several missiles hit a border village near Saravan, killing seven "
                      "people.", MONDAY)
    hit = [e for e in ex.events if e.trigger == "hit"]
    assert hit and hit[0].source is not None and hit[0].source.country == "PAK"


def test_fired_at_what_media_called_a_base_of_a_group_targets_the_group(extract_text) -> None:
    ex = extract_text("Iran's Revolutionary Guards fired missiles at what Iranian media called two bases of the "
                      "militant group Jaish al-Adl near Panjgur.", MONDAY)
    ev = one(ex, "ASSAULT")
    assert ev.target is not None and ev.target.name == "Jaish al-Adl"


def test_it_after_a_capital_speaking_is_that_state(extract_text) -> None:
    ex = extract_text("Islamabad said that attack killed two children. On Wednesday it recalled its ambassador "
                      "from Tehran and froze all high-level visits.", MONDAY)
    assert {(e.type, pair(e)) for e in events(ex, "SANCTION")} == {("SANCTION", ("PAK", "IRN"))}


@pytest.mark.parametrize("text, expected", [
    ("Indian Prime Minister Narendra Modi said Pakistan would pay a heavy price.", ("IND", "PAK")),
    ("Israel said it would strike hard if Hezbollah broke the terms.", ("ISR", "LBN")),
    ("Iran vowed that Israel would pay for the strike.", ("IRN", "ISR")),
])
def test_force_announced_in_words_is_a_threat_by_the_speaker(extract_text, text, expected) -> None:
    assert [(e.type, pair(e)) for e in extract_text(text, MONDAY).events] == [("THREATEN", expected)]


def test_a_prediction_by_the_other_side_is_no_threat(extract_text) -> None:
    evs = extract_text("Ukraine's foreign minister said Russia would attack Ukraine again.", MONDAY).events
    assert "THREATEN" not in {e.type for e in evs}


def test_a_crowd_facing_a_states_police_is_that_states_people(extract_text) -> None:
    ev = one(extract_text("Kenyan police fired tear gas at the crowds outside parliament.", MONDAY), "ASSAULT")
    assert pair(ev) == ("KEN", "KEN") and ev.target is not None and ev.target.name == "crowds"


def test_recalling_an_ambassador_from_a_capital_targets_that_state(extract_text) -> None:
    ev = one(extract_text("Algeria said it was recalling its ambassador from Bamako.", MONDAY), "SANCTION")
    assert pair(ev) == ("DZA", "MLI")


@pytest.mark.parametrize("text, expected", [
    ("A White House spokesman said Washington had concluded that Iran was behind the intrusion.", ("USA", "IRN")),
    ("Britain's Foreign Office attributed the attack to Iranian state actors.", ("GBR", "IRN")),
    ("Poland said Russian drones had attacked its territory.", ("POL", "RUS")),
    # an act of force told in the passive names its doer as the agent; what one tries to do is ascribed too
    ("Azerbaijan's president said the passenger jet had been shot down by Russia.", ("AZE", "RUS")),
    ("Georgia's foreign ministry said Moscow was trying to destabilise the country.", ("GEO", "RUS")),
])
def test_wrongdoing_ascribed_in_reported_words_is_an_accusation(extract_text, text, expected) -> None:
    assert [pair(e) for e in events(extract_text(text, MONDAY), "ACCUSE")] == [expected]


@pytest.mark.parametrize("text", [
    "Iran's foreign ministry insisted that Tehran had not supplied weapons to Russia.",
    "A monitor said at least 18 Syrian soldiers were killed in the strikes.",
    "North Korean state media said Kim Jong Un had supervised the launch of a missile.",
    "India's power ministry said it had been warned by Britain about the malware.",
])
def test_no_accusation_in_denials_tolls_or_news_reports(extract_text, text) -> None:
    assert not events(extract_text(text, MONDAY), "ACCUSE")


def test_approving_an_agreement_reaches_its_other_party(extract_text) -> None:
    ex = extract_text("Egypt and Sudan agreed to share the river's water on Monday. Sudan's cabinet approved the "
                      "agreement on Wednesday.", MONDAY)
    agreed = [e for e in events(ex, "AGREE") if set(pair(e)) == {"EGY", "SDN"}]
    assert any(ev.sentence.startswith("Sudan's cabinet approved") for e in agreed for ev in e.evidence)
    alone = extract_text("Sudan's cabinet approved the agreement on Wednesday.", MONDAY)
    assert not [e for e in alone.events if e.target is not None]


def test_signing_on_behalf_of_ones_government_is_no_target(extract_text) -> None:
    ex = extract_text("Foreign Minister Olivier Nduhungirehe signed on behalf of the Government of Rwanda.", MONDAY)
    assert not [e for e in ex.events if e.target is not None and e.target.country == "RWA"]


@pytest.mark.parametrize("text, type_, source, target", [
    ("The European Union struck a migration deal with Tunisia on Sunday.", "AGREE", "European Union", "Tunisia"),
    ("Israeli jets struck Hezbollah positions in southern Lebanon.", "ASSAULT", "Israel", "Hezbollah"),
    ("Armenia and Azerbaijan initialled a peace treaty in Washington on Friday.", "AGREE", "Armenia", "Azerbaijan"),
])
def test_strike_a_deal_is_an_accord_strike_positions_an_attack(extract_text, text, type_, source, target) -> None:
    assert [(e.type, e.source and e.source.name, e.target and e.target.name)
            for e in extract_text(text, MONDAY).events] == [(type_, source, target)]


def test_thousands_of_people_protesting_are_protesters_of_the_place(rules_text) -> None:
    ev = one(rules_text("Thousands of people protested in Tbilisi against the government's decision.", MONDAY),
             "PROTEST")
    assert ev.source is not None and ev.source.name == "protesters" and ev.source.country == "GEO"


def test_denouncing_the_strikes_targets_whoever_struck(extract_text) -> None:
    ex = extract_text("US forces struck militia targets in Iraq and Syria on Friday. The Iranian-backed militias "
                      "had attacked a US base last week. Syria's foreign ministry denounced the strikes.", MONDAY)
    ev = one(ex, "ACCUSE")
    assert ev.target is not None and ev.target.country == "USA"


@pytest.mark.parametrize("text, expected", [
    ("The agreement, signed by Serbia and Hungary in Belgrade, covers gas supplies.", {"SRB", "HUN"}),
    ("Vietnam and the Philippines agreed to boost coast guard cooperation.", {"VNM", "PHL"}),
])
def test_a_coordinated_pair_is_the_two_parties_before_any_other_phrase(extract_text, text, expected) -> None:
    ev = one(extract_text(text, MONDAY), "AGREE")
    assert set(pair(ev)) == expected


def test_a_denial_never_targets_the_deniers_own_side(extract_text) -> None:
    ex = extract_text("Azerbaijan denied reports that its troops had crossed into Armenia.", MONDAY)
    assert not [e for e in ex.events if e.type == "REJECT" and e.target is not None and e.target.country == "AZE"]


@pytest.mark.parametrize("text, source, target", [
    # a state's opposition, rights groups and hackers are other sides than its government
    ("Kyrgyz opposition parties accused the Kyrgyz government of vote buying.", "opposition parties", "KGZ"),
    ("Several opposition lawmakers in Kinshasa accused the Congolese government of treason.",
     "opposition lawmakers", "COD"),
    ("Egyptian rights groups accused the Egyptian police of torture.", "rights groups", "EGY"),
])
def test_a_states_own_opposition_can_accuse_its_government(extract_text, text, source, target) -> None:
    ev = one(extract_text(text, MONDAY), "ACCUSE")
    assert ev.source is not None and ev.source.sector in ("OPP", "HRI") and source in ev.source.name
    assert ev.target is not None and ev.target.country == target


@pytest.mark.parametrize("text, expected", [
    ("Senegal demanded the immediate release of 12 of its fishermen detained at Nouadhibou port.", ("SEN", "MRT")),
    ("Japan demanded the return of the fishermen held by North Korea.", ("JPN", "PRK")),
    ("Kenya demanded the release of the activists detained in Kampala.", ("KEN", "UGA")),
])
def test_a_demanded_release_is_asked_of_whoever_holds_them(extract_text, text, expected) -> None:
    assert [pair(e) for e in events(extract_text(text, MONDAY), "REQUEST")] == [expected]


def test_the_agent_holding_them_comes_before_the_place_they_are_held_in(extract_text) -> None:
    ev = one(extract_text("Washington demanded the release of the Americans held hostage by Hamas in Gaza.", MONDAY),
             "REQUEST")
    assert ev.target is not None and ev.target.name == "Hamas"


@pytest.mark.parametrize("text, type_", [
    # a coordinated verb keeps the "if" over both
    ("If Belarus closed the border and expelled Polish diplomats, Warsaw would retaliate.", "SANCTION"),
])
def test_a_condition_over_two_coordinated_acts_holds_for_both(extract_text, text, type_) -> None:
    assert {e.modality for e in events(extract_text(text, MONDAY), type_)} == {"hypothetical"}


@pytest.mark.parametrize("text, type_", [
    ("Kyiv said the Russian missiles had been destroyed by Polish air defences.", "ACCUSE"),  # no wrong to Kyiv
    ("Britain said Ukraine was seeking to undermine Russia's war economy.", "ACCUSE"),
    ("The Kremlin dismissed reports that Russian opposition figures had been poisoned.", "REJECT"),  # no compatriot
    ("Greece took delivery of the frigate yesterday.", "AID"),  # no supplier named
    ("Rioters struck down a police officer in Paris.", "REJECT"),  # a blow, not a ruling
])
def test_force_releases_deliveries_and_rulings_do_not_misfire(extract_text, text, type_) -> None:
    assert not events(extract_text(text, MONDAY), type_)


@pytest.mark.parametrize("text, type_, expected", [
    # the supplier named under the goods ("took delivery of ... from X") gives them
    ("Mali took delivery of four attack helicopters from Russia on Thursday.", "AID", ("RUS", "MLI")),
    # a demonym the model tags as an organisation still names the state
    ("The State Department imposed visa restrictions on Ugandan officials.", "SANCTION", ("USA", "UGA")),
])
def test_supplies_and_demonyms(extract_text, text, type_, expected) -> None:
    assert [pair(e) for e in events(extract_text(text, MONDAY), type_)] == [expected]


def test_a_court_striking_down_a_decision_rejects_its_author(extract_text) -> None:
    ev = one(extract_text("The Constitutional Council struck down the delay ordered by President Macky Sall.", MONDAY),
             "REJECT")
    assert ev.source is not None and ev.source.name == "Constitutional Council"
    assert ev.target is not None and ev.target.name == "Macky Sall"
    ev = one(extract_text("The Constitutional Council struck down the decree by Sall delaying the vote in Senegal.",
                          MONDAY), "REJECT")  # the court is Senegal's own, and still a side apart
    assert ev.source is not None and ev.source.name == "Constitutional Council" and ev.target is not None


def test_a_spokesman_never_accuses_his_own_organisation(extract_text) -> None:
    ex = extract_text("In Kabul, Taliban spokesman Zabihullah Mujahid said a drone had hit a house and condemned it.",
                      MONDAY)
    assert not [e for e in ex.events if e.type == "ACCUSE" and e.target is not None and e.target.name == "Taliban"]


def test_mediators_reach_the_pair_and_are_never_the_two_sides(extract_text) -> None:
    ex = extract_text("Pakistan and Afghanistan agreed on Sunday to an immediate ceasefire, following talks "
                      "mediated by Qatar and Turkey. The two sides also agreed to hold follow-up meetings.", MONDAY)
    mediations = {(e.source.country, e.target.country) for e in ex.events if e.mode == "mediate"}
    assert mediations == {("QAT", "PAK"), ("QAT", "AFG"), ("TUR", "PAK"), ("TUR", "AFG")}
    later = [e for e in ex.events if e.evidence[0].sentence.startswith("The two sides")]
    assert later and all(set(pair(e)) == {"PAK", "AFG"} for e in later)


@pytest.mark.parametrize("text, types", [
    ("Iran's foreign minister warned Israel that any attack would be met with a decisive response.", ["THREATEN"]),
    ("North Korea vowed to respond to the US-South Korean drills with overwhelming force.", ["THREATEN"]),
    ("Russian President Vladimir Putin was met by Kim Jong Un at the airport.", ["CONSULT"]),
])
def test_a_response_met_with_force_is_no_meeting_and_the_drills_responded_to_no_new_report(extract_text, text,
                                                                                          types) -> None:
    assert [e.type for e in extract_text(text, MONDAY).events] == types


@pytest.mark.parametrize("text, expected", [
    ("The Ankara Declaration commits Ethiopia and Somalia to respect each other's sovereignty.", {"ETH", "SOM"}),
    ("The deal obliges Iran and the United States to hold talks every month.", {"IRN", "USA"}),
])
def test_an_accord_that_commits_two_parties_is_their_agreement(extract_text, text, expected) -> None:
    agreed = [e for e in extract_text(text, MONDAY).events if e.type == "AGREE"]
    assert agreed and set(pair(agreed[0])) == expected


# -- roles told indirectly -------------------------------------------------------------------------

def test_a_warning_of_what_follows_if_x_acts_is_aimed_at_x(extract_text) -> None:
    ev = one(extract_text("The White House has warned of severe economic measures if Russian forces cross "
                          "the border.", MONDAY), "THREATEN")
    assert pair(ev) == ("USA", "RUS")
    ev = one(extract_text("Iran threatened to retaliate if Israel struck its nuclear sites.", MONDAY), "THREATEN")
    assert pair(ev) == ("IRN", "ISR")


def test_killed_in_an_attack_takes_the_attacker_from_the_attack(extract_text) -> None:
    ev = one(extract_text("Twenty Indian soldiers were killed in a clash with Chinese troops.", MONDAY), "ASSAULT")
    assert pair(ev) == ("CHN", "IND")
    assert [q.value for q in ev.quantities] == [20]
    ev = one(extract_text("Three Palestinians were killed in an Israeli raid on the camp.", MONDAY), "ASSAULT")
    assert pair(ev) == ("ISR", "PSE")


def test_an_arrest_with_no_agent_is_the_states_where_it_happened(extract_text) -> None:
    ev = one(extract_text("The American reporter Evan Gershkovich was detained in Yekaterinburg.", MONDAY),
             "COERCE")
    assert pair(ev) == ("RUS", "USA")  # where he was held, not his own country
    ev = one(extract_text("Senegalese opposition leader Ousmane Sonko was detained on Friday.", MONDAY), "COERCE")
    assert pair(ev) == ("SEN", "SEN")
    assert not extract_text("The journalist was arrested on Sunday.", MONDAY).events  # no one named


def test_two_sides_that_disengage_each_pull_back_from_the_other(extract_text) -> None:
    # the parser hangs "troops" on the auxiliary "had": the subject is still found
    ev = one(extract_text("The Indian and Chinese troops had since disengaged.", MONDAY), "RETREAT")
    assert set(pair(ev)) == {"IND", "CHN"}


def test_people_from_both_sides_are_the_two_sides(extract_text) -> None:
    ex = extract_text("India and China traded accusations on Tuesday. Senior military officers from both "
                      "sides met at the site.", MONDAY)
    met = [e for e in ex.events if e.trigger == "met"]
    assert met and {pair(met[0])[0], pair(met[0])[1]} == {"IND", "CHN"}


def test_aid_flown_to_a_capital_goes_to_its_state(extract_text) -> None:
    ev = one(extract_text("Russia flew in aid to Damascus.", MONDAY), "AID")
    assert pair(ev) == ("RUS", "SYR")


def test_holding_someone_accountable_is_a_warning_to_them(extract_text) -> None:
    ev = one(extract_text("The United States said it would hold Moscow accountable for the attack.", MONDAY),
             "THREATEN")
    assert pair(ev) == ("USA", "RUS")
    # "hold" alone keeps its other senses: talks held are talks, not a warning
    ex = extract_text("China and Japan held talks in Tokyo.", MONDAY)
    assert [e.type for e in ex.events] == ["CONSULT"]


def test_ordering_diplomats_to_leave_is_an_expulsion(extract_text) -> None:
    ev = one(extract_text("Minsk ordered Latvian diplomats to leave.", MONDAY), "SANCTION")
    assert ev.mode == "expel" and pair(ev) == ("BLR", "LVA")


def test_aid_received_from_someone_was_given_by_them(extract_text) -> None:
    ev = one(extract_text("Turkey has received rescue teams from Greece.", MONDAY), "AID")
    assert pair(ev) == ("GRC", "TUR")


def test_coming_out_against_something_rejects_its_author(extract_text) -> None:
    ex = extract_text("China and Russia jointly came out against any further expansion of NATO.", MONDAY)
    assert sorted((e.type, pair(e)[0], e.target.name if e.target else None) for e in ex.events) == [
        ("REJECT", "CHN", "North Atlantic Treaty Organization"),
        ("REJECT", "RUS", "North Atlantic Treaty Organization")]


def test_encouraging_is_a_request_that_swallows_what_it_asks_for(extract_text) -> None:
    ex = extract_text("The United States encouraged Japan to sign the agreement.", MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("REQUEST", ("USA", "JPN"))]


def test_a_telephone_call_is_a_consultation_with_whoever_was_told(extract_text) -> None:
    ev = one(extract_text("Indian foreign minister Subrahmanyam Jaishankar told French President Emmanuel Macron "
                          "in a telephone call that India wanted peace.", MONDAY), "CONSULT")
    assert pair(ev) == ("IND", "FRA")
    assert not extract_text("The president will call the minister tomorrow.", MONDAY).events


def test_the_two_governments_are_the_articles_dyad_not_the_last_two_named(extract_text) -> None:
    text = ("Mexico broke off relations with Ecuador on Friday. Mexico accused Ecuador of violating its embassy. "
            "Chile's president said he stood with Mexico. The United States encouraged the two governments to "
            "resolve their differences.")
    asked = [e for e in extract_text(text, MONDAY).events if e.type == "REQUEST"]
    assert {pair(e)[1] for e in asked} == {"MEX", "ECU"}


def test_entering_or_violating_airspace_is_an_incursion(extract_text) -> None:
    """Coercion, not an armed attack: nothing is fired (as the gold codes airspace and waters entered)."""
    ev = one(extract_text("Chinese aircraft violated Taiwan's airspace on Monday.", MONDAY), "COERCE")
    assert ev.mode == "incursion" and pair(ev) == ("CHN", "TWN")
    ev = one(extract_text("Russian drones entered Polish airspace on Wednesday.", MONDAY), "COERCE")
    assert pair(ev) == ("RUS", "POL")


def test_a_reaction_to_an_act_with_no_actor_target_reaches_its_author(extract_text) -> None:
    ex = extract_text("Israel struck the port. Amnesty International criticised the strike as disproportionate.",
                      MONDAY)
    accuse = one(ex, "ACCUSE")
    assert accuse.target is not None and accuse.target.country == "ISR"
    ex = extract_text("Ethiopia signed a port deal with Somaliland. Somalia denounced the agreement as an "
                      "attack on its sovereignty.", MONDAY)
    accuse = one(ex, "ACCUSE")
    assert pair(accuse) == ("SOM", "ETH")


def test_a_speaker_named_in_apposition_is_the_one_who_speaks(extract_text) -> None:
    ex = extract_text("Mexican President Andrés Manuel López Obrador broke off relations with Ecuador. Chile's "
                      "president, Gabriel Boric, said he stood with Mexico.", MONDAY)
    support = one(ex, "SUPPORT")
    assert support.source is not None and support.source.name == "Gabriel Boric"


def test_the_country_a_place_noun_names_is_no_party(extract_text) -> None:
    ex = extract_text("Sudan's army suspended its participation in ceasefire talks in the Saudi city of Jeddah.",
                      MONDAY)
    assert not [e for e in ex.events if e.target is not None and e.target.country == "SAU"]


def test_talks_that_began_between_two_sides_are_theirs(extract_text) -> None:
    ev = one(extract_text("The talks began on Monday between Iran and Saudi Arabia.", MONDAY), "CONSULT")
    assert set(pair(ev)) == {"IRN", "SAU"}


def test_a_relative_clause_reacts_to_the_noun_it_describes(extract_text) -> None:
    ex = extract_text("North Korea fired two missiles, a launch that Seoul condemned as a clear provocation.", MONDAY)
    assert pair(one(ex, "ACCUSE")) == ("KOR", "PRK")
    ex = extract_text("Armenia accused Azerbaijan of ethnic cleansing, a charge that Azerbaijan's foreign ministry "
                      "dismissed as baseless.", MONDAY)
    assert pair(one(ex, "REJECT")) == ("AZE", "ARM")
    # "where" says where, not what: the town is no object of the protest; a street protest with no
    # stated target is against the state it happens in
    ex = extract_text("The unrest began in the oil town of Zhanaozen, where residents protested against fuel "
                      "prices.", MONDAY)
    assert [(e.target.kind, e.target.country) for e in ex.events if e.type == "PROTEST" and e.target] \
        == [("country", "KAZ")]


@pytest.mark.parametrize("text, target", [
    ("Hundreds of students rallied in Dhaka on Monday.", ("country", "BGD")),            # where it happened
    ("Demonstrators gathered outside the Russian embassy in Kyiv on Tuesday.", ("country", "RUS")),  # whose mission
    ("Thousands of Cubans took to the streets of Havana on Sunday.", ("government", "CUB")),  # their own government
])
def test_a_street_protest_with_no_stated_target_is_against_a_state(rules_text, text, target) -> None:
    found = events(rules_text(text, MONDAY), "PROTEST")
    assert [(e.target.kind, e.target.country) for e in found if e.target] == [target]
    assert all(e.source is not None and e.source.kind != "country" for e in found)  # people, not the state


def test_a_force_deployed_is_the_one_that_moves_and_abroad_it_moves_against_the_host(extract_text) -> None:
    (ev,) = events(extract_text("Riot police were deployed at key junctions in Nairobi on Monday.", MONDAY), "MOBILIZE")
    assert ev.source is not None and ev.source.kind == "police" and ev.target is None
    (ev,) = events(extract_text("Turkey sent troops into northern Iraq on Monday.", MONDAY), "MOBILIZE")
    assert pair(ev) == ("TUR", "IRQ")
    (ev,) = events(extract_text("The Lebanese army sent units into southern Lebanon on Monday.", MONDAY), "MOBILIZE")
    assert ev.target is None  # at home, against no one named
    (ev,) = events(extract_text("The United States deployed troops in Poland on Monday.", MONDAY), "MOBILIZE")
    assert ev.target is None  # an ally hosting troops is no target


def test_a_pronoun_the_parser_calls_a_dative_is_still_the_object(extract_text) -> None:
    ex = extract_text("Pedro Castillo tried to dissolve Congress. Police arrested him hours later.", MONDAY)
    arrest = next(e for e in events(ex, "COERCE") if e.mode == "arrest")
    assert arrest.target is not None and arrest.target.name == "Pedro Castillo"


def test_they_under_a_verb_of_saying_is_the_speaker_not_the_last_pair(extract_text) -> None:
    ex = extract_text("Antony Blinken met Bashar al-Assad's envoy on Monday. Turkish police said they had "
                      "detained 18 people.", MONDAY)
    assert not [e for e in ex.events if e.type == "COERCE" and e.source is not None
                and e.source.name == "Antony Blinken"]


def test_a_state_never_acts_on_its_own_organs_or_officials(extract_text) -> None:
    ex = extract_text("In an executive order, President Joe Biden barred U.S. financial institutions from "
                      "buying Russian bonds.", MONDAY)
    assert not [e for e in ex.events if e.target is not None and e.target.country == "USA"]


def test_an_organisation_named_with_of_is_found_where_the_model_saw_none(extract_text) -> None:
    ev = one(extract_text("Leaders of the Group of Seven condemned Iran's attack on Israel.", MONDAY), "ACCUSE")
    assert ev.source is not None and ev.source.name == "Group of Seven"
    assert pair(ev)[1] == "IRN"


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Australian Prime Minister Anthony Albanese telephoned Indonesian President Joko Widodo on Monday.",
     "CONSULT", ("AUS", "IDN")),
    ("Colombian President Gustavo Petro shook hands with Chilean President Gabriel Boric.", "CONSULT",
     ("COL", "CHL")),
    ("Canadian Prime Minister Justin Trudeau said he had raised the case with Indian Prime Minister "
     "Narendra Modi.", "CONSULT", ("CAN", "IND")),
    ("The Kremlin has brushed the American warnings aside.", "REJECT", ("RUS", "USA")),
    ("Mali's government opened an investigation into the United Nations mission.", "ACCUSE", ("MLI", None)),
])
def test_everyday_verbs_of_contact_rejection_and_inquiry(rules_text, text, type_, expected) -> None:
    ev = one(rules_text(text, MONDAY), type_)
    assert pair(ev) == expected


def test_a_national_congress_is_its_own_countrys_not_the_us_congress(extract_text) -> None:
    ev = one(extract_text("Peru's Congress removed President Pedro Castillo from office on Wednesday.", MONDAY),
             "COERCE")
    assert ev.source is not None and ev.source.country == "PER"


def test_similar_condemnations_condemn_the_same_side(extract_text) -> None:
    ex = extract_text("Iran condemned the Israeli strikes. Qatar and Jordan issued similar condemnations.", MONDAY)
    assert sorted(pair(e) for e in ex.events if e.type == "ACCUSE") == [
        ("IRN", "ISR"), ("JOR", "ISR"), ("QAT", "ISR")]


def test_denying_an_act_is_a_rejection_not_the_act(extract_text) -> None:
    ex = extract_text("Russia has routinely denied carrying out cyberattacks on Ukraine.", MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("REJECT", ("RUS", "UKR"))]
    ex = extract_text("Iran's defence ministry denied that its jets had struck Iraq.", MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("REJECT", ("IRN", "IRQ"))]
    ex = extract_text("Pakistan has denied any role in the attack on Indian tourists.", MONDAY)
    assert not [e for e in ex.events if e.type == "ASSAULT"]


def test_suspending_support_to_a_state_is_a_sanction(extract_text) -> None:
    ex = extract_text("France had already suspended budget support and security cooperation with Niger.", MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("SANCTION", ("FRA", "NER"))]


def test_announced_measures_under_a_warning_threaten_the_one_warned_or_the_condition(extract_text) -> None:
    ev = one(extract_text("Iran's army chief warned Washington that its bases would be legitimate targets.", MONDAY),
             "THREATEN")
    assert pair(ev) == ("IRN", "USA")
    ev = one(extract_text("North Korea warned that Pyongyang would take stronger military action until Washington "
                          "dropped its hostile policy.", MONDAY), "THREATEN")
    assert pair(ev) == ("PRK", "USA")
    # where the text names no one threatened, no target is guessed from a place in the clause
    ex = extract_text("Mali warned that any intervention in Niger would be treated as a declaration of war.", MONDAY)
    assert not [e for e in ex.events if e.type == "THREATEN" and e.target is not None and e.target.country == "NER"]


def test_pressing_someone_to_act_is_a_request_to_them(extract_text) -> None:
    ev = one(extract_text("Japan was pressing Iran directly to free the ship and its crew.", MONDAY), "REQUEST")
    assert pair(ev) == ("JPN", "IRN")


def test_rejecting_the_suspension_rejects_whoever_suspended(extract_text) -> None:
    ex = extract_text("India suspended the Indus Waters Treaty on Wednesday. Pakistan rejected the suspension of "
                      "the treaty.", MONDAY)
    assert pair(one(ex, "REJECT")) == ("PAK", "IND")


def test_condemning_a_killing_targets_the_killers_not_the_killed(extract_text) -> None:
    ex = extract_text("About 30 gunmen killed a Kosovo police officer in Banjska. Serbian President Aleksandar "
                      "Vucic condemned the killing of the policeman.", MONDAY)
    accuse = one(ex, "ACCUSE")
    assert accuse.target is not None and accuse.target.name == "gunmen"
    # an act of another kind told just before is not what "the killing" points at
    ex = extract_text("The officer was killed. Kosovo urged the European Union to impose sanctions on Serbia. "
                      "Serbian President Aleksandar Vucic condemned the killing.", MONDAY)
    assert not [e for e in ex.events if e.type == "ACCUSE" and e.target is not None
                and e.target.name == "European Union"]


def test_condemning_strikes_by_several_states_accuses_each_striker(extract_text) -> None:
    ex = extract_text("French and British jets struck militia depots near Sirte overnight. Moscow condemned the "
                      "strikes on Tuesday.", MONDAY)
    assert sided(ex, "ACCUSE") == {("RUS", "FRA"), ("RUS", "GBR")}


def test_a_date_after_call_on_is_no_one_called_upon(extract_text) -> None:
    ex = extract_text("Chinese President Xi Jinping met Joe Biden. Joe Biden called Xi Jinping a dictator on "
                      "Wednesday.", MONDAY)
    called = [(e.type, pair(e)) for e in ex.events if e.trigger == "called"]
    assert called == [("ACCUSE", ("USA", "CHN"))]  # a characterisation, not "called on Wednesday"
    assert not [a for a in ex.actors if a.name == "dictator"]  # what he is called is no actor


def test_they_agreeing_after_a_pair_named_in_the_same_sentence_is_that_pair(extract_text) -> None:
    ex = extract_text("Abiy Ahmed met Antonio Guterres. On the sidelines of the summit, Xi Jinping and Narendra Modi "
                      "held a brief conversation in which they agreed to step up talks.", MONDAY)
    assert {pair(e) for e in ex.events if e.type == "AGREE"} == {("CHN", "IND")}
    assert ("CONSULT", ("CHN", "IND")) in {(e.type, pair(e)) for e in ex.events}
    # co-speakers are no dyad: "Venezuela and Cuba condemned what they called a coup"
    ex = extract_text("Venezuela and Cuba condemned what they called a coup in Bolivia.", MONDAY)
    assert not [e for e in ex.events if pair(e) in (("VEN", "CUB"), ("CUB", "VEN"))]


def test_a_reported_verdict_on_an_act_or_an_actor_is_an_accusation(extract_text) -> None:
    ex = extract_text("Israel struck the Iranian consulate in Damascus. Iran said it was a flagrant violation of "
                      "international law.", MONDAY)
    assert ("ACCUSE", ("IRN", "ISR")) in {(e.type, pair(e)) for e in ex.events}
    ex = extract_text("Iraq's government said the U.S.-led coalition had become a threat to Iraq's stability.", MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("ACCUSE", ("IRQ", "USA"))]
    # a good verdict, or a state of war told, is no accusation
    assert not extract_text("Japan said the talks were a success.", MONDAY).events


@pytest.mark.parametrize(("text", "expected"), [
    ("Security forces in Niger fired tear gas to disperse the protesters.", ("ASSAULT", "protesters")),
    ("Ukrainian President Petro Poroshenko put the armed forces on full combat readiness.", ("MOBILIZE", None)),
    ("NATO said it fully supported Ukraine's sovereignty and territorial integrity.", ("SUPPORT", "Ukraine")),
    ("Britain imposed sanctions on several Israeli settlers.", ("SANCTION", "Israeli settlers")),
])
def test_crowd_control_readiness_support_for_sovereignty_and_settlers(rules_text, text, expected) -> None:
    ev = one(rules_text(text, MONDAY), expected[0])
    assert (ev.target.name if ev.target else None) == expected[1]


def test_a_response_to_sanctions_threatens_who_imposed_them_and_him_is_not_the_teller(extract_text) -> None:
    ex = extract_text("The United States imposed sanctions on Russia on Thursday. Russian spokeswoman Maria Zakharova "
                      "said a response to the sanctions would be inevitable.", MONDAY)
    assert pair(one(ex, "THREATEN")) == ("RUS", "USA")
    ex = extract_text("Russian minister Sergei Ryabkov summoned U.S. Ambassador John Sullivan and told him that "
                      "retaliatory steps would follow soon.", MONDAY)
    assert pair(one(ex, "THREATEN")) == ("RUS", "USA")


@pytest.mark.parametrize(("text", "expected"), [
    ("Mali and Niger decided to recall their ambassadors from Algiers for consultations.",
     {("SANCTION", ("MLI", "DZA")), ("SANCTION", ("NER", "DZA"))}),
    ("India declared Pakistan's military advisers in its capital persona non grata.", {("SANCTION", ("IND", "PAK"))}),
    ("Mexican President Andrés Manuel López Obrador ordered a complete rupture of relations with Ecuador.",
     {("SANCTION", ("MEX", "ECU"))}),
    ("Washington stood shoulder to shoulder with Israel.", {("SUPPORT", ("USA", "ISR"))}),
    ("Pakistan froze all high-level visits with Iran.", {("SANCTION", ("PAK", "IRN"))}),  # and no visit
])
def test_ruptures_recalls_and_solidarity(extract_text, text, expected) -> None:
    assert {(e.type, pair(e)) for e in extract_text(text, MONDAY).events} == expected


def test_answering_with_tariffs_is_a_sanction_and_a_threat_of_sanctions_is_only_a_threat(extract_text) -> None:
    ex = extract_text("Beijing hit back with tariffs on American goods.", MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("SANCTION", ("CHN", "USA"))]
    ex = extract_text("The European Union threatened Iran with sanctions.", MONDAY)
    assert [e.type for e in ex.events] == ["THREATEN"]


def test_both_sides_are_the_two_parties_the_article_pits_against_each_other(extract_text) -> None:
    text = ("Sudan's army and the Rapid Support Forces clashed in Khartoum on Monday. The army accused the Rapid "
            "Support Forces of breaking the truce. The Rapid Support Forces accused the army of shelling homes. "
            "Saudi Arabia and the United States hosted talks in Jeddah. The African Union urged both sides to stop "
            "fighting.")
    asked = {e.target.name for e in extract_text(text, MONDAY).events if e.type == "REQUEST" and e.target}
    assert asked == {"Sudan army", "Rapid Support Forces"}  # not the hosts named last


def test_the_speakers_own_body_is_not_one_of_both_sides(extract_text) -> None:
    text = ("Talks in Doha ended with a deal between the government of Chad and the National Liberation Army. "
            "U.N. Secretary-General Antonio Guterres urged both sides to keep their word.")
    asked = {e.target.name for e in extract_text(text, MONDAY).events if e.type == "REQUEST" and e.target}
    assert "United Nations" not in asked and "National Liberation Army" in asked


def test_objects_coordinated_after_an_apposition_are_all_targets(extract_text) -> None:
    ex = extract_text("The French president thanked Kenya's President, William Ruto, and Brazilian President Luiz "
                      "Inacio Lula da Silva for their help.", MONDAY)
    assert {pair(e)[1] for e in ex.events if e.type == "SUPPORT"} == {"KEN", "BRA"}


def test_summoning_an_envoy_to_protest_is_one_protest_in_words_not_a_rally(rules_text) -> None:
    ex = rules_text("Hungary's foreign ministry summoned the ambassador of Norway on Monday to protest.", MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("ACCUSE", ("HUN", "NOR"))]
    ex = rules_text("Thousands gathered in Budapest on Monday to protest against the law.", MONDAY)
    assert [e.type for e in ex.events] == ["PROTEST"]
    ex = rules_text("Farmers blocked roads near Paris on Monday to protest against EU trade policy.", MONDAY)
    assert "European Union" in {e.target.name for e in ex.events if e.type == "PROTEST" and e.target}


def test_protesters_outside_a_foreign_embassy_are_locals_protesting_that_state(rules_text) -> None:
    ev = one(rules_text("Thousands of supporters of the coup marched on the French embassy in Niamey.", MONDAY),
             "PROTEST")
    assert pair(ev) == ("NER", "FRA")
    ev = one(rules_text("Protesters rallied outside the Russian embassy in Kyiv.", MONDAY), "PROTEST")
    assert pair(ev) == ("UKR", "RUS")


def test_a_host_of_talks_between_two_sides_consults_both(extract_text) -> None:
    ex = extract_text("Qatar hosted talks between Hamas and Israel.", MONDAY)
    hosted = {e.target.name for e in ex.events if e.mode == "host" and e.target}
    assert hosted == {"Hamas", "Israel"}
    ex = extract_text("Marco Rubio hosted the signing of the peace agreement between Rwanda and Burundi.", MONDAY)
    assert {pair(e)[1] for e in ex.events if e.mode == "host"} == {"RWA", "BDI"}


def test_agreeing_on_what_both_will_do_is_an_accord_and_accepting_an_invitation_answers_the_host(extract_text) -> None:
    ev = one(extract_text("India and China agreed that the two sides would handle the situation in a responsible "
                          "manner.", MONDAY), "AGREE")
    assert set(pair(ev)) == {"IND", "CHN"}
    assert not extract_text("Japan and South Korea agreed that the launch was a provocation.", MONDAY).events
    ex = extract_text("North Korean leader Kim Jong Un invited Vladimir Putin to visit Pyongyang. Putin gladly "
                      "accepted the invitation.", MONDAY)
    assert pair(one(ex, "AGREE")) == ("RUS", "PRK")


def test_not_ruling_out_force_is_a_threat_and_ruling_it_out_is_none(extract_text) -> None:
    ev = one(extract_text("China has not ruled out the use of force against Taiwan.", MONDAY), "THREATEN")
    assert pair(ev) == ("CHN", "TWN") and ev.modality == "asserted"
    assert not extract_text("The United States ruled out military action against Iran.", MONDAY).events


def test_ignoring_a_demand_rejects_whoever_made_it(rules_text) -> None:
    ex = rules_text("ECOWAS demanded the release of Mohamed Bazoum. The junta ignored the demand.", MONDAY)
    reject = one(ex, "REJECT")
    assert reject.target is not None and reject.target.name == "Economic Community of West African States"


def test_what_a_demand_asks_for_is_not_reported_as_done(extract_text) -> None:
    ex = extract_text("Japan demanded that China lift the ban on seafood imports.", MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("REQUEST", ("JPN", "CHN"))]
    ex = extract_text("Washington urged that Israel allow more aid into Gaza.", MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("REQUEST", ("USA", "ISR"))]


def test_an_order_to_ones_own_forces_is_no_request(extract_text) -> None:
    ex = extract_text("President Daniel Noboa ordered the armed forces to take control of the prisons.", MONDAY)
    assert events(ex, "REQUEST") == []
    ex = extract_text("Ukraine ordered Russian troops to leave the power plant.", MONDAY)
    assert [pair(e) for e in events(ex, "REQUEST")] == [("UKR", "RUS")]  # another state's forces are asked
    ex = extract_text("The UN court ordered Russia to halt its invasion of Ukraine.", MONDAY)
    assert [pair(e) for e in events(ex, "REQUEST")] == [(None, "RUS")]  # a state is still ordered


def test_receiving_goods_or_people_arriving_is_no_visit(extract_text) -> None:
    assert events(extract_text("Ukraine received German Leopard tanks.", MONDAY), "CONSULT") == []
    assert events(extract_text("Thousands of Ukrainian refugees arrived in Poland on Monday.", MONDAY), "CONSULT") == []


def test_a_characterisation_the_parser_hangs_after_the_noun_is_read(rules_text) -> None:
    ex = rules_text("North Korea fired two missiles on Sunday. South Korean President Yoon Suk Yeol called the "
                    "repeated launches absolutely unacceptable.", MONDAY)
    assert [pair(e) for e in events(ex, "ACCUSE")] == [("KOR", "PRK")]


@pytest.mark.parametrize(("text", "expected"), [
    # a command in an infinitive demands the act, which is not reported as done
    ("Ghana told Togo to withdraw its soldiers from the border town.", ("GHA", "TGO")),
    # "should" in reported words is a demand, not an accusation
    ("The Vietnamese coast guard said China should stop harassing its fishing boats.", ("VNM", "CHN")),
])
def test_a_demand_is_the_only_event(extract_text, text, expected) -> None:
    assert [(e.type, pair(e)) for e in extract_text(text, MONDAY).events] == [("REQUEST", expected)]


def test_told_reporters_that_is_no_demand(extract_text) -> None:
    ex = extract_text("The Malaysian minister told reporters that Myanmar had released the aid workers.", MONDAY)
    assert not events(ex, "REQUEST")


def test_a_speaker_demanding_of_its_own_side_is_no_request(extract_text) -> None:
    ex = extract_text("Kenya said its own soldiers must stay in the capital.", MONDAY)
    assert not events(ex, "REQUEST")


@pytest.mark.parametrize("text", [
    "Riot police in Dhaka used tear gas and water cannon to disperse the protesters.",
    "Police in Dhaka dispersed the demonstrators with batons on Sunday.",
    "Police in Dhaka broke up the protesters' camp and detained their leaders.",
])
def test_crowd_broken_up_by_force_is_coercion(extract_text, text) -> None:
    ev = events(extract_text(text, MONDAY), "COERCE")[0]
    assert ev.source is not None and (ev.source.kind, ev.source.country) == ("police", "BGD")
    assert ev.mode in ("repress", "arrest") and ev.target is not None and ev.target.kind == "group"


def test_broke_into_a_network_is_a_cyber_attack(extract_text) -> None:
    ex = extract_text("North Korean hackers broke into the Bangladesh central bank's payment system.", MONDAY)
    assert [(e.type, e.mode) for e in events(ex, "ASSAULT")] == [("ASSAULT", "cyber")]


def test_missiles_that_hit_a_town_centre_are_an_attack_by_their_owner(extract_text) -> None:
    ev = one(extract_text("Two Russian ballistic missiles hit a residential district of Kharkiv on Sunday.", MONDAY),
             "ASSAULT")
    assert ev.source is not None and ev.source.country == "RUS"


def test_a_blow_to_an_economy_is_no_attack(extract_text) -> None:
    assert not extract_text("The sanctions hit Russia's economy hard.", MONDAY).events


def test_a_claim_judged_baseless_is_rejected_and_its_owner_is_the_target(extract_text) -> None:
    ex = extract_text("Rwanda said a Burundian camp had been hit. Burundi's foreign minister said Kigali's claim "
                      "was baseless.", MONDAY)
    assert [(e.type, e.mode, pair(e)) for e in events(ex, "REJECT")] == [("REJECT", "deny", ("BDI", "RWA"))]


def test_a_measure_judged_unjust_accuses_whoever_took_it(extract_text) -> None:
    # the parser hangs the clause on "a statement": it is still what Paraguay said
    ex = extract_text("The U.S. Treasury sanctioned Paraguay's former president on Friday. Paraguay said in a "
                      "statement that the measure was unjust.", MONDAY)
    assert [pair(e) for e in events(ex, "ACCUSE")] == [("PRY", "USA")]


@pytest.mark.parametrize(("text", "type_"), [
    ("Ghana accused Togo of espionage. Togo's foreign ministry said it firmly opposed the accusations.", "REJECT"),
    ("Ghana expelled three Togolese diplomats. Togo's foreign ministry said it regretted Accra's decision.",
     "ACCUSE"),
])
def test_opposing_or_regretting_an_act_answers_its_author(extract_text, text, type_) -> None:
    assert [pair(e) for e in events(extract_text(text, MONDAY), type_)] == [("TGO", "GHA")]


def test_firing_workers_is_no_attack(extract_text) -> None:
    assert not events(extract_text("The Chilean company fired at least 200 workers.", MONDAY), "ASSAULT")


def test_a_gang_is_an_armed_group(extract_text) -> None:
    ev = one(extract_text("A gang killed a Kenyan police officer in Port-au-Prince.", MONDAY), "ASSAULT")
    assert ev.source is not None and ev.source.kind == "armed-group"


def test_they_after_a_group_is_the_group_in_a_one_sided_act(extract_text) -> None:
    ex = extract_text("Houthi forces have attacked ships in the Red Sea since November. On Tuesday they struck a "
                      "Greek tanker.", MONDAY)
    assert [(e.source.name, e.target.country) for e in events(ex, "ASSAULT") if e.source and e.target
            and e.trigger == "struck"] == [("Houthi", "GRC")]


def test_they_after_a_pair_that_met_is_the_pair_in_a_mutual_act(extract_text) -> None:
    ex = extract_text("France and Germany met in Paris on Monday. They agreed to coordinate.", MONDAY)
    assert set(pair(one(ex, "AGREE"))) == {"FRA", "DEU"}


@pytest.mark.parametrize("text", [
    "Britain designated the Wagner Group a terrorist organisation.",
    "The United States designated the Allied Democratic Forces (ADF) a terrorist organisation in March.",
])
def test_designated_x_a_terrorist_group_targets_x(extract_text, text) -> None:
    ev = one(extract_text(text, MONDAY), "SANCTION")
    assert ev.mode == "designate" and ev.target is not None
    assert ev.target.name in ("Wagner Group", "Allied Democratic Forces")  # no "(ADF" left in the name


@pytest.mark.parametrize(("text", "expected"), [
    ("Peru expelled two Bolivian diplomats. Bolivia said it would respond harshly to such hostile actions.",
     ("BOL", "PER")),
    ("Kenya said it would respond to any violation of its border by Somalia.", ("KEN", "SOM")),
    ("Chile tested a missile on Tuesday. Lima said it would retaliate if Santiago took further steps.",
     ("PER", "CHL")),
    # the manner of the answer in a phrase, and the side answered named as its object
    ("Armenia's defence ministry said Yerevan would respond to Azerbaijan at a time and place of its choosing.",
     ("ARM", "AZE")),
    ("Beijing said it would respond in kind to any new American tariffs.", ("CHN", "USA")),
    ("Algeria said it would respond to France's expulsion of its diplomats in kind.", ("DZA", "FRA")),
])
def test_a_promised_response_is_a_threat_to_whoever_it_answers(extract_text, text, expected) -> None:
    assert [pair(e) for e in events(extract_text(text, MONDAY), "THREATEN")] == [expected]


def test_a_promised_response_to_no_one_is_no_threat(extract_text) -> None:
    assert not events(extract_text("Kenya said it would respond in due course.", MONDAY), "THREATEN")
    assert not events(extract_text("Kenya said it would respond to Somalia's letter in due course.", MONDAY),
                      "THREATEN")


@pytest.mark.parametrize("text", [
    "India said it would respond to the Chinese statement at an appropriate time.",  # no "of its choosing"
    "The European Union said it would respond to the American proposal in a constructive manner.",
    "Athens said it would respond in kind to the Turkish goodwill gestures.",  # reciprocity
    "Tehran said it would respond harshly to the assassination of Ismail Haniyeh.",  # the victim is not answered
])
def test_a_friendly_or_timely_response_threatens_no_one_and_never_the_victim(extract_text, text) -> None:
    assert not [e for e in events(extract_text(text, MONDAY), "THREATEN") if e.target is not None]


@pytest.mark.parametrize("answer", [
    "Togo condemned the accusations as a smear.",
    "Togo's foreign ministry called the claims groundless.",
    "Togo criticised the allegations.",
])
def test_judging_a_charge_rejects_it(extract_text, answer) -> None:
    ex = extract_text("Ghana accused Lome of espionage. " + answer, MONDAY)
    assert [(e.mode, pair(e)) for e in events(ex, "REJECT")] == [("deny", ("TGO", "GHA"))]
    assert [pair(e) for e in events(ex, "ACCUSE")] == [("GHA", "TGO")]


def test_the_two_sides_each_act_in_a_one_sided_act(extract_text) -> None:
    ex = extract_text("Armenia and Azerbaijan held talks in Brussels. Both sides thanked the European Union.", MONDAY)
    assert sorted(pair(e)[0] for e in events(ex, "SUPPORT")) == ["ARM", "AZE"]
    assert all(e.target is not None and e.target.kind == "igo" for e in events(ex, "SUPPORT"))


def test_the_two_sides_condemning_an_act_do_not_accuse_each_other(extract_text) -> None:
    ex = extract_text("Armenia and Azerbaijan held talks in Brussels. The two sides condemned the attack on the "
                      "border post.", MONDAY)
    assert set(pair(one(ex, "CONSULT"))) == {"ARM", "AZE"}
    assert not [e for e in events(ex, "ACCUSE") if set(pair(e)) == {"ARM", "AZE"}]


def test_the_two_sides_accusing_each_other_accuse_each_other(extract_text) -> None:
    ex = extract_text("Armenia and Azerbaijan held talks in Brussels. The two sides accused each other of "
                      "violating the truce.", MONDAY)
    assert {frozenset(pair(e)) for e in events(ex, "ACCUSE")} == {frozenset({"ARM", "AZE"})}


def test_they_after_a_pair_is_not_one_of_the_pair(extract_text) -> None:
    ex = extract_text("Israel and Hamas exchanged fire on Monday. They also attacked a convoy.", MONDAY)
    assert not [e for e in events(ex, "ASSAULT") if e.trigger == "attacked"]


@pytest.mark.parametrize(("text", "expected"), [
    ("On Friday Russia vetoed a U.S.-drafted resolution on Gaza.", ("RUS", "USA")),
    ("Moscow rejected the Ukrainian-sponsored proposal.", ("RUS", "UKR")),
])
def test_a_hyphenated_drafter_is_the_author_a_rejection_answers(extract_text, text, expected) -> None:
    assert [pair(e) for e in events(extract_text(text, MONDAY), "REJECT")] == [expected]


@pytest.mark.parametrize("text", [
    "Opposition leaders in Caracas accused Maduro of fraud.",  # not the state's
    "Reporters in Kyiv asked the minister about Russia.",
])
def test_only_state_servants_in_a_capital_speak_for_its_state(extract_text, text) -> None:
    assert not [e for e in extract_text(text, MONDAY).events if e.source is not None and e.source.kind == "country"]


def test_exchanging_accusations_is_no_rejection(extract_text) -> None:
    ex = extract_text("Armenia and Azerbaijan exchanged accusations over the shelling.", MONDAY)
    assert not events(ex, "REJECT") and events(ex, "ACCUSE")


def test_a_demand_keeps_the_past_act_it_names(extract_text) -> None:
    ex = extract_text("Germany said Russia must pay for its invasion of Ukraine.", MONDAY)
    assert [pair(e) for e in events(ex, "REQUEST")] == [("DEU", "RUS")]
    assert [pair(e) for e in events(ex, "ASSAULT")] == [("RUS", "UKR")]


@pytest.mark.parametrize("text", [
    "The German chancellor said Ukraine must win.",
    "Washington said Beijing must have known about the launch.",
    "Ghana told Togo to expect a delegation next week.",
])
def test_a_judgement_or_a_forecast_is_no_demand(extract_text, text) -> None:
    assert not events(extract_text(text, MONDAY), "REQUEST")


@pytest.mark.parametrize("text", [
    "President Biden fired back at his critics in Congress.",
    "Critics fired questions at the Russian envoy.",
])
def test_rhetorical_firing_is_no_attack(extract_text, text) -> None:
    assert not events(extract_text(text, MONDAY), "ASSAULT")


def test_a_people_or_a_creed_names_no_armed_group(extract_text) -> None:
    ev = one(extract_text("Kurdish fighters attacked a Turkish border post.", MONDAY), "ASSAULT")
    assert ev.source is not None and ev.source.name != "Kurdish"


def test_an_organisation_called_a_cartel_is_the_organisation(extract_text) -> None:
    ev = one(extract_text("The OPEC cartel agreed with Russia on output cuts.", MONDAY), "AGREE")
    assert ev.source is not None and ev.source.kind == "igo"


def test_answering_a_request_is_no_threat(extract_text) -> None:
    ex = extract_text("Ukraine asked Germany for more air defence systems. Berlin said it would respond to the "
                      "request quickly.", MONDAY)
    assert not events(ex, "THREATEN")


def test_received_a_states_goods_by_possessive_makes_it_the_supplier(extract_text) -> None:
    ex = extract_text("Armenia received Russia's fuel shipments on Monday.", MONDAY)
    assert [pair(e) for e in events(ex, "AID")] == [("RUS", "ARM")]


@pytest.mark.parametrize(("text", "state"), [
    ("Two French tourists were detained in South Sudan on Monday.", "SSD"),  # not Sudan, the name's last word
    ("Two French tourists were detained in Tehran on Monday.", "IRN"),
])
def test_an_arrest_with_no_agent_is_by_the_state_it_happened_in(extract_text, text, state) -> None:
    ev = one(extract_text(text, MONDAY), "COERCE")
    assert ev.source is not None and ev.source.country == state


# -- feelings about what someone did: who feels is the source ----------------------------------

@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Kenya was outraged by the Ugandan incursion.", "ACCUSE", ("KEN", "UGA")),  # passive: the subject feels
    ("Norway said it was deeply troubled by the Sudanese raid.", "ACCUSE", ("NOR", "SDN")),
    ("Ghana is deeply concerned about the Malian drills.", "ACCUSE", ("GHA", "MLI")),  # the parser's adjective
    ("The Chilean blockade alarmed Bolivia.", "ACCUSE", ("BOL", "CHL")),  # active: the object feels
    ("Peru was pleased with Ecuador's decision.", "SUPPORT", ("PER", "ECU")),
    ("Austria was dismayed by the growing ties between Iran and Belarus.", "ACCUSE", ("AUT", "IRN")),
    ("Norway said it was concerned about Sweden's remark.", "ACCUSE", ("NOR", "SWE")),  # a remark is an act
    ("Ghana was alarmed by reports that Togolese agents had abducted two traders.", "ACCUSE", ("GHA", "TGO")),
    ("Togo was angered by Ghanaian claims that Togolese agents had abducted two traders.", "ACCUSE",
     ("TGO", "GHA")),  # a claim someone made is about its maker
])
def test_a_feeling_runs_from_who_feels_to_who_acted(rules_text, text, type_, expected) -> None:
    found = [pair(e) for e in events(rules_text(text, MONDAY), type_)]
    assert found[:1] == [expected], found


def test_a_feeling_about_the_act_just_told_is_about_its_author(rules_text) -> None:
    ex = rules_text("Serbia shelled a Kosovo village on Sunday. Albania said it was shocked by the attack.", MONDAY)
    assert ("ALB", "SRB") in [pair(e) for e in events(ex, "ACCUSE")]


@pytest.mark.parametrize("text", [
    "The dispute concerns Guyana and Venezuela.",  # "concern" as "be about"
    "Colombian officials worried that Ecuador would close the border.",  # a worry about what has not happened
    "Chile was shocked by the execution of the Bolivian activist.",  # felt for, not against, the one acted on
    "Ghana was alarmed by reports that Togolese agents had not abducted the traders.",  # the report clears them
    "Ghana was alarmed by reports that Togolese agents would abduct traders.",  # a wrong foretold
])
def test_no_feeling_event_without_someone_who_acted(rules_text, text) -> None:
    ex = rules_text(text, MONDAY)
    assert not [e for e in ex.events if e.mode in ("disapprove", "praise")], [(e.type, pair(e)) for e in ex.events]


# -- blame laid in reported words ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Lithuanian foreign minister said Belarus bore full responsibility for the crisis.",
    "The Lithuanian foreign minister said the responsibility for the crisis lay with Minsk.",
    "The Lithuanian foreign minister said Belarus was to blame.",  # blamed, not blaming
])
def test_responsibility_laid_on_a_side_in_reported_words_accuses_it(rules_text, text) -> None:
    # "the Lithuanian foreign minister": the small model tags the demonym ORG or nothing
    assert [pair(e) for e in events(rules_text(text, MONDAY), "ACCUSE")] == [("LTU", "BLR")]


def test_a_judged_act_named_by_its_verb_points_at_its_author(rules_text) -> None:
    ex = rules_text("Azerbaijan halted gas deliveries to Georgia. The Georgian premier said the halt was a "
                    "direct attack on his country.", MONDAY)
    assert ("GEO", "AZE") in [pair(e) for e in events(ex, "ACCUSE")]


def test_a_sentence_judged_as_harassment_accuses_the_court_state(rules_text) -> None:
    ex = rules_text("Belarus convicted the opposition leader Ales Bialiatski on Friday. The Polish foreign "
                    "ministry said the conviction was part of a pattern of harassment.", MONDAY)
    assert ("POL", "BLR") in [pair(e) for e in events(ex, "ACCUSE")]


def test_a_characterisation_hung_on_the_objects_own_clause_is_read(rules_text) -> None:
    ex = rules_text("Canada sanctioned the Haitian senator on Friday. The senator called the decision to list "
                    "him baseless and absurd.", MONDAY)
    assert [e.target.country for e in events(ex, "ACCUSE") if e.target] == ["CAN"]


def test_dismissing_an_act_as_something_bad_criticises_its_author(rules_text) -> None:
    ex = rules_text("Jordan dismissed the Syrian election as a cynical stunt.", MONDAY)
    assert [pair(e) for e in events(ex, "ACCUSE")] == [("JOR", "SYR")]


# -- coercion: removals, bans and hand-overs ------------------------------------------------------

@pytest.mark.parametrize(("text", "mode"), [
    ("Hungarian border police turned back several Austrian journalists.", "expel"),
    ("Greek soldiers pushed the migrants back across the river.", "expel"),
    ("Thailand's election commission disqualified the Move Forward Party.", "restrict"),
    ("The Guinean junta dissolved the national assembly.", "restrict"),
    ("Argentina extradited the Chilean businessman Pablo Fuentes to Peru.", "expel"),
])
def test_coercion_verbs(rules_text, text, mode) -> None:
    ev = one(rules_text(text, MONDAY), "COERCE")
    assert ev.mode == mode and ev.source is not None and ev.target is not None


def test_an_extradited_person_not_the_receiving_state_is_the_target(rules_text) -> None:
    ev = one(rules_text("Argentina extradited the Chilean businessman Pablo Fuentes to Peru.", MONDAY), "COERCE")
    assert ev.target is not None and ev.target.kind == "person"


@pytest.mark.parametrize("text", [
    "The minister pushed back against the criticism.",  # no one pushed back
    "Kenya handed over the keys of the stadium.",  # a thing, not a person
])
def test_pushing_back_and_handing_over_things_coerce_no_one(rules_text, text) -> None:
    assert not events(rules_text(text, MONDAY), "COERCE")


# -- denials in reported words --------------------------------------------------------------------

def test_a_side_cleared_in_its_own_words_denies_its_accuser(rules_text) -> None:
    ex = rules_text("Kenya accused Somalia of the raid. Somalia's defence ministry said its forces had not "
                    "attacked anyone.", MONDAY)
    assert ("SOM", "KEN") in [pair(e) for e in events(ex, "REJECT")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ukraine accused Russia of the attack on the dam. Moscow said it had nothing to do with the attack.",
     ("RUS", "UKR")),
    ("Somalia accused Kenya of arming the militia. Kenya's foreign ministry said the fighting had nothing to do "
     "with Kenya.", ("KEN", "SOM")),  # the side disowned is the one "with" names
    ("Venezuela accused Washington of backing the raid. The State Department said there had been no US "
     "involvement.", ("USA", "VEN")),
    ("Ukraine accused Russia of the blast. The Kremlin said it did not have anything to do with the blast.",
     ("RUS", "UKR")),
])
def test_a_side_disowning_what_it_is_accused_of_denies_its_accuser(rules_text, text, expected) -> None:
    assert expected in [pair(e) for e in events(rules_text(text, MONDAY), "REJECT")]


@pytest.mark.parametrize("text", [
    "Kenya accused Somalia of the raid. Ethiopia said Somalia had not attacked anyone.",  # another side's view
    "Somalia's defence ministry said its forces had not attacked anyone.",  # no accuser told: nothing to deny
    "The State Department said there had been no US involvement.",
    "Somalia accused Kenya of arming the militia. Kenya's foreign ministry said the fighting had nothing to do with "
    "Ethiopia.",  # a third side cleared by another: no denial of the speaker's
    "Israel accused Iran of the tanker attack. Tehran said Israel's election had nothing to do with Iran.",  # no deed
    "Ukraine accused Russia of blocking grain exports. Moscow said it had nothing to do with the Istanbul talks.",
    "Ukraine accused Russia of the blast. The Kremlin said there had been no Belarusian involvement.",  # another's
    "Kenya accused Somalia of the raid. Somalia said al-Shabaab had nothing to do with the raid.",  # not the state
])
def test_no_denial_without_an_accused_speaker_and_an_accuser(rules_text, text) -> None:
    assert not events(rules_text(text, MONDAY), "REJECT")


# -- attacks with thrown and fired things; meetings over a meal ----------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Georgian protesters threw stones at the police outside parliament.", ("GEO", "GEO")),
    ("Russia fired dozens of cruise missiles at cities across Ukraine.", ("RUS", "UKR")),  # the missiles are no target
    ("Syrian troops fired live ammunition at the Turkish patrol.", ("SYR", "TUR")),
])
def test_what_is_thrown_or_fired_is_the_weapon_not_the_target(rules_text, text, expected) -> None:
    assert pair(one(rules_text(text, MONDAY), "ASSAULT")) == expected


def test_hurling_words_is_no_attack(rules_text) -> None:
    assert not events(rules_text("The Turkish minister hurled insults at the Greek opposition.", MONDAY), "ASSAULT")


@pytest.mark.parametrize("text", [
    "The Chilean president later had lunch with the Peruvian president Dina Boluarte.",
    "The Chilean president sat down with the Peruvian president Dina Boluarte at the palace.",
])
def test_a_meal_or_a_sitting_with_someone_is_a_meeting(rules_text, text) -> None:
    assert pair(one(rules_text(text, MONDAY), "CONSULT")) == ("CHL", "PER")


def test_a_states_army_helicopters_are_its_army(rules_text) -> None:
    ev = one(rules_text("Malian army helicopters fired on a convoy of Wagner fighters near Kidal.", MONDAY), "ASSAULT")
    assert ev.source is not None and ev.source.country == "MLI" and ev.source.kind == "military"


@pytest.mark.parametrize("text", [
    "The Dutch foreign ministry on Monday summoned Iranian Ambassador Majid Nili.",  # a title before the name
    "India summoned Pakistan's high commissioner, Saad Warraich, on Friday.",
])
def test_summoning_a_named_envoy_is_a_protest(rules_text, text) -> None:
    ex = rules_text(text, MONDAY)
    assert [e.type for e in ex.events] == ["ACCUSE"], [(e.type, e.mode) for e in ex.events]



def test_an_act_told_on_a_speakers_word_is_no_accusation_by_the_speaker(rules_text) -> None:
    ex = rules_text("Militants in Gaza fired two rockets at the Israeli city of Sderot, the Israeli military said.",
                    MONDAY)
    assert not events(ex, "ACCUSE")
    assert [e.source.country for e in events(ex, "ASSAULT") if e.source] != []


def test_blame_told_on_a_speakers_word_is_still_an_accusation(rules_text) -> None:
    ex = rules_text("Iran was behind the attack on the tanker, the British foreign minister said.", MONDAY)
    assert ("GBR", "IRN") in [pair(e) for e in events(ex, "ACCUSE")]


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Russia blocked a French-drafted statement at the Security Council on Tuesday.", "REJECT", ("RUS", "FRA")),
])
def test_blocking_a_text_rejects_its_author(rules_text, text, type_, expected) -> None:
    assert pair(one(rules_text(text, MONDAY), type_)) == expected


def test_taking_a_view_or_a_decision_is_nothing(rules_text) -> None:
    assert not rules_text("The Bolivian president took a dim view of the Chilean decision.", MONDAY).events


def test_a_judgement_the_parser_hung_on_the_objects_noun_is_read(rules_text) -> None:
    ex = rules_text("Serb gunmen attacked KFOR troops in Zvecan. The Albanian prime minister called the attack "
                    "on KFOR unacceptable and irresponsible.", MONDAY)  # the parser: "KFOR unacceptable"
    assert [(e.source.country, e.target.name) for e in events(ex, "ACCUSE") if e.source and e.target] == [
        ("ALB", "Serbian gunmen")]


def test_the_people_a_characterisation_names_before_its_predicate_are_its_targets(rules_text) -> None:
    ex = rules_text("Iran's supreme leader Ali Khamenei called Trump, May and Macron criminals.", MONDAY)
    assert {e.target.name for e in events(ex, "ACCUSE") if e.target} >= {"May", "Macron"}


@pytest.mark.parametrize("text", [
    "Kuwait gave Iraq's ambassador 72 hours to leave the country.",
    "Kuwait ordered 12 employees of the Iraqi embassy to leave the country.",
])
def test_a_deadline_to_leave_expels(rules_text, text) -> None:
    assert [pair(e) for e in events(rules_text(text, MONDAY), "SANCTION")] == [("KWT", "IRQ")]


def test_time_to_do_something_else_expels_no_one(rules_text) -> None:
    assert not events(rules_text("Kuwait gave Iraqi aid groups two weeks to register.", MONDAY), "SANCTION")


def test_saying_ones_side_will_not_do_what_was_asked_refuses_the_asker(rules_text) -> None:
    ex = rules_text("Qatar asked Bahrain to apologise. The Bahraini information minister told a news "
                    "conference he would not apologise.", MONDAY)
    assert ("BHR", "QAT") in [pair(e) for e in events(ex, "REJECT")]


def test_saying_ones_side_will_not_attack_is_neither_a_threat_nor_a_refusal(rules_text) -> None:
    ex = rules_text("Kenya asked Uganda to withdraw. Uganda's army said it would not attack Kenya.", MONDAY)
    assert not events(ex, "THREATEN") and not events(ex, "REJECT")


def test_there_was_interference_by_a_side_in_reported_words_accuses_it(rules_text) -> None:
    ex = rules_text("Moldova's deputy prime minister said there had been massive interference by Russia in the "
                    "vote.", MONDAY)
    assert [pair(e) for e in events(ex, "ACCUSE")] == [("MDA", "RUS")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Beijing lodged stern representations with Canberra.", ("CHN", "AUS")),
    ("The Nepali government conveyed its disappointment to India over the new map.", ("NPL", "IND")),
    ("Austria expressed dismay at the Slovak veto.", ("AUT", "SVK")),
])
def test_protest_and_displeasure_nouns(rules_text, text, expected) -> None:
    assert [pair(e) for e in events(rules_text(text, MONDAY), "ACCUSE")] == [expected]


def test_congo_alone_is_the_democratic_republic(extract_text) -> None:
    ex = extract_text("Uganda and Congo signed a security pact.", MONDAY)
    assert [pair(e) for e in events(ex, "AGREE")] == [("UGA", "COD")]


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("The Gabonese army said it remained loyal to the president, Brice Oligui Nguema.", "SUPPORT", "GAB"),
    ("Kyiv is grateful to Warsaw for its support.", "SUPPORT", "POL"),
    ("Slovakia is opposed to the Polish proposal.", "REJECT", "POL"),
])
def test_adjectives_of_stance_towards_someone(rules_text, text, type_, expected) -> None:
    ev = one(rules_text(text, MONDAY), type_)
    assert ev.target is not None and ev.target.country == expected


def test_an_office_holder_shocked_in_reported_words_is_shocked_by_the_act_just_told(rules_text) -> None:
    ex = rules_text("An Emirati court jailed the British student Matthew Hedges for life. Britain's foreign "
                    "secretary said he was deeply shocked and disappointed.", MONDAY)
    assert ("GBR", "ARE") in [pair(e) for e in events(ex, "ACCUSE")]


@pytest.mark.parametrize("text", [
    "Armenia shelled Azerbaijani positions on Monday. Azerbaijan's army said it would respond at a time and place "
    "of its choosing.",
    "Armenia condemned the Azerbaijani strike on its border post. Armenia said it reserved the right to respond.",
    "Gunmen killed two Azerbaijani soldiers near the border. Azerbaijan's defence minister said those behind the "
    "attack would be found and punished.",
])
def test_a_promised_response_threatens_whoever_just_struck(rules_text, text) -> None:
    ex = rules_text(text, MONDAY)
    threats = events(ex, "THREATEN")
    struck = {e.source.key for e in events(ex, "ASSAULT") if e.source is not None}  # (unnamed gunmen who kill
    # a state's soldiers are coded as that state's insurgents: the threat is at them, not at another state)
    assert threats and all(e.target is not None and e.target is not e.source
                           and (e.target.key in struck if struck else e.target.country != e.source.country)
                           for e in threats), \
        [(e.type, e.source and e.source.key, e.target and e.target.key) for e in ex.events]


def test_a_promised_answer_to_a_request_is_no_threat(rules_text) -> None:
    ex = rules_text("Ukraine asked Germany for tanks. Berlin said it would respond quickly.", MONDAY)
    assert not events(ex, "THREATEN")


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("The Arab League adopted a resolution calling on Israel to withdraw from the Golan.", "REQUEST", ("ISR",)),
    ("The G7 issued a statement condemning Russia's strikes on Kyiv.", "ACCUSE", ("RUS",)),
])
def test_a_document_speaks_for_whoever_issued_it(rules_text, text, type_, expected) -> None:
    found = [(e.source.name if e.source else None, e.target.country if e.target else None)
             for e in events(rules_text(text, MONDAY), type_)]
    assert found and all(src is not None and (tgt,) == expected for src, tgt in found), found


def test_welcoming_a_states_decision_supports_it_and_hosts_no_one(rules_text) -> None:
    ex = rules_text("Germany closed the Iranian consulates. The U.S. envoy Abram Paley welcomed the German "
                    "decision.", MONDAY)
    assert not events(ex, "CONSULT")
    assert [e.target.country for e in events(ex, "SUPPORT") if e.target] == ["DEU"]


@pytest.mark.parametrize("text", [
    "China imposed anti-dumping duties on Australian wine.",
    "Beijing ordered retaliatory duties of 25% on Australian barley.",
])
def test_duties_are_tariffs(rules_text, text) -> None:
    assert [pair(e) for e in events(rules_text(text, MONDAY), "SANCTION")] == [("CHN", "AUS")]


def test_duties_of_an_office_are_nothing(rules_text) -> None:
    assert not rules_text("The Chinese minister returned to his duties in Beijing.", MONDAY).events


def test_an_announced_measure_is_the_measure_planned_not_a_threat(rules_text) -> None:
    ex = rules_text("Washington announced that it would designate the Houthis a terrorist organisation.", MONDAY)
    assert [(e.type, e.modality) for e in ex.events] == [("SANCTION", "planned")]


def test_an_announced_measure_on_a_condition_is_a_threat(rules_text) -> None:
    ex = rules_text("Washington announced that it would impose sanctions if Caracas ignored the deal.", MONDAY)
    assert [pair(e) for e in events(ex, "THREATEN")] == [("USA", "VEN")]


def test_a_nominal_mobilisation_needs_no_other_side(rules_text) -> None:
    ex = rules_text("Azerbaijan announced a partial military mobilisation on Monday.", MONDAY)
    assert [(e.type, e.source.country if e.source else None) for e in ex.events] == [("MOBILIZE", "AZE")]


# -- cold review: sentences where this stop's rules must not fire ---------------------------------

@pytest.mark.parametrize(("text", "type_"), [
    ("Biden told Zelenskiy that the United States would not abandon Ukraine.", "REJECT"),  # no compliance refused
    ("Britain accused Russia of a cyber attack. Germany's chancellor said Germany had not been involved in the "
     "talks.", "REJECT"),  # the accusation was not aimed at Germany
    ("Egypt's foreign minister said Israel bore no responsibility for the blast.", "ACCUSE"),
    ("Germany's chancellor said the United States bore a special responsibility for peace in the region.", "ACCUSE"),
    ("Moldova's president said there had been no interference by Russia.", "ACCUSE"),
    ("Japan's foreign minister said Tokyo was not concerned about the Chinese exercise.", "ACCUSE"),
    ("China imposed tariffs on Australian wine. Australia's trade minister said Canberra would respond in writing "
     "by Friday.", "THREATEN"),  # a bare "respond" answers force, not a tariff
    ("Iran's foreign ministry said it reserved the right to comment later.", "THREATEN"),
    ("Hungary vetoed a statement calling on Russia to withdraw its troops.", "REQUEST"),  # the vetoer asks nothing
    ("Police blocked the road to the presidential palace.", "PROTEST"),
    ("Turkey's president said he was shocked by the fire at an Istanbul nightclub.", "ACCUSE"),
])
def test_this_stops_rules_stay_silent_where_they_should(rules_text, text, type_) -> None:
    assert not events(rules_text(text, MONDAY), type_)


def test_a_bare_army_takes_no_state_from_a_time_clause(extract_text) -> None:
    ex = extract_text("KYIV - Ukraine braced for more strikes on Tuesday. Ukraine's president asked allies for air "
                      "defence. After Russia launched missiles at Lviv overnight, the army said it had shot down 20 "
                      "Russian drones.", MONDAY)
    assert "RUS" not in {e.source.country for e in events(ex, "ASSAULT") if e.source and e.trigger == "shot"}


def test_an_extradited_persons_destination_is_no_target(rules_text) -> None:
    assert not [e for e in events(rules_text("Uzbekistan extradited the suspect to Russia.", MONDAY), "COERCE")
                if e.target is not None and e.target.country == "RUS"]


def test_wrongdoing_in_reported_words_accuses_whoever_did_the_act(rules_text) -> None:
    # an act noun doing wrong: its owner is accused
    ex = rules_text("Ghana's trade minister said on Monday that Togo's new levies breached the regional treaty.",
                    MONDAY)
    assert sided(ex, "ACCUSE") == {("GHA", "TGO")}
    # a judgement in the second of two predicates
    ex = rules_text("The Chilean foreign minister said the junta in Niger was unstable and illegitimate.",
                    MONDAY)
    assert [(e.source.country, e.target.country) for e in ex.events
            if e.type == "ACCUSE" and e.source and e.target] == [("CHL", "NER")]
    # a joint statement accuses for each of its speakers
    ex = rules_text("The leaders of Norway, Peru and Kenya said in a joint statement that the Sudanese raids on "
                    "the refugee camps were unjustifiable.", MONDAY)
    assert sided(ex, "ACCUSE") == {("NOR", "SDN"), ("PER", "SDN"), ("KEN", "SDN")}
    # neutral predicates judge no one
    ex = rules_text("The Chilean foreign minister said the talks in Niger were long and difficult.", MONDAY)
    assert not [e for e in ex.events if e.type == "ACCUSE"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana withdrew its ambassador to Mali on Tuesday.", ("SANCTION", "GHA", "MLI")),
    ("Peru said it was withdrawing its diplomats from Bolivia.", ("SANCTION", "PER", "BOL")),
    ("Estonia ordered two Belarusian diplomats out of the country.", ("SANCTION", "EST", "BLR")),
    ("Latvia threw out three Russian diplomats on Friday.", ("SANCTION", "LVA", "RUS")),
    ("Beijing froze all new trade and investment with Vilnius.", ("SANCTION", "CHN", "LTU")),
    ("Japan handed two fire trucks to the Fijian police.", ("AID", "JPN", "FJI")),
    ("Egyptian soldiers blocked the Sudanese envoy Ali Hamid from entering the building.", ("COERCE", "EGY", "SDN")),
])
def test_diplomatic_and_coercive_acts_said_with_common_verbs(rules_text, text, expected) -> None:
    assert expected in {(e.type, e.source.country if e.source else None, e.target.country if e.target else None)
                        for e in rules_text(text, MONDAY).events}


@pytest.mark.parametrize("text", [
    "Russia withdrew its troops from the town.",      # a retreat, no envoy
    "Protesters threw stones at the police.",         # a thrown weapon, not an expulsion
])
def test_those_verbs_keep_their_other_readings(rules_text, text) -> None:
    assert not [e for e in rules_text(text, MONDAY).events if e.type in ("SANCTION",) or e.mode == "detain"]


def test_did_standing_for_the_verb_repeats_the_act_for_its_subject(rules_text) -> None:
    ex = rules_text("Egypt condemned the Israeli raid on the camp, as did Jordan and Qatar.", MONDAY)
    assert sided(ex, "ACCUSE") == {("EGY", "ISR"), ("JOR", "ISR"), ("QAT", "ISR")}
    ex = rules_text("Oman welcomed the truce between Iran and Iraq, and so did Kuwait.", MONDAY)
    assert {e.source.country for e in ex.events if e.type == "SUPPORT" and e.source} == {"OMN", "KWT"}
    # "as it did last year": the same side again, no one new
    ex = rules_text("Egypt condemned the Israeli raid on the camp, as it did last year.", MONDAY)
    assert {e.source.country for e in ex.events if e.type == "ACCUSE" and e.source} == {"EGY"}


@pytest.mark.parametrize("text", [
    "A court in Nairobi threw out the charge against the opposition leader.",      # a legal charge
    "The United Nations withdrew its non-essential staff from Juba.",             # an evacuation
    "Turkey ordered its embassy staff out of Khartoum as the fighting spread.",   # its own people
    "Several men attacked a police station near the Malian border.",              # unnamed attackers
    "Thousands of people welcomed the Pope in Kinshasa.",                         # a crowd, no side
])
def test_the_new_readings_do_not_misfire(rules_text, text) -> None:
    ex = rules_text(text, MONDAY)
    assert not [e for e in ex.events if e.type == "SANCTION" or (e.source and e.source.name == "people")]


def test_did_for_a_reporting_verb_copies_no_act(rules_text) -> None:
    ex = rules_text("Paris said Russia had struck Odesa overnight, as did Kyiv.", MONDAY)
    assert not [e for e in ex.events if e.type == "ASSAULT" and e.source and e.source.country == "UKR"]


def test_whatever_a_warning_says_will_follow_threatens_the_one_it_names(extract_text) -> None:
    """"Warned that X would ..." is a threat even when what would follow is no force: its target is
    whom the clause names besides the speaker's side, not who would act nor the condition."""
    ev = one(extract_text("The envoy Tom Hale telephoned Chilean leaders and warned that Washington would review "
                          "its ties with Santiago if the treaty was not signed in time.", MONDAY), "THREATEN")
    assert ev.target is not None and ev.target.country == "CHL"
    # negated: "would not tolerate" is still a warning (a reassurance only under a plain verb of saying)
    ev = one(extract_text("Kuwait's foreign ministry warned that Kuwait would not tolerate any assault on its "
                          "territory by Iraq.", MONDAY), "THREATEN")
    assert pair(ev) == ("KWT", "IRQ")
    ex = extract_text("Kuwait's foreign ministry said that Kuwait would not tolerate any assault on its territory "
                      "by Iraq.", MONDAY)
    assert not [e for e in ex.events if e.type == "THREATEN"]


def test_a_warning_about_an_act_threatens_whoever_the_act_names_as_its_doer(extract_text) -> None:
    """"Warned that any raid by X would be met with force" names no one warned, but the act it
    fears has a doer: by "by", by ownership or by nationality. An act with no doer warns no one."""
    ev = one(extract_text("Tehran warned that any raid by Israel would be met with a crushing reply.", MONDAY),
             "THREATEN")
    assert pair(ev) == ("IRN", "ISR")
    ev = one(extract_text("The Kremlin warned that Washington's next steps against Caracas would carry grave "
                          "consequences.", MONDAY), "THREATEN")
    assert pair(ev) == ("RUS", "USA")
    ex = extract_text("Pyongyang warned that joint drills by Seoul and Washington would be met with a strong "
                      "response.", MONDAY)
    assert sided(ex, "THREATEN") == {("PRK", "KOR"), ("PRK", "USA")}
    ev = one(extract_text("Beijing warned that any Philippine incursion into the shoal would be met with a firm "
                          "response.", MONDAY), "THREATEN")
    assert pair(ev) == ("CHN", "PHL")
    for text in ("Ankara warned that any escalation would be met with a firm response.",  # no doer named
                 "The IMF warned that any attack by Israel on Iran would push up oil prices.",  # a forecast
                 "Amnesty warned that Myanmar's crackdown would drive more refugees into Bangladesh.",
                 "The World Bank warned that the levy by Ethiopia would have consequences for the poor."):
        ex = extract_text(text, MONDAY)
        assert not [e for e in ex.events if e.type == "THREATEN" and e.target is not None], text


@pytest.mark.parametrize(("verb", "modality"), [("warned", "asserted"), ("did not warn", "negated"),
                                               ("may warn", "hypothetical")])
def test_a_threat_read_from_a_warning_is_told_as_the_warning_is(extract_text, verb, modality) -> None:  # type: ignore[no-untyped-def]
    ev = one(extract_text(f"Tehran {verb} that any raid by Israel would be met with a crushing reply.", MONDAY),
             "THREATEN")
    assert pair(ev) == ("IRN", "ISR") and ev.modality == modality


def test_a_weapons_make_is_no_organisation_and_carries_its_nationality() -> None:
    """The model tags "Russian Mi-24" in "a Russian Mi-24 military helicopter" as an organisation
    at times: a make (letters, a hyphen, a number) after a nationality names no one."""
    from newsgraph import nlp
    from newsgraph.extract.actors import _model_designation
    doc = next(nlp.parse(["A Russian Mi-24 and F-16s flew over the Wagner Group and M23 rebels."]))
    assert _model_designation([doc[1], doc[2]]) and _model_designation([doc[4]])
    assert not _model_designation([doc[8], doc[9]]) and not _model_designation([doc[11]])  # a group's name


def test_a_barrage_fired_at_a_grid_is_an_attack_on_its_owner(extract_text) -> None:
    ev = one(extract_text("Israel fired its largest barrage in months at Syria's air defences on Monday.", MONDAY),
             "ASSAULT")
    assert pair(ev) == ("ISR", "SYR")


def test_an_attack_on_a_village_of_a_named_region_falls_on_its_civilians(extract_text) -> None:
    """The region's name modifies "region" ("in the Kharkiv region"): still where it happened; a
    village bombed at home falls on the country's civilians, abroad on the country."""
    ev = one(extract_text("Russian troops shelled a village in the Zaporizhzhia region on Monday.", MONDAY),
             "ASSAULT")
    assert pair(ev) == ("RUS", "UKR")
    ev = one(extract_text("Myanmar's air force bombed a village in the Mandalay region on Monday.", MONDAY), "ASSAULT")
    assert ev.target is not None and ev.target.kind == "group" and ev.target.country == "MMR"


def test_a_state_of_emergency_or_a_curfew_restricts_the_states_own_people(extract_text) -> None:
    ev = one(extract_text("Chile's president declared a state of emergency in the capital on Monday.", MONDAY),
             "COERCE")
    assert ev.mode == "martial-law" and ev.target is not None and ev.target.kind == "group"
    assert ev.target.country == "CHL" and ev.target.sector == "CVL"
    ev = one(extract_text("Bolivia's government imposed a nightly curfew in the Oruro region on Monday.", MONDAY),
             "COERCE")
    assert ev.mode == "curfew" and ev.target is not None and ev.target.country == "BOL"
    # sanctions imposed stay sanctions
    ev = one(extract_text("Canada imposed sanctions on Venezuela's oil minister on Monday.", MONDAY), "SANCTION")
    assert pair(ev) == ("CAN", "VEN")


def test_dismissing_or_capturing_a_person_coerces_them(extract_text) -> None:
    ev = one(extract_text("Peru's President Dina Boluarte dismissed her defence minister, Jorge Chavez, on Friday.",
                          MONDAY), "COERCE")
    assert ev.target is not None and ev.target.name == "Jorge Chavez"
    ev = one(extract_text("Ukrainian troops captured two North Korean soldiers in the Kursk region.", MONDAY), "COERCE")
    assert pair(ev) == ("UKR", "PRK")
    # dismissing an accusation is still a denial, not coercion
    ex = extract_text("China dismissed the accusations by the Philippines as groundless.", MONDAY)
    assert not [e for e in ex.events if e.type == "COERCE"]


def test_a_denial_answers_the_accusation_of_the_lead_however_far_back(extract_text) -> None:
    text = ("Estonia accused Russia of jamming GPS signals over the Baltic on Monday. The interference has "
            "disrupted dozens of flights. Airlines rerouted planes to the south. Pilots reported the signal "
            "loss at high altitude. Separately, Latvia accused Belarus of pushing migrants across the border. "
            "Russia denies any involvement in the interference.")
    ev = one(extract_text(text, MONDAY), "REJECT")
    assert pair(ev) == ("RUS", "EST")


def test_a_state_that_protests_an_act_accuses_its_author(extract_text) -> None:
    """A government's protest is a diplomatic one (ACCUSE), aimed at whoever did what it protests;
    people who protest in the streets stay protesters."""
    ev = one(extract_text("Manila protested the boarding of a fishing boat by a Chinese cutter on Monday.", MONDAY),
             "ACCUSE")
    assert pair(ev) == ("PHL", "CHN") and ev.mode == "protest"
    ev = one(extract_text("Seoul lodged a protest with Tokyo over the textbooks.", MONDAY), "ACCUSE")
    assert pair(ev) == ("KOR", "JPN")
    ex = extract_text("Thousands of Kenyans protested against the finance bill in Nairobi on Tuesday.", MONDAY)
    assert not [e for e in ex.events if e.type == "ACCUSE"]


def test_an_acronym_the_model_left_untagged_is_an_organisation_where_an_actor_stands(extract_text) -> None:
    ev = one(extract_text("Britain's foreign office accused the SVR of hacking into the networks of three "
                          "ministries.", MONDAY), "ACCUSE")
    assert ev.target is not None and ev.target.name == "SVR"
    # a common abbreviation is no one
    ex = extract_text("Qatar agreed to sell LNG to Germany for fifteen years.", MONDAY)
    assert not [a for a in ex.actors if a.name == "LNG"]


def test_they_after_coordinated_states_are_those_states(extract_text) -> None:
    ex = extract_text("Canada sanctioned two Chinese officials on Monday. Britain and Australia said they welcomed "
                      "the sanctions.", MONDAY)
    supporters = {e.source.country for e in ex.events if e.type == "SUPPORT" and e.source is not None}
    assert supporters == {"GBR", "AUS"}


def test_an_act_whose_doer_the_ranker_filled_can_be_pointed_back_at(extract_text) -> None:
    """"ECOWAS imposed sanctions on Mali": the noun's source is filled after the sentence is read;
    "backed the sanctions" later still finds who imposed them."""
    ex = extract_text("ECOWAS imposed trade and financial sanctions on Mali on Sunday. Senegal's president backed "
                      "the trade and financial sanctions.", MONDAY)
    ev = one(ex, "SUPPORT")
    assert ev.target is not None and ev.target.name == "Economic Community of West African States"


def test_measures_told_with_common_verbs(extract_text) -> None:
    """Expelling embassy staff, raising tariffs, leaving an organisation, sending rescue teams."""
    ev = one(extract_text("Lithuania ordered four members of staff of the Belarusian embassy to leave the country.",
                          MONDAY), "SANCTION")
    assert ev.mode == "expel" and pair(ev)[0] == "LTU" and pair(ev)[1] == "BLR"
    ev = one(extract_text("Canada doubled tariffs on Chinese steel on Monday.", MONDAY), "SANCTION")
    assert pair(ev) == ("CAN", "CHN")
    ev = one(extract_text("Nicaragua said on Monday it was leaving the Organization of American States.", MONDAY),
             "SANCTION")
    assert ev.source is not None and ev.source.country == "NIC" and ev.target is not None and ev.target.kind == "igo"
    ev = one(extract_text("Japan sent rescue teams to Turkey on Tuesday.", MONDAY), "AID")
    assert pair(ev) == ("JPN", "TUR")
    # "retaliated by expelling": the expulsion is the act, no attack
    ex = extract_text("Moscow responded by expelling 20 Czech diplomats.", MONDAY)
    assert [e.type for e in ex.events] == ["SANCTION"]


@pytest.mark.parametrize(("text", "unwanted"), [
    ("Kenya's government banned protests in Nairobi.", "ACCUSE"),                   # no diplomatic protest
    ("The European Union imposed emergency tariffs on Chinese cars.", "COERCE"),   # no state of emergency
    ("The WHO warned that the outbreak would spread to Uganda.", "THREATEN"),      # a forecast
    ("Germany warned that it would not be able to deliver tanks to Ukraine.", "THREATEN"),  # no refusal
])
def test_this_stops_readings_do_not_misfire(extract_text, text, unwanted) -> None:
    assert not [e for e in extract_text(text, MONDAY).events if e.type == unwanted]


def test_a_curfew_in_a_town_that_shares_a_name_abroad_is_still_on_the_states_people(extract_text) -> None:
    ev = one(extract_text("Peru's government imposed a curfew in Puno.", MONDAY), "COERCE")
    assert ev.target is not None and ev.target.country == "PER" and ev.target.kind == "group"


def test_brussels_acting_is_the_european_union_and_as_a_place_stays_a_place(extract_text) -> None:
    ev = one(extract_text("Beijing accused Brussels of protectionism on Monday.", MONDAY), "ACCUSE")
    assert ev.target is not None and ev.target.name == "European Union"
    ev = one(extract_text("Belgium summoned the Russian ambassador in Brussels on Monday.", MONDAY), "ACCUSE")
    assert ev.source is not None and ev.source.country == "BEL"


def test_goodwill_sent_and_sides_taken_are_support(extract_text) -> None:
    ev = one(extract_text("Chile sent its condolences to Peru after the crash.", MONDAY), "SUPPORT")
    assert pair(ev) == ("CHL", "PER")
    ex = extract_text("Kuwait and Qatar quickly sided with Egypt.", MONDAY)
    assert {e.source.country for e in ex.events if e.type == "SUPPORT" and e.source} == {"KWT", "QAT"}



def test_a_deal_told_by_its_purpose_is_with_the_seller_or_buyer_it_names(extract_text) -> None:
    ev = one(extract_text("Greece signed a contract on Monday to buy 24 fighter jets from France.", MONDAY), "AGREE")
    assert pair(ev) == ("GRC", "FRA")
    ev = one(extract_text("Turkey signed a deal worth $2 billion to sell drones to Poland.", MONDAY), "AGREE")
    assert pair(ev) == ("TUR", "POL")


def test_taking_a_matter_up_with_someone_or_briefing_them_consults_them(extract_text) -> None:
    ev = one(extract_text("Seoul took up the matter with Tokyo through diplomatic channels.", MONDAY), "CONSULT")
    assert pair(ev) in (("KOR", "JPN"), ("JPN", "KOR"))
    ev = one(extract_text("The Dutch foreign minister briefed NATO on the findings.", MONDAY), "CONSULT")
    assert ev.target is not None and ev.target.kind == "igo"
    ex = extract_text("Hamas fighters took up arms against Israel.", MONDAY)
    assert not [e for e in ex.events if e.type == "CONSULT"]


@pytest.mark.parametrize(("text", "pair"), [
    ("Russian jets dropped bombs on Ukrainian positions near Avdiivka.", ("RUS", "UKR")),
    ("Russian hackers took down the websites of Ukraine's defence ministry.", ("RUS", "UKR")),
])
def test_ordnance_dropped_on_someone_and_sites_taken_down_are_attacks(rules_text, text, pair) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(text, date(2024, 3, 12))
    assert sided(ex, "ASSAULT") == {pair}


def test_dropping_charges_stays_a_concession(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("Prosecutors in Phnom Penh dropped the charges against the opposition leader Kem Sokha.",
                    date(2024, 3, 12))
    assert [e.type for e in ex.events] == ["CONCEDE"]


@pytest.mark.parametrize("ask", ["called for her release", "pressed for her release", "pushed for her release"])
def test_a_release_asked_for_is_asked_of_whoever_the_text_said_detained_her(rules_text, ask) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(f"China detained the Australian journalist Cheng Lei in 2020. Australia {ask}.",
                    date(2024, 3, 12))
    assert [(e.source.country, e.target.country) for e in ex.events if e.type == "REQUEST"] == [("AUS", "CHN")]


@pytest.mark.parametrize(("text", "pair"), [
    ("Kyiv said Russian forces had looted museums in Kherson.", ("UKR", "RUS")),
    ("Chisinau said the Kremlin was weaponising gas supplies against Moldova.", ("MDA", "RUS")),
])
def test_wrongdoing_told_in_reported_words_accuses_its_doer(rules_text, text, pair) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(text, date(2024, 3, 12))
    assert pair in sided(ex, "ACCUSE")


def test_a_message_of_congratulations_supports_its_addressee(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("Vladimir Putin sent a message of congratulations to President Tayyip Erdogan.", date(2023, 5, 29))
    assert [(e.type, e.source.country, e.target.country) for e in ex.events if e.source and e.target] \
        == [("SUPPORT", "RUS", "TUR")]


@pytest.mark.parametrize(("text", "pair"), [
    ("Iranian drones struck Kurdish positions in Erbil on Monday. Jordan's foreign ministry condemned what it "
     "called a brazen attack on Iraq's sovereignty.", ("JOR", "IRN")),
])
def test_what_a_speaker_called_an_act_is_that_act(rules_text, text, pair) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(text, date(2024, 3, 12))
    assert pair in sided(ex, "ACCUSE")


@pytest.mark.parametrize("word", ["biased", "politicised", "unprofessional"])
def test_calling_a_foreign_body_a_bad_name_accuses_it(rules_text, word) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(f"Kenyan President William Ruto called the International Court of Justice {word}.",
                    date(2024, 3, 12))
    assert [e.type for e in ex.events if e.target and e.target.kind == "igo"] == ["ACCUSE"]



@pytest.mark.parametrize(("text", "expected"), [
    ("Iran still holds two French diplomats.", ("COERCE", "IRN", None)),
    ("Nelson Chamisa has been held at his home in Harare by Zimbabwean police since Sunday.",
     ("COERCE", "ZWE", None)),
    ("Kyiv holds Russia responsible for the blast.", ("ACCUSE", "UKR", "RUS")),
])
def test_holding_people_is_detention_and_holding_responsible_an_accusation(rules_text, text, expected) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(text, date(2024, 3, 12))
    type_, source, target = expected
    found = [e for e in ex.events if e.source and e.target]
    assert [e.type for e in found] == [type_] and found[0].source.country == source
    assert target is None or found[0].target.country == target


@pytest.mark.parametrize(("text", "pairs"), [
    ("Baku pointed the finger at Yerevan and Paris over the shelling.", {("AZE", "ARM"), ("AZE", "FRA")}),
    ("Seoul pointed a finger at Pyongyang for the hacking.", {("KOR", "PRK")}),
    ("Ankara pointed to Baku as a reliable partner.", set()),
])
def test_pointing_the_finger_at_someone_blames_them(rules_text, text, pairs) -> None:  # type: ignore[no-untyped-def]
    assert sided(rules_text(text, date(2024, 3, 12)), "ACCUSE") == pairs


@pytest.mark.parametrize("text", ["Turkish President Tayyip Erdogan held talks with Vladimir Putin in Sochi.",
                                  "Kenya held talks with Somali officials responsible for border security."])
def test_other_holdings_are_no_detention_nor_blame(rules_text, text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(text, date(2024, 3, 12))
    assert not {"COERCE", "ACCUSE"} & {e.type for e in ex.events}


@pytest.mark.parametrize(("text", "target"), [
    ("Zimbabwean police detained the journalist Hopewell Chin'ono on Monday. Britain called for Chin'ono to be "
     "freed.", "ZWE"),
    ("Beijing launched naval drills around Taiwan on Thursday. Tokyo called for the drills to be halted.", "CHN"),
    ("Students in Dhaka called for Sheikh Hasina to resign.", "BGD"),
])
def test_a_request_for_a_clause_is_asked_of_whoever_must_act(rules_text, text, target) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(text, date(2024, 3, 12))
    assert target in {e.target.country for e in ex.events if e.type == "REQUEST" and e.target}


def test_several_senders_congratulate_the_winner_told_before(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("Nicusor Dan won Romania's presidential run-off on Sunday. German Chancellor Friedrich Merz "
                    "and Polish President Andrzej Duda sent their congratulations.", date(2025, 5, 19))
    assert {(e.source.country, e.target.name) for e in ex.events if e.type == "SUPPORT" and e.source and e.target} \
        == {("DEU", "Nicusor Dan"), ("POL", "Nicusor Dan")}


@pytest.mark.parametrize(("text", "pair"), [
    ("Russia's Gazprom halted gas deliveries to Finland on Saturday. Finnish Prime Minister Sanna Marin said "
     "the suspension was a flagrant breach of contract.", ("FIN", "RUS")),
    ("Israel closed the Rafah crossing on Sunday. Egypt's foreign ministry said the closure was a grave "
     "violation of the truce.", ("EGY", "ISR")),
])
def test_a_reported_judgement_of_the_act_told_before_accuses_its_doer(rules_text, text, pair) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(text, date(2024, 3, 12))
    assert pair in sided(ex, "ACCUSE")


@pytest.mark.parametrize(("text", "expected"), [
    ("Ankara said it was in close contact with the government of Azerbaijan.", ("CONSULT", "TUR", "AZE")),
    ("Nairobi remained in touch with Ethiopian officials throughout the crisis.", ("CONSULT", "KEN", "ETH")),
])
def test_being_in_contact_or_touch_with_a_side_is_consultation(rules_text, text, expected) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(text, date(2024, 3, 12))
    type_, source, target = expected
    assert any(e.type == type_ and e.source.country == source and (target is None or e.target.country == target)
               for e in ex.events if e.source and e.target)



@pytest.mark.parametrize("said", ["Britain said it was deeply concerned.", "Britain was gravely concerned.",
                                  "The British foreign secretary told parliament he was deeply concerned."])
def test_concern_voiced_after_an_act_is_aimed_at_its_doer(rules_text, said) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(f"Qatar jailed the British engineer John Harper for five years on Monday. {said}",
                    date(2024, 3, 12))
    assert ("GBR", "QAT") in sided(ex, "ACCUSE")


def test_agreements_signed_with_no_party_named_belong_to_the_meeting_just_told(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("Indonesian President Joko Widodo held talks with Chinese Premier Li Qiang in Jakarta on Monday. "
                    "Eleven agreements were signed.", date(2024, 3, 12))
    assert ("AGREE", "IDN", "CHN") in {(e.type, e.source.country, e.target.country) for e in ex.events
                                       if e.source and e.target}
    ex = rules_text("Indonesian President Joko Widodo held talks with Chinese Premier Li Qiang in Jakarta on Monday. "
                    "Students signed a petition.", date(2024, 3, 12))
    assert "AGREE" not in {e.type for e in ex.events}


def test_a_states_own_person_is_no_town_of_the_same_name(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("Brazil's Lula criticised Israel on Sunday.", date(2024, 2, 19))
    assert [(e.source.country, e.target.country) for e in ex.events if e.type == "ACCUSE" and e.source and e.target] \
        == [("BRA", "ISR")]  # not Sweden: "Lula" is an old name of Luleå


def test_a_request_that_a_side_act_is_asked_of_that_side_and_its_act_not_reported(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("Belarusian police detained the Lithuanian activist Rokas Zilinskas. Vilnius called for Minsk "
                    "to release him.", date(2024, 3, 12))
    assert ("REQUEST", "LTU", "BLR") in {(e.type, e.source.country, e.target.country) for e in ex.events
                                         if e.source and e.target}
    assert not {"CONCEDE", "RETREAT"} & {e.type for e in ex.events}  # the release is asked for, not done



@pytest.mark.parametrize(("text", "type_"), [
    ("Zelensky called Poland a shield against the invaders.", None),
    ("Lula called China a partner, not a colonial master.", "SUPPORT"),
    ("Erdogan called Netanyahu a war criminal.", "ACCUSE"),
])
def test_what_a_description_stands_against_or_denies_is_not_its_judgement(rules_text, text, type_) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(text, date(2024, 3, 12))
    assert [e.type for e in ex.events if e.source and e.target] == ([type_] if type_ else [])


def test_contact_lost_or_avoided_is_no_consultation(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("The Ukrainian army lost contact with a Russian drone over Crimea.", date(2024, 3, 12))
    assert "CONSULT" not in {e.type for e in ex.events}



@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Thousands of Kenyan farmers marched against the government in Nairobi.", "PROTEST", ("KEN", "KEN")),
    ("Forty Russian soldiers surrendered to Ukrainian forces near Kupiansk.", "RETREAT", ("RUS", "UKR")),
    ("Riot police forced their way into the Venezuelan embassy in Lima.", "COERCE", ("PER", "VEN")),
    ("Mali's junta forced the French ambassador to leave.", "COERCE", ("MLI", "FRA")),  # the dictionaries' sense
])
def test_marching_surrendering_and_forcing_are_events(rules_text, text, type_, expected) -> None:
    assert [pair(e) for e in events(rules_text(text, MONDAY), type_)] == [expected]


@pytest.mark.parametrize(("text", "type_"), [
    ("M23 rebels marched on Goma.", "PROTEST"),  # an advance, not a rally
    ("The former Kosovo president surrendered to the tribunal in The Hague.", "RETREAT"),  # no force disarming
])
def test_forces_do_not_march_in_protest_and_only_forces_surrender(rules_text, text, type_) -> None:
    assert not events(rules_text(text, MONDAY), type_)


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Australia's air force flew relief supplies into Port Vila on Thursday.", "AID", ("AUS", "VUT")),
    ("Egypt airlifted food and tents to Libya.", "AID", ("EGY", "LBY")),
    ("Japanese fighter jets intercepted two Chinese bombers over the East China Sea.", "COERCE", ("JPN", "CHN")),
    ("The Greek coast guard intercepted a Turkish fishing boat off Lesbos.", "COERCE", ("GRC", "TUR")),
])
def test_aid_flown_in_and_forces_or_vessels_intercepted_are_events(rules_text, text, type_, expected) -> None:
    assert [pair(e) for e in events(rules_text(text, MONDAY), type_)] == [expected]


@pytest.mark.parametrize("text", [
    "The prime minister flew to Brussels on Monday.",
    "Israel intercepted a missile launched from Yemen.",
])
def test_flying_somewhere_or_intercepting_a_missile_is_no_event(rules_text, text) -> None:
    assert not rules_text(text, MONDAY).events


def test_a_case_opened_against_someone_accuses_them_and_other_cases_do_not(rules_text) -> None:
    ev = one(rules_text("Belarus's KGB opened a criminal case against Sviatlana Tsikhanouskaya.", MONDAY), "ACCUSE")
    assert ev.source is not None and ev.target is not None and ev.target.name == "Sviatlana Tsikhanouskaya"
    for text in ("Ukraine made its case to the Security Council on Monday.", "In that case, Russia would respond.",
                 "The court dismissed the case against the opposition leader Imran Khan."):
        assert not rules_text(text, MONDAY).events, text


@pytest.mark.parametrize(("text", "expected"), [
    ("Ankara called for talks with Athens over the islands.", ("TUR", "GRC")),
    ("Seoul asked for a meeting with Pyongyang.", ("KOR", "PRK")),
    ("Lithuania demanded sanctions against Belarus.", ("LTU", "BLR")),
])
def test_talks_called_for_are_requested_of_the_partner_and_a_demand_is_one_request(rules_text, text,
                                                                                    expected) -> None:
    ex = rules_text(text, MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("REQUEST", expected)]


@pytest.mark.parametrize("text", [
    "Paris called for sanctions on Minsk.",
    "Turkey called for a meeting between Putin and Zelenskiy.",
    "Tonga appealed for aid from Australia after the eruption.",
])
def test_what_is_called_for_is_not_done_and_its_parties_are_not_the_askers(rules_text, text) -> None:
    ex = rules_text(text, MONDAY)
    assert not [e for e in ex.events if e.type != "REQUEST"]
    assert all(e.source is not None and e.source.country in ("FRA", "TUR", "TON") for e in ex.events)


def test_talks_held_are_still_talks(rules_text) -> None:
    assert [(e.type, pair(e)) for e in rules_text("Ankara held talks with Athens.", MONDAY).events] == [
        ("CONSULT", ("TUR", "GRC"))]


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Kenyan police placed the opposition senator Ochieng Otieno under house arrest.", "COERCE", ("KEN", None)),
    ("A Lyon court remanded the Algerian national Karim Saadi in custody.", "COERCE", (None, "DZA")),
    ("The African Development Bank halted lending to Gabon after the coup.", "SANCTION", (None, "GAB")),
    ("Riot police in Belgrade used tear gas against Serbian students.", "COERCE", ("SRB", "SRB")),
    ("A Chinese cutter turned its water cannon on a Vietnamese fishing boat.", "COERCE", ("CHN", "VNM")),
    ("Nigeria recalled its ambassadors in Niger and Mali for consultations.", "SANCTION", ("NGA", "NER")),
])
def test_detention_lending_halted_crowd_weapons_and_recalled_envoys_are_events(rules_text, text, type_,
                                                                                expected) -> None:
    assert pair(events(rules_text(text, MONDAY), type_)[0]) == expected


def test_envoys_recalled_from_several_posts_are_one_sanction_of_each_host(rules_text) -> None:
    ex = rules_text("Nigeria recalled its ambassadors in Niger and Mali for consultations.", MONDAY)
    assert sorted(pair(e) for e in events(ex, "SANCTION")) == [("NGA", "MLI"), ("NGA", "NER")]


@pytest.mark.parametrize(("text", "type_"), [
    ("President Kais Saied suspended the Tunisian parliament for thirty days.", "COERCE"),  # at home
    ("The Malawian president suspended his finance minister, Peter Banda, over the audit.", "COERCE"),
    ("The African Union suspended Guinea after the coup.", "SANCTION"),  # a body suspends a member state
    ("Seoul suspended talks with Pyongyang.", "SANCTION"),
])
def test_an_official_or_institution_suspended_at_home_is_coercion_a_state_suspended_a_sanction(
        rules_text, text, type_) -> None:
    assert [e.type for e in rules_text(text, MONDAY).events if e.source and e.target] == [type_]


def test_the_named_author_of_hostile_acts_is_an_actor_even_as_a_modifier(rules_text) -> None:  # type: ignore[no-untyped-def]
    """ "the Wagner attacks": whose attacks the name says; "Boeing planes" names no one."""
    ex = rules_text("Tunisia condemned the Wagner attacks on the border posts.", MONDAY)
    assert [(e.type, e.target.name if e.target else None) for e in ex.events] == [("ACCUSE", "Wagner")]
    assert not rules_text("Boeing planes landed in Doha on Monday.", MONDAY).events


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile's foreign minister Alberto van Klaveren called the Bolivian decision a shameful day for the region.",
     ("CHL", "BOL")),  # the judgement, not "call ... for" (a request)
    ("The European Commission said Warsaw was deliberately evading the court's ruling.", (None, "POL")),
])
def test_judgements_and_wrongs_told_of_a_state_accuse_it(rules_text, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert [pair(e) for e in events(rules_text(text, MONDAY), "ACCUSE")] == [expected]


def test_the_two_presidents_are_the_two_named_heads_of_state_not_the_latest_two_names(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("President Gabriel Boric thanked President Luiz Inácio Lula da Silva for the offer. Lula later "
                    "posted a photo on Instagram with Mariana Souto. The two presidents spoke by telephone on "
                    "Friday.", MONDAY)
    calls = [e for e in events(ex, "CONSULT") if "spoke" in e.evidence[0].sentence]
    assert [sorted(a.name for a in (c.source, c.target) if a) for c in calls] == [
        ["Gabriel Boric", "Luiz Inácio Lula da Silva"]]


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Israel imposed a naval blockade on Gaza.", "COERCE", ("ISR", "PSE")),  # CAMEO 191, not a sanction
    ("The Kenyan embassy delivered the extradition request to the Ugandan foreign ministry.", "REQUEST",
     ("KEN", "UGA")),
    ("Polish President Andrzej Duda closed the Polish parliament for a month.", "COERCE", ("POL", "POL")),
])
def test_blockades_requests_delivered_and_legislatures_closed(rules_text, text, type_, expected) -> None:  # type: ignore[no-untyped-def]
    assert [pair(e) for e in events(rules_text(text, MONDAY), type_)] == [expected]


def test_a_statement_disowned_is_rejected_and_aid_delivered_is_still_aid(rules_text) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in rules_text("Egypt delivered food aid to Sudan.", MONDAY).events] == ["AID"]
    ex = rules_text("Kosovo disowned the statement by Aleksandar Vucic.", MONDAY)
    assert [e.type for e in ex.events] == ["REJECT"]


@pytest.mark.parametrize("text", [
    "Mahama beat the ruling party's candidate in the December election by 56 percent of the vote.",
    "Morocco beat Portugal 1-0 in the quarter-final.",
    "The reporter had died in a Tehran hospital three days after his arrest.",  # who died acts on no one
])
def test_a_contest_won_and_a_death_told_are_no_assault(rules_text, text) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" not in {e.type for e in rules_text(text, MONDAY).events}


@pytest.mark.parametrize(("text", "type_", "target"), [
    ("Serbian riot police beat students with batons outside the parliament in Belgrade.", "ASSAULT", "students"),
    ("Police beat protesters during the vote count in Nairobi.", "ASSAULT", "protesters"),  # forces, not a win
    ("Ugandan soldiers beat the presidential challenger Bobi Wine.", "ASSAULT", "Bobi Wine"),
    ("Syrian government forces routed the rebels near Hama.", "ASSAULT", "rebels"),
    ("Iran freed the Swedish diplomat Karl Lindqvist on Saturday.", "RETREAT", "Karl Lindqvist"),  # CAMEO 0841
])
def test_beatings_routs_and_prisoners_freed(rules_text, text, type_, target) -> None:  # type: ignore[no-untyped-def]
    assert [e.target.name for e in events(rules_text(text, MONDAY), type_) if e.target] == [target]


@pytest.mark.parametrize("text", [
    "Hungary still uses Russian gas for most of its heating.",  # a fuel, not a crowd weapon
    "Washington put the detention of the journalist Ivan Gorev at the top of its talks with Moscow.",
    "The US Supreme Court remanded the case to a federal court in Texas.",
    "Xi Jinping closed the Communist Party congress on Saturday.",
    "Qatar condemned the Aramco strikes.",  # the modifier is who was hit, not who struck
    "Turkey halted the flow of migrants to Greece.",
])
def test_new_words_of_coercion_and_sanction_need_their_own_context(rules_text, text) -> None:  # type: ignore[no-untyped-def]
    assert not {"COERCE", "SANCTION", "ACCUSE"} & {e.type for e in rules_text(text, MONDAY).events if e.target}


def test_a_request_delivered_goes_to_whom_it_is_delivered(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("Turkey delivered a request from Hamas to Israel.", MONDAY)
    assert [(e.type, pair(e)) for e in ex.events] == [("REQUEST", ("TUR", "ISR"))]


def test_both_leaders_are_two_people_of_known_states_and_the_two_men_the_latest_two(rules_text) -> None:  # type: ignore[no-untyped-def]
    leaders = rules_text("Josep Borrell met Aleksandar Vucic and Albin Kurti in Brussels. The talks were prepared by "
                         "the mediator Tomas Brezina. Borrell later spoke to both leaders by telephone.",
                         MONDAY)
    call = [e for e in events(leaders, "CONSULT") if "telephone" in e.evidence[0].sentence]
    assert sorted(e.target.name for e in call if e.target) == ["Albin Kurti", "Aleksandar Vucic"]
    men = rules_text("Recep Tayyip Erdogan hosted Volodymyr Zelensky in Istanbul. Zelensky met the businessman Elon "
                     "Musk in Kyiv. The two men discussed satellite internet.", MONDAY)
    talk = [e for e in events(men, "CONSULT") if "discussed" in e.evidence[0].sentence]
    assert [sorted(a.name for a in (e.source, e.target) if a) for e in talk] == [["Elon Musk", "Volodymyr Zelensky"]]


def test_a_foreign_envoy_summoned_by_name_is_a_protest_a_citizen_summoned_a_summons(rules_text) -> None:  # type: ignore[no-untyped-def]
    envoy = rules_text("Uganda's ambassador Joy Kabatsi arrived in Nairobi in May. Nairobi summoned Kabatsi over "
                       "the border shooting.", MONDAY)
    assert [(e.type, e.mode) for e in envoy.events if "summoned" in e.evidence[0].sentence] == [("ACCUSE", "protest")]
    for text in ("Venezuelan prosecutors summoned Edmundo González three times.",
                 "A Russian court summoned the American journalist Paul Harding for questioning."):  # no envoy
        assert [e.type for e in rules_text(text, MONDAY).events] == ["REQUEST"], text


def test_a_toll_of_killed_and_wounded_is_one_attack(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("Russian strikes killed four civilians and wounded 12 residents in Kharkiv.", MONDAY)
    assert [(e.type, e.source.country if e.source else None) for e in ex.events] == [("ASSAULT", "RUS")]
    two = rules_text("Russian strikes killed four civilians in Kharkiv, and Ukrainian drones wounded two people in "
                     "Belgorod.", MONDAY)  # a second attack with its own subject
    assert sorted(e.source.country for e in two.events if e.source and e.source.country) == ["RUS", "UKR"]


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("The EU suspended high-level contacts with Turkey.", "SANCTION", (None, "TUR")),  # relations cut
    ("Rwanda's foreign minister called off a meeting with Belgium's foreign minister.", "SANCTION", ("RWA", "BEL")),
    ("Washington called off retaliatory strikes on three Iranian sites.", "RETREAT", ("USA", "IRN")),  # force halted
])
def test_what_is_halted_says_whether_relations_are_cut_or_force_stood_down(rules_text, text, type_,
                                                                            expected) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text(text, MONDAY)
    assert [pair(e) for e in events(ex, type_)] == [expected]
    assert not ({"RETREAT", "SANCTION"} - {type_}) & {e.type for e in ex.events}


def test_an_enemy_advance_halted_is_no_retreat_of_ones_own(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("Ukrainian forces halted the Russian advance near Kharkiv.", MONDAY)
    assert "RETREAT" not in {e.type for e in ex.events}


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel halted aid deliveries into Gaza.", ("ISR", "PSE")),
    ("Seoul suspended its military agreement with Pyongyang.", ("KOR", "PRK")),
    ("The African Union halted budget support to Niger.", (None, "NER")),
])
def test_what_is_cut_names_the_side_it_is_cut_from(rules_text, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert [pair(e) for e in events(rules_text(text, MONDAY), "SANCTION")] == [expected]


@pytest.mark.parametrize(("text", "type_"), [
    ("Malian soldiers surrounded the residence of President Ibrahim Boubacar Keita.", "COERCE"),
    ("Thousands of demonstrators surrounded the Sri Lankan president's office in Colombo.", "PROTEST"),
])
def test_forces_surrounding_a_side_coerce_it_and_a_crowd_surrounding_a_building_protests(rules_text, text,
                                                                                         type_) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in rules_text(text, MONDAY).events] == [type_]


def test_a_killing_after_a_coercion_is_an_attack_of_its_own(rules_text) -> None:  # type: ignore[no-untyped-def]
    ex = rules_text("Kenyan police dispersed the rally in Nairobi, killing two demonstrators.", MONDAY)
    assert {e.type for e in ex.events} == {"COERCE", "ASSAULT"}
    ex = rules_text("Russian forces shelled Kharkiv overnight, killing four civilians.", MONDAY)
    assert [e.type for e in ex.events] == ["ASSAULT"]  # the shelling's toll, not a second attack


def test_a_warning_of_ones_own_response_threatens_the_side_the_article_names(extract_text) -> None:
    """"Baghdad warned that relations would be cut": the clause names no one warned, the article
    does (the ranker picks among the actors named before); a forecast about another side's act
    ("that Myanmar's crackdown would drive refugees ...") threatens no one."""
    ex = extract_text("Sweden allowed a protester to burn a Koran outside the Iraqi embassy in Stockholm on "
                      "Thursday. Baghdad warned that relations would be cut altogether if it happened again.", MONDAY)
    assert pair(one(ex, "THREATEN")) == ("IRQ", "SWE")
    ex = extract_text("Myanmar's army burned villages in Rakhine on Thursday. Amnesty warned that Myanmar's "
                      "crackdown would drive more refugees into Bangladesh.", MONDAY)
    assert not events(ex, "THREATEN")
    for text in ("Hamas released two hostages on Monday. Qatar warned that the ceasefire would collapse without "
                 "more aid.",  # a forecast
                 "Israel struck Hezbollah positions in Lebanon on Monday. Iran warned that the region would explode."):
        assert not events(extract_text(text, MONDAY), "THREATEN"), text
    ex = extract_text("Russia annexed four regions of Ukraine on Friday. Putin warned that Russia would use all the "
                      "means at its disposal.", MONDAY)  # never the speaker's own state
    assert one(ex, "THREATEN").target is not None and pair(one(ex, "THREATEN"))[1] != "RUS"
    ex = extract_text("Syria and Turkey held talks on Monday. Iran warned that more attacks would follow and Israel "
                      "would be punished.", MONDAY)  # a later clause names whom
    assert pair(one(ex, "THREATEN")) == ("IRN", "ISR")


def test_a_nominal_event_carried_by_a_statement_or_note_is_its_issuers(extract_text) -> None:
    """"Issued a statement of firm support for Guyana", "lodged a note of protest with China": the
    statement carries the support, the note the protest, of whoever issued them."""
    ex = extract_text("The Caribbean Community issued a statement of firm support for Guyana on Monday.", MONDAY)
    ev = one(ex, "SUPPORT")
    assert ev.source is not None and ev.source.kind == "igo" and pair(ev)[1] == "GUY"
    ev = one(extract_text("Japan lodged a note of protest with China on Monday.", MONDAY), "ACCUSE")
    assert pair(ev) == ("JPN", "CHN") and ev.mode == "protest"


@pytest.mark.parametrize("text, type_, pair_", [
    ("The FBI said on Monday it was working closely with Colonial Pipeline on the investigation.", "COOPERATE",
     None),
    ("Kenya will work alongside the Haitian police to restore order.", "COOPERATE", ("KEN", "HTI")),
    ("Paris will coordinate closely with Berlin on the response.", "COOPERATE", ("FRA", "DEU")),
    ("Kenya consulted Ethiopia before the vote.", "CONSULT", ("KEN", "ETH")),
    ("Ukraine notified the IAEA of the strike on Monday.", "CONSULT", ("UKR", None)),
])
def test_working_with_and_informing_are_cooperation_and_contact(extract_text, text, type_, pair_) -> None:
    """"Work(ed) with X", "coordinate with X" cooperate; "consulted X", "notified X" are contact."""
    ev = one(extract_text(text, MONDAY), type_)
    assert ev.source is not None and ev.target is not None
    if pair_ is not None:
        assert pair(ev) == pair_


def test_what_partners_coordinate_on_is_no_act_between_them(extract_text) -> None:
    """"Coordinate with the EU on sanctions": the sanctions are the topic, not imposed on the EU."""
    ex = extract_text("The United States will coordinate closely with the European Union on sanctions.", MONDAY)
    assert one(ex, "COOPERATE").target is not None
    assert not events(ex, "SANCTION")


def test_a_forecast_warned_of_and_a_critics_own_state(extract_text) -> None:
    """"Lindner warned that Germany would fall into recession" threatens no one; "Odinga condemned
    the move" after Kenya raised taxes accuses his own state (a critic's own state is another side)."""
    ex = extract_text("German Finance Minister Christian Lindner met Chinese officials in Beijing. Lindner warned "
                      "that Germany would fall into recession this year.", MONDAY)
    assert not events(ex, "THREATEN")
    ex = extract_text("Kenya raised fuel taxes by 16 percent on Friday. Opposition leader Raila Odinga condemned "
                      "the move.", MONDAY)
    assert pair(one(ex, "ACCUSE"))[1] == "KEN"


# -- acts at home: the opposition and the state's organs are sides apart ---------------------------

def test_rights_groups_accuse_rebels_of_their_own_country(rules_text) -> None:
    ex = rules_text("Colombian rights groups said Colombian rebels had murdered community leaders.", MONDAY)
    assert ("HRI", "REB") in [(e.source.sector, e.target.sector) for e in events(ex, "ACCUSE") if e.source and e.target]


def test_rights_groups_accuse_their_own_police_and_a_leader_not_his_supporters(rules_text) -> None:
    ex = rules_text("Zambian rights groups said Zambian police had tortured detainees.", MONDAY)
    assert ("HRI", "COP") in [(e.source.sector, e.target.sector) for e in events(ex, "ACCUSE") if e.source and e.target]
    ex = rules_text("Zambian opposition leader Hakainde Hichilema said his supporters had attacked the police "
                    "station in self-defence.", MONDAY)
    assert not [e for e in events(ex, "ACCUSE") if e.target is not None and e.target.sector == "CVL"]


def test_an_opposition_leader_who_calls_a_police_raid_illegal_accuses_the_police(rules_text) -> None:
    ex = rules_text("Zambian opposition leader Hakainde Hichilema said the raid on his farm by the Zambian police "
                    "was illegal.", MONDAY)
    accusations = [(e.source.sector, e.target.sector) for e in events(ex, "ACCUSE") if e.source and e.target]
    assert ("OPP", "COP") in accusations, [(e.type, pair(e)) for e in ex.events]


def test_a_reported_act_found_in_the_clause_names_the_accused(rules_text) -> None:
    # the doer ("Russia's own actions") is no actor; the act found in the clause is Russia's
    ex = rules_text("Estonian Foreign Minister Margus Tsahkna said the closure had been forced on Tallinn by Russia's "
                    "own actions.", MONDAY)
    assert ("EST", "RUS") in sided(ex, "ACCUSE"), [(e.type, pair(e)) for e in ex.events]


@pytest.mark.parametrize(("text", "type_", "mode"), [
    ("Kenyan police raided the Nairobi offices of the Daily Nation on Monday.", "COERCE", "raid"),
    ("Kenyan police officers searched the Nairobi offices of the Daily Nation on Monday.", "COERCE", "raid"),
    ("Kenyan troops raided the Somali town of Kismayo on Monday.", "ASSAULT", None),  # troops attack
    ("The raid by Kenyan police on the Daily Nation, in which two guards were killed, drew protests.", "ASSAULT",
     None),  # a raid that kills is an attack
    ("Kenyan police raided an al-Shabaab hideout in Lamu, sparking a gunfight.", "ASSAULT", None),
    ("Kenyan police raided the Nairobi offices of the Daily Nation, days after a prisoner exchange.", "COERCE", "raid"),
])
def test_a_police_search_is_coercion_an_armed_raid_an_attack(rules_text, text, type_, mode) -> None:
    found = [(e.type, e.mode) for e in rules_text(text, MONDAY).events if e.type in ("COERCE", "ASSAULT")]
    assert found and found[0][0] == type_ and (mode is None or found[0][1] == mode), found


def test_a_search_by_anyone_but_police_is_no_raid(rules_text) -> None:
    ex = rules_text("Rescue workers searched the collapsed homes in Antakya for survivors on Monday.", MONDAY)
    assert not [e for e in ex.events if e.mode == "raid"], [(e.type, e.mode) for e in ex.events]


@pytest.mark.parametrize(("text", "people"), [
    ("The Gabonese authorities shut down the internet across the country on Sunday.", "GAB"),
    ("Gabon cut mobile internet access in Libreville on Sunday.", "GAB"),
    ("Ethiopian forces cut mobile internet access in Kassala on Sunday.", "SDN"),  # the people of the place cut off
])
def test_an_internet_shutdown_coerces_the_people_cut_off(rules_text, text, people) -> None:
    ev = one(rules_text(text, MONDAY), "COERCE")
    assert ev.mode == "blackout" and ev.target is not None and (ev.target.country, ev.target.sector) == (people, "CVL")


@pytest.mark.parametrize(("text", "expected"), [
    ("Beijing held drills near Kinmen. Taipei called the drills an irrational act.", ("TWN", "CHN")),
    ("Iran stopped a British tanker in the Gulf on Monday.", None),  # a ship stopped by force
])
def test_a_ship_stopped_and_drills_called_irrational(rules_text, text, expected) -> None:
    ex = rules_text(text, MONDAY)
    if expected is None:
        assert ("IRN", "GBR") in sided(ex, "COERCE"), [(e.type, pair(e)) for e in ex.events]
    else:
        assert expected in sided(ex, "ACCUSE"), [(e.type, pair(e)) for e in ex.events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Islamabad says the militants operate from Afghan soil, a charge Kabul rejects.", ("AFG", "PAK")),
    ("Paris says Bamako hired Russian mercenaries, a charge Mali has repeatedly denied.", ("MLI", "FRA")),
    ("Uganda accused Rwanda of backing the rebels on Monday, an accusation Kigali denies.", ("RWA", "UGA")),
])
def test_a_charge_the_tail_of_a_sentence_says_a_side_rejects(rules_text, text, expected) -> None:
    ex = rules_text(text, MONDAY)
    assert expected in sided(ex, "REJECT"), [(e.type, pair(e)) for e in ex.events]


@pytest.mark.parametrize("text", [
    "Paris says Bamako hired Russian mercenaries, a charge Mali has not denied.",
    "Tehran accused Israel of the strike, a charge Israel has yet to deny.",
    "Washington accused Moscow of meddling, a claim Moscow says Kyiv denies.",  # Kyiv's words, told by Moscow
])
def test_a_charge_not_denied_is_no_rejection(rules_text, text) -> None:
    ex = rules_text(text, MONDAY)
    assert not [e for e in events(ex, "REJECT") if e.modality == "asserted" and e.source is not None
                and e.source.country in ("MLI", "ISR", "RUS")], [(e.type, pair(e)) for e in ex.events]


def test_a_charge_rejected_answers_whoever_accused_the_rebutter(rules_text) -> None:
    ex = rules_text("Russia accused Ukraine of sabotage on Monday, while the United States accused China of "
                    "espionage, a charge Beijing rejects.", MONDAY)
    assert sided(ex, "REJECT") == {("CHN", "USA")}


def test_a_state_holding_back_its_own_ships_coerces_no_one(rules_text) -> None:
    assert not events(rules_text("Turkey stopped its ships from sailing to Israel.", MONDAY), "COERCE")


def test_a_resolution_welcomed_is_whoever_adopted_it_not_another_who_welcomed_it(rules_text) -> None:
    ex = rules_text("The UN Security Council adopted a resolution demanding a truce in Sudan on Monday. Kenya "
                    "welcomed the resolution.", MONDAY)
    praise = [e for e in events(ex, "SUPPORT") if e.source is not None and e.source.country == "KEN"]
    assert praise and praise[0].target is not None and praise[0].target.kind == "igo", \
        [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile said on Monday it was recalling its envoy in Caracas, Jaime Gazmuri, for consultations.",
     {("CHL", "VEN")}),  # the city's state, not the envoy the parser hung on it
    ("Norway recalled its ambassadors from Tallinn and Riga on Monday.", {("NOR", "EST"), ("NOR", "LVA")}),
    ("Ghana summoned Togo's ambassador on Monday and recalled its own envoy.", {("GHA", "TGO")}),
    ("Lithuania accused Belarus of pushing migrants across the border on Monday. Vilnius also recalled its "
     "ambassador, Andrius Pulokas, for consultations.", {("LTU", "BLR")}),  # the story's other side
])
def test_an_envoy_called_home_is_recalled_from_the_state_he_serves_in(rules_text, text, expected) -> None:
    ex = rules_text(text, MONDAY)
    assert {pair(e) for e in events(ex, "SANCTION") if e.source and e.target} == expected, \
        [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]


@pytest.mark.parametrize(("text", "expected"), [
    ("The European Union lifted its sanctions on Belarusian potash exporters on Monday. Potash is the country's "
     "second export. Lithuania and Poland have long opposed any easing. Traders expect shipments to resume by "
     "spring. Minsk welcomed the decision.", ("BLR", None)),  # the lead's doer (an IGO), not the last named
    ("Beijing will lift its tariffs on Australian wine from Friday, its commerce ministry said on Monday. Wine "
     "exports fell sharply in 2021. Growers in the Barossa Valley had ripped out vines and New Zealand had gained "
     "market share. Canberra welcomed the decision.", ("AUS", "CHN")),  # what was done, not who told it
])
def test_an_outcome_welcomed_with_nothing_nearer_is_the_act_the_story_leads_with(rules_text, text, expected) -> None:
    ex = rules_text(text, MONDAY)
    praise = [e for e in events(ex, "SUPPORT") if e.source is not None and e.source.country == expected[0]]
    assert praise and praise[0].target is not None, [(e.type, pair(e)) for e in ex.events]
    assert praise[0].target.country == expected[1] and (expected[1] or praise[0].target.kind == "igo")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Uganda's main opposition leader, Robert Kyagulanyi, said on Monday that soldiers had killed four farmers "
     "near Kasese.", "Robert Kyagulanyi"),
    ("Amnesty International said that Ethiopian troops had killed at least 40 villagers in Amhara.", "Amnesty"),
])
def test_saying_named_forces_killed_people_accuses_them(rules_text, text, speaker) -> None:
    ex = rules_text(text, MONDAY)
    charges = [e for e in events(ex, "ACCUSE") if e.source is not None and speaker in e.source.name]
    assert charges and charges[0].target is not None and charges[0].target.kind == "military", \
        [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]


@pytest.mark.parametrize("text", [
    "Prime Minister Netanyahu said the army had killed thousands of terrorists since October.",  # its own
    "The Red Cross said on Monday that the blast had killed 12 people at the market.",  # no one named
])
def test_a_toll_with_no_wrongdoer_of_another_state_accuses_no_one(rules_text, text) -> None:
    ex = rules_text(text, MONDAY)
    assert not events(ex, "ACCUSE"), [(e.type, e.source and e.source.name, e.target and e.target.name)
                                      for e in ex.events]


def test_a_toll_with_no_one_named_as_its_cause_accuses_no_one(rules_text) -> None:
    ex = rules_text("The Red Cross said on Monday that the blast had killed 12 people at the market.", MONDAY)
    assert not events(ex, "ACCUSE"), [(e.type, e.source and e.source.name, e.target and e.target.name)
                                      for e in ex.events]


@pytest.mark.parametrize("text", [
    "Bahrain, together with Saudi Arabia, recalled its ambassador on Tuesday, the state news agency said.",
    "Ethiopia recalled its envoy to the talks on Sudan in Jeddah on Tuesday.",  # talks are no post
    "Ecuador recalled its ambassador, Maria Lopez, for consultations on Tuesday. She had served there since 2021.",
])
def test_an_envoy_called_home_from_nowhere_the_text_names_is_recalled_from_no_guessed_state(rules_text, text) -> None:
    ex = rules_text(text, MONDAY)
    assert not [e for e in events(ex, "SANCTION") if e.target is not None], \
        [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]


def test_an_outcome_welcomed_is_not_pinned_on_a_lead_that_names_two_sides(rules_text) -> None:
    ex = rules_text("For years, Serbia and Kosovo have quarrelled over licence plates. On Monday, Kosovo's "
                    "government scrapped a rule requiring Serbian plates to be replaced. The European Union "
                    "welcomed the decision.", MONDAY)
    assert not [e for e in events(ex, "SUPPORT") if e.target is not None and e.target.country == "SRB"], \
        [(e.type, pair(e)) for e in ex.events]


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Norway's foreign minister expressed deep concern over the attacks on two tankers and urged the Houthis to "
     "stop targeting merchant shipping.", "ACCUSE", "Houthis"),
    ("Moscow summoned Latvia's ambassador on Monday and demanded that the new restrictions be lifted at once.",
     "REQUEST", "Latvia"),
    ("South Korea's trade minister, Sung Yun-mo, urged Japan on Monday to withdraw the export curbs and warned "
     "that Seoul would take countermeasures.", "THREATEN", "Japan"),
])
def test_a_reproach_and_a_demand_in_one_breath_are_aimed_at_the_same_side(rules_text, text, type_, expected) -> None:
    ex = rules_text(text, MONDAY)
    assert expected in {e.target.name for e in events(ex, type_) if e.target is not None}, \
        [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]


@pytest.mark.parametrize(("text", "type_", "wrong"), [
    ("Ukraine condemned the missile strike on a children's hospital in Kyiv and asked Germany to send more "
     "Patriot systems.", "ACCUSE", "DEU"),  # asked for help, not to stop
    ("Washington imposed sanctions on Iranian drone makers and urged European allies to do the same.",
     "REQUEST", "IRN"),  # the demand names its own addressees
    ("Egypt urged Israel to abandon its Rafah offensive and warned that the Houthis could step up attacks on "
     "shipping.", "THREATEN", "ISR"),  # a forecast of others' acts, no threat of Egypt's
])
def test_a_side_asked_for_help_or_a_forecast_is_no_target_of_the_same_breath(rules_text, text, type_, wrong) -> None:
    ex = rules_text(text, MONDAY)
    assert wrong not in {e.target.country for e in events(ex, type_) if e.target is not None}, \
        [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]


@pytest.mark.parametrize("text", [
    "US Defense Secretary Lloyd Austin met Philippine Defence Secretary Carlito Galvez in Manila on Monday. The two "
    "defence chiefs also agreed to resume joint maritime patrols.",
    "Canada's Melanie Joly met Germany's Annalena Baerbock in Ottawa on Monday. Both foreign ministers also agreed "
    "to deepen cooperation on critical minerals.",
])
def test_office_holders_in_the_plural_point_back_at_the_pair_that_met(rules_text, text) -> None:
    ex = rules_text(text, MONDAY)
    assert sided(ex, "AGREE") & {("USA", "PHL"), ("PHL", "USA"), ("CAN", "DEU"), ("DEU", "CAN")}, \
        [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]


def test_the_leaders_of_a_summit_are_not_the_pair_that_met_on_its_sidelines(rules_text) -> None:
    ex = rules_text("Leaders of the Group of 20 gathered in New Delhi on Saturday. On the sidelines, Indian Prime "
                    "Minister Narendra Modi met US President Joe Biden. Later, the leaders agreed to triple "
                    "renewable energy capacity by 2030.", MONDAY)
    assert not sided(ex, "AGREE") & {("IND", "USA"), ("USA", "IND")}


def test_office_holders_of_a_named_state_are_no_pair(rules_text) -> None:
    ex = rules_text("US Defense Secretary Lloyd Austin met Philippine Defence Secretary Carlito Galvez in Manila on "
                    "Monday. The Chinese leaders agreed to hold talks with Vietnam.", MONDAY)
    assert ("USA", "PHL") not in sided(ex, "AGREE") and ("PHL", "USA") not in sided(ex, "AGREE")


def test_restrictive_measures_adopted_against_a_state_are_sanctions(rules_text) -> None:
    ex = rules_text("The Council of the European Union on Monday adopted a new package of restrictive measures "
                    "against Belarus over the forced landing of the airliner.", MONDAY)
    assert "BLR" in {e.target.country for e in events(ex, "SANCTION") if e.target is not None}, \
        [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]


def test_a_town_someone_lives_in_names_no_state_for_the_police(rules_text) -> None:
    ex = rules_text("HARARE, July 8 - A court jailed opposition leader Job Sikhala for two years on Monday. His "
                    "brother, who has lived in Johannesburg since 2015, called the verdict a travesty. Police "
                    "detained dozens of activists outside the court.", MONDAY)
    detained = [e for e in events(ex, "COERCE") if e.target is not None and "activists" in e.target.name.lower()]
    assert detained and all(e.source is not None and e.source.country == "ZWE" for e in detained), \
        [(e.type, e.source and (e.source.name, e.source.country), e.target and e.target.name) for e in ex.events]


@pytest.mark.parametrize(("text", "accused"), [
    ("Baku said on Monday that Armenian soldiers had crossed the border illegally near Tovuz.", "ARM"),
    ("Israel's foreign minister said on Monday that the seizure of the tanker showed that Iran was a pirate state.",
     "IRN"),
])
def test_a_statement_that_someone_acted_unlawfully_or_is_shown_to_be_criminal_accuses_them(rules_text, text,
                                                                                           accused) -> None:
    ex = rules_text(text, MONDAY)
    assert accused in {e.target.country for e in events(ex, "ACCUSE") if e.target is not None}, \
        [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]


def test_a_statement_that_something_did_not_show_a_wrong_accuses_no_one(rules_text) -> None:
    ex = rules_text("Israel's foreign minister said on Monday that the inquiry did not show that Iran was a pirate "
                    "state.", MONDAY)
    assert not events(ex, "ACCUSE")


def test_a_nationality_the_model_left_out_of_a_ministrys_name_is_still_its_state(rules_text) -> None:
    ex = rules_text("The Spanish Interior Ministry accused Morocco on Monday of letting thousands of migrants cross "
                    "into Ceuta.", MONDAY)
    assert ("ESP", "MAR") in sided(ex, "ACCUSE"), \
        [(e.type, e.source and (e.source.name, e.source.country), e.target and e.target.name) for e in ex.events]


def test_a_town_the_model_took_for_a_person_is_no_actor(rules_text) -> None:
    ex = rules_text("Ukrainian troops enter Kherson as Russian forces pull back\n\nNational security adviser Jake "
                    "Sullivan called the liberation of Kherson a remarkable victory for Ukraine on Monday.", MONDAY)
    assert not [a for a in ex.actors if a.name == "Kherson"]
    assert "UKR" in {e.target.country for e in events(ex, "SUPPORT") if e.target is not None}


@pytest.mark.parametrize(("text", "type_", "pair_"), [
    ("Microsoft sued the Chinese telecoms firm Zhongxing in a federal court on Monday.", "ACCUSE", (None, "CHN")),
])
def test_a_lawsuit_is_a_complaint_not_an_arrest(rules_text, text, type_, pair_) -> None:
    ex = rules_text(text, MONDAY)
    assert {pair(e) for e in events(ex, type_)} == {pair_}, \
        [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]
    assert not events(ex, "COERCE")


def test_a_group_declared_criminal_or_extremist_is_designated(rules_text) -> None:
    ex = rules_text("A Moscow court on Monday declared the Free Russia Foundation an extremist organisation.", MONDAY)
    (listed,) = events(ex, "SANCTION")
    assert listed.mode == "designate" and listed.target is not None and listed.target.name == "Free Russia Foundation"


# -- what a cold review of the twenty-fourth stop's rules made misfire ---------------------------------------

@pytest.mark.parametrize(("text", "type_"), [
    ("Iranian police said 300 Afghan migrants had entered the country illegally.", "ACCUSE"),  # no state accused
    ("Trump's speech in Ohio struck voters as divisive.", "ASSAULT"),  # an impression, not a blow
    ("Zelensky said Russia would be forced to sue for peace.", "ACCUSE"),  # no lawsuit
    ("Iran said the probe would show whether Israel was a criminal state.", "ACCUSE"),  # an open question
    ("Police closed the Narva crossing after a bomb threat.", "SANCTION"),  # a state's own police at home
    ("Washington put pressure on Beijing to drop Micron from its blacklist.", "SANCTION"),
    ("A Pew survey found that 70 percent of Germans view China negatively.", "ACCUSE"),  # an opinion poll
    ("Police used coercive measures against protesters in Tbilisi.", "SANCTION"),
    # (and what a second review found)
    ("Kyiv said nothing showed that Russia had violated the ceasefire.", "ACCUSE"),
    ("Israel said no evidence showed that Hamas was responsible for the blast.", "ACCUSE"),
    ("The electoral commission struck opposition candidates off the ballot.", "ASSAULT"),
    ("Teachers in Argentina launched a strike against the government's budget cuts.", "ASSAULT"),
    ("Doctors said the boy had been shot by Israeli troops.", "ACCUSE"),
])
def test_words_near_the_new_rules_that_state_no_such_event(rules_text, text, type_) -> None:
    ex = rules_text(text, MONDAY)
    assert not events(ex, type_), [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]


def test_a_town_where_the_victims_live_is_still_the_scene(rules_text) -> None:
    for text in ("Israeli strikes killed 20 Palestinians living in Rafah on Monday.",
                 "An Israeli airstrike killed 12 people who lived in Rafah."):
        ex = rules_text(text, MONDAY)
        assert {e.place.name for e in events(ex, "ASSAULT") if e.place is not None} == {"Rafah"}, text
    ex = rules_text("Police arrested dozens of Uyghurs living in Urumqi.", MONDAY)
    assert {e.source.country for e in events(ex, "COERCE") if e.source is not None} == {"CHN"}


@pytest.mark.parametrize(("text", "name"), [
    ("Turkish police detained Istanbul Mayor Imamoglu on Wednesday.", "Imamoglu"),  # titled
    ("EFF leader Malema accused the ANC of corruption.", "Malema"),  # titled, and acting
])
def test_a_titled_or_acting_one_word_name_stays_a_person_whatever_town_shares_it(rules_text, text, name) -> None:
    ex = rules_text(text, MONDAY)
    assert [a.kind for a in ex.actors if a.name == name] == ["person"], [(a.name, a.kind) for a in ex.actors]


def test_a_pro_russian_ministry_is_not_russias(rules_text) -> None:
    ex = rules_text("The pro-Russian Interior Ministry in Donetsk accused Ukraine of shelling the city.", MONDAY)
    assert "RUS" not in {e.source.country for e in ex.events if e.source is not None}


def test_a_group_named_in_the_singular_and_the_plural_is_one_group(rules_text) -> None:
    ex = rules_text("Houthi rebels fired a missile at a Greek tanker on Monday. Washington condemned the Houthis.",
                    MONDAY)
    fired = {e.source.key for e in events(ex, "ASSAULT") if e.source is not None}
    accused = {e.target.key for e in events(ex, "ACCUSE") if e.target is not None}
    assert fired and fired == accused, (fired, accused)

def test_a_word_for_a_force_the_model_took_for_a_person_is_no_person(rules_text) -> None:
    ex = rules_text("Jets struck towns in the rebel-held enclave on Sunday, killing 20 people.", MONDAY)
    assert not [a for a in ex.actors if a.kind == "person"], [(a.name, a.kind) for a in ex.actors]


# -- what a second cold review of the twenty-fourth stop's rules made misfire ---------------------------------

@pytest.mark.parametrize("text", [
    "Russia attacked Kyiv as part of a new wave of strikes.",
    "Israeli troops killed three Palestinians as a warning.",
])
def test_an_assault_told_with_as_and_a_noun_is_still_one(rules_text, text) -> None:
    ex = rules_text(text, MONDAY)
    assert events(ex, "ASSAULT"), [(e.type, e.source and e.source.name) for e in ex.events]


def test_a_later_mention_of_a_group_keeps_naming_it(rules_text) -> None:
    ex = rules_text("Yemen's Houthi rebels attacked a US warship on Monday. Houthi rebels later fired missiles at "
                    "Israel.", MONDAY)
    assert "ISR" not in {e.source.country for e in events(ex, "ASSAULT") if e.source is not None}


def test_every_state_coordinated_after_a_preposition_deep_in_the_object_is_a_target(extract_text) -> None:
    ex = extract_text("Colombia closed its borders with Venezuela, Ecuador and Peru on Sunday.", MONDAY)
    assert sided(ex, "SANCTION") == {("COL", "VEN"), ("COL", "ECU"), ("COL", "PER")}


def test_no_partner_is_added_to_a_target_the_rules_would_skip(extract_text) -> None:
    # the speakers of "what X and Y said" are no targets; a pair "between" two stays a pair
    ex = extract_text("Iran shot down drones in what Israel and the United States said was a defensive operation.",
                      MONDAY)
    assert not any(e.target is not None and e.target.country == "ISR" for e in ex.events)
    ex = extract_text("Turkey hosted talks on the conflict between Armenia and Azerbaijan.", MONDAY)
    assert ("ARM", "AZE") in sided(ex, "CONSULT") or ("AZE", "ARM") in sided(ex, "CONSULT")


@pytest.mark.parametrize("text, body", [
    ("Kenya and Ghana asked for an emergency meeting of the UN Security Council on Sunday.", "UNSC"),
    ("Ukraine called for an emergency session of the UN General Assembly.", "UNGA"),
])
def test_asking_for_a_bodys_sitting_is_a_request_to_that_body(extract_text, text: str, body: str) -> None:
    asks = events(extract_text(text, MONDAY), "REQUEST")
    assert asks and all(e.target is not None and e.target.key == f"igo:{body}" for e in asks)


@pytest.mark.parametrize("text, targets", [
    ("Ukraine condemned the military pact between Russia and North Korea.", {("UKR", "RUS"), ("UKR", "PRK")}),
    ("Kazakhstan closed its border crossings with Tashkent and Bishkek.", {("KAZ", "UZB"), ("KAZ", "KGZ")}),
])
def test_both_sides_of_a_pair_or_two_capitals_in_an_object_are_targets(extract_text, text: str,
                                                                       targets: set[tuple[str, str]]) -> None:
    assert {pair(e) for e in extract_text(text, MONDAY).events} == targets


def test_a_hearing_of_a_case_is_no_request_to_whoever_the_case_names(extract_text) -> None:
    ex = extract_text("Lawyers for the opposition asked for a hearing of the case against Kenya's electoral "
                      "commission.", MONDAY)
    assert not events(ex, "REQUEST")


def test_praise_naming_a_violent_enemy_stays_praise(extract_text) -> None:
    ex = extract_text("Biden called the deal with Mexico a victory over violent cartels.", MONDAY)
    assert not events(ex, "ACCUSE")
