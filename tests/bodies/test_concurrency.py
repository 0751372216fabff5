"""Staff acting at the same instant, each on their own database connection: a proposal
still becomes one workshop, and a council still gets one president."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ateliers.bodies import services
from ateliers.bodies.models import Mandate, WorkshopProposal
from ateliers.core.models import Role
from ateliers.workshops.models import Workshop
from tests import concurrency
from tests.factories import BodyFactory, UserFactory


def run_at_once(calls) -> list[str]:
    return concurrency.run_at_once(
        calls, refusals=(services.ProposalAlreadyDecided, ValidationError), success="done"
    )


@pytest.mark.django_db(transaction=True)
def test_eight_staff_accepting_one_proposal_at_once_make_one_workshop():
    body = BodyFactory()
    proposal = WorkshopProposal.objects.create(
        body=body, kind="ville", title="Plan climat", rationale="Il fait chaud."
    )
    staff = UserFactory.create_batch(8, role=Role.CITY_STAFF)

    outcomes = run_at_once(
        [
            lambda person=person: services.proposal_accept(
                proposal=WorkshopProposal.objects.get(pk=proposal.pk), accepted_by=person
            )
            for person in staff
        ]
    )

    assert sorted(outcomes) == ["ProposalAlreadyDecided"] * 7 + ["done"]
    assert Workshop.objects.count() == 1
    assert WorkshopProposal.objects.get(pk=proposal.pk).workshop == Workshop.objects.get()


@pytest.mark.django_db(transaction=True)
def test_two_presidents_named_at_once_leave_one():
    body = BodyFactory()
    candidates = UserFactory.create_batch(4)
    today = timezone.localdate()

    outcomes = run_at_once(
        [
            lambda person=person: services.mandate_create(
                body=body, user=person, role=Mandate.Role.PRESIDENT, starts_on=today
            )
            for person in candidates
        ]
    )

    assert sorted(outcomes) == ["ValidationError"] * 3 + ["done"]
    assert Mandate.objects.filter(body=body, role=Mandate.Role.PRESIDENT).count() == 1
