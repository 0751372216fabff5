"""The recommendations' pages ask the same number of queries for few and many rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.recommendations import services
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, WorkshopFactory
from tests.roles import log_in

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_recommendations(workshop, number):
    made = []
    for index in range(number):
        author = ParticipationFactory(workshop=workshop).user
        recommendation = services.recommendation_draft(
            workshop=workshop,
            by=author,
            title=f"Préconisation {index}",
            text="Un texte.",
            general_interest="Pour tous.",
        )
        other = ParticipationFactory(workshop=workshop).user
        services.coauthor_add(recommendation=recommendation, user=other, by=author)
        services.support_add(recommendation=recommendation, by=other)
        made.append(recommendation)
    return made


def add_supports_and_versions(recommendation, number):
    author = recommendation.authors.first().user
    for index in range(number):
        services.support_add(
            recommendation=recommendation,
            by=ParticipationFactory(workshop=recommendation.workshop).user,
        )
        services.recommendation_edit(
            recommendation=recommendation,
            by=author,
            title=f"Titre {index}",
            text="Un texte.",
            general_interest="Pour tous.",
        )


@pytest.mark.parametrize("who", ["anonymous", "participant", "facilitator"])
def test_the_list_and_the_recommendation_page_do_not_grow_with_their_rows(client, who):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    log_in(client, who, workshops=[workshop])
    first = add_recommendations(workshop, 10)[0]
    add_supports_and_versions(first, 10)
    listing = reverse("recommendations:of_workshop", args=[workshop.slug])
    detail = first.get_absolute_url()
    few = (queries(client, listing), queries(client, detail))

    add_recommendations(workshop, 50)
    add_supports_and_versions(first, 50)

    assert (queries(client, listing), queries(client, detail)) == few
    assert queries(client, listing + "?page=3") == few[0]


@pytest.mark.parametrize("who", ["anonymous", "participant", "facilitator"])
def test_the_list_asks_as_many_queries_for_10_and_500_recommendations(client, who):
    from ateliers.recommendations.models import (
        Recommendation,
        RecommendationAuthor,
        RecommendationVersion,
    )

    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    log_in(client, who, workshops=[workshop])
    add_recommendations(workshop, 10)
    listing = reverse("recommendations:of_workshop", args=[workshop.slug])
    few = (queries(client, listing), queries(client, listing + "?page=2"))

    # 490 more, written in bulk as the services would leave them (drafting 490 one by one
    # would only make the test slow).
    author = ParticipationFactory(workshop=workshop).user
    content = {"text": "Un texte.", "general_interest": "Pour tous."}
    made = Recommendation.objects.bulk_create(
        Recommendation(workshop=workshop, title=f"P{n}", created_by=author, **content)
        for n in range(490)
    )
    RecommendationAuthor.objects.bulk_create(
        RecommendationAuthor(recommendation=r, user=author) for r in made
    )
    RecommendationVersion.objects.bulk_create(
        RecommendationVersion(recommendation=r, number=1, title=r.title, **content) for r in made
    )

    assert Recommendation.objects.filter(workshop=workshop).count() == 500
    assert (queries(client, listing), queries(client, listing + "?page=25")) == few
