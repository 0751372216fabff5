"""The public pages of workshops: the list and its filters, a workshop's page, my workshops."""

import pytest
from django.db import connection
from django.template.defaultfilters import date as date_filter
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from ateliers.core.models import Role
from ateliers.workshops.models import Capacity, Workshop
from ateliers.workshops.phases import PHASE_TYPES, PhaseKind
from ateliers.workshops.services.participation import workshop_join
from tests.factories import (
    CouncilFactory,
    NeighbourhoodFactory,
    ThemeFactory,
    UserFactory,
    WorkshopFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

LIST_URL = reverse("workshops:list")


def english_date(value) -> str:
    with translation.override("en"):
        return date_filter(timezone.localtime(value), "j F Y")


def titles_on(response) -> set[str]:
    return {workshop.title for workshop in response.context["page_obj"].object_list}


def detail_url(workshop) -> str:
    return reverse("workshops:detail", kwargs={"slug": workshop.slug})


def join(workshop, capacity=Capacity.RESIDENT, **extra):
    return workshop_join(workshop=workshop, user=UserFactory(), capacity=capacity, **extra)


# The list


def test_the_list_shows_published_workshops_only(client):
    WorkshopFactory(title="Place du marché")
    WorkshopFactory(title="Brouillon", status=Workshop.Status.DRAFT)
    WorkshopFactory(title="Archivé", status=Workshop.Status.ARCHIVED)

    response = client.get(LIST_URL)

    assert titles_on(response) == {"Place du marché"}
    page = response.content.decode()
    assert "Brouillon" not in page and "Archivé" not in page


@pytest.fixture
def territory():
    """Five workshops that differ by kind, neighbourhood, theme and phase."""
    north = NeighbourhoodFactory(name="Nord", slug="nord")
    south = NeighbourhoodFactory(name="Sud", slug="sud")
    mobility = ThemeFactory(name="Mobilité", slug="mobilite")
    youth = ThemeFactory(name="Jeunesse", slug="jeunesse")
    WorkshopFactory(title="Square Nord", neighbourhood=north).themes.add(mobility)
    WorkshopFactory(
        title="Plan vélo", kind=Workshop.Kind.CITY, neighbourhood=None, phase=PhaseKind.DEBATE
    ).themes.add(mobility)
    WorkshopFactory(title="École Sud", neighbourhood=south, upcoming=True)
    WorkshopFactory(title="Jardin Nord", neighbourhood=north, finished=True)
    WorkshopFactory(
        title="Conseil jeunes",
        kind=Workshop.Kind.CITY,
        neighbourhood=None,
        phase=PhaseKind.PRESENTATION,
    ).themes.add(youth)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Square Nord", "Plan vélo", "École Sud", "Jardin Nord", "Conseil jeunes"}),
        ("kind=neighbourhood", {"Square Nord", "École Sud", "Jardin Nord"}),
        ("kind=city", {"Plan vélo", "Conseil jeunes"}),
        ("neighbourhood=nord", {"Square Nord", "Jardin Nord"}),
        ("theme=mobilite", {"Square Nord", "Plan vélo"}),
        ("phase=1", {"Square Nord"}),
        ("phase=3", {"Plan vélo"}),
        ("phase=5", {"Conseil jeunes"}),
        ("phase=2", set()),
        ("phase=upcoming", {"École Sud"}),
        ("phase=finished", {"Jardin Nord"}),
        ("kind=neighbourhood&theme=mobilite", {"Square Nord"}),
        ("neighbourhood=nord&phase=finished", {"Jardin Nord"}),
    ],
)
def test_each_filter_narrows_the_list(client, territory, query, expected):
    response = client.get(f"{LIST_URL}?{query}")

    assert response.status_code == 200
    assert titles_on(response) == expected


def test_an_unknown_filter_value_is_ignored_with_an_error(client, territory):
    response = client.get(f"{LIST_URL}?neighbourhood=nowhere&kind=city")

    assert titles_on(response) == {"Plan vélo", "Conseil jeunes"}
    assert response.context["form"].errors["neighbourhood"]


def test_the_filter_form_works_without_javascript(client, territory):
    page = client.get(LIST_URL).content.decode()

    assert 'method="get"' in page
    assert f'action="{LIST_URL}"' in page
    assert '<button type="submit">Filter</button>' in page
    for name in ("kind", "neighbourhood", "theme", "phase"):
        assert f'<label for="id_{name}">' in page


