"""Seats and a waitlist for anything people register for (a training session, a meeting).

An event has a `capacity` (None: no limit), a `registered_count` kept by conditional
updates, and a `starts_at` after which registration closes. A registration is either
registered, waitlisted (in the order the requests were taken) or cancelled. Taking a seat is
one conditional UPDATE (`registered_count < capacity`): of forty people asking at once for
five seats, exactly five get one and the others are waitlisted in order. A cancelled seat goes
at once to the first on the waitlist, in the same transaction.

Each app makes its own registration model from `AbstractRegistration` (with a foreign key
to its event and the unique constraint below), and calls these functions from its services.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .errors import ApplicationError, StateChanged


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


class AbstractRegistration(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("given a seat on"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)
    # Set after the event by its organisers: None until then.
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    # The language the person registered in: their e-mails about it are written in it.
    language = models.CharField(_("language"), max_length=8, default="fr")

    class Meta:
        abstract = True

    @property
    def is_active(self) -> bool:
        return self.status != RegistrationStatus.CANCELLED


def one_active_registration(event_field: str, name: str) -> models.UniqueConstraint:
    """The constraint each registration model declares: one live registration per person."""
    return models.UniqueConstraint(
        fields=[event_field, "user"],
        condition=~Q(status=RegistrationStatus.CANCELLED),
        name=name,
    )


class AlreadyRegistered(ApplicationError):
    default_message = _("You are already registered (or on the waitlist) for this.")


class RegistrationClosed(ApplicationError):
    default_message = _("Registration has closed: it has already started.")


class NotRegistered(StateChanged):
    default_message = _("This registration was already cancelled: nothing was changed.")


@dataclass(frozen=True)
class Outcome:
    registration: models.Model
    # For a waitlisted person: their place in the queue (1 is next).
    position: int | None = None


def waitlist_position(registration) -> int | None:
    """1 for the first on the waitlist; None when the person is not waiting."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    model = type(registration)
    event_field = registration.waitlist_event_field
    return (
        model.objects.filter(
            **{event_field: getattr(registration, f"{event_field}_id")},
            status=RegistrationStatus.WAITLISTED,
            pk__lt=registration.pk,
        ).count()
        + 1
    )


def register(
    *, event, registration_model, user, now: datetime.datetime, language: str = "fr"
) -> Outcome:
    """A seat if one is left, else a place on the waitlist. Must run in a transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("register() belongs inside the service's transaction.")
    if now >= event.starts_at:
        raise RegistrationClosed()
    event_field = registration_model.waitlist_event_field
    events = type(event).objects.filter(pk=event.pk)
    if event.capacity is None:
        seated = events.update(registered_count=F("registered_count") + 1)
    else:
        seated = events.filter(registered_count__lt=F("capacity")).update(
            registered_count=F("registered_count") + 1
        )
    status = RegistrationStatus.REGISTERED if seated else RegistrationStatus.WAITLISTED
    try:
        with transaction.atomic():  # a savepoint: the duplicate fails alone
            registration = registration_model.objects.create(
                **{event_field: event}, user=user, status=status, language=language
            )
    except IntegrityError:
        raise AlreadyRegistered() from None
    if seated:
        return Outcome(registration)
    return Outcome(registration, waitlist_position(registration))


def cancel(*, registration, now: datetime.datetime):
    """Cancel a registration; a freed seat goes to the first on the waitlist, whose
    registration is returned (None when nobody was waiting or no seat was freed). Must run
    in a transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("cancel() belongs inside the service's transaction.")
    model = type(registration)
    event_field = model.waitlist_event_field
    event_id = getattr(registration, f"{event_field}_id")
    event_model = model._meta.get_field(event_field).related_model
    # The event's row is locked first (PostgreSQL; SQLite writes one at a time anyway), so
    # that two cancellations at once promote two different people.
    event_model.objects.select_for_update().filter(pk=event_id).first()
    was = model.objects.filter(pk=registration.pk).values_list("status", flat=True).first()
    cancelled = model.objects.filter(
        pk=registration.pk,
        status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED],
    ).update(status=RegistrationStatus.CANCELLED, cancelled_at=now)
    if not cancelled:
        raise NotRegistered()
    registration.status, registration.cancelled_at = RegistrationStatus.CANCELLED, now
    if was != RegistrationStatus.REGISTERED:
        return None
    waiting = model.objects.filter(
        **{event_field: event_id}, status=RegistrationStatus.WAITLISTED
    ).order_by("pk")
    for candidate in waiting.values_list("pk", flat=True)[:20]:
        promoted = model.objects.filter(pk=candidate, status=RegistrationStatus.WAITLISTED).update(
            status=RegistrationStatus.REGISTERED, promoted_at=now
        )
        if promoted:
            return model.objects.select_related("user").get(pk=candidate)
    # Nobody waiting: the seat is free again.
    event_model.objects.filter(pk=event_id).update(registered_count=F("registered_count") - 1)
    return None


def fill_free_seats(*, event, registration_model, now: datetime.datetime) -> list[int]:
    """After seats were added: give them to the people waiting, in order. Returns the ids
    of the registrations that got a seat. Must run in a transaction, the event locked."""
    if event.capacity is None:
        return []
    event_field = registration_model.waitlist_event_field
    events = type(event).objects.filter(pk=event.pk)
    promoted: list[int] = []
    waiting = registration_model.objects.filter(
        **{event_field: event.pk}, status=RegistrationStatus.WAITLISTED
    ).order_by("pk")
    for candidate in waiting.values_list("pk", flat=True):
        seated = events.filter(registered_count__lt=F("capacity")).update(
            registered_count=F("registered_count") + 1
        )
        if not seated:
            break
        registration_model.objects.filter(pk=candidate).update(
            status=RegistrationStatus.REGISTERED, promoted_at=now
        )
        promoted.append(candidate)
    event.registered_count = events.values_list("registered_count", flat=True).get()
    return promoted
