"""A session changed or cancelled by the city's staff, and the reminders the day before."""

import datetime

import icalendar
import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ateliers.core.waitlist import RegistrationStatus
from ateliers.meetings import services as meetings
from ateliers.meetings import tasks as meeting_tasks
from ateliers.trainings import services, tasks
from ateliers.trainings.models import SessionRegistration, TrainingSession
from tests.factories import MeetingFactory, TrainingSessionFactory, UserFactory
from tests.workshops.manage_data import as_input

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def form_of(session, **values) -> dict:
    return {
        "starts_at": as_input(session.starts_at),
        "duration_minutes": str(session.duration_minutes),
        "capacity": str(session.capacity),
        "place": session.place,
        **values,
    }


@pytest.fixture
def full_session():
    """Two seats taken, two people waiting."""
    start = (timezone.now() + 7 * DAY).replace(second=0, microsecond=0)
    session = TrainingSessionFactory(
        capacity=2,
        training__title="Lire un budget",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    people = UserFactory.create_batch(4)
    for person in people:
        services.session_register(session=session, user=person)
    return session, people


def test_more_seats_go_at_once_to_the_people_waiting(
    client, city_staff, full_session, django_capture_on_commit_callbacks
):
    session, people = full_session
    client.force_login(city_staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("trainings:session_edit", args=[session.pk]), form_of(session, capacity="3")
        )

    assert response.status_code == 302
    statuses = dict(SessionRegistration.objects.values_list("user", "status"))
    assert [statuses[p.pk] for p in people] == ["registered"] * 3 + ["waitlisted"]
    assert TrainingSession.objects.get(pk=session.pk).registered_count == 3
    assert [email.to for email in mail.outbox] == [[people[2].email]]


def test_fewer_seats_than_people_registered_is_refused(client, city_staff, full_session):
    session, _people = full_session
    client.force_login(city_staff)

    response = client.post(
        reverse("trainings:session_edit", args=[session.pk]), form_of(session, capacity="1")
    )

    assert "2 people are already registered" in response.content.decode()
    assert TrainingSession.objects.get(pk=session.pk).capacity == 2


def test_a_new_date_is_told_to_everyone_with_the_updated_event(
    client, city_staff, full_session, django_capture_on_commit_callbacks
):
    session, people = full_session
    client.force_login(city_staff)
    later = session.starts_at + 2 * DAY

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("trainings:session_edit", args=[session.pk]),
            form_of(session, starts_at=as_input(later)),
        )

    assert sorted(email.to[0] for email in mail.outbox) == sorted(p.email for p in people)
    event = icalendar.Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")[0]
    assert event["sequence"] == 1
    assert event.decoded("dtstart") == timezone.localtime(later).replace(second=0, microsecond=0)


def test_a_cancelled_session_says_why_and_takes_no_more_registrations(
    client, city_staff, full_session, django_capture_on_commit_callbacks
):
    session, people = full_session
    client.force_login(city_staff)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("trainings:session_cancel", args=[session.pk]), {"reason": "Formateur malade"}
        )

    page = client.get(session.get_absolute_url()).content.decode()
    assert "This session is cancelled." in page and "Formateur malade" in page
    assert len(mail.outbox) == 4
    client.force_login(UserFactory())
    refused = client.post(reverse("trainings:register", args=[session.pk]), follow=True)
    assert "cancelled" in refused.content.decode()
    assert SessionRegistration.objects.count() == 4


def test_a_reminder_is_planned_for_the_day_before(settings, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    session = TrainingSessionFactory()
    person = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.session_register(session=session, user=person)

    [planned] = tasks.remind.get_backend().results
    assert planned.args == [outcome.registration.pk, 0]
    assert planned.task.run_after == session.starts_at - DAY


def test_the_reminder_goes_once_and_only_if_nothing_changed():
    session = TrainingSessionFactory()
    seated, cancelled = UserFactory.create_batch(2)
    registration = services.session_register(session=session, user=seated).registration
    other = services.session_register(session=session, user=cancelled).registration
    services.registration_cancel(registration=other, by=cancelled)

    with time_machine.travel(session.starts_at - DAY):
        tasks.remind.call(registration.pk, 0)
        tasks.remind.call(registration.pk, 0)
        tasks.remind.call(other.pk, 0)
        # A reminder planned before a change of date is stale: the newer one goes.
        tasks.remind.call(registration.pk, 7)

    assert [email.to for email in mail.outbox] == [[seated.email]]
    assert "Demain" in mail.outbox[0].subject


def test_no_stale_reminder_after_the_session_started():
    session = TrainingSessionFactory()
    registration = services.session_register(session=session, user=UserFactory()).registration

    with time_machine.travel(session.starts_at + datetime.timedelta(hours=1)):
        tasks.remind.call(registration.pk, 0)

    assert mail.outbox == []


def test_meetings_remind_too():
    meeting = MeetingFactory(registration_required=True, title="Visite")
    person = UserFactory()
    registration = meetings.meeting_register(meeting=meeting, user=person).registration

    with time_machine.travel(meeting.starts_at - DAY):
        meeting_tasks.remind.call(registration.pk, 0)
        meeting_tasks.remind.call(registration.pk, 0)

    [email] = mail.outbox
    assert email.to == [person.email] and "Visite" in email.subject
    assert email.attachments[0][2] == "text/calendar"


def test_more_seats_for_a_meeting_go_to_the_people_waiting(city_staff):
    meeting = MeetingFactory(registration_required=True, capacity=1)
    first, second = UserFactory.create_batch(2)
    meetings.meeting_register(meeting=meeting, user=first)
    meetings.meeting_register(meeting=meeting, user=second)

    meetings.meeting_update(
        meeting=meeting,
        changed_by=city_staff,
        kind=meeting.kind,
        title=meeting.title,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        place=meeting.place,
        registration_required=True,
        capacity=2,
    )

    assert set(meeting.registrations.values_list("status", flat=True)) == {
        RegistrationStatus.REGISTERED
    }
