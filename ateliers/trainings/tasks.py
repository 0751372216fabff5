"""Background tasks of the trainings: e-mails, each sent once (core/outbox.py), in the
language the person registered in."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from ateliers.core import reminders
from ateliers.core.ical import calendar_of, ics_name
from ateliers.core.outbox import send_once
from ateliers.core.waitlist import RegistrationStatus


@task()
def tell_seat_given(registration_id: int) -> None:
    """Tell a person from the waitlist that a seat is now theirs."""
    from .models import SessionRegistration

    registration = (
        SessionRegistration.objects.select_related("user", "session__training")
        .filter(pk=registration_id, status=RegistrationStatus.REGISTERED)
        .first()
    )
    if registration is None:  # cancelled again since
        return
    session = registration.session
    with translation.override(registration.language):
        subject = _("A seat is yours: %(training)s") % {"training": session.training.title}
        body = render_to_string(
            "trainings/emails/seat_given.txt",
            {
                "person": registration.user,
                "session": session,
                "training": session.training,
                "url": settings.SITE_URL + session.get_absolute_url(),
                "mine_url": settings.SITE_URL + "/formations/mes-formations/",
            },
        )
    send_once(
        key=f"training-seat-given:{registration.pk}",
        to=registration.user.email,
        subject=subject,
        body=body,
    )


def _session_mail(registration, *, key: str, subject: str, template: str) -> None:
    from .events import as_event

    session = registration.session
    with translation.override(registration.language):
        body = render_to_string(
            template,
            {
                "person": registration.user,
                "session": session,
                "training": session.training,
                "url": settings.SITE_URL + session.get_absolute_url(),
                "mine_url": settings.SITE_URL + "/formations/mes-formations/",
            },
        )
        ics = calendar_of([as_event(session)], name=session.training.title)
    send_once(
        key=key,
        to=registration.user.email,
        subject=subject,
        body=body,
        attachments=[(ics_name(session.training.title), ics, "text/calendar")],
    )


def _live(session_id: int):
    from .models import SessionRegistration

    return SessionRegistration.objects.filter(
        session_id=session_id,
        status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED],
    ).select_related("user", "session__training")


@task()
def tell_session_changed(session_id: int, sequence: int) -> None:
    """The date, length or place of a session changed: tell everyone registered or waiting."""
    for registration in _live(session_id):
        with translation.override(registration.language):
            subject = _("Session changed: %(training)s") % {
                "training": registration.session.training.title
            }
        _session_mail(
            registration,
            key=f"training-session-changed:{session_id}:{sequence}:{registration.pk}",
            subject=subject,
            template="trainings/emails/changed.txt",
        )


@task()
def tell_session_cancelled(session_id: int) -> None:
    for registration in _live(session_id):
        with translation.override(registration.language):
            subject = _("Session cancelled: %(training)s") % {
                "training": registration.session.training.title
            }
        _session_mail(
            registration,
            key=f"training-session-cancelled:{session_id}:{registration.pk}",
            subject=subject,
            template="trainings/emails/cancelled.txt",
        )


@task()
def remind(registration_id: int, sequence: int) -> None:
    """The day before: a reminder to a registered person, unless the session changed since
    (a newer reminder was planned then), was cancelled, or the person cancelled."""
    from .models import SessionRegistration

    registration = (
        SessionRegistration.objects.select_related("user", "session__training")
        .filter(pk=registration_id, status=RegistrationStatus.REGISTERED)
        .first()
    )
    if registration is None:
        return
    session = registration.session
    if session.sequence != sequence or session.is_cancelled:
        return
    if not reminders.due(session.starts_at, timezone.now()):
        return
    with translation.override(registration.language):
        subject = _("Tomorrow: %(training)s") % {"training": session.training.title}
    _session_mail(
        registration,
        key=f"training-reminder:{registration.pk}:{sequence}",
        subject=subject,
        template="trainings/emails/reminder.txt",
    )
