"""Meetings: planning one, its page and agenda, registration and its waitlist, changes and
cancellation told to the people registered (with the event for their calendar), minutes."""

import datetime

import icalendar
import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from ateliers.core.waitlist import RegistrationStatus
from ateliers.meetings import services
from ateliers.meetings.models import Meeting, MeetingRegistration
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    CouncilFactory,
    DocumentFactory,
    MeetingFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.workshops.manage_data import as_input

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def workshop(facilitator):
    workshop = WorkshopFactory(phase=PhaseKind.INFORMATION, title="Place des Tilleuls")
    workshop.facilitators.add(facilitator)
    return workshop


def meeting_form(**values) -> dict:
    start = timezone.now() + 10 * DAY
    return {
        "kind": "site_visit",
        "title": "Visite de la place",
        "starts_at": as_input(start),
        "ends_at": as_input(start + 2 * datetime.timedelta(hours=1)),
        "place": "Devant la fontaine",
        "agenda": "Accueil\n- Le tour de la place\n3. Questions",
        **values,
    }


def plan_url(workshop):
    return reverse("meetings:plan_for_workshop", args=[workshop.slug])


def test_a_facilitator_plans_a_meeting_shown_on_the_workshop_page(client, workshop, facilitator):
    client.force_login(facilitator)

    response = client.post(plan_url(workshop), meeting_form())

    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert [item.title for item in meeting.agenda.all()] == [
        "Accueil",
        "Le tour de la place",
        "Questions",
    ]
    client.logout()
    page = client.get(workshop.get_absolute_url()).content.decode()
    assert "Meetings" in page and "Visite de la place" in page
    detail = client.get(meeting.get_absolute_url()).content.decode()
    assert "Site visit" in detail and "<li>Le tour de la place</li>" in detail


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"starts_at": "2020-01-01T10:00"}, "A new meeting must start in the future."),
        ({"ends_at": "2020-01-01T10:00"}, "The meeting must end after it starts."),
        ({"registration_required": "on", "capacity": "0"}, "greater than or equal to 1"),
        ({"capacity": "12"}, "Seats are counted only when registration is required."),
        ({"place": "", "online_link": ""}, "Give the place where it happens, or an online link."),
        ({"kind": "party"}, "Select a valid choice."),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_planned(
    client, workshop, facilitator, values, message
):
    client.force_login(facilitator)

    response = client.post(plan_url(workshop), meeting_form(**values))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_meeting_without_registration_takes_none(client, resident):
    meeting = MeetingFactory()
    client.force_login(resident)

    page = client.post(reverse("meetings:register", args=[meeting.pk]), follow=True)

    assert "without registration" in page.content.decode()
    assert not MeetingRegistration.objects.exists()


def test_when_full_the_next_person_waits_and_gets_the_seat_freed_with_the_event(
    client, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(registration_required=True, capacity=1, title="Atelier vélo")
    first, second = UserFactory.create_batch(2)
    services.meeting_register(meeting=meeting, user=first)
    client.force_login(second)

    page = client.post(reverse("meetings:register", args=[meeting.pk]), follow=True)
    assert "in position 1" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(
            registration=MeetingRegistration.objects.get(user=first), by=first
        )

    assert MeetingRegistration.objects.get(user=second).status == RegistrationStatus.REGISTERED
    [email] = mail.outbox
    assert email.to == [second.email] and "Atelier vélo" in email.subject
    name, content, mimetype = email.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["uid"]) == f"meeting-{meeting.pk}@127.0.0.1"


def test_a_change_of_date_is_told_with_the_updated_event(
    client, facilitator, workshop, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(workshop=workshop, registration_required=True)
    person = UserFactory()
    services.meeting_register(meeting=meeting, user=person)
    client.force_login(facilitator)
    later = meeting.starts_at + 3 * DAY

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meetings:edit", args=[meeting.pk]),
            meeting_form(
                title=meeting.title,
                kind="information",
                starts_at=as_input(later),
                ends_at=as_input(later + datetime.timedelta(hours=2)),
                registration_required="on",
            ),
        )

    assert response.status_code == 302
    [email] = mail.outbox
    # In the language the person registered in (French by default).
    assert email.to == [person.email] and "Réunion modifiée" in email.subject
    event = icalendar.Calendar.from_ical(email.attachments[0][1]).walk("VEVENT")[0]
    assert event["sequence"] == 1 and event.decoded("dtstart") == timezone.localtime(later).replace(
        second=0, microsecond=0
    )


