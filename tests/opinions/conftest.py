import pytest

from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory


@pytest.fixture
def debate(db):
    """A published workshop in its debate phase, with its facilitator and a participant."""
    workshop = WorkshopFactory(phase=PhaseKind.DEBATE, title="Une rue scolaire")
    facilitator = UserFactory(role="facilitator", display_name="Bruno Animateur")
    workshop.facilitators.add(facilitator)
    participant = UserFactory(display_name="Alice Habitante")
    ParticipationFactory(workshop=workshop, user=participant)
    return workshop, facilitator, participant


@pytest.fixture
def every_vote_counts(settings):
    """The map computed again after every vote (no interval), as the tests want to see it."""
    settings.OPINION_MAP_RECOMPUTE_SECONDS = 0
