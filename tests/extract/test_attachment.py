"""Where an event's actors, place and amounts come from when the text gives them indirectly:
a place that says whose police, a possessive that says whose guards, a participle that gives an
attack's toll, the speaker behind "we". Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from newsgraph.model import Event, Extraction

TUESDAY = date(2024, 3, 12)


def pairs(ex: Extraction, type_: str) -> set[tuple[str | None, str | None]]:
    return {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in ex.events if e.type == type_}


def only(ex: Extraction, type_: str) -> Event:
    found = [e for e in ex.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.source and e.source.name, e.target and e.target.name) for e in ex.events]
    return found[0]


def test_a_place_in_the_phrase_gives_police_their_country(extract_text) -> None:
    ex = extract_text("Police in Lusaka detained four opposition activists on Monday.", TUESDAY)
    assert {source for source, _ in pairs(ex, "COERCE")} == {"ZMB"}


def test_a_possessive_gives_an_organisation_its_country(extract_text) -> None:
    ex = extract_text("Canada on Monday imposed sanctions on Iran's Revolutionary Guards.", TUESDAY)
    assert pairs(ex, "SANCTION") == {("CAN", "IRN")}


def test_an_embassy_owned_by_a_pronoun_is_not_the_host_country(extract_text) -> None:
    ex = extract_text("Iran said that Israel attacked its embassy in Damascus.", TUESDAY)
    assert pairs(ex, "ASSAULT") == {("ISR", "IRN")}


def test_its_forces_in_reported_words_are_the_speakers(extract_text) -> None:
    # the article's most named state (Poland) is no owner when the clause above says whose
    ex = extract_text("Poland scrambled jets on Tuesday and Poland closed an airport. Russia's defence ministry "
                      "said its forces had struck military sites in western Ukraine overnight.", TUESDAY)
    assert pairs(ex, "ASSAULT") == {("RUS", "UKR")}


def test_them_is_a_plural_never_the_singular_named_between(extract_text) -> None:
    ex = extract_text("Police used batons against protesters in Niamey. The French embassy was closed. "
                      "Police later fired tear gas to disperse them.", TUESDAY)
    assert all(e.target is not None and e.target.country != "FRA" for e in ex.events if e.type == "ASSAULT")
    assert any(e.target is not None and e.target.name.endswith("protesters") for e in ex.events
               if e.type == "ASSAULT")
    # "they" may still be an organisation named as one word
    ex = extract_text("Hamas said they would not attend the talks in Cairo.", TUESDAY)
    assert [(e.source.name, e.modality) for e in ex.events if e.type == "CONSULT" and e.source] \
        == [("Hamas", "negated")]


def test_the_speaker_of_a_clause_beside_the_act_is_no_target(extract_text) -> None:
    ex = extract_text("On Tuesday, Danish frigates shot down 14 drones in what Washington said was "
                      "the largest attack of the year.", TUESDAY)
    assert not [e for e in ex.events if e.type == "ASSAULT" and e.target is not None and e.target.country == "USA"]


def test_coordinated_nationalities_before_a_noun_are_both_sides(extract_text) -> None:
    ex = extract_text("U.S. and British jets struck rebel positions in Yemen on Tuesday.", TUESDAY)
    assert {s for s, _ in pairs(ex, "ASSAULT")} == {"USA", "GBR"}


def test_a_participle_gives_the_attack_its_toll(extract_text) -> None:
    ex = extract_text("Rebels launched an attack on an army base in Mali on Sunday, killing at least 23 soldiers.",
                      TUESDAY)
    (ev,) = [e for e in ex.events if e.type == "ASSAULT" and e.trigger == "attack"]
    assert [(q.value, q.unit) for q in ev.quantities] == [(23, "person")]


def test_the_dead_of_were_killed_in_an_attack_are_its_toll_and_no_other_acts(extract_text) -> None:
    ex = extract_text("Nine policemen were killed in an attack by Islamic State militants in Iraq on Monday.", TUESDAY)
    (ev,) = [e for e in ex.events if e.trigger == "attack"]
    assert [(q.value, q.unit) for q in ev.quantities] == [(9, "person")]
    ev = only(extract_text("Three civilians were killed after Israel and Hamas agreed to a ceasefire in Gaza.",
                           TUESDAY), "AGREE")
    assert ev.quantities == []  # the dead are no part of the accord


def test_what_an_attack_hit_and_the_dead_of_a_clash_told_around_it_are_its_amounts(extract_text) -> None:
    ev = only(extract_text("French jets struck camps in Mali on Friday, hitting 40 targets with 60 guided bombs.",
                           TUESDAY), "ASSAULT")
    assert [(q.value, q.unit) for q in ev.quantities] == [(40, "target"), (60, "bomb")]
    ev = only(extract_text("At least nine people were killed as soldiers clashed with protesters in Conakry.",
                           TUESDAY), "ASSAULT")
    assert [(q.value, q.unit) for q in ev.quantities] == [(9, "person")]


def test_a_deployment_counts_troops_and_a_toll_people(extract_text) -> None:
    ev = only(extract_text("Lithuania deployed 800 soldiers to the border with Belarus on Monday.", TUESDAY),
              "MOBILIZE")
    assert [(q.value, q.unit) for q in ev.quantities] == [(800, "troop")]
    ev = only(extract_text("Militants attacked a checkpoint in Niger on Monday, killing 800 soldiers.", TUESDAY),
              "ASSAULT")
    assert [(q.value, q.unit) for q in ev.quantities] == [(800, "person")]
    ex = extract_text("Russia deployed 300 paratroopers to Belarus after 12 soldiers were killed by drones.", TUESDAY)
    ev = only(ex, "MOBILIZE")
    assert {(q.value, q.unit) for q in ev.quantities} <= {(300, "troop"), (12, "person")}  # the dead moved nowhere
    assert (300, "troop") in {(q.value, q.unit) for q in ev.quantities}


def test_the_place_of_talks_held_in_a_city(extract_text) -> None:
    ex = extract_text("Chinese officials held talks with Vietnamese diplomats in Hanoi on Monday.", TUESDAY)
    ev = only(ex, "CONSULT")
    assert ev.place is not None and ev.place.name == "Hanoi"


def test_we_in_a_quote_is_the_speaker(extract_text) -> None:
    ex = extract_text('"We will never accept the annexation," the Ukrainian president said, accusing Russia.',
                      TUESDAY)
    assert ("UKR", "RUS") in pairs(ex, "ACCUSE")


def test_criticising_a_coup_in_a_country_targets_that_country(extract_text) -> None:
    ex = extract_text("Senegal criticised the coup in Niger.", TUESDAY)
    assert pairs(ex, "ACCUSE") == {("SEN", "NER")}
    assert not pairs(ex, "COERCE")  # the coup is not Senegal's


def test_strikes_on_targets_in_a_country_target_that_country(extract_text) -> None:
    ex = extract_text("Israeli jets struck targets in southern Lebanon overnight.", TUESDAY)
    assert pairs(ex, "ASSAULT") == {("ISR", "LBN")}


def test_condemning_the_attack_targets_whoever_attacked(extract_text) -> None:
    ex = extract_text("Sudanese paramilitaries shelled a camp near El Fasher on Sunday. "
                      "The African Union condemned the attack.", TUESDAY)
    (accuse,) = [e for e in ex.events if e.type == "ACCUSE"]
    assert accuse.source is not None and accuse.source.name == "African Union"
    assert accuse.target is not None and accuse.target.country == "SDN"


def test_a_toll_is_part_of_the_attack_not_another_event(extract_text) -> None:
    ex = extract_text("Myanmar's army bombed a village in Sagaing, killing at least 17 people.", TUESDAY)
    assaults = [e for e in ex.events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and [(q.value, q.unit) for q in assaults[0].quantities] == [(17, "person")]


def test_denying_an_accusation_answers_the_accuser_and_a_second_act_is_not_negated(extract_text) -> None:
    ex = extract_text("Armenia accused Azerbaijan of shelling border villages. "
                      "Baku denied the accusation and blamed Yerevan for the escalation.", TUESDAY)
    assert ("AZE", "ARM") in pairs(ex, "REJECT")
    blame = [e for e in ex.events if e.type == "ACCUSE" and e.source and e.source.country == "AZE"]
    assert [(e.target.country if e.target else None, e.modality) for e in blame] == [("ARM", "asserted")]


def test_a_group_the_actor_dictionary_knows_gives_its_fighters_a_country(extract_text) -> None:
    ex = extract_text("Lebanese troops detained two Hezbollah fighters near Tyre.", TUESDAY)
    assert pairs(ex, "COERCE") == {("LBN", "LBN")}


def test_what_an_accusation_says_was_plotted_is_not_an_event(extract_text) -> None:
    ex = extract_text("Bolivia accused Chile of plotting to invade its territory.", TUESDAY)
    assert {e.type for e in ex.events} == {"ACCUSE"}


def test_the_city_of_x_places_an_event_and_speakers_do_not(extract_text) -> None:
    ex = extract_text("Ghana and Togo signed a border accord in the Togolese city of Kara on Monday.", TUESDAY)
    (agree,) = [e for e in ex.events if e.type == "AGREE"]
    assert agree.place is not None and agree.place.name == "Kara" and agree.place.country == "TGO"
    ex = extract_text("Officials in Accra said Ghana and Togo would sign an accord.", TUESDAY)
    assert all(e.place is None for e in ex.events if e.type == "AGREE")


def test_aid_told_as_an_amount_in_aid_carries_the_amount(extract_text) -> None:
    """"pledged 100 million yuan in emergency aid": the amount is the verb's object, the aid a
    phrase hanging on the verb; the aid event carries it."""
    ex = extract_text("China pledged 100 million yuan in emergency aid to Nepal on Monday.", TUESDAY)
    assert [(q.value, q.unit) for q in only(ex, "AID").quantities] == [(100_000_000, "CNY")]


def test_a_sentence_and_an_ultimatum_carry_their_durations(extract_text) -> None:
    ex = extract_text("A court in Managua sentenced the opposition leader Felix Maradiaga to 13 years in prison. "
                      "Nicaragua ordered the Dutch ambassador to leave within 72 hours.", TUESDAY)
    assert [(q.value, q.unit) for q in only(ex, "COERCE").quantities] == [(13, "year")]
    assert (72, "hour") in {(q.value, q.unit) for e in ex.events if e.type == "SANCTION" for q in e.quantities}


def test_whose_goods_a_state_receives_is_the_supplier(extract_text) -> None:
    """"Armenia received Russian fuel shipments": Russia supplies, Armenia receives (the goods'
    nationality is the side a "from" would have named); "received a loan from China" as before."""
    ex = extract_text("Armenia received Russian fuel shipments on Monday. Kenya received a loan from China.", TUESDAY)
    assert pairs(ex, "AID") == {("RUS", "ARM"), ("CHN", "KEN")}


def test_counted_people_are_the_victims_or_detainees_of_an_act(rules_text) -> None:
    # "people" alone is too vague to be anyone; counted, they are the group an act fell on
    ex = rules_text("Chadian police broke up the rally and detained dozens of people on Sunday.", TUESDAY)
    assert pairs(ex, "COERCE") == {("TCD", "TCD")}
    ex = rules_text("Police in Conakry said they had arrested 14 people after the clashes.", TUESDAY)
    assert ("GIN", "GIN") in pairs(ex, "COERCE")
    ex = rules_text("NIAMEY (wire) - Gunmen killed at least 31 people on Saturday.", TUESDAY)
    assert only(ex, "ASSAULT").target is not None and only(ex, "ASSAULT").target.country == "NER"
    assert [(q.value, q.unit) for q in only(ex, "ASSAULT").quantities] == [(31, "person")]
    # uncounted people stand for no one
    ex = rules_text("People close to the talks said Kenya had detained the trawler's crew.", TUESDAY)
    assert not [a for a in ex.actors if a.name == "people"]


def test_an_accusation_followed_by_a_charge_the_accused_denies_stands(extract_text) -> None:
    # the parser hangs "accused" under "denies" as its clause; the accusation is told, not denied
    ex = extract_text("The United States accused Iran of attacking the tanker, a charge Tehran denies.", TUESDAY)
    assert [(e.source.country, e.target.country, e.modality) for e in ex.events
            if e.type == "ACCUSE" and e.source and e.target] == [("USA", "IRN", "asserted")]
    assert pairs(ex, "REJECT") == {("IRN", "USA")}
    # a clause after "denied" is still what is denied
    ex = extract_text("Iran denied that its forces had attacked the tanker.", TUESDAY)
    assert not [e for e in ex.events if e.type == "ASSAULT"]


def test_a_charge_the_accused_denies_in_a_relative_clause_answers_that_accuser(rules_text) -> None:
    ex = rules_text("Mali accused Algeria of sheltering the rebels, a charge Algiers denies.", TUESDAY)
    assert pairs(ex, "REJECT") == {("DZA", "MLI")}
    ex = rules_text("Chad accused Sudan of arming the militia, an accusation that Khartoum rejected.", TUESDAY)
    assert pairs(ex, "REJECT") == {("SDN", "TCD")}
    # with no accuser of the denier in the clause, the denial answers no one it could guess
    ex = rules_text("The activist has been held in Minsk since May on fraud charges he denies.", TUESDAY)
    assert not pairs(ex, "REJECT")
    # a charge that accuses is no denial, and describes, not reports, an accusation
    ex = rules_text("Police arrested the journalist on charges that accuse him of spying for Lithuania.", TUESDAY)
    assert not [e for e in ex.events if e.type in ("REJECT", "ACCUSE") and e.trigger == "accuse"]


def test_a_clause_before_deny_with_no_charge_named_is_what_is_denied(extract_text) -> None:
    ex = extract_text("Israel is preparing to invade Rafah, the army denied on Tuesday.", TUESDAY)
    assert not [e for e in ex.events if e.type == "ASSAULT"]


def test_an_amount_no_other_event_claims_goes_to_an_event_of_a_fitting_type(extract_text) -> None:
    ex = extract_text("On Monday the Japanese cabinet approved 40 million dollars for Ukraine to help it rebuild "
                      "its power grid.", TUESDAY)
    (aid,) = [e for e in ex.events if e.type == "AID"]
    assert [(q.value, q.unit) for q in aid.quantities] == [(40e6, "USD")]
    ex = extract_text("Japan promised to help Ukraine, and China imposed tariffs of 25% on Australian wine.", TUESDAY)
    (aid,) = [e for e in ex.events if e.type == "AID"]
    assert aid.quantities == []  # the 25% is the tariffs'
    ex = extract_text("Kishida met Zelensky in Kyiv, where a blast had killed 40 people.", TUESDAY)
    assert [e.quantities for e in ex.events if e.type == "CONSULT"] == [[]]  # a meeting counts no one


def test_it_never_points_back_at_a_plural_group(extract_text) -> None:
    ex = extract_text("The French foreign ministry said protesters had attacked its embassy in Ouagadougou. "
                      "It condemned the violence against its diplomatic premises.", TUESDAY)
    accusations = [(e.source.kind, e.source.country) for e in ex.events if e.type == "ACCUSE" and e.source]
    assert accusations and all(src == ("government", "FRA") for src in accusations)


def test_the_signing_of_a_pact_between_two_states_is_their_agreement_not_the_hosts(extract_text) -> None:
    ex = extract_text("Secretary of State Marco Rubio hosted the signing of the peace agreement between the "
                      "Democratic Republic of the Congo and the Republic of Rwanda.", TUESDAY)
    assert pairs(ex, "AGREE") == {("COD", "RWA")}
    assert "State" not in [a.name for a in ex.actors]  # part of a title, no organisation
    ex = extract_text("Kenya's signing of the trade pact with the European Union drew praise.", TUESDAY)
    assert {(e.source and e.source.name, e.target and e.target.name) for e in ex.events if e.type == "AGREE"} \
        == {("Kenya", "European Union")}


def test_the_government_accused_is_the_government_of_the_story(extract_text) -> None:
    ex = extract_text("The opposition candidate Ganjar Pranowo campaigned in Indonesia on Tuesday. He accused the "
                      "government of using state resources.", TUESDAY)
    targets = {(e.target.kind, e.target.country) for e in ex.events if e.type == "ACCUSE" and e.target}
    assert targets == {("government", "IDN")}


def test_an_amount_of_another_clause_is_not_the_events(extract_text) -> None:
    for text in ("The European Union imposed sanctions on Belarus, where an election gave Lukashenko 87% of the vote.",
                 "Qatar sent food aid to Gaza, where 2.3 million people face famine.",
                 "China and Russia held joint naval drills, as trade between them reached 240 billion dollars."):
        ex = extract_text(text, TUESDAY)
        assert ex.events and all(e.quantities == [] for e in ex.events), text


def test_a_signing_blocked_is_no_agreement_and_a_hosting_party_signs(extract_text) -> None:
    ex = extract_text("Hungary blocked the signing of the EU security pact with Ukraine.", TUESDAY)
    assert pairs(ex, "AGREE") == set()
    ex = extract_text("Kenya hosted the signing of a defence cooperation pact with Britain in Nairobi.", TUESDAY)
    assert pairs(ex, "AGREE") == {("KEN", "GBR")}
