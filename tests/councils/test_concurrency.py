"""Staff acting at the same instant, each on their own database connection: a council
still gets one president."""

import pytest
from django.utils import timezone

from ateliers.core.errors import InvalidInput
from ateliers.councils import services
from ateliers.councils.models import Mandate
from tests import concurrency
from tests.factories import CouncilFactory, UserFactory


def run_at_once(calls) -> list[str]:
    return concurrency.run_at_once(calls, refusals=(InvalidInput,), success="done")


@pytest.mark.django_db(transaction=True)
def test_two_presidents_named_at_once_leave_one():
    council = CouncilFactory()
    candidates = UserFactory.create_batch(4)
    today = timezone.localdate()

    outcomes = run_at_once(
        [
            lambda person=person: services.mandate_create(
                council=council,
                by=None,
                user=person,
                role=Mandate.Role.PRESIDENT,
                starts_on=today,
            )
            for person in candidates
        ]
    )

    assert sorted(outcomes) == ["InvalidInput"] * 3 + ["done"]
    assert Mandate.objects.filter(council=council, role=Mandate.Role.PRESIDENT).count() == 1
