"""Whole-table downloads (the API's CSV files, the follow-up's and the evaluations' exports)
are built at most once a minute for everyone: asked again within the minute, the same file
without a query; after it, a file with what changed."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import WorkshopFactory
from tests.townhall.followup_factories import adopted

pytestmark = pytest.mark.django_db
START = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.ATELIERS_PAGE_CACHE = True


def downloaded(client, address: str) -> tuple[int, bytes, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
        assert response.status_code == 200, address
        content = b"".join(response.streaming_content) if response.streaming else response.content
    return len(captured), content, response


@pytest.mark.parametrize(
    "address",
    ["/api/v1/workshops.csv", "/suivi/export.csv", "/suivi/export.json", "/evaluations/export.csv"],
)
def test_a_download_asked_again_within_the_minute_is_the_same_file_without_a_query(client, address):
    WorkshopFactory()
    with time_machine.travel(START, tick=False):
        first_queries, first, first_response = downloaded(client, address)
        again_queries, again, again_response = downloaded(client, address)

    assert first_queries > 0
    assert again_queries == 0
    assert again == first
    assert again_response["Content-Type"] == first_response["Content-Type"]
    assert again_response["Content-Disposition"] == first_response["Content-Disposition"]


def test_a_change_is_in_the_file_after_a_minute_at_most(client):
    WorkshopFactory(title="Le square")
    with time_machine.travel(START, tick=False):
        downloaded(client, "/api/v1/workshops.csv")
        WorkshopFactory(title="Les berges du canal")
        _, within_the_minute, _ = downloaded(client, "/api/v1/workshops.csv")
    with time_machine.travel(START + datetime.timedelta(seconds=61), tick=False):
        _, after_it, _ = downloaded(client, "/api/v1/workshops.csv")

    assert "Les berges du canal" not in within_the_minute.decode()
    assert "Les berges du canal" in after_it.decode()
    assert "Le square" in after_it.decode()


def test_each_filter_has_its_own_file(client):
    here = adopted(title="Des arbres rue Haute")
    adopted(title="Un banc place Basse")
    address = f"/suivi/export.csv?neighbourhood={here.workshop.neighbourhood.slug}"
    with time_machine.travel(START, tick=False):
        _, whole, _ = downloaded(client, "/suivi/export.csv")
        _, filtered, _ = downloaded(client, address)

    assert "Un banc place Basse" in whole.decode()
    assert "Des arbres rue Haute" in filtered.decode()
    assert "Un banc place Basse" not in filtered.decode()
