"""The follow-up as open data: CSV and JSON, one row per adopted recommendation with its road,
the same filters as the page, streamed, and no personal data."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers.core.models import Role
from ateliers.townhall import answers
from ateliers.townhall.models import Answer
from tests.factories import ParticipationFactory, ThemeFactory, UserFactory

from .followup_factories import adopted, answering_workshop, heard, milestone

pytestmark = pytest.mark.django_db


@pytest.fixture
def followed():
    workshop = answering_workshop()
    workshop.themes.add(ThemeFactory(name="Eau"))
    heard(workshop, timezone.now())
    participant = ParticipationFactory(workshop=workshop).user
    staff = UserFactory(role=Role.CITY_STAFF, email="agent@ville.example")
    first = adopted(workshop, title="Des fontaines")
    first.authors.create(user=participant)
    adopted(workshop, title="Des bancs")
    given = answers.answer_save(
        actor=staff,
        recommendation=first,
        status=Answer.Status.PARTIALLY_ACCEPTED,
        justification="Deux fontaines sur trois.",
        service="Direction de l'eau",
        elected_official="Adjointe à l'eau",
    )
    milestone(given, title="Étude", progress=50)
    return {"participant": participant, "staff": staff, "first": first}


def content(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_the_csv_has_one_row_per_recommendation_and_no_personal_data(client, followed):
    response = client.get(reverse("townhall:followup_csv"))
    text = content(response)

    rows = list(csv.DictReader(io.StringIO(text)))
    assert response["Content-Type"].startswith("text/csv")
    assert {row["title"] for row in rows} == {"Des fontaines", "Des bancs"}
    row = next(row for row in rows if row["title"] == "Des fontaines")
    assert row["answer"] == "partially_accepted"
    assert row["service"] == "Direction de l'eau"
    assert row["themes"] == "Eau"
    assert row["progress"] == "50"
    assert "Étude" in row["milestones"]
    assert row["hearing_body"] == "Commission cadre de vie"
    assert "@" not in text
    assert followed["participant"].public_name not in text
    assert followed["staff"].public_name not in text


def test_the_json_holds_lists_and_follows_the_filters(client, followed):
    response = client.get(reverse("townhall:followup_json"), {"answer": "partially_accepted"})
    text = content(response)

    (record,) = json.loads(text)
    assert record["id"] == followed["first"].pk
    assert record["themes"] == ["Eau"]
    assert record["milestones"][0]["title"] == "Étude"
    assert record["overdue"] is False
    assert "@" not in text
    assert followed["participant"].public_name not in text
