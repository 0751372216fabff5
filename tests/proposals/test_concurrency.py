"""Staff acting at the same instant, each on their own database connection: a proposal
still becomes one workshop."""

import pytest

from ateliers.core.models import Role
from ateliers.proposals import services
from ateliers.proposals.models import WorkshopProposal
from ateliers.workshops.models import Workshop
from tests import concurrency
from tests.factories import CouncilFactory, UserFactory


def run_at_once(calls) -> list[str]:
    return concurrency.run_at_once(
        calls, refusals=(services.ProposalAlreadyDecided,), success="done"
    )


@pytest.mark.django_db(transaction=True)
def test_eight_staff_accepting_one_proposal_at_once_make_one_workshop():
    council = CouncilFactory()
    proposal = WorkshopProposal.objects.create(
        council=council, kind="city", title="Plan climat", rationale="Il fait chaud."
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
