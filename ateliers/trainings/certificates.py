"""Certificates of attendance (attestations de participation), as PDF made by WeasyPrint from
an HTML template: the person's name, the training, its date and length, the trainer."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from .models import SessionRegistration


class PdfUnavailable(Exception):
    """WeasyPrint or the system libraries it draws with (Pango) are missing."""


def certificate_pdf(registration: SessionRegistration) -> bytes:
    try:
        from weasyprint import HTML
    except OSError as error:  # Pango missing: see the README's system packages
        raise PdfUnavailable(str(error)) from error
    session = registration.session
    html = render_to_string(
        "trainings/certificate.html",
        {
            "person": registration.user,
            "session": session,
            "training": session.training,
            "city": settings.SITE_NAME,
            "issued_on": timezone.localdate(),
            "hours": session.duration_minutes // 60,
            "minutes": session.duration_minutes % 60,
        },
    )
    return HTML(string=html).write_pdf()


def certificate_name(registration: SessionRegistration) -> str:
    session = registration.session
    day = timezone.localtime(session.starts_at).date().isoformat()
    return f"attestation-{session.training.slug}-{day}.pdf"
