"""The city's view recomputed by hand from a small known city (cityview_data.py): exact counts,
shares and averages, in the selector and on the page as a visitor reads it."""

import pytest
import time_machine

from ateliers.evaluations import selectors_city
from ateliers.townhall.figures import Figure

from .cityview_data import (
    NOW,
    chart_rows,
    city_page,
    ended,
    moment,
    questionnaire,
    small_city,
    text_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    with time_machine.travel(NOW, tick=False):
        yield small_city()


@pytest.fixture
def view(city):
    with time_machine.travel(NOW, tick=False):
        return selectors_city.city_view(now=NOW, today=NOW.date())


@pytest.fixture
def page(city, client):
    with time_machine.travel(NOW, tick=False):
        return city_page(client)


def shares(parts) -> dict:
    return {part.key: (part.figure.numerator, part.figure.denominator) for part in parts}


def test_the_workshops_counted_are_the_public_ones_that_started(view):
    workshops = view.workshops

    # The draft and the upcoming workshop are left out.
    assert workshops.total == 4
    assert shares(workshops.by_kind) == {"neighbourhood": (3, 4), "city": (1, 4)}
    assert shares(workshops.by_state) == {"running": (1, 4), "finished": (3, 4)}
    assert workshops.in_priority == Figure(2, 4)


def test_each_neighbourhood_with_its_workshops_and_participations(view):
    rows = {
        row.name: (row.is_priority, row.workshops.numerator, row.participations.numerator)
        for row in view.neighbourhoods
    }

    assert rows == {
        "Centre": (False, 1, 4),
        "Gare": (False, 0, 0),
        "Les Coteaux": (True, 2, 12),
    }
    assert view.whole_city.workshops == Figure(1, 4)
    assert view.whole_city.participations == Figure(4, 20)


def test_who_took_part_by_capacity(view):
    participations = view.participations

    assert participations.total == 20
    # One person took part in two workshops.
    assert participations.people == 19
    by_capacity = shares(participations.by_capacity)
    assert by_capacity["resident"] == (10, 20)
    assert by_capacity["association"] == (7, 20)
    assert by_capacity["council_member"] == (3, 20)
    assert by_capacity["elected"] == (0, 20)


def test_the_answers_of_the_closed_questionnaires_only(view):
    answers = view.answers

    # 5 + 5 + 2 answers; the open questionnaire's answer waits, the empty slots are nobody's.
    assert (answers.answered, answers.invited, answers.questionnaires) == (12, 16, 3)
    assert answers.rate.percent == 75


def test_what_answers_say_comes_from_questionnaires_of_five_answers_at_least(view):
    answers = view.answers

    # W4's two answers are counted above, not here (nobody there is 75 or over).
    assert (answers.detailed_questionnaires, answers.detailed) == (2, 10)
    assert shares(answers.by_age) == {
        "under_18": (0, 10),
        "18_29": (3, 10),
        "30_44": (3, 10),
        "45_59": (1, 10),
        "60_74": (2, 10),
        "75_plus": (0, 10),
        "not_said": (1, 10),
    }
    assert shares(answers.first_time) == {"yes": (5, 10), "no": (3, 10), "not_said": (2, 10)}
    assert shares(answers.again) == {
        "yes": (4, 10),
        "maybe": (2, 10),
        "no": (2, 10),
        "not_said": (2, 10),
    }
    # Seven named their neighbourhood, five of them Les Coteaux.
    assert answers.from_priority == Figure(5, 7)
    understood, *_middle, influence = answers.ratings
    assert (understood.total, understood.count) == (33, 10)
    assert (influence.total, influence.count) == (27, 8)


def test_the_satisfaction_by_half_year_of_the_workshops_end(view):
    first_half, second_half = view.periods

    assert not view.by_year
    # W1 (March): 99 points over 24 ratings (W4, in May, has too few answers to count).
    assert (first_half.key, first_half.answers, first_half.total, first_half.count) == (
        "2025-H1",
        5,
        99,
        24,
    )
    assert first_half.average == pytest.approx(4.125)
    # W2 (October): 60 points over 24 ratings.
    assert (second_half.key, second_half.answers, second_half.average) == ("2025-H2", 5, 2.5)


def test_the_objectives_of_the_published_evaluations(view):
    objectives = view.objectives

    # W4's evaluation is not published.
    assert objectives.evaluated == Figure(2, 3)
    assert shares(objectives.by_outcome) == {
        "met": (1, 2),
        "partly_met": (1, 2),
        "not_met": (0, 2),
    }


def test_the_town_hall_s_record_is_the_follow_up_s(view):
    assert view.townhall.accepted == Figure(1, 2)
    assert view.townhall.implemented == Figure(0, 1)
    assert view.townhall.answered_on_time == Figure(0, 0)


def test_the_page_shows_the_figures(page):
    text = text_of(page)

    assert "4 workshops have started." in text
    assert chart_rows(page, "kinds") == {"Neighbourhood workshop": "3", "City workshop": "1"}
    assert chart_rows(page, "states") == {"Running": "1", "Finished": "3"}
    assert "2 of the 4 workshops (50 %) took place in a priority neighbourhood." in text
    assert chart_rows(page, "neighbourhoods") == {
        "Centre": "1",
        "Les Coteaux (priority neighbourhood)": "2",
        "The whole city": "1",
    }
    assert "20 participations, by 19 different people." in text
    capacities = chart_rows(page, "capacities")
    assert capacities["Resident (10)"] == "50 %"
    assert capacities["Association (7)"] == "35 %"
    assert capacities["Council member (3)"] == "15 %"


def test_the_page_marks_the_priority_neighbourhoods_in_words(page):
    table = page[page.index("Workshops and participations in each neighbourhood") :]
    table = text_of(table[: table.index("</table>")])

    assert "Les Coteaux priority neighbourhood 2 12" in table
    assert "Centre 1 4" in table
    assert "Gare 0 0" in table
    assert "The whole city 1 4" in table


def test_the_page_shows_the_answers_all_together(page):
    text = text_of(page)

    assert "12 people answered the questionnaires that have closed, out of 16 invited (75 %)." in (
        text
    )
    assert (
        "What they said is counted from the 2 questionnaires with 5 answers at least: 10 answers."
    ) in text
    ages = chart_rows(page, "ages")
    assert ages["18 to 29 (3)"] == "30 %"
    assert ages["60 to 74 (2)"] == "20 %"
    assert ages["75 and over (0)"] == "0 %"
    assert chart_rows(page, "first-time")["Their first participation (5)"] == "50 %"
    assert "5 of the 7 people who named their neighbourhood (71 %) live in a priority" in text


def test_the_page_shows_the_objectives_and_the_ratings(page):
    text = text_of(page)

    assert "2 of the 3 finished workshops have published their evaluation." in text
    assert chart_rows(page, "objectives") == {
        "Objective met (1)": "50 %",
        "Objective partly met (1)": "50 %",
        "Objective not met (0)": "0 %",
    }
    # 99 / 24 = 4.125 and 60 / 24, rounded half up.
    assert chart_rows(page, "over-time") == {
        "January to June 2025": "4.1 / 5",
        "July to December 2025": "2.5 / 5",
    }
    statements = chart_rows(page, "statements")
    assert statements["I understood the issues"] == "3.3 / 5"  # 33 / 10
    assert statements["The workshop influenced the result"] == "3.4 / 5"  # 27 / 8 = 3.375
    assert chart_rows(page, "again")["Yes (4)"] == "40 %"


def test_the_page_shows_the_town_hall_s_record_and_links_to_the_follow_up(page):
    text = text_of(page)

    assert chart_rows(page, "town-hall") == {
        "Accepted": "50 %",
        "Partially accepted": "0 %",
        "Implemented": "0 %",
    }
    assert "1 of the 2 answered recommendations were accepted." in text
    assert 'href="/suivi/"' in page


def test_the_whole_satisfaction_goes_by_year_when_half_years_are_too_many(city):
    """Twelve half-years of answers (and 2025's two) read better as seven years."""
    with time_machine.travel(NOW, tick=False):
        for year in range(2019, 2025):
            for month in (3, 9):
                workshop = ended(city.centre, moment(year, month, 10))
                questionnaire(
                    workshop,
                    [([4, 4, 4, 4, 4], "", None, "", None)] * 5,
                    invited=5,
                    closes_at=moment(year, month + 2, 10),
                )
        view = selectors_city.city_view(now=NOW, today=NOW.date())

    assert view.by_year
    assert [period.key for period in view.periods] == [str(year) for year in range(2019, 2026)]
    # Two half-years of five answers each.
    assert (view.periods[0].answers, view.periods[0].average) == (10, 4)
    assert view.periods[-1].answers == 10
