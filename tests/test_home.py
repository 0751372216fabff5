"""The home page answers "what is happening in my city now?"."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.councils.models import Council
from ateliers.workshops.models import Capacity, Workshop
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.services.participation import workshop_join
from tests.factories import CouncilFactory, ThemeFactory, UserFactory, WorkshopFactory
from tests.roles import CITY_TEAM, FACILITATORS, person_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

HOME = reverse("home")


def section(page: str, heading_id: str) -> str:
    """The HTML of one section of the home page, found by its heading's id."""
    return page.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_workshops_calling_for_participants(client):
    open_workshop = WorkshopFactory(title="Place du marché", capacity=10)
    full = WorkshopFactory(title="Complet", capacity=1)
    workshop_join(workshop=full, user=UserFactory(), capacity=Capacity.RESIDENT)
    WorkshopFactory(title="En débat", phase=PhaseKind.DEBATE)
    WorkshopFactory(title="Brouillon", status=Workshop.Status.DRAFT)

    page = client.get(HOME).content.decode()

    calling = section(page, "calling-title")
    assert "Place du marché" in calling
    assert reverse("workshops:join", kwargs={"slug": open_workshop.slug}) in calling
    assert "Complet" not in calling
    assert "En débat" not in calling
    assert "Brouillon" not in page


def test_workshops_by_phase_with_counts_and_links(client):
    WorkshopFactory(phase=PhaseKind.DEBATE)
    WorkshopFactory(phase=PhaseKind.DEBATE)
    WorkshopFactory(phase=PhaseKind.PRESENTATION)
    WorkshopFactory(upcoming=True)
    WorkshopFactory(finished=True)
    WorkshopFactory(phase=PhaseKind.DEBATE, status=Workshop.Status.DRAFT)

    response = client.get(HOME)

    counts = {item.key: item.count for item in response.context["phase_counts"]}
    assert counts == {"upcoming": 1, "1": 0, "2": 0, "3": 2, "4": 0, "5": 1, "finished": 1}
    phases = section(response.content.decode(), "phases-title")
    assert f'href="{reverse("workshops:list")}?phase=3">Debate</a>' in phases
    assert "2 workshops" in phases


def test_upcoming_workshops(client):
    WorkshopFactory(title="Bientôt", upcoming=True).themes.add(ThemeFactory(name="Climat"))
    WorkshopFactory(title="En cours", phase=PhaseKind.DEBATE)

    upcoming = section(client.get(HOME).content.decode(), "upcoming-title")

    assert "Bientôt" in upcoming and "Climat" in upcoming
    assert "Upcoming, starts on" in upcoming
    assert "En cours" not in upcoming


def test_the_councils_by_kind_link_to_their_lists(client):
    CouncilFactory(name="Conseil des jeunes", kind=Council.Kind.YOUTH, neighbourhood=None)
    CouncilFactory.create_batch(2)

    councils = section(client.get(HOME).content.decode(), "councils-title")

    listing = reverse("councils:list")
    assert f'<a href="{listing}?type=youth">Youth council</a>: 1 council' in councils
    assert (
        f'<a href="{listing}?type=neighbourhood">Neighbourhood council</a>: 2 councils' in councils
    )
    assert f'<a href="{listing}?type=development">Development council</a>: 0 councils' in councils
    assert f'href="{listing}"' in councils


def test_empty_states(client):
    page = client.get(HOME).content.decode()

    assert "No workshop is calling for participants right now." in page
    assert "No workshop is announced yet." in page
    assert "Neighbourhood council</a>: 0 councils" in section(page, "councils-title")
    assert "0 workshops" in section(page, "phases-title")


def test_home_query_budget(client, django_assert_num_queries):
    for index in range(3):
        WorkshopFactory(proposed_by=CouncilFactory()).themes.add(ThemeFactory())
        WorkshopFactory(upcoming=True).themes.add(ThemeFactory())
        WorkshopFactory(phase=list(PhaseKind)[index + 1])

    # 1 the workshops calling for participants, 2 their themes, 3 their phases; 4 the counts
    # by phase (one aggregate over the workshops not ended), 5 the finished ones (then kept
    # until one more ends); 6 the upcoming workshops, 7 their themes, 8 their phases; 9 the
    # number of councils of each kind.
    with django_assert_num_queries(9):
        client.get(HOME)


@pytest.mark.parametrize("role", ["resident", "facilitator", "city_staff", "superuser"])
def test_home_query_budget_logged_in(client, django_assert_num_queries, role):
    """A logged-in person pays their session and their account, nothing more: the menu's
    permissions ("Manage", "Activity log") are rules, with no permission table read."""
    WorkshopFactory(proposed_by=CouncilFactory()).themes.add(ThemeFactory())
    WorkshopFactory(upcoming=True).themes.add(ThemeFactory())
    client.force_login(person_for(role))
    # 1 user (the session comes from the cache), then the nine queries of the anonymous
    # page.
    with django_assert_num_queries(10):
        page = client.get(HOME).content.decode()
    assert (reverse("activity:audit_trail") in page) == (role in CITY_TEAM)
    assert (reverse("workshops:manage") in page) == (role in CITY_TEAM | FACILITATORS)


def test_the_home_page_does_not_read_the_citys_history(client):
    """The finished workshops are counted once, then kept until one more ends or something
    changes: the page's work does not grow with the years of workshops behind the city."""

    def ended_workshops_read(response_queries) -> list[str]:
        return [q["sql"] for q in response_queries if '"ends_at" <=' in q["sql"]]

    WorkshopFactory(phase=PhaseKind.DEBATE)
    WorkshopFactory.create_batch(5, finished=True)
    client.get(HOME)  # counts the finished ones, once
    with CaptureQueriesContext(connection) as few:
        client.get(HOME)
    assert ended_workshops_read(few.captured_queries) == []

    WorkshopFactory.create_batch(200, finished=True)
    with CaptureQueriesContext(connection) as many:
        client.get(HOME)
    assert len(many.captured_queries) == len(few.captured_queries)
    # Every query about workshops asks for the ones that have not ended.
    for query in many.captured_queries:
        if 'FROM "workshops_workshop"' in query["sql"] and "COUNT" in query["sql"]:
            assert '"ends_at" >' in query["sql"], query["sql"]


def test_the_finished_count_follows_a_workshop_that_ends(client):
    running = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    WorkshopFactory(finished=True)
    page = section(client.get(HOME).content.decode(), "phases-title")
    assert "Finished</a>: 1 workshop" in page
    with time_machine.travel(running.ends_at + datetime.timedelta(minutes=1)):
        page = section(client.get(HOME).content.decode(), "phases-title")
    assert "Finished</a>: 2 workshops" in page
