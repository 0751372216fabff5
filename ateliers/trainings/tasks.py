"""Background tasks of the trainings: e-mails, each sent once (core/outbox.py), in the
language the person registered in."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_tasks import task

from ateliers.core import reminders
from ateliers.core.outbox import send_event_mail
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
    _session_mail(
        registration,
        key=f"training-seat-given:{registration.pk}",
        subject=gettext_lazy("A seat is yours: %(training)s"),
        template="trainings/emails/seat_given.txt",
    )


def _session_mail(registration, *, key: str, subject, template: str) -> None:
    from .events import as_event

    session = registration.session
    send_event_mail(
        key=key,
        to=registration.user.email,
        language=registration.language,
        subject=subject,
        subject_values={"training": session.training.title},
        template=template,
        context={
            "person": registration.user,
            "session": session,
            "training": session.training,
            "url": settings.SITE_URL + session.get_absolute_url(),
            "mine_url": settings.SITE_URL + "/formations/mes-formations/",
        },
        event=as_event(session),
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
        _session_mail(
            registration,
            key=f"training-session-changed:{session_id}:{sequence}:{registration.pk}",
            subject=gettext_lazy("Session changed: %(training)s"),
            template="trainings/emails/changed.txt",
        )


@task()
def tell_session_cancelled(session_id: int) -> None:
    for registration in _live(session_id):
        _session_mail(
            registration,
            key=f"training-session-cancelled:{session_id}:{registration.pk}",
            subject=gettext_lazy("Session cancelled: %(training)s"),
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
    _session_mail(
        registration,
        key=f"training-reminder:{registration.pk}:{sequence}",
        subject=gettext_lazy("Tomorrow: %(training)s"),
        template="trainings/emails/reminder.txt",
    )
