"""The city's figures as CSV: the page's figures row by row (section, label, value, count,
total), the questionnaires' details only from five answers on, and no personal data."""

import pytest
import time_machine

from ateliers.evaluations.views.city import COLUMNS

from .cityview_data import (
    NOW,
    W1_ANSWERS,
    city_csv,
    csv_row,
    ended,
    moment,
    questionnaire,
    small_city,
)

pytestmark = pytest.mark.django_db


def values(row: dict) -> tuple[str, str, str]:
    return row["value"], row["count"], row["total"]


@pytest.fixture
def city():
    with time_machine.travel(NOW, tick=False):
        yield small_city()


@pytest.fixture
def rows(city, client):
    with time_machine.travel(NOW, tick=False):
        return city_csv(client)


def test_the_csv_has_the_page_s_figures(rows):
    assert list(rows[0]) == COLUMNS
    assert values(csv_row(rows, "workshops", "started")) == ("4", "4", "")
    assert values(csv_row(rows, "workshops_by_kind", "city")) == ("25", "1", "4")
    assert values(csv_row(rows, "workshops_by_state", "finished")) == ("75", "3", "4")
    assert values(
        csv_row(rows, "workshops_in_priority_neighbourhoods", "priority_neighbourhood")
    ) == ("50", "2", "4")
    assert values(csv_row(rows, "participations_by_capacity", "association")) == ("35", "7", "20")
    assert values(csv_row(rows, "people", "all")) == ("19", "19", "")
    assert values(csv_row(rows, "objectives", "partly_met")) == ("50", "1", "2")
    assert values(csv_row(rows, "town_hall", "accepted")) == ("50", "1", "2")
    # Nothing to count: no share.
    assert values(csv_row(rows, "town_hall", "answered_on_time")) == ("", "0", "0")


def test_a_priority_neighbourhood_is_named_so_by_its_section(rows):
    assert values(csv_row(rows, "workshops_by_priority_neighbourhood", "Les Coteaux")) == (
        "50",
        "2",
        "4",
    )
    assert values(csv_row(rows, "participations_by_neighbourhood", "Centre")) == ("20", "4", "20")
    assert values(csv_row(rows, "workshops_by_neighbourhood", "Gare")) == ("0", "0", "4")
    assert values(csv_row(rows, "workshops_of_the_whole_city", "whole_city")) == ("25", "1", "4")


def test_the_csv_has_the_answers_shares_and_averages(rows):
    assert values(csv_row(rows, "questionnaire_answers", "answered")) == ("12", "12", "16")
    # What the answers say: from the questionnaires with five answers at least.
    assert values(csv_row(rows, "questionnaires", "detailed")) == ("2", "2", "3")
    assert values(csv_row(rows, "questionnaire_answers", "detailed")) == ("10", "10", "12")
    assert values(csv_row(rows, "answers_by_age_band", "30_44")) == ("30", "3", "10")
    assert values(csv_row(rows, "answers_by_age_band", "75_plus")) == ("0", "0", "10")
    assert values(csv_row(rows, "answers_by_first_participation", "no")) == ("30", "3", "10")
    assert values(csv_row(rows, "would_take_part_again", "not_said")) == ("20", "2", "10")
    assert values(
        csv_row(rows, "answers_from_priority_neighbourhoods", "priority_neighbourhood")
    ) == ("71", "5", "7")
    assert values(csv_row(rows, "average_rating", "understood")) == ("3.30", "10", "")
    # 27 / 8 = 3.375, rounded half up as on the page.
    assert values(csv_row(rows, "average_rating", "influence")) == ("3.38", "8", "")
    assert values(csv_row(rows, "average_rating_by_half_year", "2025-H1")) == ("4.13", "5", "")
    assert values(csv_row(rows, "average_rating_by_half_year", "2025-H2")) == ("2.50", "5", "")


def test_below_five_answers_the_csv_gives_only_their_number(client):
    with time_machine.travel(NOW, tick=False):
        workshop = ended(None, moment(2025, 3, 1), kind="city")
        questionnaire(workshop, W1_ANSWERS[:4], invited=4, closes_at=moment(2025, 4, 1))
        rows = city_csv(client)

    assert values(csv_row(rows, "questionnaire_answers", "answered")) == ("4", "4", "4")
    assert values(csv_row(rows, "questionnaire_answers", "detailed")) == ("0", "0", "4")
    sections = {row["section"] for row in rows}
    assert not sections & {
        "answers_by_age_band",
        "answers_by_first_participation",
        "would_take_part_again",
        "average_rating",
        "average_rating_by_half_year",
    }


def test_the_csv_holds_no_personal_data(city, client):
    with time_machine.travel(NOW, tick=False):
        response = client.get("/evaluations/export.csv")
    text = response.content.decode()

    assert "@" not in text
    for person in city.people:
        assert person.public_name not in text
    assert response["Content-Disposition"].startswith("attachment;")
