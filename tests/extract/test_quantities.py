"""find_quantities: amounts with units, normalised; bare numbers, years and vague counts skipped."""

from __future__ import annotations

import pytest

from newsgraph.extract.quantities import find_quantities


def only(text: str) -> tuple[float, str, str, str]:
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    q = qs[0]
    assert text[q.start:q.end] == q.text
    return q.value, q.unit, q.kind, q.text


@pytest.mark.parametrize("text, value, unit, quoted", [
    ("The bridge will cost $35 million to build.", 35e6, "USD", "$35 million"),
    ("It raised US$1.2 billion from lenders.", 1.2e9, "USD", "US$1.2 billion"),
    ("A deal worth $2bn was signed.", 2e9, "USD", "$2bn"),
    ("The fund holds €500m in bonds.", 500e6, "EUR", "€500m"),
    ("The rail line costs £3.4 billion.", 3.4e9, "GBP", "£3.4 billion"),
    ("Moscow set aside 5 billion rubles for roads.", 5e9, "RUB", "5 billion rubles"),
    ("Moscow set aside 5 billion roubles for roads.", 5e9, "RUB", "5 billion roubles"),
    ("Beijing pledged 100 million yuan in aid.", 100e6, "CNY", "100 million yuan"),
    ("The junta spent 20 billion kyat on jets.", 20e9, "MMK", "20 billion kyat"),
    ("Farmers lost 300 crore rupees to the floods.", 3e9, "INR", "300 crore rupees"),
    ("The grant is 40 million euros.", 40e6, "EUR", "40 million euros"),
    ("They paid 35 million dollars in cash.", 35e6, "USD", "35 million dollars"),
    ("A loan of USD 10 million was approved.", 10e6, "USD", "USD 10 million"),
    ("A loan of 10 million USD was approved.", 10e6, "USD", "10 million USD"),
    ("A $35-million deal.", 35e6, "USD", "$35-million"),
    ("The ticket costs $35.", 35.0, "USD", "$35"),
    ("It fell to $1,250.50 per share.", 1250.5, "USD", "$1,250.50"),
    ("Seoul sent 2 million Canadian dollars.", 2e6, "CAD", "2 million Canadian dollars"),
])
def test_money(text: str, value: float, unit: str, quoted: str) -> None:
    assert only(text) == (value, unit, "money", quoted)


@pytest.mark.parametrize("text, value, unit, kind, quoted", [
    ("A 660 MW coal plant.", 660, "MW", "power", "660 MW"),
    ("A 1.2 GW wind farm.", 1200, "MW", "power", "1.2 GW"),
    ("The 330-megawatt unit restarted.", 330, "MW", "power", "330-megawatt"),
    ("A 500 kW rooftop array.", 0.5, "MW", "power", "500 kW"),
    ("A 40MW battery.", 40, "MW", "power", "40MW"),
    ("The country used 3 TWh last winter.", 3e6, "MWh", "energy", "3 TWh"),
    ("The dam makes 450 GWh a year.", 450e3, "MWh", "energy", "450 GWh"),
    ("Over 8 million barrels of oil were stored.", 8e6, "barrel", "volume", "8 million barrels"),
    ("Output reached 500,000 bpd in May.", 5e5, "barrel/day", "volume", "500,000 bpd"),
    ("It pumps 1.2 million barrels per day.", 1.2e6, "barrel/day", "volume", "1.2 million barrels per day"),
    ("It pumps 30,000 barrels of oil a day.", 3e4, "barrel/day", "volume", "30,000 barrels of oil a day"),
    ("Ships carried 2 million tonnes of wheat.", 2e6, "tonne", "mass", "2 million tonnes"),
    ("The port moved 300 tons of coal.", 300, "tonne", "mass", "300 tons"),
    ("Some 40 metric tons of aid arrived.", 40, "tonne", "mass", "40 metric tons"),
    ("The pipeline carries 5 bcm of gas.", 5e9, "m3", "volume", "5 bcm"),
    ("Exports hit 20 billion cubic metres.", 20e9, "m3", "volume", "20 billion cubic metres"),
    ("Turnout rose by 15% this year.", 15, "percent", "percent", "15%"),
    ("Tariffs rise to 50 per cent.", 50, "percent", "percent", "50 per cent"),
])
def test_units(text: str, value: float, unit: str, kind: str, quoted: str) -> None:
    assert only(text) == (value, unit, kind, quoted)


