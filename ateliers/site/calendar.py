"""The city's calendar: training sessions and meetings together, by day, and the iCalendar
feeds (the city, a workshop, a council, a person). Each read is a fixed number of queries."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.core.ical import CalendarEvent
from ateliers.core.waitlist import RegistrationStatus
from ateliers.councils.models import Council, Mandate
from ateliers.meetings.events import as_event as meeting_event
from ateliers.meetings.models import Meeting, MeetingRegistration
from ateliers.trainings.events import as_event as session_event
from ateliers.trainings.models import TrainingSession
from ateliers.workshops.models import Participation, Workshop

TRAINING = "training"
# Feeds reach this far back, so that a calendar keeps the recent past.
FEED_PAST = datetime.timedelta(days=60)


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    neighbourhood: int | None = None
    theme: int | None = None
    workshop: Workshop | None = None
    council: Council | None = None

    @property
    def place_bound(self) -> bool:
        """Trainings are city-wide: a filter on a place or a body leaves them out."""
        return bool(self.neighbourhood or self.workshop or self.council)


@dataclass(frozen=True)
class Entry:
    """One line of the calendar page."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    title: str
    kind_label: str
    owner_label: str
    url: str
    cancelled: bool


def _meetings(filters: Filters):
    meetings = Meeting.objects.exclude(
        workshop__status__in=[Workshop.Status.DRAFT, Workshop.Status.ARCHIVED]
    ).select_related("workshop", "council")
    if filters.kind and filters.kind != TRAINING:
        meetings = meetings.filter(kind=filters.kind)
    if filters.workshop is not None:
        meetings = meetings.filter(workshop=filters.workshop)
    if filters.council is not None:
        meetings = meetings.filter(council=filters.council)
    if filters.neighbourhood:
        meetings = meetings.filter(
            Q(workshop__neighbourhood=filters.neighbourhood)
            | Q(council__neighbourhood=filters.neighbourhood)
        )
    if filters.theme:
        meetings = meetings.filter(
            Q(workshop__themes=filters.theme) | Q(council__themes=filters.theme)
        ).distinct()
    return meetings


def _sessions(filters: Filters):
    sessions = TrainingSession.objects.select_related("training")
    if filters.theme:
        sessions = sessions.filter(training__themes=filters.theme).distinct()
    return sessions


def _session_entry(session: TrainingSession) -> Entry:
    return Entry(
        session.starts_at,
        session.ends_at,
        session.training.title,
        str(_("Training")),
        session.place or str(_("Online")),
        session.get_absolute_url(),
        session.is_cancelled,
    )


def _meeting_entry(meeting: Meeting) -> Entry:
    return Entry(
        meeting.starts_at,
        meeting.ends_at,
        meeting.title,
        meeting.get_kind_display(),
        str(meeting.owner),
        meeting.get_absolute_url(),
        meeting.is_cancelled,
    )


def _entries(filters: Filters, *, limit: int | None = None, **lookups) -> list[Entry]:
    """The events matching `filters` and `lookups`, by start (the first `limit` of each kind,
    with a limit): two queries."""
    entries: list[Entry] = []
    if filters.kind in ("", TRAINING) and not filters.place_bound:
        sessions = _sessions(filters).filter(**lookups).order_by("starts_at", "pk")
        entries += [_session_entry(session) for session in sessions[:limit]]
    if filters.kind != TRAINING:
        meetings = _meetings(filters).filter(**lookups).order_by("starts_at", "pk")
        entries += [_meeting_entry(meeting) for meeting in meetings[:limit]]
    entries.sort(key=lambda entry: (entry.starts_at, entry.title))
    return entries


def entries_between(
    start: datetime.datetime, end: datetime.datetime, filters: Filters
) -> list[tuple[datetime.date, list[Entry]]]:
    """The events from `start` to `end`, by local day: two queries."""
    entries = _entries(filters, starts_at__gte=start, starts_at__lt=end)
    return [
        (day, list(items))
        for day, items in groupby(entries, key=lambda entry: timezone.localdate(entry.starts_at))
    ]


def next_entries(filters: Filters, *, now: datetime.datetime, limit: int) -> list[Entry]:
    """The `limit` next events matching `filters`, cancelled ones left out: two queries."""
    return _entries(filters, limit=limit, starts_at__gte=now, cancelled_at=None)[:limit]


def city_feed(*, now: datetime.datetime) -> list[CalendarEvent]:
    since = now - FEED_PAST
    sessions = _sessions(Filters()).filter(ends_at__gte=since)
    meetings = _meetings(Filters()).filter(ends_at__gte=since)
    return [session_event(s) for s in sessions] + [meeting_event(m) for m in meetings]


def owner_feed(owner: Workshop | Council, *, now: datetime.datetime) -> list[CalendarEvent]:
    since = now - FEED_PAST
    meetings = Meeting.objects.filter(ends_at__gte=since).select_related("workshop", "council")
    if isinstance(owner, Workshop):
        meetings = meetings.filter(workshop=owner)
    else:
        meetings = meetings.filter(council=owner)
    return [meeting_event(m) for m in meetings]


def personal_feed(user, *, now: datetime.datetime) -> list[CalendarEvent]:
    """The person's registrations, and the meetings of the workshops they take part in and of
    the councils they sit on: four queries."""
    since = now - FEED_PAST
    live = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]
    sessions = TrainingSession.objects.filter(
        ends_at__gte=since,
        registrations__user=user,
        registrations__status__in=live,
    ).select_related("training")
    workshops = Participation.objects.filter(user=user).values("workshop")
    councils = Mandate.objects.current(timezone.localdate(now)).filter(user=user).values("council")
    registered = MeetingRegistration.objects.filter(user=user, status__in=live).values("meeting")
    meetings = (
        Meeting.objects.filter(ends_at__gte=since)
        .filter(Q(pk__in=registered) | Q(workshop__in=workshops) | Q(council__in=councils))
        .exclude(workshop__status=Workshop.Status.DRAFT)
        .select_related("workshop", "council")
    )
    return [session_event(s) for s in sessions] + [meeting_event(m) for m in meetings]
