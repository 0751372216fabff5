"""E-mails sent once, whatever happens to the task that sends them.

A background task may run twice (a worker restarted midway, a retry). Each e-mail has a key
that names what it tells ("seat-given:42"); the key is claimed in the same transaction as the
sending, so a second run finds it taken and sends nothing. If sending fails, the claim is
rolled back with it and a later run tries again.
"""

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction

from .models import SentEmail


def send_once(
    *,
    key: str,
    to: str,
    subject: str,
    body: str,
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> bool:
    """Send the e-mail unless one with `key` was sent already; whether it was sent now."""
    with transaction.atomic():
        try:
            with transaction.atomic():  # a savepoint: the duplicate fails alone
                SentEmail.objects.create(key=key[: SentEmail._meta.get_field("key").max_length])
        except IntegrityError:
            return False
        message = EmailMessage(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
            body=body,
            to=[to],
        )
        for name, content, mimetype in attachments:
            message.attach(name, content, mimetype)
        message.send()
    return True
