"""Query budgets of the trainings' pages, and who may use the management pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from ateliers.trainings import services
from ateliers.trainings.models import Training, TrainingSession
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    CouncilFactory,
    ThemeFactory,
    TrainingFactory,
    TrainingSessionFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.roles import CITY_TEAM, ROLES, WORKSHOP_MANAGERS, assert_refused, log_in

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_catalogue_budget(client, django_assert_num_queries):
    TrainingSessionFactory().training.themes.add(ThemeFactory())

    # 1 the themes of the filter, 2 the count for the paginator, 3 the page of trainings
    # with their next session, 4 their themes.
    with django_assert_num_queries(4):
        client.get(reverse("trainings:catalogue"))


def test_session_page_budget_for_a_registered_person(client, django_assert_num_queries):
    session = TrainingSessionFactory(capacity=1)
    person = UserFactory()
    services.session_register(session=session, user=person)
    services.session_register(session=session, user=UserFactory())
    client.force_login(person)

    # 1 the user, 2 the session with its training, 3 the person's registration.
    with django_assert_num_queries(3):
        client.get(session.get_absolute_url())


@pytest.mark.parametrize("page", ["catalogue", "training", "my trainings"])
def test_pages_do_not_grow_with_trainings_sessions_or_registrations(client, settings, page):
    settings.ATELIERS_PAGE_SIZE = 50
    person = UserFactory()
    client.force_login(person)
    training = TrainingFactory()
    theme = ThemeFactory()

    def add(number):
        for _ in range(number):
            other = TrainingFactory()
            other.themes.add(theme)
            for owner in (training, other):
                session = TrainingSessionFactory(training=owner, capacity=1)
                services.session_register(session=session, user=UserFactory())
                services.session_register(session=session, user=person)

    url = {
        "catalogue": reverse("trainings:catalogue"),
        "training": training.get_absolute_url(),
        "my trainings": reverse("trainings:mine"),
    }[page]
    add(2)
    few = queries(client, url)
    add(12)
    assert queries(client, url) == few


def test_the_workshop_page_shows_its_recommended_trainings(client):
    workshop = WorkshopFactory(phase=PhaseKind.INFORMATION)
    training = TrainingSessionFactory().training
    training.recommended_for.add(workshop)

    page = client.get(workshop.get_absolute_url()).content.decode()

    assert "Recommended trainings" in page and escape(training.title) in page


@pytest.mark.parametrize("role", ROLES)
def test_only_the_city_team_builds_the_catalogue(client, role):
    training = TrainingFactory()
    log_in(client, role)
    session_values = {
        "starts_at": "2099-06-01T18:00",
        "duration_minutes": "90",
        "capacity": "10",
        "place": "Médiathèque",
    }

    created = client.post(
        reverse("trainings:create"),
        {"title": "Nouvelle", "summary": "x", "audience": "y", "trainer": "z"},
    )
    planned = client.post(reverse("trainings:session_create", args=[training.slug]), session_values)

    if role in CITY_TEAM:
        assert created.status_code == planned.status_code == 302
        assert Training.objects.count() == 2 and TrainingSession.objects.count() == 1
    else:
        assert_refused(created, role)
        assert_refused(planned, role)
        assert Training.objects.count() == 1 and not TrainingSession.objects.exists()


MOMENTS = {
    "draft, before the start": (Workshop.Status.DRAFT, {"upcoming": True}, True),
    "information phase": (Workshop.Status.PUBLISHED, {"phase": PhaseKind.INFORMATION}, True),
    "debate phase": (Workshop.Status.PUBLISHED, {"phase": PhaseKind.DEBATE}, False),
    "archived": (Workshop.Status.ARCHIVED, {"phase": PhaseKind.INFORMATION}, False),
}


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_recommending_trainings_for_a_workshop(client, role, moment):
    status, when, open_then = MOMENTS[moment]
    workshop = WorkshopFactory(status=status, **when)
    training = TrainingFactory()
    log_in(client, role, workshops=[workshop])

    response = client.post(
        reverse("trainings:recommend_for_workshop", args=[workshop.slug]),
        {"trainings": [training.pk]},
    )

    if role in WORKSHOP_MANAGERS and open_then:
        assert response.status_code == 302
        assert list(workshop.recommended_trainings.all()) == [training]
    else:
        assert_refused(response, role)
        assert not workshop.recommended_trainings.exists()


@pytest.mark.parametrize("role", ROLES)
def test_recommending_trainings_for_a_council(client, role):
    council = CouncilFactory()
    training = TrainingFactory()
    log_in(client, role, council=council)

    response = client.post(
        reverse("trainings:recommend_for_council", args=[council.slug]),
        {"trainings": [training.pk]},
    )

    if role in CITY_TEAM | {"council_president"}:
        assert response.status_code == 302
        assert list(council.recommended_trainings.all()) == [training]
        page = client.get(council.get_absolute_url()).content.decode()
        assert escape(training.title) in page
    else:
        assert_refused(response, role)
        assert not council.recommended_trainings.exists()
