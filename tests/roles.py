"""The roles every permission-matrix test plays, in one list, and the people who play them.

The matrix tests (tests/test_permission_matrix.py for the rules themselves, and the HTTP
matrices of each app) all iterate ROLES, so a role added here is tried everywhere.
"""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from ateliers.core.models import Role
from ateliers.councils.models import Mandate

from .factories import MandateFactory, ParticipationFactory, UserFactory

DAY = datetime.timedelta(days=1)

ROLES = [
    "anonymous",
    "resident",
    # takes part in the workshop
    "participant",
    # sits in the council / presides it / presided it until last year
    "council_member",
    "council_president",
    "former_president",
    # presides another council
    "other_president",
    # runs the workshop / runs others
    "facilitator",
    "other_facilitator",
    "elected",
    "city_staff",
    "administrator",
    # Django's superuser flag: the rules must not say yes to everything for it
    "superuser",
]
ACCOUNTS = frozenset(ROLES) - {"anonymous"}
CITY_TEAM = frozenset({"city_staff", "administrator", "superuser"})
FACILITATORS = frozenset({"facilitator", "other_facilitator"})
WORKSHOP_MANAGERS = CITY_TEAM | {"facilitator"}
COUNCIL_ROLES = frozenset({"council_member", "council_president", "former_president"})

_ACCOUNT_ROLE = {
    "facilitator": Role.FACILITATOR,
    "other_facilitator": Role.FACILITATOR,
    "elected": Role.ELECTED,
    "city_staff": Role.CITY_STAFF,
    "administrator": Role.ADMINISTRATOR,
}


def person_for(role: str, *, workshops=(), council=None, today: datetime.date | None = None):
    """The person playing `role`, alone. The participant takes part in, and the facilitator
    runs, each of `workshops`; the council roles hold their mandates in `council`."""
    if role == "anonymous":
        return AnonymousUser()
    person = UserFactory(
        role=_ACCOUNT_ROLE.get(role, Role.RESIDENT),
        is_superuser=role == "superuser",
        is_staff=role == "superuser",
        display_name=role.replace("_", " ").title(),
    )
    for workshop in workshops:
        if role == "facilitator":
            workshop.facilitators.add(person)
        elif role == "participant":
            ParticipationFactory(workshop=workshop, user=person)
    if council is not None and role == "other_president":
        a_year_ago = (today or timezone.localdate()) - 365 * DAY
        MandateFactory(user=person, role=Mandate.Role.PRESIDENT, starts_on=a_year_ago)
    if council is not None and role in COUNCIL_ROLES:
        a_year_ago = (today or timezone.localdate()) - 365 * DAY
        if role == "council_member":
            MandateFactory(council=council, user=person, starts_on=a_year_ago)
        elif role == "council_president":
            MandateFactory(
                council=council, user=person, role=Mandate.Role.PRESIDENT, starts_on=a_year_ago
            )
        else:
            MandateFactory(
                council=council,
                user=person,
                role=Mandate.Role.PRESIDENT,
                starts_on=a_year_ago - 800 * DAY,
                ends_on=a_year_ago - DAY,
            )
    return person


def cast(*, workshops=(), council=None, today: datetime.date | None = None) -> dict:
    """One person per role (see `person_for`)."""
    return {
        role: person_for(role, workshops=workshops, council=council, today=today) for role in ROLES
    }


def log_in(client, role: str, **cast):
    """Log the test client in as the person playing `role` (`cast` as for `person_for`);
    the anonymous visitor stays logged out."""
    person = person_for(role, **cast)
    if person.is_authenticated:
        client.force_login(person)
    return person


def assert_refused(response, role: str) -> None:
    """What a refused request gets: the login page for a visitor, 403 for anyone else."""
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == 403
