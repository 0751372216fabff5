"""Joining and leaving a workshop.

Seats are guarded by the database, not by a count read in Python: the Participation row is
inserted first (its UniqueConstraint refuses a second one for the same person), then a
conditional UPDATE takes a seat only while one is left. When no row is updated the atomic
block rolls the insert back, so two people can never take the last seat.
"""

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.core.models import User
from ateliers.councils.models import Council

from ..models import Capacity, Participation, Phase, Workshop


class ParticipationError(Exception):
    """A refusal whose str() is the translated message shown to the person."""

    message = _("This action is not possible.")

    def __init__(self, message=None):
        super().__init__(message or self.message)

    def __str__(self) -> str:
        return str(self.args[0])


class AlreadyParticipating(ParticipationError):
    message = _("You already take part in this workshop.")


class RegistrationClosed(ParticipationError):
    message = _("Registrations are closed for this workshop.")


class WorkshopFull(ParticipationError):
    message = _("This workshop is full.")


class NotParticipating(ParticipationError):
    message = _("You do not take part in this workshop.")


class LeavingClosed(ParticipationError):
    message = _("It is no longer possible to leave this workshop at this stage.")


class InvalidCapacity(ParticipationError):
    message = _("Please say in which capacity you take part.")


def _phase_allows(workshop: Workshop, feature: str, now) -> bool:
    """What the rule `phase_allows(feature)` checks, read fresh from the database at `now`."""
    phase = Phase.objects.filter(workshop=workshop, starts_at__lte=now, ends_at__gt=now).first()
    return phase is not None and phase.allows(feature)


def workshop_join(
    *,
    workshop: Workshop,
    user: User,
    capacity: str,
    association_name: str = "",
    council: Council | None = None,
) -> Participation:
    """Make `user` a participant of `workshop` in the declared `capacity`."""
    association_name = association_name.strip()
    if capacity not in Capacity.values:
        raise InvalidCapacity()
    if capacity == Capacity.ASSOCIATION and not association_name:
        raise InvalidCapacity(_("Please give the name of your association."))
    if capacity == Capacity.COUNCIL_MEMBER and council is None:
        raise InvalidCapacity(_("Please choose your council."))
    if capacity != Capacity.ASSOCIATION:
        association_name = ""
    if capacity != Capacity.COUNCIL_MEMBER:
        council = None

    now = timezone.now()
    with transaction.atomic():
        if workshop.status != Workshop.Status.PUBLISHED or not _phase_allows(workshop, "join", now):
            raise RegistrationClosed()
        try:
            with transaction.atomic():  # a savepoint: the duplicate leaves the outer block usable
                participation = Participation.objects.create(
                    workshop=workshop,
                    user=user,
                    capacity=capacity,
                    association_name=association_name,
                    council=council,
                    joined_at=now,
                )
        except IntegrityError:
            raise AlreadyParticipating() from None
        # The seat is taken only if the workshop is still published and not full.
        seats = Workshop.objects.filter(pk=workshop.pk, status=Workshop.Status.PUBLISHED).filter(
            Q(capacity__isnull=True) | Q(participant_count__lt=F("capacity"))
        )
        if seats.update(participant_count=F("participant_count") + 1) == 0:
            published = Workshop.objects.filter(
                pk=workshop.pk, status=Workshop.Status.PUBLISHED
            ).exists()
            raise WorkshopFull() if published else RegistrationClosed()
    workshop.refresh_from_db(fields=["participant_count"])
    return participation


def workshop_leave(*, workshop: Workshop, user: User) -> None:
    """Remove `user` from the participants of `workshop` and free their seat."""
    now = timezone.now()
    with transaction.atomic():
        if workshop.status != Workshop.Status.PUBLISHED or not _phase_allows(
            workshop, "leave", now
        ):
            raise LeavingClosed()
        deleted, _rows = Participation.objects.filter(workshop=workshop, user=user).delete()
        if not deleted:
            raise NotParticipating()
        Workshop.objects.filter(pk=workshop.pk, participant_count__gt=0).update(
            participant_count=F("participant_count") - 1
        )
    workshop.refresh_from_db(fields=["participant_count"])
