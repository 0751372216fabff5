"""The city's calendar page and its iCalendar feeds."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ateliers.meetings import services as meetings
from ateliers.site.models import CalendarKey
from ateliers.trainings import services as trainings
from tests.factories import (
    CouncilFactory,
    MandateFactory,
    MeetingFactory,
    NeighbourhoodFactory,
    ParticipationFactory,
    TrainingSessionFactory,
    UserFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
CALENDAR = reverse("site:calendar")


def soon(days: int):
    return (timezone.now() + days * DAY).replace(hour=16, minute=0, second=0, microsecond=0)


def events(response) -> dict[str, icalendar.Event]:
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_lists_sessions_and_meetings_by_day(client):
    TrainingSessionFactory(starts_at=soon(2), ends_at=soon(2) + DAY / 12, training__title="Budget")
    MeetingFactory(title="Visite du parc", starts_at=soon(3), ends_at=soon(3) + DAY / 12)
    MeetingFactory(title="Dans un mois", starts_at=soon(30), ends_at=soon(30) + DAY / 12)

    page = client.get(CALENDAR).content.decode()

    assert "Budget" in page and "Visite du parc" in page and "Dans un mois" not in page
    assert page.index("Budget") < page.index("Visite du parc")
    later = client.get(CALENDAR, {"debut": (timezone.localdate() + 28 * DAY).isoformat()})
    assert "Dans un mois" in later.content.decode()


def test_filters_by_kind_and_neighbourhood(client):
    quarter = NeighbourhoodFactory(name="Les Tilleuls")
    TrainingSessionFactory(starts_at=soon(2), ends_at=soon(2) + DAY / 12, training__title="Budget")
    MeetingFactory(
        title="Visite des Tilleuls",
        kind="site_visit",
        workshop=WorkshopFactory(neighbourhood=quarter),
        starts_at=soon(3),
        ends_at=soon(3) + DAY / 12,
    )
    MeetingFactory(title="Ailleurs", starts_at=soon(3), ends_at=soon(3) + DAY / 12)

    trainings_only = client.get(CALENDAR, {"kind": "training"}).content.decode()
    in_quarter = client.get(CALENDAR, {"neighbourhood": quarter.pk}).content.decode()

    assert "Budget" in trainings_only and "Visite des Tilleuls" not in trainings_only
    assert "Visite des Tilleuls" in in_quarter
    assert "Ailleurs" not in in_quarter and "Budget" not in in_quarter


def test_an_empty_fortnight_says_so(client):
    assert "Nothing is planned in these two weeks." in client.get(CALENDAR).content.decode()


def test_the_calendar_page_does_not_grow_with_its_events(client):
    def add(number):
        for index in range(number):
            start = soon(1 + index % 12)
            TrainingSessionFactory(starts_at=start, ends_at=start + DAY / 12)
            MeetingFactory(starts_at=start, ends_at=start + DAY / 12)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(CALENDAR).status_code == 200
        return len(captured)

    add(3)
    few = count()
    add(30)
    assert count() == few


def test_the_city_feed_has_stable_uids_a_growing_sequence_and_cancellations(client, city_staff):
    meeting = MeetingFactory(workshop=None, council=CouncilFactory(), title="Plénière")
    session = TrainingSessionFactory()
    MeetingFactory(workshop=WorkshopFactory(status="draft"), title="Brouillon")
    feed = reverse("site:city_feed")

    first = events(client.get(feed))
    meetings.meeting_cancel(meeting=meeting, by=city_staff, reason="Salle fermée")
    second = events(client.get(feed))

    uid = f"meeting-{meeting.pk}@127.0.0.1"
    assert set(first) == set(second) == {uid, f"training-session-{session.pk}@127.0.0.1"}
    assert first[uid]["status"] == "CONFIRMED" and second[uid]["status"] == "CANCELLED"
    assert second[uid]["sequence"] == first[uid]["sequence"] + 1
    assert first[uid]["dtstart"].params["TZID"] == "Europe/Paris"


def test_a_workshops_feed_holds_its_meetings_only(client):
    workshop = WorkshopFactory()
    mine = MeetingFactory(workshop=workshop)
    MeetingFactory()

    found = events(client.get(reverse("site:workshop_feed", args=[workshop.slug])))

    assert set(found) == {f"meeting-{mine.pk}@127.0.0.1"}
    draft = WorkshopFactory(status="draft")
    assert client.get(reverse("site:workshop_feed", args=[draft.slug])).status_code == 404


def test_the_personal_feed_behind_a_secret_that_can_be_renewed(client, resident):
    session = TrainingSessionFactory()
    trainings.session_register(session=session, user=resident)
    registered = MeetingFactory(registration_required=True)
    meetings.meeting_register(meeting=registered, user=resident)
    workshop = WorkshopFactory()
    ParticipationFactory(workshop=workshop, user=resident)
    of_my_workshop = MeetingFactory(workshop=workshop)
    council = CouncilFactory()
    MandateFactory(council=council, user=resident)
    of_my_council = MeetingFactory(workshop=None, council=council)
    MeetingFactory(title="Pas pour moi")
    client.force_login(resident)

    page = client.get(reverse("site:my_calendar")).content.decode()
    key = CalendarKey.objects.get(user=resident).key
    client.logout()
    found = events(client.get(reverse("site:personal_feed", args=[key])))

    assert key in page
    assert set(found) == {
        f"training-session-{session.pk}@127.0.0.1",
        f"meeting-{registered.pk}@127.0.0.1",
        f"meeting-{of_my_workshop.pk}@127.0.0.1",
        f"meeting-{of_my_council.pk}@127.0.0.1",
    }
    client.force_login(resident)
    client.post(reverse("site:my_calendar"))
    assert client.get(reverse("site:personal_feed", args=[key])).status_code == 404
    assert CalendarKey.objects.get(user=resident).key != key


def test_an_unknown_key_finds_nothing(client):
    UserFactory()

    assert client.get(reverse("site:personal_feed", args=["not-a-key"])).status_code == 404


def test_the_kept_city_feed_shows_a_change_at_once(
    client, settings, city_staff, django_capture_on_commit_callbacks
):
    settings.ATELIERS_PAGE_CACHE = True
    meeting = MeetingFactory(workshop=None, council=CouncilFactory())
    feed = reverse("site:city_feed")
    uid = f"meeting-{meeting.pk}@127.0.0.1"

    assert events(client.get(feed))[uid]["status"] == "CONFIRMED"
    with django_capture_on_commit_callbacks(execute=True):
        meetings.meeting_cancel(meeting=meeting, by=city_staff, reason="Salle fermée")

    assert events(client.get(feed))[uid]["status"] == "CANCELLED"
