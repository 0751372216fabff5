"""Deadlines on both sides: the city answers by the hearing's day plus the workshop's months;
the deadline's own day is on time, the day after is overdue, and an answer given after it
counts as late in the figures. A milestone is late the day after its target date."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import formats

from ateliers.townhall import figures, selectors_followup
from ateliers.townhall.figures import Figure
from ateliers.townhall.models import Answer

from .followup_factories import adopted, answered, answering_workshop, at_noon, heard, milestone

pytestmark = pytest.mark.django_db

HEARING = datetime.date(2026, 1, 31)
# One month after 31 January: the last day of February.
DUE = datetime.date(2026, 2, 28)
DAY_AFTER = datetime.date(2026, 3, 1)


@pytest.fixture
def recommendation():
    with time_machine.travel(at_noon(HEARING), tick=False):
        workshop = answering_workshop()
        heard(workshop, at_noon(HEARING), months=1)
        return adopted(workshop, title="Des fontaines")


def pages(client, recommendation, day):
    with time_machine.travel(at_noon(day), tick=False):
        listed = client.get(reverse("townhall:followup")).content.decode()
        overdue_only = client.get(reverse("townhall:followup"), {"overdue": "on"}).content.decode()
        road = client.get(
            reverse("townhall:followup_recommendation", args=[recommendation.pk])
        ).content.decode()
    return listed, overdue_only, road


def test_the_deadlines_day_is_on_time(client, recommendation):
    listed, overdue_only, road = pages(client, recommendation, DUE)

    due = formats.date_format(DUE, "DATE_FORMAT")
    assert f"Awaiting the answer, due by {due}" in listed
    assert "Overdue:" not in listed and "Overdue:" not in road
    assert "Des fontaines" not in overdue_only
    assert f"Due by {due}." in road


def test_the_day_after_the_deadline_is_overdue(client, recommendation):
    listed, overdue_only, road = pages(client, recommendation, DAY_AFTER)

    due = formats.date_format(DUE, "DATE_FORMAT")
    assert f"answer expected since {due}" in listed and 'class="overdue">Overdue:' in listed
    assert "Des fontaines" in overdue_only
    assert f"the answer is expected since {due}." in road and "Overdue:" in road


@pytest.mark.parametrize(
    ("answered_on", "on_time"), [(DUE, Figure(1, 1)), (DAY_AFTER, Figure(0, 1))]
)
def test_an_answer_after_the_deadline_counts_as_late(recommendation, answered_on, on_time):
    answered(recommendation, at=at_noon(answered_on))
    today = datetime.date(2026, 6, 1)

    counted = figures.city_figures(selectors_followup.followed(), today=today)

    assert counted.answered_on_time == on_time


def test_the_road_says_when_an_answer_came_late(client, recommendation):
    answered(recommendation, status=Answer.Status.REJECTED, at=at_noon(DAY_AFTER))

    _listed, _overdue, road = pages(client, recommendation, DAY_AFTER)

    assert "late:" in road and "it was due by" in road


@pytest.mark.parametrize(
    ("hearing", "months", "due"),
    [
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),  # a leap year
        (datetime.date(2025, 11, 30), 3, datetime.date(2026, 2, 28)),  # across the year
        (datetime.date(2025, 5, 15), 24, datetime.date(2027, 5, 15)),
    ],
)
def test_the_database_agrees_with_add_months(hearing, months, due):
    """The overdue filter (in the database) and the due date (in Python) agree on each side
    of the deadline, at the ends of months too."""
    workshop = answering_workshop()
    heard(workshop, at_noon(hearing), months=months)
    recommendation = adopted(workshop)

    def overdue_on(day):
        return selectors_followup.filtered({"overdue": True}, today=day).exists()

    row = selectors_followup.row_of(selectors_followup.followed().get(), due)
    assert row.due == due
    assert not overdue_on(due)
    assert overdue_on(due + datetime.timedelta(days=1))
    assert recommendation.pk


TARGET = datetime.date(2026, 4, 10)


@pytest.mark.parametrize(("day", "late"), [(TARGET, False), (TARGET + datetime.timedelta(1), True)])
def test_a_milestone_is_late_the_day_after_its_target_date(client, day, late):
    recommendation = adopted()
    milestone(answered(recommendation), title="Travaux", target_date=TARGET, progress=50)

    with time_machine.travel(at_noon(day), tick=False):
        road = client.get(
            reverse("townhall:followup_recommendation", args=[recommendation.pk])
        ).content.decode()

    assert ("Late:" in road) is late
    assert "Milestone: Travaux" in road
