"""The training catalogue, sessions, registering, the waitlist and its e-mail."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ateliers.core.waitlist import RegistrationStatus
from ateliers.trainings import services, tasks
from ateliers.trainings.models import SessionRegistration, Training, TrainingSession
from tests.factories import TrainingFactory, TrainingSessionFactory, UserFactory
from tests.workshops.manage_data import as_input

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def session_form(**values) -> dict:
    return {
        "starts_at": as_input(timezone.now() + 10 * DAY),
        "duration_minutes": "120",
        "capacity": "12",
        "place": "Maison des associations",
        "address": "3 rue de la République",
        **values,
    }


def register(client, session):
    return client.post(reverse("trainings:register", args=[session.pk]), follow=True)


def test_staff_build_the_catalogue_and_plan_a_session(client, city_staff):
    client.force_login(city_staff)

    created = client.post(
        reverse("trainings:create"),
        {
            "title": "Lire un budget communal",
            "summary": "Les grandes masses d'un budget, investissement et fonctionnement.",
            "audience": "Tous les habitants.",
            "trainer": "Direction des finances",
        },
    )
    training = Training.objects.get()
    planned = client.post(reverse("trainings:session_create", args=[training.slug]), session_form())

    assert created.status_code == planned.status_code == 302
    session = TrainingSession.objects.get()
    assert (session.capacity, session.duration_minutes) == (12, 120)
    catalogue = client.get(reverse("trainings:catalogue")).content.decode()
    assert "Lire un budget communal" in catalogue and "Next session" in catalogue


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"starts_at": "2020-01-01T10:00"}, "A new session must start in the future."),
        ({"capacity": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"duration_minutes": "5"}, "between 15 minutes and 12 hours"),
        ({"place": "", "online_link": ""}, "Give the place where it happens, or an online link."),
        ({"online_link": "javascript:alert(1)"}, "Enter a valid URL."),
    ],
)
def test_a_bad_session_gets_a_clear_message_and_nothing_is_planned(
    client, city_staff, values, message
):
    training = TrainingFactory()
    client.force_login(city_staff)

    response = client.post(
        reverse("trainings:session_create", args=[training.slug]), session_form(**values)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_a_resident_registers_and_the_page_says_so(client, resident):
    session = TrainingSessionFactory(capacity=2)
    client.force_login(resident)

    page = register(client, session).content.decode()

    assert "You are registered" in page
    assert TrainingSession.objects.get(pk=session.pk).registered_count == 1
    assert "1 seat left of 2" in page


def test_registering_twice_says_so_and_takes_one_seat(client, resident):
    session = TrainingSessionFactory()
    client.force_login(resident)

    register(client, session)
    page = register(client, session).content.decode()

    assert "already registered" in page
    assert TrainingSession.objects.get(pk=session.pk).registered_count == 1


def test_when_full_people_are_told_their_place_in_line(client):
    session = TrainingSessionFactory(capacity=1)
    first, second, third = UserFactory.create_batch(3)
    for person in (first, second):
        services.session_register(session=session, user=person)
    client.force_login(third)

    page = register(client, session).content.decode()

    assert "on its waitlist, in position 2" in page
    mine = client.get(reverse("trainings:mine")).content.decode()
    assert "You are on the waitlist, in position 2" in mine


def test_a_cancellation_gives_the_seat_to_the_first_in_line_who_is_told_in_their_language(
    client, django_capture_on_commit_callbacks
):
    session = TrainingSessionFactory(capacity=1, training__title="Lire un budget communal")
    seated, first, second = UserFactory.create_batch(3)
    services.session_register(session=session, user=seated)
    services.session_register(session=session, user=first, language="fr")
    services.session_register(session=session, user=second)
    registration = SessionRegistration.objects.get(user=seated)
    client.force_login(seated)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("trainings:cancel", args=[registration.pk]))

    assert response.status_code == 302
    statuses = dict(SessionRegistration.objects.values_list("user", "status"))
    assert statuses == {
        seated.pk: RegistrationStatus.CANCELLED,
        first.pk: RegistrationStatus.REGISTERED,
        second.pk: RegistrationStatus.WAITLISTED,
    }
    assert TrainingSession.objects.get(pk=session.pk).registered_count == 1
    [email] = mail.outbox
    assert email.to == [first.email]
    assert "Une place est pour vous" in email.subject and "Lire un budget communal" in email.body


def test_the_seat_e_mail_goes_once_even_if_its_task_runs_twice(django_capture_on_commit_callbacks):
    session = TrainingSessionFactory(capacity=1)
    seated, waiting = UserFactory.create_batch(2)
    services.session_register(session=session, user=seated)
    services.session_register(session=session, user=waiting)
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.registration_cancel(
            registration=SessionRegistration.objects.get(user=seated), by=seated
        )

    tasks.tell_seat_given.call(promoted.pk)

    assert len(mail.outbox) == 1


def test_cancelling_when_nobody_waits_frees_the_seat(client, resident):
    session = TrainingSessionFactory(capacity=1)
    services.session_register(session=session, user=resident)
    client.force_login(resident)
    registration = SessionRegistration.objects.get()

    confirm = client.get(reverse("trainings:cancel", args=[registration.pk]))
    client.post(reverse("trainings:cancel", args=[registration.pk]))

    assert "Cancel my registration?" in confirm.content.decode()
    assert TrainingSession.objects.get(pk=session.pk).registered_count == 0


def test_nobody_cancels_someone_elses_registration(client, resident):
    session = TrainingSessionFactory()
    services.session_register(session=session, user=UserFactory())
    client.force_login(resident)

    response = client.post(reverse("trainings:cancel", args=[SessionRegistration.objects.get().pk]))

    assert response.status_code == 404
    assert SessionRegistration.objects.get().status == RegistrationStatus.REGISTERED


def test_registration_closes_when_the_session_starts(client, resident):
    session = TrainingSessionFactory()
    client.force_login(resident)

    with time_machine.travel(session.starts_at + datetime.timedelta(minutes=1)):
        page = register(client, session).content.decode()

    assert "Registration has closed" in page
    assert not SessionRegistration.objects.exists()


def test_an_anonymous_visitor_is_asked_to_log_in(client):
    session = TrainingSessionFactory()

    response = client.post(reverse("trainings:register", args=[session.pk]))

    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert not SessionRegistration.objects.exists()


def test_staff_see_who_registered_and_who_waits(client, city_staff, resident):
    session = TrainingSessionFactory(capacity=1)
    services.session_register(session=session, user=resident)
    services.session_register(session=session, user=UserFactory(display_name="Omar Attente"))
    client.force_login(city_staff)

    page = client.get(session.get_absolute_url()).content.decode()

    assert "Alice Habitante" in page and "Omar Attente" in page and "On the waitlist" in page


def test_a_resident_does_not_see_who_registered(client, resident):
    session = TrainingSessionFactory(capacity=1)
    services.session_register(session=session, user=UserFactory(display_name="Omar Attente"))
    client.force_login(resident)

    page = client.get(session.get_absolute_url()).content.decode()

    assert "Omar Attente" not in page


def test_a_session_goes_into_a_calendar(client):
    import icalendar

    session = TrainingSessionFactory(training__title="Lire un budget communal")

    response = client.get(reverse("trainings:session_ics", args=[session.pk]))

    [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["uid"]) == f"training-session-{session.pk}@127.0.0.1"
    assert str(event["summary"]) == "Lire un budget communal"
    assert "session_ics" not in client.get(session.get_absolute_url()).content.decode()
    assert "calendrier.ics" in client.get(session.get_absolute_url()).content.decode()
