"""Time expressions: detection in running text and normalisation against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.extract.time import find_times, normalise

ANCHOR = date(2024, 3, 2)  # a Saturday


@pytest.mark.parametrize(("expr", "tense", "value", "precision"), [
    ("last October", None, "2023-10", "month"),
    ("since last October", None, "2023-10", "month"),
    ("in October", "past", "2023-10", "month"),
    ("in October", "future", "2024-10", "month"),
    ("in November", "past", "2023-11", "month"),
    ("in March", "past", "2024-03", "month"),
    ("in March", "future", "2024-03", "month"),
    ("in May", None, "2023-05", "month"),  # no day invented
    ("since October", "future", "2023-10", "month"),  # "since" looks back whatever the verb
    ("this October", None, "2024-10", "month"),
    ("next October", None, "2024-10", "month"),
    ("on Tuesday", "past", "2024-02-27", "day"),
    ("on Tuesday", "future", "2024-03-05", "day"),
    ("on Tuesday", "present", "2024-03-05", "day"),  # nearer than last Tuesday
    ("on Wednesday", "past", "2024-02-28", "day"),
    ("Monday", "past", "2024-02-26", "day"),
    ("on Saturday", "past", "2024-03-02", "day"),  # the publication day itself
    ("last Tuesday", None, "2024-02-27", "day"),
    ("next Saturday", None, "2024-03-09", "day"),
    ("today", None, "2024-03-02", "day"),
    ("yesterday", None, "2024-03-01", "day"),
    ("tomorrow", None, "2024-03-03", "day"),
    ("last night", None, "2024-03-01", "day"),
    ("this year", None, "2024", "year"),
    ("last year", None, "2023", "year"),
    ("late last year", None, "2023", "year"),
    ("next month", None, "2024-04", "month"),
    ("earlier this month", None, "2024-03", "month"),
    ("later this year", None, "2024", "year"),
    ("last week", None, "2024-02-19/2024-02-25", "range"),
    ("this week", None, "2024-02-26/2024-03-03", "range"),
    ("next week", None, "2024-03-04/2024-03-10", "range"),
    ("last weekend", None, "2024-02-24/2024-02-25", "range"),
    ("three years ago", None, "2021", "year"),
    ("two months ago", None, "2024-01", "month"),
    ("3 days ago", None, "2024-02-28", "day"),
    ("two weeks ago", None, "2024-02-12/2024-02-18", "range"),
    ("a decade ago", None, "2014", "year"),
    ("in 2022", None, "2022", "year"),
    ("in mid-2023", None, "2023", "year"),
    ("in the 1990s", None, "1990/1999", "decade"),
    ("the late 1980s", None, "1980/1989", "decade"),
    ("between March and June 2023", None, "2023-03/2023-06", "range"),
    ("from March until June 2023", None, "2023-03/2023-06", "range"),
    ("between March and June", "past", "2023-03/2023-06", "range"),
    ("from November to February", "past", "2023-11/2024-02", "range"),
    ("from November to February", "future", "2024-11/2025-02", "range"),
    ("from 2019 to 2021", None, "2019/2021", "range"),
    ("2019-2021", None, "2019/2021", "range"),
    ("March 2024", None, "2024-03", "month"),
    ("in June 2023", None, "2023-06", "month"),
    ("February 2021", None, "2021-02", "month"),
    ("on 3 March 2024", None, "2024-03-03", "day"),
    ("March 3, 2024", None, "2024-03-03", "day"),
    ("the 3rd of March 2024", None, "2024-03-03", "day"),
    ("March the 3rd, 2024", None, "2024-03-03", "day"),  # dateparser fallback
    ("2024 March 3", None, "2024-03-03", "day"),  # dateparser fallback
    ("on Dec. 5, 2023", None, "2023-12-05", "day"),
    ("2024-02-29", None, "2024-02-29", "day"),
    ("March 5", "past", "2023-03-05", "day"),
    ("Tuesday, March 5", "past", "2024-03-05", "day"),  # the weekday fixes the year
])
def test_normalise(expr: str, tense: str | None, value: str, precision: str) -> None:
    tv = normalise(expr, ANCHOR, tense)
    assert (tv.text, tv.value, tv.precision) == (expr, value, precision)


@pytest.mark.parametrize(("expr", "value", "precision"), [
    ("in June 2023", "2023-06", "month"),
    ("February 2021", "2021-02", "month"),
    ("1948", None, None),  # a bare number, not a year in context
    ("in 1948", "1948", "year"),
    ("on 3 March 2024", "2024-03-03", "day"),
    ("March 3, 2024", "2024-03-03", "day"),
    ("in the 1990s", "1990/1999", "decade"),
    ("between March and June 2023", "2023-03/2023-06", "range"),
    # relative: the text is kept, no date is invented
    ("on Tuesday", None, None),
    ("Monday", None, None),
    ("last October", None, None),
    ("in May", None, None),
    ("March 5", None, None),
    ("today", None, None),
    ("last week", None, None),
    ("three years ago", None, None),
    ("earlier this month", None, None),
    ("between March and June", None, None),
])
def test_normalise_without_anchor(expr: str, value: str | None, precision: str | None) -> None:
    tv = normalise(expr, None, "past")
    assert (tv.text, tv.value, tv.precision) == (expr, value, precision)


@pytest.mark.parametrize("text", [
    "55 million",
    "330 MW",
    "the 26th",
    "7th Eastern Economic Forum",
    "3/3/2024",
    "12/05/2023",
    "2000 people",
    "It paid $2024 in fees.",
    "Theresa May said the March on Washington drew crowds.",
    "Prices may march higher.",
    "The Mar-a-Lago meeting",
    "rose 2020% and 1,999 were hurt",
])
def test_not_a_date(text: str) -> None:
    assert find_times(text, ANCHOR) == []


def test_find_times_offsets_sorted_and_longest() -> None:
    text = ("The company said on Tuesday it will open the plant in October, and it met investors "
            "between March and June 2023 and on 3 March 2024.")
    found = find_times(text, ANCHOR)
    assert [(t.text, t.value, t.precision) for t in found] == [
        ("on Tuesday", "2024-02-27", "day"),
        ("in October", "2024-10", "month"),
        ("between March and June 2023", "2023-03/2023-06", "range"),
        ("on 3 March 2024", "2024-03-03", "day"),
    ]
    assert all(text[t.start:t.end] == t.text for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(("text", "value"), [
    ("The plant, which opened in October, employs 300 people.", "2023-10"),
    ("The plant will open in October.", "2024-10"),
    ("A vote is expected in October.", "2024-10"),
    ("The minister said it plans to build a port, which was approved in October.", "2023-10"),
    ("In October, the minister said it will build a port.", "2023-10"),
    ("Officials announced the deal in October.", "2023-10"),
    ("The deal goes ahead in October.", "2023-10"),  # no cue: news reports the past
])
def test_tense_guessed_from_text(text: str, value: str) -> None:
    [tv] = find_times(text, ANCHOR)
    assert tv.value == value


def test_tense_at_overrides_guess() -> None:
    text = "The talks resume on Tuesday."
    [past] = find_times(text, ANCHOR, lambda i: "past")
    [future] = find_times(text, ANCHOR, lambda i: "future")
    [guessed] = find_times(text, ANCHOR, lambda i: None)
    assert (past.value, future.value, guessed.value) == ("2024-02-27", "2024-03-05", "2024-02-27")


def test_tense_at_gets_expression_offset() -> None:
    seen: list[int] = []
    text = "It happened in May."
    find_times(text, ANCHOR, lambda i: seen.append(i) or "past")
    assert seen == [text.index("in May")]


def test_month_year_carried_through_list() -> None:
    found = find_times("in March and April 2024 the group marched", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("in March", "2024-03"), ("April 2024", "2024-04")]


def test_find_times_without_anchor_keeps_text() -> None:
    found = find_times("He met her on Tuesday and in June 2023.", None)
    assert [(t.text, t.value, t.precision) for t in found] == [
        ("on Tuesday", None, None), ("in June 2023", "2023-06", "month")]


def test_unparseable_expression_keeps_text() -> None:
    assert normalise("some time soon", ANCHOR) == normalise("some time soon", None)
    assert normalise("some time soon", ANCHOR).value is None


# -- events whose sentence states no time ----------------------------------------------------------

def test_an_untimed_event_takes_the_day_told_just_before_else_the_storys_day(extract_text) -> None:
    text = ("Russia and China signed a trade deal in Moscow on Monday. India criticised the deal. "
            + "The weather was mild. " * 30 + "Brazil accused China of dumping steel. Iran might attack Israel "
            "if provoked.")
    ex = extract_text(text, ANCHOR)
    by_source = {e.source.name: e.time for e in ex.events if e.source is not None}
    signed = by_source["Russia"]
    assert signed is not None and (signed.text, signed.value) == ("on Monday", "2024-02-26")
    # the next sentence goes on about the same day; the given time states no words of its own
    india = by_source["India"]
    assert india is not None and (india.text, india.value) == ("", "2024-02-26")
    # far from any dated event: the story's day, the first one it tells in the week to publication
    assert by_source["Brazil"] is not None and (by_source["Brazil"].text, by_source["Brazil"].value) \
        == ("", "2024-02-26")
    # a hypothetical event happened on no day
    assert all(e.time is None for e in ex.events if e.modality == "hypothetical")


def test_a_time_in_a_clause_describing_someone_else_is_not_the_events(extract_text) -> None:
    ex = extract_text("Senegal's president, who leaves office in April, congratulated his successor, "
                      "Bassirou Diomaye Faye, on Monday.", ANCHOR)
    times = [e.time.value for e in ex.events if e.type == "SUPPORT" and e.time is not None]
    assert times == ["2024-02-26"]
    ex = extract_text("Families of those killed in 2019 condemned Chile's decision.", ANCHOR)
    assert all(e.time is None or not e.time.value.startswith("2019") for e in ex.events)


def test_the_storys_day_is_the_publication_date_when_no_day_of_the_last_week_is_told(extract_text) -> None:
    filler = "The weather was mild. " * 30
    ex = extract_text("Russia and China signed a trade deal in Moscow on January 5. " + filler
                      + "Brazil accused China of dumping steel.", ANCHOR)
    brazil = [e.time for e in ex.events if e.source is not None and e.source.name == "Brazil"]
    assert [(t.text, t.value) for t in brazil if t is not None] == [("", ANCHOR.isoformat())]
    ex = extract_text("Analysts expect more tension. " + filler + "Brazil accused China of dumping steel.", ANCHOR)
    assert [e.time.value for e in ex.events if e.time is not None] == [ANCHOR.isoformat()]


def test_without_a_publication_date_an_untimed_event_stays_untimed(extract_text) -> None:
    ex = extract_text("Brazil accused China of dumping steel.", None)
    assert [e.time for e in ex.events] == [None]


# -- expressions that count from the story's day -----------------------------------------------------

@pytest.mark.parametrize(("text", "days"), [
    ("Later that day, the embassy closed.", 0),
    ("The ministry protested the same day.", 0),
    ("Police detained two men that evening.", 0),
    ("Hours later, the envoy was summoned.", 0),
    ("A day earlier, the two leaders met.", -1),
    ("Three days later, the talks resumed.", 3),
    ("The ceasefire collapsed the next day.", 1),
])
def test_anaphoric_expressions_count_days_from_the_story(text: str, days: int) -> None:
    (t,) = find_times(text, ANCHOR)
    assert t.value is None and t.relative_days == days  # fixed only once the story's day is known


@pytest.mark.parametrize("text", [
    "Troops moved in within hours of the vote.",  # counts from the vote, not from the story
    "That night's shelling destroyed the depot.",
    "48 hours later, the envoy was expelled.",    # two days on, not the same day
    "The army said that night raids had killed five militants.",  # "that" begins the clause said
    "During the night of March 3 troops moved.",  # a day of its own
    "They voted on the same day as the election.",
])
def test_expressions_anchored_elsewhere_are_not_the_storys_day(text: str) -> None:
    assert [t for t in find_times(text, ANCHOR) if t.relative_days is not None] == []


def test_later_that_day_is_the_day_the_story_last_stated_never_a_background_year(extract_text) -> None:
    text = ("Russia and China signed a trade deal in Moscow on Monday. India had criticised a similar deal "
            "in 2021. Later that day, Japan accused China of dumping steel. A day earlier, Brazil had "
            "accused China of dumping steel.")
    ex = extract_text(text, ANCHOR)
    by_source = {e.source.name: e.time for e in ex.events if e.source is not None}
    japan, brazil = by_source["Japan"], by_source["Brazil"]
    assert japan is not None and (japan.text, japan.value) == ("Later that day", "2024-02-26")
    assert brazil is not None and (brazil.text, brazil.value) == ("A day earlier", "2024-02-25")


def test_without_a_day_told_before_an_anaphoric_expression_counts_from_publication(extract_text) -> None:
    ex = extract_text("A day earlier, Brazil accused China of dumping steel.", ANCHOR)
    (event,) = ex.events
    assert event.time is not None and event.time.value == "2024-03-01"  # the day before publication


def test_without_a_day_told_or_a_publication_date_an_anaphoric_time_stays_unfixed(extract_text) -> None:
    ex = extract_text("India criticised Pakistan in 2021. Later that day, Japan accused China of dumping steel.")
    japan = next(e for e in ex.events if e.source is not None and e.source.name == "Japan")
    assert japan.time is None or japan.time.value is None  # never "2021"


def test_a_clause_describing_the_act_itself_gives_its_time(extract_text) -> None:
    ex = extract_text("Macron spoke with Scholz in a call that lasted an hour on Thursday.", ANCHOR)
    assert [e.time.value for e in ex.events if e.type == "CONSULT" and e.time] == ["2024-02-29"]