def test_htmx_gets_only_the_results(client, territory):
    response = client.get(f"{LIST_URL}?kind=city", HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert "<html" not in page
    assert "Plan vélo" in page and "Square Nord" not in page


def test_pagination_keeps_the_filters(client):
    for _ in range(14):
        WorkshopFactory(kind=Workshop.Kind.CITY, neighbourhood=None)
    WorkshopFactory(title="Hors filtre")

    first = client.get(f"{LIST_URL}?kind=city")
    second = client.get(f"{LIST_URL}?kind=city&page=2")

    assert len(first.context["page_obj"].object_list) == 12
    assert 'href="?kind=city&amp;page=2"' in first.content.decode()
    assert len(second.context["page_obj"].object_list) == 2
    assert "Hors filtre" not in second.content.decode()
    assert 'href="?kind=city&amp;page=1"' in second.content.decode()


def test_empty_states(client):
    assert "No workshop has been published yet." in client.get(LIST_URL).content.decode()
    WorkshopFactory()
    filtered = client.get(f"{LIST_URL}?phase=finished").content.decode()
    assert "No workshop matches these filters." in filtered


def test_a_card_says_what_the_workshop_is_and_where_it_stands(client):
    council = CouncilFactory(name="Conseil du Centre")
    running = WorkshopFactory(
        title="Place du marché",
        neighbourhood=NeighbourhoodFactory(name="Centre", slug="centre"),
        capacity=10,
        proposed_by=council,
        phase=PhaseKind.COMMUNICATION,
    )
    for _ in range(3):
        join(running)
    city = WorkshopFactory(
        title="Plan climat", kind=Workshop.Kind.CITY, neighbourhood=None, upcoming=True
    )
    city.themes.add(ThemeFactory(name="Climat", slug="climat"))
    WorkshopFactory(title="Ancien atelier", finished=True)

    page = client.get(LIST_URL).content.decode()

    assert "Neighbourhood workshop" in page and "City workshop" in page
    assert "Centre" in page and "Climat" in page
    assert "Current phase: Communication" in page
    assert f"Upcoming, starts on {english_date(city.starts_at)}" in page
    assert "Finished" in page
    assert "3 participants out of 10 places" in page
    assert f'Proposed by <a href="{council.get_absolute_url()}">Conseil du Centre</a>' in page


def test_list_query_budget(client, django_assert_num_queries):
    workshop = WorkshopFactory(proposed_by=CouncilFactory())
    workshop.themes.add(ThemeFactory())

    # 1 the count for the paginator, 2 the neighbourhoods and 3 the themes the filters offer,
    # 4 the page of workshops with their neighbourhood and proposing council, 5 their themes,
    # 6 their phases.
    with django_assert_num_queries(6):
        client.get(LIST_URL)


def test_list_queries_do_not_grow_with_the_workshops(client, settings):
    settings.ATELIERS_PAGE_SIZE = 250  # every workshop on one page: each card is rendered
    theme = ThemeFactory()

    def make(number):
        for index in range(number):
            workshop = WorkshopFactory(
                phase=list(PhaseKind)[index % 5],
                proposed_by=CouncilFactory() if index % 2 else None,
            )
            workshop.themes.add(theme)

    def queries_for_the_list() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(LIST_URL)
        assert response.status_code == 200
        return len(captured.captured_queries)

    make(5)
    with_five = queries_for_the_list()
    make(195)
    with_two_hundred = queries_for_the_list()

    assert Workshop.objects.count() == 200
    assert with_two_hundred == with_five


# A workshop's page


def test_the_page_of_a_neighbourhood_workshop(client):
    workshop = WorkshopFactory(
        title="Square Nord",
        project="Refaire le square.",
        objective="Un square pour tous.",
        evaluation_plan="Fréquentation mesurée.",
        phase=PhaseKind.DEBATE,
    )

    page = client.get(detail_url(workshop)).content.decode()

    assert "<h1>Square Nord</h1>" in page
    assert "Concrete project" in page and "Public policy" not in page
    assert "Refaire le square." in page
    assert "Un square pour tous." in page
    assert "Fréquentation mesurée." in page
    assert english_date(workshop.starts_at) in page and english_date(workshop.ends_at) in page


def test_a_city_workshop_shows_its_public_policy_and_themes(client):
    workshop = WorkshopFactory(kind=Workshop.Kind.CITY, neighbourhood=None)
    workshop.themes.add(ThemeFactory(name="Mobilité"))

    page = client.get(detail_url(workshop)).content.decode()

    assert "Public policy" in page and "Concrete project" not in page
    assert "Mobilité" in page


def test_the_timeline_shows_the_five_phases_and_the_current_one(client):
    workshop = WorkshopFactory(phase=PhaseKind.DEBATE)

    response = client.get(detail_url(workshop))

    timeline = response.context["timeline"]
    assert [entry.phase.kind for entry in timeline] == list(PhaseKind)
    assert [entry.is_current for entry in timeline] == [False, False, True, False, False]
    assert [entry.is_past for entry in timeline] == [True, True, False, False, False]
    page = response.content.decode()
    assert '<ol class="timeline">' in page
    assert page.count('class="phase-past"') == 2
    assert page.count('class="phase-current"') == 1
    # The current phase is said in words, not only by colour.
    current = page.split('class="phase-current"')[1].split("</li>")[0]
    assert "Debate" in current and "Current phase" in current
    with translation.override("en"):
        assert str(PHASE_TYPES[PhaseKind.DEBATE].summary).replace("'", "&#x27;") in current


def test_the_page_counts_participants_by_capacity(client):
    workshop = WorkshopFactory(capacity=40)
    join(workshop)
    join(workshop)
    join(workshop, Capacity.ASSOCIATION, association_name="Les Amis du parc")

    page = client.get(detail_url(workshop)).content.decode()

    assert "3 participants out of 40 places" in page
    assert "<li>Resident: 2</li>" in page
    assert "<li>Association: 1</li>" in page
    assert "Expert:" not in page


def test_the_page_shows_councils_and_facilitators_with_their_badge(client, elected):
    sponsor = CouncilFactory(name="Conseil des jeunes")
    proposer = CouncilFactory(name="Conseil de développement")
    workshop = WorkshopFactory(proposed_by=proposer)
    workshop.sponsors.add(sponsor)
    workshop.facilitators.add(elected)

    page = client.get(detail_url(workshop)).content.decode()

    assert f'<a href="{sponsor.get_absolute_url()}">Conseil des jeunes</a>' in page
    assert f'Proposed by <a href="{proposer.get_absolute_url()}">' in page
    assert "Denis Élu" in page
    assert '<span class="badge badge-elected">Elected official</span>' in page


@pytest.mark.parametrize(
    ("role", "status_code"),
    [("anonymous", 404), ("resident", 404), ("facilitator", 200), ("city_staff", 200)],
)
def test_a_draft_is_seen_only_by_those_who_manage_it(client, role, status_code):
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT)
    if role != "anonymous":
        user = UserFactory(role=Role(role))
        if role == "facilitator":
            workshop.facilitators.add(user)
        client.force_login(user)

    assert client.get(detail_url(workshop)).status_code == status_code


