"""The city's view as a page: public for every role with no personal data, readable when
nothing has happened yet, and as many queries for 10 workshops as for 2,000."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import NeighbourhoodFactory
from tests.roles import ROLES, log_in

from .cityview_data import (
    NOW,
    W1_ANSWERS,
    city_csv,
    city_page,
    csv_row,
    ended,
    many_workshops,
    moment,
    questionnaire,
    small_city,
    text_of,
)

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", ROLES)
def test_the_page_is_public_and_names_nobody(client, role):
    with time_machine.travel(NOW, tick=False):
        city = small_city()
        viewer = log_in(client, role, workshops=city.workshops)
        page = city_page(client)
        rows = city_csv(client)

    assert "4 workshops have started." in text_of(page)
    assert csv_row(rows, "workshops", "started")["value"] == "4"
    for person in city.people:
        assert person.public_name not in page
        assert person.email not in page
    # The viewer's own address is never shown either (their name is, in the menu).
    if viewer.is_authenticated:
        assert viewer.email not in page


def test_an_empty_city_says_so_in_every_part(client):
    page = city_page(client)
    text = text_of(page)

    assert "No workshop has started yet: the figures appear with the first one." in text
    assert "No neighbourhood is described yet." in text
    assert "Nobody has taken part in a workshop yet." in text
    assert "No questionnaire has closed with answers yet." in text
    assert "No questionnaire has closed with 5 answers at least yet." in text
    assert "No evaluation is published yet." in text
    assert "The town hall has not answered a recommendation yet" in text
    assert 'href="/evaluations/export.csv"' in page
    rows = city_csv(client)
    assert csv_row(rows, "workshops", "started")["value"] == "0"
    assert csv_row(rows, "workshops_by_kind", "city")["value"] == ""


def test_neighbourhoods_without_workshops_are_listed_with_zero(client):
    NeighbourhoodFactory(name="Gare", slug="gare", is_priority=True)

    text = text_of(city_page(client))

    assert "Gare priority neighbourhood 0 0" in text
    assert "No workshop has started yet" in text


def test_below_five_answers_only_their_number_is_shown(client):
    with time_machine.travel(NOW, tick=False):
        workshop = ended(None, moment(2025, 3, 1), kind="city")
        questionnaire(workshop, W1_ANSWERS[:4], invited=4, closes_at=moment(2025, 4, 1))
        page = city_page(client)
    text = text_of(page)

    assert "4 people answered the questionnaires that have closed, out of 4 invited" in text
    assert "What they said is shown once a questionnaire has closed with 5 answers at least" in (
        text
    )
    assert "No questionnaire has closed with 5 answers at least yet." in text
    for chart in ("ages", "first-time", "over-time", "statements", "again"):
        assert f'id="chart-{chart}-caption"' not in page


@pytest.mark.parametrize("name", ["evaluations:city", "evaluations:city_csv"])
def test_as_many_queries_for_10_and_2000_workshops(client, name, django_assert_max_num_queries):
    neighbourhoods = [NeighbourhoodFactory(is_priority=index == 0) for index in range(3)]
    url = reverse(name)
    many_workshops(10, neighbourhoods=neighbourhoods)
    few = queries(client, url)

    many_workshops(1990, neighbourhoods=neighbourhoods)
    # Workshops; participations; neighbourhoods; answers; questionnaires; answers by period;
    # evaluations; the town hall's figures (three: the answers, the deadlines, the
    # milestones).
    with django_assert_max_num_queries(10):
        page = client.get(url)

    assert queries(client, url) == few
    if name == "evaluations:city":
        assert "2000 workshops have started." in text_of(page.content.decode())
    else:
        rows = city_csv(client)
        assert csv_row(rows, "workshops", "started")["value"] == "2000"
        assert csv_row(rows, "objectives", "met")["count"] == "2000"


def test_a_logged_in_person_costs_only_their_account(client, django_assert_max_num_queries):
    log_in(client, "resident")

    # The ten figures' queries and the person.
    with django_assert_max_num_queries(11):
        city_page(client)


def test_the_follow_up_links_to_the_city_s_view(client):
    page = client.get(reverse("townhall:followup")).content.decode()

    assert f'href="{reverse("evaluations:city")}"' in page


def test_the_home_page_links_to_the_city_s_view(client):
    page = client.get(reverse("home")).content.decode()

    assert f'href="{reverse("evaluations:city")}"' in page
