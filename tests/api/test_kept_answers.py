"""The API's answers are kept whole in the cache, as the public pages are: asked again, an
answer costs no query; a change made through the services shows at once; a kept answer still
counts in the client's budget."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ateliers.workshops.models import Capacity, Workshop
from ateliers.workshops.services.lifecycle import workshop_publish
from ateliers.workshops.services.participation import workshop_join
from tests.factories import UserFactory, WorkshopFactory

START = 1_800_000_000  # the start of a minute


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.ATELIERS_PAGE_CACHE = True


def asked(client, address: str):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200, address
    return len(captured), response


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/workshops/",
        "/api/v1/workshops/?limit=1",
        "/api/v1/councils/",
        "/api/v1/recommendations/",
        "/api/v1/feeds/workshops.atom",
        "/api/v1/feeds/answers.atom",
    ],
)
def test_an_answer_asked_again_costs_no_query_and_is_the_same(client, address):
    WorkshopFactory.create_batch(2)
    first_queries, first = asked(client, address)
    again_queries, again = asked(client, address)

    assert first_queries > 0
    assert again_queries == 0
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]


@pytest.mark.django_db
def test_each_address_has_its_own_answer(client):
    WorkshopFactory.create_batch(2)
    _, one = asked(client, "/api/v1/workshops/?limit=1")
    _, both = asked(client, "/api/v1/workshops/")

    assert len(one.json()["items"]) == 1
    assert len(both.json()["items"]) == 2


@pytest.mark.django_db(transaction=True)
def test_a_workshop_published_or_joined_shows_at_once(client, city_staff):
    draft = WorkshopFactory(status=Workshop.Status.DRAFT, capacity=10)
    resident = UserFactory()
    _, before = asked(client, "/api/v1/workshops/")
    assert before.json()["items"] == []

    workshop_publish(workshop=draft, by=city_staff)
    _, published = asked(client, "/api/v1/workshops/")
    [row] = published.json()["items"]
    assert row["slug"] == draft.slug
    assert row["participant_count"] == 0
    assert asked(client, "/api/v1/workshops/")[0] == 0  # kept

    workshop_join(workshop=draft, user=resident, capacity=Capacity.RESIDENT)
    _, joined = asked(client, "/api/v1/workshops/")
    assert joined.json()["items"][0]["participant_count"] == 1


@pytest.mark.django_db
def test_a_kept_answer_still_counts_in_the_budget(client, settings):
    settings.API_RATE_LIMIT = 2
    with time_machine.travel(START, tick=False):
        answers = [client.get("/api/v1/workshops/").status_code for _ in range(3)]

    assert answers == [200, 200, 429]
