"""Background tasks of the trainings: e-mails, each sent once (core/outbox.py), in the
language the person registered in."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

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
