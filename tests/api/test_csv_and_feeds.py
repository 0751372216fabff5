"""The CSV exports hold the same rows as the API's lists, and the feeds the latest public
workshops and answers first."""

import csv
import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from ateliers.workshops.models import Workshop
from tests.factories import CouncilFactory, MandateFactory, UserFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DAY = datetime.timedelta(days=1)


def read_csv(client, address: str) -> list[dict]:
    answer = client.get(address)
    assert answer.status_code == 200
    assert answer.streaming
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(answer.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_a_csv_export_holds_every_row_of_the_list_beyond_one_batch(client, monkeypatch):
    monkeypatch.setattr("ateliers.api.exports.BATCH", 4)
    council = CouncilFactory(name="Conseil Émile-Zola")
    MandateFactory(council=council, user=UserFactory(display_name="Léa Durand"))
    CouncilFactory.create_batch(9)

    rows = read_csv(client, "/api/v1/councils.csv")

    assert len(rows) == 10
    assert list(rows[0]) == ["slug", "name", "kind", "url", "description", "neighbourhood",
                             "themes", "members"]  # fmt: skip
    zola = next(row for row in rows if row["name"] == "Conseil Émile-Zola")
    assert '"name": "Léa Durand"' in zola["members"]


def test_an_empty_list_still_has_its_header_row(client):
    assert read_csv(client, "/api/v1/evaluations.csv") == []
    answer = client.get("/api/v1/evaluations.csv")
    assert b"".join(answer.streaming_content).decode().startswith("id,workshop,url,outcome")


def test_an_unknown_list_is_not_found(client):
    assert client.get("/api/v1/people.csv").status_code == 404


def test_the_workshops_feed_gives_the_latest_published_first(client):
    now = timezone.now()
    WorkshopFactory(title="Ancien", published_at=now - 10 * DAY)
    WorkshopFactory(title="Récent", published_at=now - DAY)
    WorkshopFactory(title="Brouillon", status=Workshop.Status.DRAFT, published_at=None)

    # Our own feed, read back: not untrusted data.
    feed = ET.fromstring(client.get("/api/v1/feeds/workshops.atom").content)  # noqa: S314

    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Récent", "Ancien"]