def test_a_cancelled_meeting_says_why_and_tells_the_people_registered(
    client, facilitator, workshop, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(workshop=workshop, registration_required=True)
    person = UserFactory()
    services.meeting_register(meeting=meeting, user=person)
    client.force_login(facilitator)
    url = reverse("meetings:cancel", args=[meeting.pk])

    refused = client.post(url, {"reason": ""})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "La salle est inondée."})

    assert "This field is required." in refused.content.decode()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "This meeting is cancelled." in page and "La salle est inondée." in page
    [email] = mail.outbox
    event = icalendar.Calendar.from_ical(email.attachments[0][1]).walk("VEVENT")[0]
    assert event["status"] == "CANCELLED"


def test_minutes_are_published_after_the_meeting_with_its_documents(client, facilitator, workshop):
    meeting = MeetingFactory(workshop=workshop)
    document = DocumentFactory(workshop=workshop, title="Diaporama de la réunion")
    other = DocumentFactory(title="Document d'un autre atelier")
    client.force_login(facilitator)
    url = reverse("meetings:close", args=[meeting.pk])
    minutes = "**Décisions** : une nouvelle réunion.\n\n<script>alert(1)</script>"

    too_early = client.post(url, {"minutes": minutes, "attendee_count": "23"})
    with time_machine.travel(meeting.ends_at + DAY):
        refused = client.post(url, {"minutes": minutes, "attendee_count": "", "documents": []})
        foreign = client.post(
            url, {"minutes": minutes, "attendee_count": "23", "documents": [other.pk]}
        )
        done = client.post(
            url, {"minutes": minutes, "attendee_count": "23", "documents": [document.pk]}
        )
        page = client.get(meeting.get_absolute_url()).content.decode()

    assert "A meeting is closed once it has taken place." in too_early.content.decode()
    assert "This field is required." in refused.content.decode()
    assert "Select a valid choice." in foreign.content.decode()
    assert done.status_code == 302
    assert "<strong>Décisions</strong>" in page and "<script>alert" not in page
    assert "23 people came." in page and escape("Diaporama de la réunion") in page


def test_only_organisers_see_who_registered(client, facilitator, workshop):
    meeting = MeetingFactory(workshop=workshop, registration_required=True)
    services.meeting_register(meeting=meeting, user=UserFactory(display_name="Omar Attente"))

    client.force_login(UserFactory())
    assert "Omar Attente" not in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(facilitator)
    assert "Omar Attente" in client.get(meeting.get_absolute_url()).content.decode()


def test_the_ics_download_is_one_event_in_the_paris_zone(client):
    meeting = MeetingFactory(title="Réunion publique")

    response = client.get(reverse("meetings:ics", args=[meeting.pk]))

    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Réunion publique"
    assert event["dtstart"].params["TZID"] == "Europe/Paris"
    assert str(event["url"]).endswith(meeting.get_absolute_url())
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Paris"


def test_a_council_president_plans_a_council_meeting(client, resident):
    from tests.factories import MandateFactory

    council = CouncilFactory()
    MandateFactory(council=council, user=resident, role="president")
    client.force_login(resident)

    response = client.post(
        reverse("meetings:plan_for_council", args=[council.slug]),
        meeting_form(kind="council", title="Séance plénière"),
    )

    assert response.status_code == 302
    assert "Séance plénière" in client.get(council.get_absolute_url()).content.decode()


def test_a_drafts_meetings_are_hidden_from_the_public(client):
    meeting = MeetingFactory(workshop=WorkshopFactory(status="draft"))

    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert client.get(reverse("meetings:ics", args=[meeting.pk])).status_code == 404