@pytest.mark.parametrize("text, value, quoted", [
    ("The drought affects 55 million people.", 55e6, "55 million people"),
    ("The base holds 300 soldiers.", 300, "300 soldiers"),
    ("Some 1,200 troops crossed the river.", 1200, "1,200 troops"),
    ("Gunmen killed two civilians on Friday.", 2, "two civilians"),
    ("Twenty-five protesters were arrested.", 25, "Twenty-five protesters"),
    ("Police detained its two senior editors.", 2, "two senior editors"),
    ("Nine were wounded and 78 arrested.", 78, "78 arrested"),
    ("Police on May 5 arrested 30 protesters.", 30, "30 protesters"),  # the 5 is a day, not the arrested
    ("About 300 Ukrainian soldiers were freed.", 300, "300 Ukrainian soldiers"),
    ("The blast left 12 killed.", 12, "12 killed"),
    ("Officials said at least 40 dead.", 40, "40 dead"),
    ("One soldier was hurt.", 1, "One soldier"),
    ("Two hundred refugees reached the coast.", 200, "Two hundred refugees"),
    ("A hundred thousand residents fled.", 1e5, "A hundred thousand residents"),
    ("Some 5k workers struck.", 5000, "5k workers"),
    ("In 2023, 2000 migrants arrived.", 2000, "2000 migrants"),
    ("The court freed two of the detainees.", 2, "two of the detainees"),
])
def test_people(text: str, value: float, quoted: str) -> None:
    assert only(text) == (value, "person", "people", quoted)


@pytest.mark.parametrize("text", [
    "The 26th round of talks opened on the 7th of May.",
    "The 7th Army moved north.",
    "In 2024 the council met 3 times.",
    "In 2024 workers went on strike.",
    "On March 2, 2024 protesters gathered.",
    "Thousands of refugees crossed the border.",
    "Hundreds of protesters and dozens of workers marched.",
    "Tens of thousands of people rallied.",
    "The two sides met as two countries signed a pact.",
    "Unemployment rose among 5-10 workers.",
    "One in five children is underweight.",
    "He was one of the largest worker organisers.",
    "The 500 pounds of explosives were found.",
    "Date palms: 2,000,000.",
])
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_several_sorted_non_overlapping_with_offsets() -> None:
    text = ("Rebels said 300 soldiers died near a 660 MW plant; repairs will cost $35 million, "
            "and 8 million barrels of oil were lost. Two civilians were hurt.")
    qs = find_quantities(text)
    assert [q.text for q in qs] == ["300 soldiers", "660 MW", "$35 million", "8 million barrels",
                                    "Two civilians"]
    assert [q.kind for q in qs] == ["people", "power", "money", "volume", "people"]
    assert all(text[q.start:q.end] == q.text for q in qs)
    assert all(a.end <= b.start for a, b in zip(qs, qs[1:], strict=False))


def test_unit_beats_people_at_same_offset() -> None:
    assert [(q.kind, q.text) for q in find_quantities("A 5 MW workers' canteen.")] == [("power", "5 MW")]


def test_percent_of_people_is_a_percent() -> None:
    assert [(q.kind, q.text) for q in find_quantities("Some 5 percent of workers left.")] == [
        ("percent", "5 percent")]


def test_empty_text() -> None:
    assert find_quantities("") == []


@pytest.mark.parametrize("text, expected", [
    ("US forces struck more than 85 targets with upwards of 125 precision-guided munitions.",
     [(85, "target"), (125, "munition")]),
    ("The navy sent eight warships and two bases were hit.", [(8, "warship"), (2, "base")]),
    ("Ships carried about 1,500 North Korean special forces troops.", [(1500, "person")]),
    ("Britain sent 4,000 sailors to the region.", [(4000, "person")]),
])
def test_counted_materiel_and_people_with_long_modifiers(text, expected) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


def test_a_singular_noun_after_a_plural_count_is_no_count() -> None:
    assert find_quantities("The two target countries objected.") == []


@pytest.mark.parametrize("text, value, unit, quoted", [
    ("The United States expelled 10 Russian diplomats.", 10, "person", "10 Russian diplomats"),
    ("Hamas will free 50 women and children.", 50, "person", "50 women"),
    ("The Treasury blacklisted six Russian technology companies.", 6, "company", "six Russian technology companies"),
    ("The jets struck 16 locations.", 16, "location", "16 locations"),
])
def test_counted_diplomats_women_companies_and_locations(text: str, value: float, unit: str, quoted: str) -> None:
    got = only(text)
    assert (got[0], got[1], got[3]) == (value, unit, quoted)


