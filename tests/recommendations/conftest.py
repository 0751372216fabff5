import pytest

from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, WorkshopFactory


@pytest.fixture(autouse=True)
def _english_pages(english):
    # The assertions read the English source strings (French: tests/test_i18n.py).
    pass


# A workshop in its recommendations phase, one of its participants who drafts, another who
# proposes amendments (a test file may define its own).
@pytest.fixture
def workshop():
    return WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)


@pytest.fixture
def author(workshop):
    return ParticipationFactory(workshop=workshop).user


@pytest.fixture
def proposer(workshop):
    return ParticipationFactory(workshop=workshop).user
