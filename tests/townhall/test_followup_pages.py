"""The follow-up's pages: the list with its filters and figures, a recommendation's road, the
section on the recommendation's page, and their query budgets (the same for few and many)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ateliers.recommendations.models import Adoption, Recommendation
from ateliers.townhall.models import Answer
from ateliers.workshops.models import Workshop
from tests.factories import NeighbourhoodFactory, ThemeFactory

from .followup_factories import (
    adopted,
    answered,
    answering_workshop,
    heard,
    milestone,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def queries(client, url, data=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, data).status_code == 200
    return len(captured)


def many_adopted(workshop, number):
    """`number` adopted recommendations, made in bulk (with their adoptions), a third answered."""
    now = timezone.now()
    made = Recommendation.objects.bulk_create(
        Recommendation(
            workshop=workshop,
            title=f"Préconisation {index}",
            text="Un texte.",
            general_interest="Pour tous.",
            status=Recommendation.Status.ADOPTED,
        )
        for index in range(number)
    )
    Adoption.objects.bulk_create(
        Adoption(
            recommendation=recommendation,
            method=Adoption.Method.CONSENSUS,
            result=Adoption.Result.ADOPTED,
            decided_at=now,
        )
        for recommendation in made
    )
    Answer.objects.bulk_create(
        Answer(
            recommendation=recommendation,
            status=Answer.Status.ACCEPTED,
            service="Voirie",
            elected_official="Adjoint",
            answered_at=now,
            updated_at=now,
        )
        for recommendation in made[::3]
    )
    return made


def test_the_list_shows_each_adopted_recommendation_with_its_answer_and_progress(client):
    workshop = answering_workshop(neighbourhood=NeighbourhoodFactory(name="Les Coteaux"))
    workshop.themes.add(ThemeFactory(name="Mobilités"))
    heard(workshop, timezone.now() - 10 * DAY)
    first = adopted(workshop, title="Des pistes cyclables")
    second = adopted(workshop, title="Des bancs")
    answer = answered(first, status=Answer.Status.PARTIALLY_ACCEPTED)
    milestone(answer, progress=40)
    milestone(answer, done=True)
    draft = Recommendation.objects.create(
        workshop=workshop, title="Un brouillon", text="x", general_interest="y"
    )

    page = client.get(reverse("townhall:followup")).content.decode()

    assert "Des pistes cyclables" in page and "Des bancs" in page
    assert draft.title not in page
    assert "Les Coteaux" in page and "Mobilités" in page
    assert "Partially accepted" in page
    assert "70 %" in page  # (40 + 100) / 2
    assert "Awaiting the answer, due by" in page
    assert second.title in page


def test_the_filters_narrow_the_list(client):
    north = answering_workshop(neighbourhood=NeighbourhoodFactory(name="Nord", slug="nord"))
    south = answering_workshop(neighbourhood=NeighbourhoodFactory(name="Sud", slug="sud"))
    answered(adopted(north, title="Au nord, répondue"))
    adopted(north, title="Au nord, en attente")
    adopted(south, title="Au sud")

    by_neighbourhood = client.get(reverse("townhall:followup"), {"neighbourhood": "sud"})
    awaiting = client.get(reverse("townhall:followup"), {"answer": "awaiting"})
    by_workshop = client.get(reverse("townhall:followup"), {"workshop": north.slug})

    assert "Au sud" in by_neighbourhood.content.decode()
    assert "Au nord" not in by_neighbourhood.content.decode()
    assert "Au nord, en attente" in awaiting.content.decode()
    assert "Au nord, répondue" not in awaiting.content.decode()
    assert "Au sud" not in by_workshop.content.decode()


def test_the_list_does_not_show_a_draft_workshop(client):
    workshop = answering_workshop()
    adopted(workshop, title="Cachée")
    Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.DRAFT)

    assert "Cachée" not in client.get(reverse("townhall:followup")).content.decode()


@pytest.mark.parametrize("filters", [{}, {"answer": "awaiting", "overdue": "on"}])
def test_the_list_asks_as_many_queries_for_10_and_2000_recommendations(client, filters):
    workshop = answering_workshop()
    workshop.themes.add(ThemeFactory())
    heard(workshop, timezone.now() - 200 * DAY)
    many_adopted(workshop, 10)
    url = reverse("townhall:followup")

    few = queries(client, url, filters)
    many_adopted(answering_workshop(), 1990)
    many = queries(client, url, filters)

    # The workshops, neighbourhoods and themes to choose from; the filters' own values; the
    # figures; the count; the page's rows and their themes.
    assert few == many
    assert many <= 10


def test_the_road_of_a_recommendation_asks_as_many_queries_for_1_and_20_milestones(client):
    workshop = answering_workshop()
    heard(workshop, timezone.now() - 10 * DAY)
    recommendation = adopted(workshop)
    answer = answered(recommendation)
    milestone(answer)
    url = reverse("townhall:followup_recommendation", args=[recommendation.pk])

    one = queries(client, url)
    for index in range(19):
        milestone(answer, title=f"Jalon {index}")
    twenty = queries(client, url)

    assert one == twenty
    # The recommendation with its answer, the workshop's phases and facilitators, accepted
    # amendments, the adoption, the dossier, the hearings, the months, the milestones and
    # their updates.
    assert twenty <= 12


def test_the_road_shows_every_step(client):
    workshop = answering_workshop()
    item = heard(workshop, timezone.now() - 10 * DAY)
    item.outcome = "Avis favorable de la commission."
    item.save()
    recommendation = adopted(workshop, title="Des arbres")
    answer = answered(recommendation, justification="Avec plaisir.")
    milestone(answer, title="Plantation", done=True)

    page = client.get(
        reverse("townhall:followup_recommendation", args=[recommendation.pk])
    ).content.decode()

    for text in (
        "Drafted",
        "Adopted by the workshop",
        "Consensus in a meeting",
        "Heard by Commission cadre de vie",
        "Avis favorable de la commission.",
        "The city's answer: Accepted",
        "Direction des espaces verts",
        "Milestone: Plantation",
        "Done",
    ):
        assert text in page


def test_the_road_of_a_recommendation_not_adopted_is_not_found(client):
    draft = Recommendation.objects.create(
        workshop=answering_workshop(), title="Brouillon", text="x", general_interest="y"
    )

    url = reverse("townhall:followup_recommendation", args=[draft.pk])

    assert client.get(url).status_code == 404


def test_the_recommendations_page_shows_its_road_for_an_adopted_one(client):
    workshop = answering_workshop()
    recommendation = adopted(workshop)
    answered(recommendation, status=Answer.Status.UNDER_STUDY)

    page = client.get(recommendation.get_absolute_url()).content.decode()

    assert "Its road to the town hall" in page
    assert "Under study" in page
    assert reverse("townhall:followup_recommendation", args=[recommendation.pk]) in page


def test_the_section_costs_one_query(client):
    recommendation = adopted()
    draft = Recommendation.objects.create(
        workshop=recommendation.workshop, title="Brouillon", text="x", general_interest="y"
    )

    adopted_page = queries(client, recommendation.get_absolute_url())
    draft_page = queries(client, draft.get_absolute_url())

    assert adopted_page - draft_page <= 2
    assert "Its road to the town hall" not in client.get(draft.get_absolute_url()).content.decode()
