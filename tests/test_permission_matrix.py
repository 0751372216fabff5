"""Who may do what, and when: every action × every role × every moment of a workshop.

The table below is the specification. Each cell is checked with the clock frozen in that
moment of the workshop's life (before it, in each of its five phases, after it). The HTTP
tests of each app check the same rules through the pages; this one makes the whole matrix
visible in one place, so a change to a rule or to a phase's features shows up here.
"""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser

from ateliers.core.models import Role
from ateliers.councils.models import Mandate
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind

from .factories import (
    CouncilFactory,
    MandateFactory,
    ParticipationFactory,
    UserFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
PHASE_LENGTH = datetime.timedelta(days=10)

# A moment inside each period: midway through the phase, or a day outside the workshop.
MOMENTS = {
    "before": START - datetime.timedelta(days=1),
    **{
        kind.name.lower(): START + PHASE_LENGTH * (index + 0.5)
        for index, kind in enumerate(PhaseKind)
    },
    "after": START + PHASE_LENGTH * 5 + datetime.timedelta(days=1),
}
EVERY_MOMENT = set(MOMENTS)
COMMUNICATION = {"communication"}
UNTIL_RECOMMENDATIONS = {"communication", "information", "debate", "recommendations"}

ROLES = [
    "anonymous",
    "resident",
    "participant",
    "facilitator",
    "other_facilitator",
    "elected",
    "city_staff",
    "administrator",
    "council_president",
]
CITY_TEAM = {"city_staff", "administrator"}
ACCOUNTS = set(ROLES) - {"anonymous"}

# action → {role: the moments at which the role may do it}; a role absent may never.
MATRIX = {
    # Anyone with an account, while the communication phase runs. (A participant passes the
    # rule; the service then answers "you already take part".)
    "join": {role: COMMUNICATION for role in ACCOUNTS},
    "leave": {"participant": UNTIL_RECOMMENDATIONS},
    "create": {role: EVERY_MOMENT for role in {"facilitator", "other_facilitator", *CITY_TEAM}},
    "edit": {role: EVERY_MOMENT for role in {"facilitator", *CITY_TEAM}},
    "publish": {role: EVERY_MOMENT for role in {"facilitator", *CITY_TEAM}},
    "archive": {role: EVERY_MOMENT for role in {"facilitator", *CITY_TEAM}},
    "view_participants": {role: EVERY_MOMENT for role in {"facilitator", *CITY_TEAM}},
    "propose": {role: EVERY_MOMENT for role in {"council_president", *CITY_TEAM}},
}


@pytest.fixture
def world():
    """One workshop (published, and a draft twin for publishing), one council, everyone."""
    workshop = _workshop(status=Workshop.Status.PUBLISHED, slug="matrice")
    draft = _workshop(status=Workshop.Status.DRAFT, slug="matrice-brouillon")
    council = CouncilFactory()
    people = {role: UserFactory(role=Role.RESIDENT) for role in ROLES if role != "anonymous"}
    for role in ("elected", "city_staff", "administrator"):
        people[role].role = Role(role)
        people[role].save()
    for role in ("facilitator", "other_facilitator"):
        people[role].role = Role.FACILITATOR
        people[role].save()
    workshop.facilitators.add(people["facilitator"])
    draft.facilitators.add(people["facilitator"])
    ParticipationFactory(workshop=workshop, user=people["participant"])
    MandateFactory(
        council=council,
        user=people["council_president"],
        role=Mandate.Role.PRESIDENT,
        starts_on=datetime.date(2025, 1, 1),
    )
    people["anonymous"] = AnonymousUser()
    return {"workshop": workshop, "draft": draft, "council": council, "people": people}


def _workshop(*, status, slug):
    workshop = WorkshopFactory(status=status, slug=slug, phase=PhaseKind.COMMUNICATION)
    for index, phase in enumerate(workshop.phases.order_by("kind")):
        phase.starts_at = START + PHASE_LENGTH * index
        phase.ends_at = START + PHASE_LENGTH * (index + 1)
        phase.save()
    Workshop.objects.filter(pk=workshop.pk).update(
        starts_at=START, ends_at=START + PHASE_LENGTH * 5
    )
    return Workshop.objects.get(pk=workshop.pk)


def allowed(world, action: str, user) -> bool:
    workshop, draft, council = world["workshop"], world["draft"], world["council"]
    checks = {
        "join": lambda: user.has_perm("workshops.join_workshop", workshop),
        "leave": lambda: user.has_perm("workshops.leave_workshop", workshop),
        "create": lambda: user.has_perm("workshops.add_workshop"),
        "edit": lambda: user.has_perm("workshops.change_workshop", workshop),
        "publish": lambda: user.has_perm("workshops.publish_workshop", draft),
        "archive": lambda: user.has_perm("workshops.archive_workshop", workshop),
        "view_participants": lambda: user.has_perm("workshops.view_participants", workshop),
        "propose": lambda: user.has_perm("proposals.propose_workshop", council),
    }
    return checks[action]()


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("action", list(MATRIX))
def test_every_role_may_do_exactly_what_the_matrix_says(world, action, moment):
    with time_machine.travel(MOMENTS[moment], tick=False):
        outcome = {role: allowed(world, action, world["people"][role]) for role in ROLES}
    expected = {role: moment in MATRIX[action].get(role, set()) for role in ROLES}
    assert outcome == expected


def test_the_moments_fall_where_the_matrix_says():
    """Guard the table itself: each named moment is inside the phase it is named after."""
    workshop_phases = [
        (kind.name.lower(), START + PHASE_LENGTH * i, START + PHASE_LENGTH * (i + 1))
        for i, kind in enumerate(PhaseKind)
    ]
    for name, starts_at, ends_at in workshop_phases:
        assert starts_at <= MOMENTS[name] < ends_at
    assert MOMENTS["before"] < START <= MOMENTS["communication"]
    assert MOMENTS["after"] >= START + PHASE_LENGTH * 5
