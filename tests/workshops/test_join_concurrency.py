"""Seats hold under a rush: many people joining at the same instant, each on its own
database connection, never take more seats than the workshop has."""

import threading

import pytest
from django.db import connections

from ateliers.workshops.models import Capacity, Participation, Workshop
from ateliers.workshops.services import participation as services
from tests.factories import UserFactory, WorkshopFactory


def run_at_once(calls) -> list[str]:
    """Run each call in its own thread, released together; the outcome of each, by name."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(call):
        try:
            barrier.wait()
            call()
            outcome = "joined"
        except services.ParticipationError as refusal:
            outcome = type(refusal).__name__
        except Exception as error:  # any other failure must show in the assertion
            outcome = f"error: {error!r}"
        finally:
            connections.close_all()  # each thread had its own connection
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


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
