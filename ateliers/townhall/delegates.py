"""A workshop's delegates to the town hall: 1 to 3 of its participants, elected by them (the
team records the result) or drawn by lot among volunteers.

The draw is reproducible by anyone: each volunteer's number is the SHA-256 of
"<seed>:<account number>", and the delegates are the volunteers with the smallest numbers. The
seed and the list of volunteers are published with the result, so re-running `draw()` (or the
same arithmetic in any language) gives the same delegates."""

import hashlib
import secrets
from collections.abc import Iterable, Sequence

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ateliers.activity.services import record
from ateliers.core.errors import ApplicationError, Collected, InvalidInput, StateChanged
from ateliers.core.models import User
from ateliers.recommendations.services import checked_text
from ateliers.workshops.models import Participation, Workshop

from .models import MAX_DELEGATES, Delegate, DelegateMethod, Delegation, Volunteer


class AlreadyChosen(StateChanged):
    default_message = _("This workshop's delegates are already chosen.")


class AlreadyVolunteered(ApplicationError):
    default_message = _("You have already volunteered.")


def ticket(seed: str, user_id: int) -> str:
    """A volunteer's number in the draw: anyone can compute it from the published seed."""
    return hashlib.sha256(f"{seed}:{user_id}".encode()).hexdigest()


def draw(seed: str, candidates: Iterable[int], seats: int) -> list[int]:
    """The `seats` volunteers drawn by `seed`, in the order drawn."""
    return sorted(candidates, key=lambda user_id: (ticket(seed, user_id), user_id))[:seats]


def _participant_ids(workshop: Workshop) -> set[int]:
    return set(Participation.objects.filter(workshop=workshop).values_list("user_id", flat=True))


def _check_seats(seats: int) -> None:
    if not 1 <= seats <= MAX_DELEGATES:
        raise InvalidInput(
            _("A workshop has 1 to %(most)s delegates.") % {"most": MAX_DELEGATES}, field="seats"
        )


def volunteer(*, workshop: Workshop, user: User) -> Volunteer:
    if Delegation.objects.filter(workshop=workshop).exists():
        raise AlreadyChosen()
    if not Participation.objects.filter(workshop=workshop, user=user).exists():
        raise InvalidInput(_("Only the workshop's participants can be its delegates."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                entry = Volunteer.objects.create(workshop=workshop, user=user)
        except IntegrityError:
            raise AlreadyVolunteered() from None
        record(
            actor=user,
            verb="townhall.volunteered",
            target=workshop,
            data={"title": workshop.title},
        )
    return entry


def volunteer_withdraw(*, workshop: Workshop, user: User) -> None:
    if Delegation.objects.filter(workshop=workshop).exists():
        raise AlreadyChosen()
    with transaction.atomic():
        deleted, _rows = Volunteer.objects.filter(workshop=workshop, user=user).delete()
        if not deleted:
            raise InvalidInput(_("You had not volunteered."))
        record(
            actor=user,
            verb="townhall.volunteer_withdrawn",
            target=workshop,
            data={"title": workshop.title},
        )


def _delegation_create(**values) -> Delegation:
    try:
        with transaction.atomic():
            return Delegation.objects.create(**values)
    except IntegrityError:
        raise AlreadyChosen() from None


def delegates_draw(
    *, actor: User, workshop: Workshop, seats: int, seed: str | None = None
) -> Delegation:
    """Draw `seats` delegates among the volunteers who still take part; the seed is random
    unless given (a public seed announced beforehand, a test)."""
    _check_seats(seats)
    seed = seed or secrets.token_hex(16)
    with transaction.atomic():
        participants = _participant_ids(workshop)
        candidates = sorted(
            user_id
            for user_id in Volunteer.objects.filter(workshop=workshop).values_list(
                "user_id", flat=True
            )
            if user_id in participants
        )
        if len(candidates) < seats:
            raise InvalidInput(
                ngettext(
                    "Only %(count)s participant volunteered: not enough to draw %(seats)s.",
                    "Only %(count)s participants volunteered: not enough to draw %(seats)s.",
                    len(candidates),
                )
                % {"count": len(candidates), "seats": seats},
                field="seats",
            )
        delegation = _delegation_create(
            workshop=workshop,
            method=DelegateMethod.LOT,
            seats=seats,
            seed=seed,
            candidates=candidates,
            decided_by=actor,
        )
        Delegate.objects.bulk_create(
            Delegate(delegation=delegation, user_id=user_id, position=position)
            for position, user_id in enumerate(draw(seed, candidates, seats), start=1)
        )
        record(
            actor=actor,
            verb="townhall.delegates_drawn",
            target=workshop,
            data={"title": workshop.title, "seed": seed, "count": len(candidates)},
            public=True,
        )
    return delegation


def delegates_elect(
    *,
    actor: User,
    workshop: Workshop,
    elected: Sequence[tuple[User, int | None]],
    note: str = "",
) -> Delegation:
    """Record the participants' election: who was elected, with their votes when counted."""
    errors = Collected()
    note = checked_text(errors, note, field="note", longest=3_000)
    errors.raise_if_any()
    _check_seats(len(elected))
    users = [user for user, _votes in elected]
    if len({user.pk for user in users}) != len(users):
        raise InvalidInput(_("The same person is named twice."), field="delegates")
    with transaction.atomic():
        participants = _participant_ids(workshop)
        if any(user.pk not in participants for user in users):
            raise InvalidInput(
                _("Only the workshop's participants can be its delegates."), field="delegates"
            )
        delegation = _delegation_create(
            workshop=workshop,
            method=DelegateMethod.ELECTION,
            seats=len(elected),
            note=note,
            decided_by=actor,
        )
        Delegate.objects.bulk_create(
            Delegate(delegation=delegation, user=user, position=position, votes=votes)
            for position, (user, votes) in enumerate(elected, start=1)
        )
        record(
            actor=actor,
            verb="townhall.delegates_elected",
            target=workshop,
            data={"title": workshop.title, "count": len(elected)},
            public=True,
        )
    return delegation
