"""Every text of a recommendation — its title, text, general interest, notes on cost and
feasibility, and its authors' names — filled with script-injection attempts stays inert on
every page that shows it."""

import pytest
from django.urls import reverse

from ateliers.recommendations import services
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory
from tests.xss import PAYLOADS, live_problems

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", PAYLOADS)
def test_what_people_write_in_a_recommendation_never_runs(client, payload):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    author = ParticipationFactory(
        workshop=workshop, user=UserFactory(display_name=f"Nom {payload}"[:80])
    ).user
    recommendation = services.recommendation_draft(
        workshop=workshop,
        by=author,
        title=f"Titre {payload}"[:160],
        text=payload,
        general_interest=f"Pour tous {payload}",
        cost_note=payload,
        feasibility_note=payload,
    )
    services.recommendation_edit(
        recommendation=recommendation,
        by=author,
        title=f"Titre 2 {payload}"[:160],
        text=f"{payload} !",
        general_interest=f"Pour tous {payload}",
    )
    client.force_login(author)

    for url in [
        workshop.get_absolute_url(),
        reverse("recommendations:of_workshop", args=[workshop.slug]),
        recommendation.get_absolute_url(),
        reverse("recommendations:edit", args=[recommendation.pk]),
        reverse("recommendations:coauthor", args=[recommendation.pk]),
    ]:
        assert live_problems(client.get(url).content.decode()) == [], url
