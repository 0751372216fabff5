"""Background tasks of the meetings: the e-mails to the people registered, each sent once
(core/outbox.py), in the language they registered in, with the event for their calendar."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_tasks import task

from ateliers.core import reminders
from ateliers.core.outbox import send_event_mail
from ateliers.core.waitlist import RegistrationStatus


def _send(registration, *, key: str, subject, template: str) -> None:
    from .events import as_event

    meeting = registration.meeting
    send_event_mail(
        key=key,
        to=registration.user.email,
        language=registration.language,
        subject=subject,
        subject_values={"title": meeting.title},
        template=template,
        context={
            "person": registration.user,
            "meeting": meeting,
            "url": settings.SITE_URL + meeting.get_absolute_url(),
        },
        event=as_event(meeting),
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
        _send(
            registration,
            key=f"meeting-changed:{meeting_id}:{sequence}:{registration.pk}",
            subject=gettext_lazy("Meeting changed: %(title)s"),
            template="meetings/emails/changed.txt",
        )


@task()
def tell_meeting_cancelled(meeting_id: int) -> None:
    live = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]
    for registration in _registrations(meeting_id, live):
        _send(
            registration,
            key=f"meeting-cancelled:{meeting_id}:{registration.pk}",
            subject=gettext_lazy("Meeting cancelled: %(title)s"),
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
    _send(
        registration,
        key=f"meeting-seat-given:{registration.pk}",
        subject=gettext_lazy("A seat is yours: %(title)s"),
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
    _send(
        registration,
        key=f"meeting-reminder:{registration.pk}:{sequence}",
        subject=gettext_lazy("Tomorrow: %(title)s"),
        template="meetings/emails/reminder.txt",
    )
