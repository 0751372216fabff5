"""Who may plan and organise meetings, through the pages; the meeting page's queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.meetings import services
from ateliers.meetings.models import AgendaItem, Meeting
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind
from tests.factories import CouncilFactory, MeetingFactory, UserFactory, WorkshopFactory
from tests.roles import CITY_TEAM, ROLES, WORKSHOP_MANAGERS, assert_refused, log_in

from .test_meetings import meeting_form

pytestmark = pytest.mark.django_db

MOMENTS = {
    "draft, before the start": (Workshop.Status.DRAFT, {"upcoming": True}, True),
    "debate phase": (Workshop.Status.PUBLISHED, {"phase": PhaseKind.DEBATE}, True),
    "finished": (Workshop.Status.PUBLISHED, {"finished": True}, False),
    "archived": (Workshop.Status.ARCHIVED, {"phase": PhaseKind.DEBATE}, False),
}


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_planning_a_workshops_meeting(client, role, moment):
    status, when, open_then = MOMENTS[moment]
    workshop = WorkshopFactory(status=status, **when)
    log_in(client, role, workshops=[workshop])

    response = client.post(
        reverse("meetings:plan_for_workshop", args=[workshop.slug]), meeting_form()
    )

    if role in WORKSHOP_MANAGERS and open_then:
        assert response.status_code == 302
        assert Meeting.objects.filter(workshop=workshop).count() == 1
    else:
        assert_refused(response, role)
        assert not Meeting.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_organising_a_councils_meeting(client, role):
    council = CouncilFactory()
    meeting = MeetingFactory(council=council, workshop=None)
    log_in(client, role, council=council)

    planned = client.post(reverse("meetings:plan_for_council", args=[council.slug]), meeting_form())
    cancelled = client.post(reverse("meetings:cancel", args=[meeting.pk]), {"reason": "Grève."})

    if role in CITY_TEAM | {"council_president"}:
        assert planned.status_code == cancelled.status_code == 302
        assert Meeting.objects.filter(council=council).count() == 2
        assert Meeting.objects.get(pk=meeting.pk).is_cancelled
    else:
        assert_refused(planned, role)
        assert_refused(cancelled, role)
        assert Meeting.objects.count() == 1
        assert not Meeting.objects.get(pk=meeting.pk).is_cancelled


@pytest.mark.parametrize("role", ROLES)
def test_changing_a_workshops_meeting(client, role):
    workshop = WorkshopFactory(phase=PhaseKind.INFORMATION)
    meeting = MeetingFactory(workshop=workshop, title="Avant")
    log_in(client, role, workshops=[workshop])

    response = client.post(reverse("meetings:edit", args=[meeting.pk]), meeting_form(title="Après"))

    if role in WORKSHOP_MANAGERS:
        assert response.status_code == 302
        assert Meeting.objects.get().title == "Après"
    else:
        assert_refused(response, role)
        assert Meeting.objects.get().title == "Avant"


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_meeting_page_does_not_grow_with_its_agenda_or_registrations(client):
    meeting = MeetingFactory(registration_required=True, capacity=3)
    organiser = UserFactory(role="city_staff")
    client.force_login(organiser)

    def add(number):
        start = meeting.agenda.count()
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, position=start + i + 1, title=f"Point {i}")
            for i in range(number)
        )
        for _ in range(number):
            services.meeting_register(
                meeting=Meeting.objects.get(pk=meeting.pk), user=UserFactory()
            )

    add(2)
    few = queries(client, meeting.get_absolute_url())
    add(10)
    assert queries(client, meeting.get_absolute_url()) == few


@pytest.mark.parametrize("owner", ["workshop", "council"])
def test_all_the_meetings_of_a_workshop_or_council_paginated(client, settings, owner):
    settings.ATELIERS_PAGE_SIZE = 3
    workshop, council = WorkshopFactory(), CouncilFactory()
    for number in range(4):
        MeetingFactory(
            workshop=workshop if owner == "workshop" else None,
            council=council if owner == "council" else None,
            title=f"Réunion numéro {number}",
        )
    MeetingFactory(title="Une autre")
    url = (
        reverse("meetings:of_workshop", args=[workshop.slug])
        if owner == "workshop"
        else reverse("meetings:of_council", args=[council.slug])
    )

    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()

    assert first.count("Réunion numéro") == 3 and second.count("Réunion numéro") == 1
    assert "Une autre" not in first + second


def test_a_drafts_meetings_list_is_hidden(client):
    draft = WorkshopFactory(status="draft")

    assert client.get(reverse("meetings:of_workshop", args=[draft.slug])).status_code == 404


@pytest.mark.parametrize("meetings", [2, 20])
def test_the_meetings_list_budget_does_not_grow(
    client, settings, meetings, django_assert_num_queries
):
    settings.ATELIERS_PAGE_SIZE = 50
    council = CouncilFactory()
    for _ in range(meetings):
        MeetingFactory(workshop=None, council=council)

    # 1 the council, 2 the count for the paginator, 3 the page of meetings.
    with django_assert_num_queries(3):
        client.get(reverse("meetings:of_council", args=[council.slug]))
