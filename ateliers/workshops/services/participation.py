"""Joining and leaving a workshop.

Seats are guarded by the database, not by a count read in Python: the Participation row is
inserted first (its UniqueConstraint refuses a second one for the same person), then a
conditional UPDATE takes a seat only while one is left. When no row is updated the atomic
block rolls the insert back, so two people can never take the last seat.

Whether registrations are open is asked of `selectors.registration_state`, the same answer
the page and the rule give, on the workshop read again inside the transaction.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import ApplicationError, InvalidInput
from ateliers.core.models import Role, User
from ateliers.core.names import clean_name
from ateliers.councils.models import Council, Mandate

from .. import selectors
from ..models import Capacity, Participation, Workshop
from ..selectors import Registration


class ParticipationError(ApplicationError):
    """A refusal to join or leave; its str() is the translated message."""


class AlreadyParticipating(ParticipationError):
    default_message = _("You already take part in this workshop.")


class RegistrationClosed(ParticipationError):
    default_message = _("Registrations are closed for this workshop.")


class WorkshopFull(ParticipationError):
    default_message = _("This workshop is full.")


class NotParticipating(ParticipationError):
    default_message = _("You do not take part in this workshop.")


class LeavingClosed(ParticipationError):
    default_message = _("It is no longer possible to leave this workshop at this stage.")


class InvalidCapacity(ParticipationError, InvalidInput):
    default_message = _("Please say in which capacity you take part.")


# Capacities that state a role: whoever claims one must hold it. The others are declared.
ROLE_OF_CAPACITY: dict[str, str] = {
    Capacity.ELECTED: Role.ELECTED,
    Capacity.CITY_STAFF: Role.CITY_STAFF,
}


def councils_of(user: User, *, today: datetime.date):
    """The councils in which `user` holds a current mandate."""
    return Council.objects.filter(
        pk__in=Mandate.objects.current(today).filter(user=user).values("council")
    ).order_by("kind", "name")


def claimable_capacities(user: User, *, today: datetime.date) -> list[str]:
    """The capacities `user` may take part in, in the order of Capacity."""
    has_mandate = councils_of(user, today=today).exists()
    return [
        value
        for value in Capacity.values
        if (value not in ROLE_OF_CAPACITY or user.role == ROLE_OF_CAPACITY[value])
        and (value != Capacity.COUNCIL_MEMBER or has_mandate)
    ]


def validate_capacity(
    *,
    user: User,
    capacity: str,
    association_name: str = "",
    council: Council | None = None,
    today: datetime.date,
) -> tuple[str, Council | None]:
    """Check the declared capacity against what the person holds. Returns the association
    name and council to store (each kept only for its own capacity)."""
    if capacity not in Capacity.values:
        raise InvalidCapacity(field="capacity")
    if capacity in ROLE_OF_CAPACITY and user.role != ROLE_OF_CAPACITY[capacity]:
        raise InvalidCapacity(
            _("Only people whose account has the role “%(role)s” can take part as such.")
            % {"role": Role(ROLE_OF_CAPACITY[capacity]).label},
            field="capacity",
        )
    if capacity == Capacity.ASSOCIATION:
        if not association_name.strip():
            raise InvalidCapacity(
                _("Please give the name of your association."), field="association_name"
            )
        return clean_name(association_name, field="association_name"), None
    if capacity == Capacity.COUNCIL_MEMBER:
        if council is None:
            raise InvalidCapacity(_("Please choose your council."), field="council")
        if not councils_of(user, today=today).filter(pk=council.pk).exists():
            raise InvalidCapacity(
                _("You do not hold a current mandate in this council."), field="council"
            )
        return "", council
    return "", None


def _fresh(workshop: Workshop) -> Workshop:
    """The workshop and its phases as they are now, inside the transaction."""
    return Workshop.objects.prefetch_related("phases").get(pk=workshop.pk)


@transaction.atomic
def workshop_join(
    *,
    workshop: Workshop,
    user: User,
    capacity: str,
    association_name: str = "",
    council: Council | None = None,
) -> Participation:
    """Make `user` a participant of `workshop` in the declared `capacity`."""
    now = timezone.now()
    association_name, council = validate_capacity(
        user=user,
        capacity=capacity,
        association_name=association_name,
        council=council,
        today=timezone.localdate(now),
    )
    state = selectors.registration_state(workshop=_fresh(workshop), now=now)
    if state.status not in (Registration.OPEN, Registration.FULL):
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
    record(actor=user, verb="workshop.joined", target=workshop, data={"capacity": capacity})
    workshop.refresh_from_db(fields=["participant_count"])
    return participation


@transaction.atomic
def workshop_leave(*, workshop: Workshop, user: User) -> None:
    """Remove `user` from the participants of `workshop` and free their seat."""
    now = timezone.now()
    if not selectors.leaving_open(workshop=_fresh(workshop), now=now):
        raise LeavingClosed()
    deleted, _rows = Participation.objects.filter(workshop=workshop, user=user).delete()
    if not deleted:
        raise NotParticipating()
    Workshop.objects.filter(pk=workshop.pk, participant_count__gt=0).update(
        participant_count=F("participant_count") - 1
    )
    record(actor=user, verb="workshop.left", target=workshop)
    workshop.refresh_from_db(fields=["participant_count"])
