"""A person deletes their account (RGPD, article 17).

What they wrote stays in the record of the workshops and councils, shown as by a "deleted
participant": the account's row stays, emptied of everything that named or reached them. Their
opinion-map votes stay counted but no longer point at any account; their registrations to
meetings and trainings still to come are cancelled, so that the first person waiting takes the
seat; they leave the workshops they may still leave and end their council mandates today.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ateliers.activity.services import record
from ateliers.core.errors import ApplicationError
from ateliers.core.models import User
from ateliers.core.second_factor import carries_powers
from ateliers.core.waitlist import RegistrationStatus
from ateliers.councils.models import Mandate
from ateliers.meetings import services as meeting_services
from ateliers.meetings.models import MeetingRegistration
from ateliers.notifications.models import Follow, Notification, Preference
from ateliers.opinions.models import Voter
from ateliers.townhall.models import Delegation, Volunteer
from ateliers.trainings import services as training_services
from ateliers.trainings.models import SessionRegistration
from ateliers.workshops.models import Participation
from ateliers.workshops.services.participation import LeavingClosed, workshop_leave

LIVE = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]


class AccountKeptByTheCity(ApplicationError):
    def __init__(self):
        super().__init__(
            _(
                "An account of the city's team is closed by an administrator: ask them, they "
                "will hand over what you manage first."
            )
        )


def may_delete_themselves(user: User) -> bool:
    """Accounts that carry the city's powers are closed by an administrator, who first hands
    over what they manage."""
    return not carries_powers(user)


def _cancel_registrations(user: User, now: datetime.datetime) -> None:
    for meeting_registration in MeetingRegistration.objects.filter(
        user=user, status__in=LIVE, meeting__starts_at__gt=now
    ).select_related("meeting"):
        meeting_services.registration_cancel(registration=meeting_registration, by=user, now=now)
    for session_registration in SessionRegistration.objects.filter(
        user=user, status__in=LIVE, session__starts_at__gt=now
    ).select_related("session"):
        training_services.registration_cancel(registration=session_registration, by=user, now=now)


def _leave_workshops(user: User, now: datetime.datetime) -> None:
    running = Participation.objects.filter(user=user, workshop__ends_at__gt=now)
    for participation in running.select_related("workshop"):
        try:
            workshop_leave(workshop=participation.workshop, user=user)
        except LeavingClosed:
            # Past its debate, a participation is part of the workshop's record: it stays,
            # under the deleted participant's name.
            pass


def _end_mandates(user: User, today: datetime.date) -> None:
    Mandate.objects.filter(user=user, starts_on__gt=today).delete()
    Mandate.objects.current(today).filter(user=user).update(ends_on=today)


def _withdraw_from_draws(user: User) -> None:
    """Volunteering for a draw not made yet is withdrawn; a draw made keeps its tickets."""
    drawn = Delegation.objects.values("workshop_id")
    Volunteer.objects.filter(user=user).exclude(workshop_id__in=drawn).delete()


def _forget_the_person(user: User, now: datetime.datetime) -> None:
    EmailAddress.objects.filter(user=user).delete()
    user.email = f"deleted-{user.pk}@deleted.invalid"
    user.display_name = ""
    user.neighbourhood = None
    user.is_active = False
    user.set_unusable_password()
    user.deleted_at = now
    # A new password hash logs the account out of every session (Django checks the session's
    # copy of it on each request), and an inactive account cannot log in again.
    user.save()


@transaction.atomic
def account_delete(*, user: User, now: datetime.datetime | None = None) -> None:
    if not may_delete_themselves(user):
        raise AccountKeptByTheCity()
    now = now or timezone.now()
    # The account's row is locked: two deletions at once do the work once.
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if user.deleted_at is not None:
        return
    _cancel_registrations(user, now)
    _leave_workshops(user, now)
    _end_mandates(user, timezone.localdate(now))
    _withdraw_from_draws(user)
    Voter.objects.filter(user=user).update(user=None)
    for model in (Follow, Notification, Preference):
        model.objects.filter(**{"recipient" if model is Notification else "user": user}).delete()
    _forget_the_person(user, now)
    # After the forgetting: the log names the account as it now reads.
    record(actor=None, verb="account.deleted", target=user)
