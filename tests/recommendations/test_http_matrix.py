"""Who may draft, support, amend, answer an amendment, open the adoption, record a decision and
vote online, through HTTP, for every role at each moment of a workshop: the same answers as
the permission matrix, and nothing written when refused."""

import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers.recommendations import amendments
from ateliers.recommendations.models import (
    Adoption,
    AdoptionOpening,
    Amendment,
    Ballot,
    Recommendation,
    Support,
)
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, WorkshopFactory
from tests.roles import ROLES, WORKSHOP_MANAGERS, assert_refused, log_in

from .adoption_helpers import HOUR, drafted, online_vote, opened

pytestmark = pytest.mark.django_db

TAKING_PART = WORKSHOP_MANAGERS | {"participant"}

MOMENTS = {
    "debate phase": {"phase": PhaseKind.DEBATE},
    "recommendations phase": {"phase": PhaseKind.RECOMMENDATIONS},
    "presentation phase": {"phase": PhaseKind.PRESENTATION},
    "finished": {"phase": PhaseKind.PRESENTATION, "finished": True},
}


def _recommendation(moment: str) -> Recommendation:
    workshop = WorkshopFactory(**MOMENTS[moment])
    (recommendation,) = drafted(workshop)
    return recommendation


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_drafting_supporting_and_amending(client, role, moment):
    recommendation = _recommendation(moment)
    workshop = recommendation.workshop
    log_in(client, role, workshops=[workshop])

    drafted_answer = client.post(
        reverse("recommendations:draft", args=[workshop.slug]),
        {"title": "Des arbres", "text": "Planter.", "general_interest": "De l'ombre."},
    )
    supported = client.post(reverse("recommendations:support", args=[recommendation.pk]))
    amended = client.post(
        reverse("recommendations:amend", args=[recommendation.pk]),
        {"text": "Planter des tilleuls.", "reason": "Plus d'ombre."},
    )

    if role in TAKING_PART and moment == "recommendations phase":
        assert drafted_answer.status_code == supported.status_code == amended.status_code == 302
        assert Recommendation.objects.count() == 2
        assert Support.objects.count() == Amendment.objects.count() == 1
    else:
        for answer in (drafted_answer, supported, amended):
            assert_refused(answer, role)
        assert Recommendation.objects.count() == 1
        assert not Support.objects.exists() and not Amendment.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_an_author_answers_an_amendment(client, role):
    recommendation = _recommendation("recommendations phase")
    workshop = recommendation.workshop
    # The participant takes part but is not among the authors: refused like anyone else.
    person = log_in(client, role, workshops=[workshop])
    amendment = amendments.amendment_propose(
        recommendation=recommendation,
        by=ParticipationFactory(workshop=workshop).user,
        text="Sous les tilleuls.",
        reason="Plus d'ombre.",
    )
    rejected = client.post(
        reverse("recommendations:amendment_reject", args=[amendment.pk]), {"reason": "Non."}
    )
    assert_refused(rejected, role)
    assert Amendment.objects.get().status == Amendment.Status.PENDING

    # Made a co-author, the participant answers.
    if role == "participant":
        recommendation.authors.create(user=person)
        answered = client.post(
            reverse("recommendations:amendment_reject", args=[amendment.pk]),
            {"reason": "Les platanes sont déjà là."},
        )
        assert answered.status_code == 302
        assert Amendment.objects.get().status == Amendment.Status.REJECTED


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_opening_the_adoption_and_recording(client, role, moment):
    recommendation = _recommendation(moment)
    workshop = recommendation.workshop
    log_in(client, role, workshops=[workshop])

    opening = client.post(
        reverse("recommendations:adoption_open", args=[workshop.slug]), {"confirm": "on"}
    )
    if role in WORKSHOP_MANAGERS and moment == "recommendations phase":
        assert opening.status_code == 302 and AdoptionOpening.objects.exists()
    else:
        assert_refused(opening, role)
        assert not AdoptionOpening.objects.exists()
        opened(workshop)

    recorded = client.post(
        reverse("recommendations:adoption_record", args=[recommendation.pk]),
        {"method": "consensus", "adopted": "yes", "confirm": "on"},
    )
    if role in WORKSHOP_MANAGERS and moment in {"recommendations phase", "presentation phase"}:
        assert recorded.status_code == 302
        assert Recommendation.objects.get().status == Recommendation.Status.ADOPTED
    else:
        assert_refused(recorded, role)
        assert not Adoption.objects.exists()


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_voting_online(client, role, moment):
    recommendation = _recommendation(moment)
    opened(recommendation.workshop)
    vote = online_vote(recommendation, opens=-HOUR, closes=HOUR)
    log_in(client, role, workshops=[recommendation.workshop])

    answer = client.post(
        reverse("recommendations:adoption_vote", args=[vote.pk]), {"choice": "for"}
    )

    if role == "participant" and moment in {"recommendations phase", "presentation phase"}:
        assert answer.status_code == 302
        assert Ballot.objects.count() == 1
        assert Adoption.objects.get().votes_for == 1
    else:
        assert_refused(answer, role)
        assert not Ballot.objects.exists()
        assert Adoption.objects.get().votes_for == 0
    assert Adoption.objects.get().vote_closes_at > timezone.now()
