"""Supports given at the same instant, on PostgreSQL or SQLite."""

import pytest

from ateliers.recommendations import services
from ateliers.recommendations.models import Recommendation, Support
from ateliers.workshops.phases import PhaseKind
from tests.concurrency import run_at_once
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

pytestmark = pytest.mark.django_db(transaction=True)


def a_recommendation():
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    return services.recommendation_draft(
        workshop=workshop,
        by=ParticipationFactory(workshop=workshop).user,
        title="Des bancs",
        text="Sous les platanes.",
        general_interest="Se reposer en été.",
    )


def test_the_same_person_supporting_twenty_times_at_once_supports_once():
    recommendation = a_recommendation()
    person = UserFactory()

    outcomes = run_at_once(
        [
            lambda: services.support_add(
                recommendation=Recommendation.objects.get(pk=recommendation.pk), by=person
            )
        ]
        * 20,
        refusals=(services.AlreadySupported,),
        success="supported",
    )

    assert sorted(outcomes) == ["AlreadySupported"] * 19 + ["supported"]
    assert Support.objects.count() == 1
    assert Recommendation.objects.get().support_count == 1


def test_ten_people_supporting_at_once_count_ten():
    recommendation = a_recommendation()
    people = UserFactory.create_batch(10)

    outcomes = run_at_once(
        [
            lambda person=person: services.support_add(
                recommendation=Recommendation.objects.get(pk=recommendation.pk), by=person
            )
            for person in people
        ],
        refusals=(),
        success="supported",
    )

    assert outcomes == ["supported"] * 10
    assert Recommendation.objects.get().support_count == Support.objects.count() == 10


def test_two_hundred_identical_supports_at_once_give_one():
    """200 supports from one person: 40 connections at once (PostgreSQL's default allows
    100), each sending 5 in a row as fast as it can."""
    recommendation = a_recommendation()
    person = UserFactory()
    answers: list[str] = []

    def five_supports():
        for _ in range(5):
            try:
                services.support_add(
                    recommendation=Recommendation.objects.get(pk=recommendation.pk), by=person
                )
                answers.append("supported")
            except services.AlreadySupported:
                answers.append("already")

    outcomes = run_at_once([five_supports] * 40, refusals=(), success="done")

    assert outcomes == ["done"] * 40
    assert sorted(answers) == ["already"] * 199 + ["supported"]
    assert Support.objects.count() == 1
    assert Recommendation.objects.get().support_count == 1
