"""Seats hold under a rush: many people joining at the same instant, each on its own
database connection, never take more seats than the workshop has."""

import pytest

from ateliers.workshops.models import Capacity, Participation, Workshop
from ateliers.workshops.services import participation as services
from tests import concurrency
from tests.factories import UserFactory, WorkshopFactory


def run_at_once(calls) -> list[str]:
    return concurrency.run_at_once(calls, refusals=(services.ParticipationError,), success="joined")


@pytest.mark.django_db(transaction=True)
def test_thirty_people_rushing_for_ten_seats():
    workshop = WorkshopFactory(capacity=10)
    people = UserFactory.create_batch(30)

    outcomes = run_at_once(
        [
            lambda person=person: services.workshop_join(
                workshop=Workshop.objects.get(pk=workshop.pk),
                user=person,
                capacity=Capacity.RESIDENT,
            )
            for person in people
        ]
    )

    assert sorted(outcomes) == ["WorkshopFull"] * 20 + ["joined"] * 10
    assert Participation.objects.filter(workshop=workshop).count() == 10
    assert Workshop.objects.get(pk=workshop.pk).participant_count == 10


@pytest.mark.django_db(transaction=True)
def test_one_person_joining_ten_times_at_once_takes_one_seat():
    workshop = WorkshopFactory(capacity=10)
    person = UserFactory()

    outcomes = run_at_once(
        [
            lambda: services.workshop_join(
                workshop=Workshop.objects.get(pk=workshop.pk),
                user=person,
                capacity=Capacity.RESIDENT,
            )
        ]
        * 10
    )

    assert sorted(outcomes) == ["AlreadyParticipating"] * 9 + ["joined"]
    assert Participation.objects.filter(workshop=workshop).count() == 1
    assert Workshop.objects.get(pk=workshop.pk).participant_count == 1
