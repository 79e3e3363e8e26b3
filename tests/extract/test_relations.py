"""Standing ties between actors (extract/relations.py), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.model import Extraction, Relation

Tie = tuple[str, str, str]


def ties(ex: Extraction) -> set[Tie]:
    return {(r.source.name, r.relation, r.target.name) for r in ex.relations}


def only(ex: Extraction) -> Relation:
    assert len(ex.relations) == 1, ties(ex)
    return ex.relations[0]


@pytest.mark.parametrize(("text", "expected"), [
    # holds_office_in: a title with the country, the organisation, or the collective it serves
    ("Portuguese Foreign Minister Tomas Ferreira met reporters in Lisbon on Monday.",
     {("Tomas Ferreira", "holds_office_in", "Portugal government")}),
    ("Anna Berg, the European Commission's commissioner for trade, said talks would resume.",
     {("Anna Berg", "holds_office_in", "European Commission")}),
    ("Kremlin spokesman Ivan Petrov said the talks were useful.",
     {("Ivan Petrov", "holds_office_in", "Kremlin")}),
    ("Mali's military junta said on Monday that junta finance minister Oumar Diallo would travel to Moscow.",
     {("Oumar Diallo", "holds_office_in", "Mali junta")}),
    # leads: a head of state's title, a chief of a named body, "led by"
    ("Chilean President Gabriel Rojas opened the session in Santiago.",
     {("Gabriel Rojas", "leads", "Chile government")}),
    ("Peru's army chief Luis Quispe visited the border.", {("Luis Quispe", "leads", "Peru army")}),
    # member_of
    ("The Pacific Alliance held a summit in Lima. The alliance comprises Chile, Peru, Colombia and Mexico.",
     {(c, "member_of", "Pacific Alliance") for c in ("Chile", "Peru", "Colombia", "Mexico")}),
    ("Norway, a member of NATO, sent ships to the region.",
     {("Norway", "member_of", "North Atlantic Treaty Organization")}),
    ("The African Union met on Monday. The union's member states such as Kenya and Ghana backed the plan.",
     {("Kenya", "member_of", "African Union"), ("Ghana", "member_of", "African Union")}),
    # part_of
    ("Europol is an agency of the European Union.", {("Europol", "part_of", "European Union")}),
    ("Frontex, a body of the European Union, opened an office in Warsaw.",
     {("Frontex", "part_of", "European Union")}),
    # sanctions: imposed, by a hyphenated party, or a measure named with its parties
    ("Canada imposed sanctions on Belarus on Tuesday.", {("Canada", "sanctions", "Belarus")}),
    ("The EU-sanctioned tycoon Boris Orlov bought a yacht.", {("European Union", "sanctions", "Boris Orlov")}),
    ("British sanctions against Iran remain in force.", {("United Kingdom", "sanctions", "Iran")}),
    # supplies_arms_to
    ("Turkey sells drones to Azerbaijan.", {("Turkey", "supplies_arms_to", "Azerbaijan")}),
    ("Israel is the largest supplier of weapons to Azerbaijan.", {("Israel", "supplies_arms_to", "Azerbaijan")}),
    # supports
    ("Iran has long been a key backer of Hezbollah.", {("Iran", "supports", "Hezbollah")}),
    ("Qatar backs Hamas, officials said.", {("Qatar", "supports", "Hamas")}),
    # ally_of
    ("Japan, a close ally of the United States, hosted the talks.", {("Japan", "ally_of", "United States")}),
])
def test_each_relation_type(extract_text, text: str, expected: set[Tie]) -> None:
    assert ties(extract_text(text)) == expected


@pytest.mark.parametrize("text", [
    "The envoy met the president in Santiago on Friday.",            # no leads: nobody named holds it
    "Former President Jorge Salas met the envoy in Lima.",           # an office no longer held
    "Sweden applied to join NATO in May.",                           # not yet a member
    "The commission met the union's envoy in Brussels.",             # no part_of
    "Canada threatened to impose sanctions on Belarus.",             # threatened, not imposed
    "Canada could impose sanctions on Belarus if the crackdown continues.",
    "Turkey did not sell drones to Armenia.",                        # negated
    "Turkey sells cars to Azerbaijan.",                              # not weapons
    "Qatar backed the proposal.",                                    # backs no actor
    "Japan is not an ally of China.",                                # negated
    "Japan met its partner Australia.",                              # a partner is no ally
])
def test_no_relation_without_an_asserted_cue(extract_text, text: str) -> None:
    assert ties(extract_text(text)) == set()


def test_allies_are_symmetric(extract_text) -> None:
    rel = only(extract_text("Serbia and Russia are allies."))
    assert rel.relation == "ally_of" and {rel.source.name, rel.target.name} == {"Serbia", "Russia"}


def test_a_prime_minister_beside_a_leading_president_holds_office(extract_text) -> None:
    with_president = extract_text("French President Paul Girard met French Prime Minister Luc Morel in Paris.")
    assert ties(with_president) == {("Paul Girard", "leads", "France government"),
                                    ("Luc Morel", "holds_office_in", "France government")}
    alone = extract_text("French Prime Minister Luc Morel met reporters in Paris.")
    assert ties(alone) == {("Luc Morel", "leads", "France government")}


def test_a_counterpart_holds_the_office_of_the_possessor(extract_text) -> None:
    ex = extract_text("Hungarian Prime Minister Peter Kovacs invited his Austrian counterpart Karl Huber to Budapest.")
    assert ("Karl Huber", "leads", "Austria government") in ties(ex)


def test_government_targets_are_table_actors(extract_text) -> None:
    ex = extract_text("Chilean President Gabriel Rojas opened the session in Santiago.")
    rel = only(ex)
    assert rel.target in ex.actors and rel.source in ex.actors
    assert (rel.target.kind, rel.target.country) == ("government", "CHL")


def test_evidence_is_the_stating_sentence_and_seen_the_publication_date(extract_text) -> None:
    text = "Talks resumed on Monday. Canada imposed sanctions on Belarus on Tuesday."
    ex = extract_text(text, published=date(2024, 5, 2))
    rel = only(ex)
    assert rel.seen == "2024-05-02"
    [ev] = rel.evidence
    assert ev.sentence == "Canada imposed sanctions on Belarus on Tuesday."
    assert text[ev.start:ev.end] == ev.sentence and ev.sentence_index == 1
    assert (ev.doc_id, ev.source) == (ex.document.id, "test.txt")


def test_a_tie_stated_twice_is_one_relation_with_two_evidence_rows(extract_text) -> None:
    ex = extract_text("Canada imposed sanctions on Belarus. Later Canada sanctioned Belarus again.")
    rel = only(ex)
    assert [e.sentence_index for e in rel.evidence] == [0, 1]


def test_no_publication_date_leaves_seen_empty(extract_text) -> None:
    assert only(extract_text("Canada imposed sanctions on Belarus.")).seen is None


def test_a_dateline_at_an_international_seat_gives_no_president_a_state(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("BRUSSELS, May 25 - EU leaders met. Protesters rallied against President Alexander Lukashenko.")
    assert not [r for r in ex.relations if r.target is not None and r.target.country == "BEL"]
    ex = extract_text("MANILA, May 25 - President Ferdinand Marcos Jr said he would visit Japan.")
    assert [(r.relation, r.target.country) for r in ex.relations] == [("leads", "PHL")]
