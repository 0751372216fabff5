"""Cursor pagination: following `next` gives every row once, in order, whatever changes
before the cursor; a cursor the API did not make is a clear 400."""

import base64

import pytest

from ateliers.api.cursor import encode
from tests.factories import CouncilFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def follow(client, address: str) -> tuple[list[dict], int]:
    rows, pages = [], 0
    while address:
        answer = client.get(address)
        assert answer.status_code == 200
        rows += answer.json()["items"]
        address = answer.json()["next"]
        pages += 1
    return rows, pages


def test_following_next_gives_every_row_once_in_order(client):
    councils = [CouncilFactory(name=f"Conseil {n:02}") for n in range(23)]

    rows, pages = follow(client, "/api/v1/councils/?limit=5")

    assert [row["name"] for row in rows] == sorted(c.name for c in councils)
    assert pages == 5


def test_a_page_holds_fifty_rows_unless_asked_for_more(client):
    CouncilFactory.create_batch(51)

    first = client.get("/api/v1/councils/").json()
    larger = client.get("/api/v1/councils/?limit=100").json()

    assert len(first["items"]) == 50
    assert first["next"].startswith("http://testserver/api/v1/councils/?cursor=")
    assert len(larger["items"]) == 51
    assert larger["next"] is None


def test_the_next_page_keeps_its_place_when_earlier_rows_are_added(client):
    for n in range(4):
        WorkshopFactory(title=f"Atelier {n}")
    first = client.get("/api/v1/workshops/?limit=2").json()
    # A workshop starting before all the others, published after the first page was read.
    WorkshopFactory(title="Atelier tardif", upcoming=False, finished=True)

    rest, _ = follow(client, first["next"])

    assert [w["title"] for w in first["items"] + rest] == [f"Atelier {n}" for n in range(4)]


@pytest.mark.parametrize(
    "cursor",
    [
        "nonsense",
        encode("not a date", 1),
        base64.urlsafe_b64encode(b'["2026-01-01", "1"]').decode(),
        base64.urlsafe_b64encode(b'["2026-01-01", true]').decode(),
        encode("2026-01-01 10:00:00+00:00", 10**30),
    ],
)
def test_a_cursor_the_api_did_not_make_is_a_400_that_says_so(client, cursor):
    answer = client.get(f"/api/v1/workshops/?cursor={cursor}")

    assert answer.status_code == 400
    assert answer.json() == {"detail": "This cursor is not valid: follow the “next” address."}


def test_more_than_a_hundred_rows_a_page_is_refused(client):
    answer = client.get("/api/v1/workshops/?limit=101")

    assert answer.status_code == 422
    assert "limit" in str(answer.json())
