"""Two authors answering one amendment at the same instant give one answer (PostgreSQL or
SQLite): one version is made, the other author is told it was already answered."""

import pytest

from ateliers.recommendations import amendments, services
from ateliers.recommendations.models import Amendment, Recommendation, RecommendationVersion
from ateliers.workshops.phases import PhaseKind
from tests.concurrency import run_at_once
from tests.factories import ParticipationFactory, WorkshopFactory

pytestmark = pytest.mark.django_db(transaction=True)


def pending_amendment():
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    first, second = (ParticipationFactory(workshop=workshop).user for _ in range(2))
    recommendation = services.recommendation_draft(
        workshop=workshop,
        by=first,
        title="Des bancs",
        text="Sous les platanes.",
        general_interest="Se reposer en été.",
    )
    services.coauthor_add(recommendation=recommendation, user=second, by=first)
    amendment = amendments.amendment_propose(
        recommendation=recommendation,
        by=ParticipationFactory(workshop=workshop).user,
        text="Sous les platanes et les tilleuls.",
        reason="Plus d'ombre.",
    )
    return amendment, [first, second]


def fresh(amendment):
    return Amendment.objects.select_related("recommendation").get(pk=amendment.pk)


def test_two_authors_accepting_at_once_make_one_version():
    amendment, authors = pending_amendment()

    outcomes = run_at_once(
        [
            lambda author=author: amendments.amendment_accept(amendment=fresh(amendment), by=author)
            for author in authors
        ],
        refusals=(amendments.AlreadyAnswered,),
        success="accepted",
    )

    assert sorted(outcomes) == ["AlreadyAnswered", "accepted"]
    assert Recommendation.objects.get().version == 2
    assert RecommendationVersion.objects.count() == 2


def test_one_accepting_while_the_other_rejects_gives_one_answer():
    amendment, (first, second) = pending_amendment()

    outcomes = run_at_once(
        [
            lambda: amendments.amendment_accept(amendment=fresh(amendment), by=first),
            lambda: amendments.amendment_reject(
                amendment=fresh(amendment), by=second, reason="Non."
            ),
        ],
        refusals=(amendments.AlreadyAnswered,),
        success="answered",
    )

    assert sorted(outcomes) == ["AlreadyAnswered", "answered"]
    answered = Amendment.objects.get()
    version = Recommendation.objects.get().version
    assert (answered.status, version) in {("accepted", 2), ("rejected", 1)}
    assert RecommendationVersion.objects.count() == version