@pytest.mark.parametrize(
    ("role", "sees_links"),
    [
        ("anonymous", False),
        ("resident", False),
        ("elected", False),
        ("other_facilitator", False),
        ("facilitator", True),
        ("city_staff", True),
    ],
)
def test_manage_links_only_for_those_who_may_change_it(client, role, sees_links):
    workshop = WorkshopFactory()
    if role != "anonymous":
        user = UserFactory(role=Role.FACILITATOR if "facilitator" in role else Role(role))
        if role == "facilitator":
            workshop.facilitators.add(user)
        client.force_login(user)

    page = client.get(detail_url(workshop)).content.decode()

    edit_url = reverse("workshops:edit", kwargs={"slug": workshop.slug})
    participants_url = reverse("workshops:participants", kwargs={"slug": workshop.slug})
    assert (edit_url in page) is sees_links
    assert (participants_url in page) is sees_links


def test_an_anonymous_visitor_is_invited_to_log_in_while_joining_is_open(client):
    workshop = WorkshopFactory()

    page = client.get(detail_url(workshop)).content.decode()

    login = reverse("account_login")
    assert f'href="{login}?next={detail_url(workshop)}"' in page
    assert "Log in to take part" in page


def test_a_resident_gets_the_join_button(client, resident):
    workshop = WorkshopFactory()
    client.force_login(resident)

    page = client.get(detail_url(workshop)).content.decode()

    assert reverse("workshops:join", kwargs={"slug": workshop.slug}) in page
    assert "Log in to take part" not in page


