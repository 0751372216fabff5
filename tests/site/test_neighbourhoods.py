"""A neighbourhood's page: its councils, its workshops now and past, its next meetings and
trainings, its recommendations and their follow-up; and the home page that starts with the
person's own neighbourhood."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ateliers.councils.models import Council
from ateliers.townhall.models import Answer
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    CouncilFactory,
    MeetingFactory,
    NeighbourhoodFactory,
    ThemeFactory,
    TrainingSessionFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.townhall.followup_factories import adopted, answered, answering_workshop

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def section(page: str, heading_id: str) -> str:
    return page.split(f'id="{heading_id}"')[1].split("</section>")[0]


def page_of(client, neighbourhood) -> str:
    response = client.get(neighbourhood.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def quartier():
    return NeighbourhoodFactory(name="Croix-Rouge", slug="croix-rouge")


def test_the_page_shows_what_happens_there_and_nothing_from_elsewhere(client, quartier):
    elsewhere = NeighbourhoodFactory(name="Orgeval")
    WorkshopFactory(title="Square Lagrive", neighbourhood=quartier, phase=PhaseKind.DEBATE)
    WorkshopFactory(title="Rue de Vesle", neighbourhood=quartier, upcoming=True)
    WorkshopFactory(title="Ancienne halle", neighbourhood=quartier, finished=True)
    WorkshopFactory(title="Projet caché", neighbourhood=quartier, status=Workshop.Status.DRAFT)
    WorkshopFactory(title="Parc Orgeval", neighbourhood=elsewhere, phase=PhaseKind.DEBATE)
    CouncilFactory(name="Conseil citoyen Croix-Rouge", neighbourhood=quartier)
    CouncilFactory(name="Conseil citoyen Orgeval", neighbourhood=elsewhere)
    MeetingFactory(title="Balade urbaine", workshop__neighbourhood=quartier)
    MeetingFactory(title="Réunion Orgeval", workshop__neighbourhood=elsewhere)
    TrainingSessionFactory(training__title="Comprendre le budget de la ville")

    page = page_of(client, quartier)

    current = section(page, "current-title")
    assert "Square Lagrive" in current and "Rue de Vesle" in current
    assert "Ancienne halle" in section(page, "past-title")
    assert "Conseil citoyen Croix-Rouge" in section(page, "councils-title")
    events = section(page, "events-title")
    assert "Balade urbaine" in events
    # Trainings are the whole city's: they show on every neighbourhood's page.
    assert "Comprendre le budget de la ville" in events
    for other in ("Projet caché", "Parc Orgeval", "Conseil citoyen Orgeval", "Réunion Orgeval"):
        assert other not in page


def test_cancelled_and_past_meetings_are_not_announced(client, quartier):
    MeetingFactory(title="Annulée", workshop__neighbourhood=quartier, cancelled_at=timezone.now())
    MeetingFactory(
        title="Passée",
        workshop__neighbourhood=quartier,
        starts_at=timezone.now() - 2 * DAY,
    )
    MeetingFactory(
        title="Du conseil",
        workshop=None,
        council=CouncilFactory(neighbourhood=quartier),
        kind="council",
    )

    events = section(page_of(client, quartier), "events-title")

    assert "Du conseil" in events
    assert "Annulée" not in events and "Passée" not in events


def test_its_recommendations_with_the_city_answer_link_to_the_follow_up(client, quartier):
    workshop = answering_workshop(neighbourhood=quartier)
    answered(adopted(workshop, title="Des bancs ombragés"), status=Answer.Status.ACCEPTED)
    adopted(answering_workshop(neighbourhood=NeighbourhoodFactory()), title="Ailleurs")

    recommendations = section(page_of(client, quartier), "recommendations-title")

    assert "Des bancs ombragés" in recommendations
    assert "Accepted" in recommendations
    assert "Ailleurs" not in recommendations
    followup = reverse("townhall:followup")
    assert f'href="{followup}?neighbourhood=croix-rouge"' in recommendations


def test_long_lists_end_with_a_link_to_the_whole_list(client, quartier):
    for index in range(14):
        WorkshopFactory(title=f"Atelier {index}", neighbourhood=quartier, phase=PhaseKind.DEBATE)

    current = section(page_of(client, quartier), "current-title")

    assert current.count('class="card"') == 12
    assert f'href="{reverse("workshops:list")}?neighbourhood=croix-rouge"' in current
    assert "14" in current


def test_an_empty_neighbourhood_says_so_in_each_section(client, quartier):
    page = page_of(client, quartier)

    for heading in ("current-title", "events-title", "councils-title", "past-title"):
        assert 'class="empty"' in section(page, heading), heading
    assert 'class="empty"' in section(page, "recommendations-title")


def test_an_unknown_neighbourhood_is_not_found(client):
    assert client.get(reverse("neighbourhood", args=["nulle-part"])).status_code == 404


def test_the_list_counts_each_neighbourhood_current_workshops_and_councils(client, quartier):
    WorkshopFactory(neighbourhood=quartier, phase=PhaseKind.DEBATE)
    WorkshopFactory(neighbourhood=quartier, upcoming=True)
    WorkshopFactory(neighbourhood=quartier, finished=True)
    CouncilFactory(neighbourhood=quartier, kind=Council.Kind.NEIGHBOURHOOD)
    NeighbourhoodFactory(name="Orgeval")

    page = client.get(reverse("neighbourhoods")).content.decode()

    croix_rouge = page.split("Croix-Rouge</a>")[1].split("</li>")[0]
    assert "2 workshops running or coming" in croix_rouge
    assert "1 council" in croix_rouge
    assert quartier.get_absolute_url() in page and "Orgeval" in page


def test_the_page_asks_as_many_queries_for_a_quiet_and_a_busy_neighbourhood(client, quartier):
    def busy(number):
        theme = ThemeFactory()
        for _ in range(number):
            workshop = WorkshopFactory(neighbourhood=quartier, phase=PhaseKind.PRESENTATION)
            workshop.themes.add(theme)
            WorkshopFactory(neighbourhood=quartier, finished=True).themes.add(theme)
            CouncilFactory(neighbourhood=quartier).themes.add(theme)
            MeetingFactory(workshop=workshop)
            adopted(workshop)

    url = quartier.get_absolute_url()
    busy(1)
    quiet = queries(client, url)
    busy(15)
    many = queries(client, url)

    assert quiet == many, (quiet, many)
    # The neighbourhood; the current and past workshops, their themes, phases and counts; the
    # councils and their themes; the next meetings and trainings; the recommendations, their
    # themes and count.
    assert many <= 16


def test_the_neighbourhood_list_asks_one_query_for_its_rows(client):
    NeighbourhoodFactory.create_batch(3)
    few = queries(client, reverse("neighbourhoods"))
    NeighbourhoodFactory.create_batch(20)

    assert queries(client, reverse("neighbourhoods")) == few


# The home page starts with the person's neighbourhood


def test_the_home_page_starts_with_the_person_neighbourhood(client, quartier):
    WorkshopFactory(title="Square Lagrive", neighbourhood=quartier, phase=PhaseKind.DEBATE)
    MeetingFactory(title="Balade urbaine", workshop__neighbourhood=quartier)
    WorkshopFactory(title="Parc Orgeval", neighbourhood=NeighbourhoodFactory())
    client.force_login(UserFactory(neighbourhood=quartier))

    page = client.get(reverse("home")).content.decode()

    mine = section(page, "mine-title")
    assert "Croix-Rouge" in mine
    assert "Square Lagrive" in mine and "Balade urbaine" in mine
    assert "Parc Orgeval" not in mine
    assert quartier.get_absolute_url() in mine
    # It comes first: before the workshops calling for participants.
    assert page.index('id="mine-title"') < page.index('id="calling-title"')


def test_without_a_neighbourhood_the_home_page_invites_to_give_it(client):
    client.force_login(UserFactory(neighbourhood=None))

    page = client.get(reverse("home")).content.decode()

    assert 'id="mine-title"' not in page
    assert f'href="{reverse("profile")}"' in page


def test_the_anonymous_home_page_links_to_the_neighbourhoods(client, quartier):
    page = client.get(reverse("home")).content.decode()

    assert 'id="mine-title"' not in page
    assert f'href="{reverse("neighbourhoods")}"' in page
