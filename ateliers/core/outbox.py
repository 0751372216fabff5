"""E-mails sent once, whatever happens to the task that sends them.

A background task may run twice (a worker restarted midway, a retry). Each e-mail has a key
that names what it tells ("seat-given:42"); the key is claimed in the same transaction as the
sending, so a second run finds it taken and sends nothing. If sending fails, the claim is
rolled back with it and a later run tries again.
"""

from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from .ical import CalendarEvent, calendar_of, ics_name
from .models import SentEmail


def send_once(
    *,
    key: str,
    to: str,
    subject: str,
    body: str,
    attachments: Sequence[tuple[str, bytes, str]] = (),
    headers: dict[str, str] | None = None,
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
            headers=headers,
        )
        for name, content, mimetype in attachments:
            message.attach(name, content, mimetype)
        message.send()
    return True


def _written(language: str, subject, subject_values: dict, template: str, context: dict):
    """The subject and body in `language`: `subject` is a lazy translation filled with
    `subject_values`, the body the rendered `template`."""
    with translation.override(language):
        return str(subject) % subject_values, render_to_string(template, context)


def send_text_mail(
    *,
    key: str,
    to: str,
    language: str,
    subject,
    subject_values: dict,
    template: str,
    context: dict,
    headers: dict[str, str] | None = None,
) -> bool:
    """A plain e-mail in the person's `language`, sent once per `key`."""
    text, body = _written(language, subject, subject_values, template, context)
    return send_once(key=key, to=to, subject=text, body=body, headers=headers)


def send_to_each(
    people: Iterable,
    *,
    key: str,
    language: str,
    subject,
    subject_values: dict,
    template: str,
    context: dict,
) -> int:
    """The same news to each of `people` (the template reads `person`), once per person:
    each e-mail's key is `key` and the person's number. Returns how many were sent now."""
    sent = 0
    for person in people:
        sent += send_text_mail(
            key=f"{key}:{person.pk}",
            to=person.email,
            language=language,
            subject=subject,
            subject_values=subject_values,
            template=template,
            context={**context, "person": person},
        )
    return sent


def send_event_mail(
    *,
    key: str,
    to: str,
    language: str,
    subject: str,
    subject_values: dict,
    template: str,
    context: dict,
    event: CalendarEvent,
) -> bool:
    """An e-mail about an event (a session, a meeting) in the person's `language`, with the
    event attached for their calendar; sent once per `key`. `subject` is a lazy translation
    filled with `subject_values` in that language."""
    text, body = _written(language, subject, subject_values, template, context)
    with translation.override(language):
        ics = calendar_of([event], name=event.title)
    return send_once(
        key=key,
        to=to,
        subject=text,
        body=body,
        attachments=[(ics_name(event.title), ics, "text/calendar")],
    )