@pytest.mark.parametrize("text, value, quoted", [
    ("Troops shot dead at least 58 Palestinians along the fence.", 58, "58 Palestinians"),
    ("Three Americans were among the wounded.", 3, "Three Americans"),
    ("The court jailed two Britons and three Germans.", 2, "two Britons"),
])
def test_a_count_of_nationals_is_people(text: str, value: float, quoted: str) -> None:
    q = find_quantities(text)[0]
    assert (q.value, q.unit, q.kind, q.text) == (value, "person", "people", quoted)


@pytest.mark.parametrize("text", [
    "three Chinese companies were listed",  # counts companies, not Chinese people
    "the two Koreas met",                   # no demonym
    "In 2019 Americans voted",              # a year
    "He visited 3 Maldives islands.",       # a country's own name
    "Flights to 7 Emirates resumed.",
])
def test_what_is_no_count_of_nationals(text: str) -> None:
    assert all(q.unit != "person" for q in find_quantities(text))


@pytest.mark.parametrize("text, value, unit, quoted", [
    ("The judge sentenced him to 26 years in prison.", 26, "year", "26 years"),
    ("He gave the envoy 72 hours to leave.", 72, "hour", "72 hours"),
    ("They agreed to a 90-day pause in tariffs.", 90, "day", "90-day"),
    ("Parliament was frozen for thirty days.", 30, "day", "thirty days"),
    ("The mission was extended by one year.", 1, "year", "one year"),
    ("The talks lasted 12 hours and ended at 10.", 12, "hour", "12 hours"),  # not the hour they ended
])
def test_durations(text: str, value: float, unit: str, quoted: str) -> None:
    assert only(text) == (value, unit, "duration", quoted)


@pytest.mark.parametrize("text", [
    "The talks began two days ago.",            # a point in time
    "Two days after the vote, troops moved.",   # counted from another event
    "The suspect, 45 years old, was held.",     # an age
    "Troops killed a 12-year-old boy.",         # an age
    "Two years into the war, Russia struck.",   # a point in time
])
def test_points_in_time_and_ages_are_no_durations(text: str) -> None:
    assert [q for q in find_quantities(text) if q.kind == "duration"] == []


@pytest.mark.parametrize("text, value, quoted", [
    ("Riot police detained more than 60 of his supporters.", 60, "60 of his supporters"),
    ("Its forces had killed more than 300 rebels.", 300, "300 rebels"),
    ("Prague ordered 18 Russian embassy staff to leave.", 18, "18 Russian embassy staff"),
    ("Washington asked for ten cartel leaders to be handed over.", 10, "ten cartel leaders"),
    ("The regime expelled seven senior U.N. officials.", 7, "seven senior U.N. officials"),
    ("Police detained a dozen opposition politicians.", 12, "a dozen opposition politicians"),
    ("Strikes killed at least 25 of the group's fighters.", 25, "25 of the group's fighters"),
    ("The shelling killed one man.", 1, "one man"),
])
def test_people_named_by_role_with_possessives_and_dotted_acronyms(text: str, value: float, quoted: str) -> None:
    assert only(text) == (value, "person", "people", quoted)


@pytest.mark.parametrize("text, value, unit, quoted", [
    ("Militants fired about 30 more rockets overnight.", 30, "rocket", "30 more rockets"),
    ("The leaders also signed ten other agreements.", 10, "agreement", "ten other agreements"),
    ("The group carried out 210 cyberattacks.", 210, "cyberattack", "210 cyberattacks"),
    ("The ruling party won 48 seats.", 48, "seat", "48 seats"),
])
def test_counted_agreements_attacks_and_seats(text: str, value: float, unit: str, quoted: str) -> None:
    got = find_quantities(text)[-1]
    assert (got.value, got.unit, got.text) == (value, unit, quoted)


@pytest.mark.parametrize("text", [
    "At 10 a.m. officials said the border was shut.",  # a clock
    "The death toll rose to 14 overnight. Officials said rescue work went on.",  # a sentence end
    "The 1994 U.N. peacekeepers' failure still haunts Rwanda.",  # a year before a modifier
])
def test_no_count_across_a_clock_a_sentence_end_or_a_year(text: str) -> None:
    assert find_quantities(text) == []
