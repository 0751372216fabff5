"""Each client has API_RATE_LIMIT requests a minute for the whole API (JSON, CSV, feeds);
beyond it a 429 in JSON says how long to wait, and so does Retry-After."""

import pytest
import time_machine

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

START = 1_800_000_000  # the start of a minute (a multiple of 60)


@pytest.fixture(autouse=True)
def _three_a_minute(settings):
    settings.API_RATE_LIMIT = 3


def test_beyond_the_limit_the_api_answers_429_with_retry_after(client):
    with time_machine.travel(START + 15, tick=False):
        for _ in range(3):
            assert client.get("/api/v1/workshops/").status_code == 200
        refused = client.get("/api/v1/councils/")

    assert refused.status_code == 429
    assert refused["Retry-After"] == "45"
    assert refused.json() == {"detail": "Too many requests. Please wait 45 seconds."}


def test_csv_exports_and_feeds_count_in_the_same_budget(client):
    with time_machine.travel(START, tick=False):
        assert client.get("/api/v1/workshops.csv").status_code == 200
        assert client.get("/api/v1/feeds/workshops.atom").status_code == 200
        assert client.get("/api/v1/meetings/").status_code == 200
        refused = [
            client.get(address)
            for address in ("/api/v1/councils.csv", "/api/v1/feeds/answers.atom")
        ]

    assert [answer.status_code for answer in refused] == [429, 429]
    assert refused[0]["Retry-After"] == "60"


def test_the_budget_is_given_again_the_next_minute(client):
    with time_machine.travel(START + 50, tick=False):
        for _ in range(4):
            client.get("/api/v1/workshops/")
    with time_machine.travel(START + 61, tick=False):
        assert client.get("/api/v1/workshops/").status_code == 200


def test_each_client_has_its_own_budget(client):
    with time_machine.travel(START, tick=False):
        for _ in range(4):
            client.get("/api/v1/workshops/", REMOTE_ADDR="192.0.2.1")
        other_address = client.get("/api/v1/workshops/", REMOTE_ADDR="192.0.2.2")
        client.force_login(UserFactory())
        logged_in = client.get("/api/v1/workshops/", REMOTE_ADDR="192.0.2.1")

    assert other_address.status_code == 200
    assert logged_in.status_code == 200
