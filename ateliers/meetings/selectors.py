"""Reads for meetings, each in a fixed number of queries."""

import datetime

from django.db.models import Prefetch, QuerySet

from ateliers.core.waitlist import RegistrationStatus
from ateliers.councils.models import Council
from ateliers.workshops.models import Workshop

from .models import AgendaItem, Meeting, MeetingRegistration


def meetings_of(owner: Workshop | Council) -> QuerySet[Meeting]:
    if isinstance(owner, Workshop):
        return Meeting.objects.filter(workshop=owner)
    return Meeting.objects.filter(council=owner)


def coming_and_past(
    owner: Workshop | Council, *, now: datetime.datetime, limit: int
) -> tuple[list[Meeting], list[Meeting]]:
    """The next `limit` meetings and the latest `limit` past ones: two queries."""
    meetings = meetings_of(owner)
    coming = list(meetings.filter(ends_at__gt=now).order_by("starts_at", "pk")[:limit])
    past = list(meetings.filter(ends_at__lte=now).order_by("-starts_at", "-pk")[:limit])
    return coming, past


def meeting_for_page(*, pk: int) -> Meeting:
    """The meeting with its owner, agenda and documents; raises Meeting.DoesNotExist."""
    return (
        Meeting.objects.select_related("workshop", "council")
        .prefetch_related(
            Prefetch("agenda", queryset=AgendaItem.objects.order_by("position")),
            Prefetch("documents", queryset=_documents()),
        )
        .get(pk=pk)
    )


def _documents():
    from ateliers.documents.models import Document

    return Document.objects.select_related("current").order_by("category", "title")


def place_of(user, meeting: Meeting):
    """The person's live registration for the meeting and their waitlist position."""
    if not user.is_authenticated or not meeting.registration_required:
        return None, None
    registration = (
        MeetingRegistration.objects.filter(meeting=meeting, user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    if registration is None:
        return None, None
    from ateliers.core.waitlist import waitlist_position

    return registration, waitlist_position(registration)


def registrations_of(meeting: Meeting) -> QuerySet[MeetingRegistration]:
    return (
        meeting.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
        .order_by("status", "pk")
    )


def upcoming(*, now: datetime.datetime) -> QuerySet[Meeting]:
    """Every meeting still to come, of published workshops and of councils."""
    return (
        Meeting.objects.filter(ends_at__gt=now)
        .exclude(workshop__status=Workshop.Status.DRAFT)
        .select_related("workshop", "council")
        .order_by("starts_at", "pk")
    )