def test_a_participant_sees_their_capacity_and_a_leave_link(client, resident):
    workshop = WorkshopFactory()
    workshop_join(workshop=workshop, user=resident, capacity=Capacity.EXPERT)
    client.force_login(resident)

    page = client.get(detail_url(workshop)).content.decode()

    assert "You take part as Expert." in page
    assert reverse("workshops:leave", kwargs={"slug": workshop.slug}) in page
    assert reverse("workshops:join", kwargs={"slug": workshop.slug}) not in page


def test_closed_registrations_are_explained(client, resident):
    workshop = WorkshopFactory(phase=PhaseKind.DEBATE)
    communication = workshop.phases.get(kind=PhaseKind.COMMUNICATION)
    client.force_login(resident)

    page = client.get(detail_url(workshop)).content.decode()

    ended = english_date(communication.ends_at)
    assert f"Registrations are closed: the communication phase ended on {ended}." in page
    assert reverse("workshops:join", kwargs={"slug": workshop.slug}) not in page


def test_an_upcoming_workshop_says_when_registrations_open(client):
    workshop = WorkshopFactory(upcoming=True)

    page = client.get(detail_url(workshop)).content.decode()

    assert f"Registrations open on {english_date(workshop.starts_at)}." in page
    assert "Log in to take part" not in page


def test_a_full_workshop_says_so(client, resident):
    workshop = WorkshopFactory(capacity=1)
    join(workshop)
    client.force_login(resident)

    page = client.get(detail_url(workshop)).content.decode()

    assert "This workshop is full." in page
    assert reverse("workshops:join", kwargs={"slug": workshop.slug}) not in page


def test_detail_query_budget_for_a_visitor(client, django_assert_num_queries):
    workshop = WorkshopFactory(proposed_by=CouncilFactory())
    workshop.themes.add(ThemeFactory())
    workshop.sponsors.add(CouncilFactory())
    workshop.facilitators.add(UserFactory(role=Role.FACILITATOR))
    join(workshop)

    # 1 the workshop with neighbourhood and proposing council, 2 its themes, 3 its phases,
    # 4 its facilitators, 5 its sponsors, 6 the counts by capacity, 7 the latest public
    # actions of its history (with who did them), 8 its first documents (with their
    # current versions), 9 the trainings it recommends (with their next session), 10 and 11
    # its coming and past meetings, 12 its debate topics, 13 its recommendations, 14 the
    # conversations of its opinion map.
    with django_assert_num_queries(14):
        client.get(detail_url(workshop))


def test_detail_query_budget_for_a_participant(client, resident, django_assert_num_queries):
    workshop = WorkshopFactory()
    workshop_join(workshop=workshop, user=resident, capacity=Capacity.RESIDENT)
    client.force_login(resident)

    # 1 the workshop, 2 themes, 3 phases, 4 facilitators, 5 sponsors, 6 user (the session
    # comes from the cache), 7 my participation (the panel: whether I may leave is read from
    # the phases), 8 the counts by capacity, 9 the history, 10 the documents, 11 the
    # recommended trainings, 12 and 13 the coming and past meetings, 14 the debate topics, 15
    # its recommendations, 16 the conversations of its opinion map, 17 whether I follow it.
    # No permission table is read.
    with django_assert_num_queries(17):
        client.get(detail_url(workshop))


# My workshops


def test_my_workshops_needs_an_account(client):
    response = client.get(reverse("workshops:mine"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_my_workshops_lists_mine_with_capacity_and_phase(client, resident):
    mine = WorkshopFactory(title="Le mien", phase=PhaseKind.COMMUNICATION)
    workshop_join(
        workshop=mine, user=resident, capacity=Capacity.ASSOCIATION, association_name="Vélo Cité"
    )
    WorkshopFactory(title="Pas le mien")
    client.force_login(resident)

    page = client.get(reverse("workshops:mine")).content.decode()

    assert "Le mien" in page and "Pas le mien" not in page
    assert "You take part as Association." in page and "Vélo Cité" in page
    assert "Current phase: Communication" in page


def test_my_workshops_empty_state_links_to_the_list(client, resident):
    client.force_login(resident)

    page = client.get(reverse("workshops:mine")).content.decode()

    assert "You do not take part in any workshop yet." in page
    assert f'href="{LIST_URL}"' in page
