"""Twelve people asking at once for three seats of a meeting."""

import pytest

from ateliers.core.waitlist import RegistrationStatus
from ateliers.meetings import services
from ateliers.meetings.models import Meeting, MeetingRegistration
from tests.concurrency import run_at_once
from tests.factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_twelve_people_for_three_seats_give_three_seats_and_nine_in_line():
    meeting = MeetingFactory(registration_required=True, capacity=3)
    people = UserFactory.create_batch(12)

    outcomes = run_at_once(
        [
            lambda person=person: services.meeting_register(
                meeting=Meeting.objects.get(pk=meeting.pk), user=person
            )
            for person in people
        ],
        refusals=(),
        success="taken",
    )

    assert outcomes == ["taken"] * 12
    statuses = list(
        MeetingRegistration.objects.filter(meeting=meeting)
        .order_by("pk")
        .values_list("status", flat=True)
    )
    assert statuses.count(RegistrationStatus.REGISTERED) == 3
    assert statuses.count(RegistrationStatus.WAITLISTED) == 9
    assert Meeting.objects.get(pk=meeting.pk).registered_count == 3
