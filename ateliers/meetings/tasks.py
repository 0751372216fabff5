"""Background tasks of the meetings: the e-mails to the people registered, each sent once
(core/outbox.py), in the language they registered in, with the event for their calendar."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from ateliers.core import reminders
from ateliers.core.ical import calendar_of, ics_name
from ateliers.core.outbox import send_once
from ateliers.core.waitlist import RegistrationStatus


def _send(registration, *, key: str, subject: str, template: str) -> None:
    from .events import as_event

    meeting = registration.meeting
    with translation.override(registration.language):
        body = render_to_string(
            template,
            {
                "person": registration.user,
                "meeting": meeting,
                "url": settings.SITE_URL + meeting.get_absolute_url(),
            },
        )
        ics = calendar_of([as_event(meeting)], name=meeting.title)
    send_once(
        key=key,
        to=registration.user.email,
        subject=subject,
        body=body,
        attachments=[(ics_name(meeting.title), ics, "text/calendar")],
    )


def _registrations(meeting_id: int, statuses):
    from .models import MeetingRegistration

    return MeetingRegistration.objects.filter(
        meeting_id=meeting_id, status__in=statuses
    ).select_related("user", "meeting")


@task()
def tell_meeting_changed(meeting_id: int, sequence: int) -> None:
    """The date, time or place of a meeting changed: tell everyone registered or waiting."""
    live = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]
    for registration in _registrations(meeting_id, live):
        with translation.override(registration.language):
            subject = _("Meeting changed: %(title)s") % {"title": registration.meeting.title}
        _send(
            registration,
            key=f"meeting-changed:{meeting_id}:{sequence}:{registration.pk}",
            subject=subject,
            template="meetings/emails/changed.txt",
        )


@task()
def tell_meeting_cancelled(meeting_id: int) -> None:
    live = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]
    for registration in _registrations(meeting_id, live):
        with translation.override(registration.language):
            subject = _("Meeting cancelled: %(title)s") % {"title": registration.meeting.title}
        _send(
            registration,
            key=f"meeting-cancelled:{meeting_id}:{registration.pk}",
            subject=subject,
            template="meetings/emails/cancelled.txt",
        )


@task()
def tell_seat_given(registration_id: int) -> None:
    from .models import MeetingRegistration

    registration = (
        MeetingRegistration.objects.select_related("user", "meeting")
        .filter(pk=registration_id, status=RegistrationStatus.REGISTERED)
        .first()
    )
    if registration is None:
        return
    with translation.override(registration.language):
        subject = _("A seat is yours: %(title)s") % {"title": registration.meeting.title}
    _send(
        registration,
        key=f"meeting-seat-given:{registration.pk}",
        subject=subject,
        template="meetings/emails/seat_given.txt",
    )


@task()
def remind(registration_id: int, sequence: int) -> None:
    """The day before: a reminder to a registered person, unless the meeting changed since
    (a newer reminder was planned then), was cancelled, or the person cancelled."""
    from .models import MeetingRegistration

    registration = (
        MeetingRegistration.objects.select_related("user", "meeting")
        .filter(pk=registration_id, status=RegistrationStatus.REGISTERED)
        .first()
    )
    if registration is None:
        return
    meeting = registration.meeting
    if meeting.sequence != sequence or meeting.is_cancelled:
        return
    if not reminders.due(meeting.starts_at, timezone.now()):
        return
    with translation.override(registration.language):
        subject = _("Tomorrow: %(title)s") % {"title": meeting.title}
    _send(
        registration,
        key=f"meeting-reminder:{registration.pk}:{sequence}",
        subject=subject,
        template="meetings/emails/reminder.txt",
    )
