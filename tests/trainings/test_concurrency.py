"""Forty people asking at once for five seats; seats given back at once. Each request on its
own database connection, as on the site."""

import pytest

from ateliers.core.waitlist import AlreadyRegistered, RegistrationStatus
from ateliers.trainings import services
from ateliers.trainings.models import SessionRegistration, TrainingSession
from tests.concurrency import run_at_once
from tests.factories import TrainingSessionFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def fresh(session) -> TrainingSession:
    return TrainingSession.objects.get(pk=session.pk)


def test_forty_people_for_five_seats_give_five_seats_and_thirty_five_in_line():
    session = TrainingSessionFactory(capacity=5)
    people = UserFactory.create_batch(40)

    outcomes = run_at_once(
        [
            lambda person=person: services.session_register(session=fresh(session), user=person)
            for person in people
        ],
        refusals=(),
        success="taken",
    )

    assert outcomes == ["taken"] * 40
    registrations = SessionRegistration.objects.filter(session=session).order_by("pk")
    statuses = [registration.status for registration in registrations]
    assert statuses.count(RegistrationStatus.REGISTERED) == 5
    assert statuses.count(RegistrationStatus.WAITLISTED) == 35
    assert fresh(session).registered_count == 5
    # The line is in the order the requests were taken: every seat went to an earlier one.
    first_waiting = statuses.index(RegistrationStatus.WAITLISTED)
    assert RegistrationStatus.REGISTERED not in statuses[first_waiting:]


def test_the_same_person_twice_at_once_registers_once():
    session = TrainingSessionFactory(capacity=5)
    person = UserFactory()

    outcomes = run_at_once(
        [lambda: services.session_register(session=fresh(session), user=person)] * 6,
        refusals=(AlreadyRegistered,),
        success="taken",
    )

    assert sorted(outcomes) == ["AlreadyRegistered"] * 5 + ["taken"]
    assert fresh(session).registered_count == 1


def test_cancellations_at_once_each_promote_a_different_person():
    session = TrainingSessionFactory(capacity=3)
    seated = UserFactory.create_batch(3)
    waiting = UserFactory.create_batch(5)
    for person in seated + waiting:
        services.session_register(session=fresh(session), user=person)
    registrations = list(
        SessionRegistration.objects.filter(session=session, user__in=seated).order_by("pk")
    )

    outcomes = run_at_once(
        [
            lambda registration=registration: services.registration_cancel(
                registration=registration, by=registration.user
            )
            for registration in registrations
        ],
        refusals=(),
        success="cancelled",
    )

    assert outcomes == ["cancelled"] * 3
    now_seated = SessionRegistration.objects.filter(
        session=session, status=RegistrationStatus.REGISTERED
    )
    # The first three in line, each once.
    assert sorted(now_seated.values_list("user", flat=True)) == sorted(p.pk for p in waiting[:3])
    assert fresh(session).registered_count == 3
