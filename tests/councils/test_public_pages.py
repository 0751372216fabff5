"""The councils' public pages: what anyone sees, and what it costs in queries."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers.core.models import Role
from ateliers.councils.models import Council, Mandate
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    CouncilFactory,
    MandateFactory,
    NeighbourhoodFactory,
    ThemeFactory,
    UserFactory,
    WorkshopFactory,
)

DAY = datetime.timedelta(days=1)


def _sections(html: str) -> list[str]:
    """The h2 headings of the list page, in order."""
    return [unescape(text) for text in re.findall(r"<h2[^>]*>([^<]+)</h2>", html)]


def _between(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end)]


@pytest.mark.django_db
def test_the_list_has_a_section_per_kind_with_territory_and_current_members(client):
    youth = CouncilFactory(kind=Council.Kind.YOUTH, name="Conseil des jeunes", neighbourhood=None)
    district = CouncilFactory(name="Conseil de quartier Nord")
    MandateFactory.create_batch(3, council=district)
    # Neither an ended nor a future mandate counts as a current member.
    today = timezone.localdate()
    MandateFactory(council=district, starts_on=today - 90 * DAY, ends_on=today - DAY)
    MandateFactory(council=district, starts_on=today + 10 * DAY)

    html = client.get(reverse("councils:list")).content.decode()

    assert _sections(html) == [str(label) for label in Council.Kind.labels]
    neighbourhood_section = _between(html, 'id="kind-neighbourhood"', 'id="kind-citizens"')
    youth_section = _between(html, 'id="kind-youth"', 'id="kind-development"')
    assert district.name in neighbourhood_section
    assert district.neighbourhood.name in neighbourhood_section
    assert "3 current members" in neighbourhood_section
    assert youth.name in youth_section
    assert "The whole city" in youth_section
    assert "0 current members" in youth_section
    citizens_section = _between(html, 'id="kind-citizens"', 'id="kind-foreign_residents"')
    assert "No council of this kind yet." in citizens_section


@pytest.mark.django_db
def test_the_list_says_so_when_there_is_no_council(client):
    html = client.get(reverse("councils:list")).content.decode()
    assert html.count("No council of this kind yet.") == len(Council.Kind.values)


def _fill_list(count: int) -> None:
    theme = ThemeFactory()
    for _ in range(count):
        council = CouncilFactory(kind=Council.Kind.CITIZENS)
        council.themes.add(theme)
        MandateFactory.create_batch(2, council=council)


@pytest.mark.django_db
@pytest.mark.parametrize("councils", [1, 8, 30])
def test_list_query_budget_does_not_grow_with_councils(client, django_assert_num_queries, councils):
    _fill_list(councils)
    # 1 the councils of each kind, 2 the first ones of each kind with territory and member
    # count, 3 their themes.
    with django_assert_num_queries(3):
        response = client.get(reverse("councils:list"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_kind_with_many_councils_shows_its_first_and_leads_to_all_of_them(client):
    _fill_list(30)
    page = client.get(reverse("councils:list")).content.decode()
    section = _between(page, 'id="kind-citizens"', 'id="kind-foreign_residents"')
    assert section.count('class="card"') == 12
    assert f'href="{reverse("councils:list")}?type=citizens"' in section
    assert "All 30 councils" in section

    first = client.get(reverse("councils:list"), {"type": "citizens"})
    second = client.get(reverse("councils:list"), {"type": "citizens", "page": 2})
    shown = [c.name for c in first.context["page_obj"]] + [
        c.name for c in second.context["page_obj"]
    ]
    assert sorted(shown) == sorted(Council.objects.values_list("name", flat=True))
    assert "Page 2 of 2" in second.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("councils", [1, 30])
def test_one_kind_query_budget_does_not_grow(client, django_assert_num_queries, councils):
    _fill_list(councils)
    # 1 the count for the paginator, 2 the page of councils with territory and member count,
    # 3 their themes.
    with django_assert_num_queries(3):
        response = client.get(reverse("councils:list"), {"type": "citizens"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_page_shows_the_council(client):
    theme = ThemeFactory(name="Mobilité")
    council = CouncilFactory(
        kind=Council.Kind.DEVELOPMENT,
        name="Conseil de développement",
        neighbourhood=None,
        description="Il réunit les forces vives.",
    )
    council.themes.add(theme)
    html = client.get(council.get_absolute_url()).content.decode()
    assert "<h1>Conseil de développement</h1>" in html
    assert str(Council.Kind.DEVELOPMENT.label) in html
    assert "The whole city" in html
    assert "Il réunit les forces vives." in html
    assert "Mobilité" in html


@pytest.mark.django_db
def test_current_and_past_members_are_listed_apart_with_role_dates_and_badge(client, council):
    today = timezone.localdate()
    MandateFactory(
        council=council,
        role=Mandate.Role.PRESIDENT,
        user=UserFactory(display_name="Paula Présidente"),
        starts_on=datetime.date(2025, 3, 1),
    )
    MandateFactory(
        council=council,
        role=Mandate.Role.MEMBER,
        user=UserFactory(display_name="Élise Élue", role=Role.ELECTED),
    )
    MandateFactory(
        council=council,
        role=Mandate.Role.SECRETARY,
        user=UserFactory(display_name="Sam Ancien"),
        starts_on=today - 800 * DAY,
        ends_on=datetime.date(2025, 6, 30),
    )
    client.cookies["django_language"] = "fr"
    html = client.get(council.get_absolute_url()).content.decode()
    current = _between(html, 'id="members-heading"', 'id="past-heading"')
    past = _between(html, 'id="past-heading"', 'id="workshops-heading"')

    assert "Paula Présidente" in current and "Paula Présidente" not in past
    assert "1 mars 2025" in current  # French dates from the localisation
    assert "Élise Élue" in current
    assert 'class="badge badge-elected"' in current
    assert "Sam Ancien" in past and "Sam Ancien" not in current
    assert "30 juin 2025" in past

    client.cookies["django_language"] = "en"
    english = client.get(council.get_absolute_url()).content.decode()
    assert "President" in _between(english, 'id="members-heading"', 'id="past-heading"')
    assert "Secretary" in _between(english, 'id="past-heading"', 'id="workshops-heading"')


@pytest.mark.django_db
def test_the_page_lists_published_and_archived_workshops_but_hides_drafts(client, council):
    sponsored = WorkshopFactory(title="Atelier parrainé", phase=PhaseKind.DEBATE)
    sponsored.sponsors.add(council)
    WorkshopFactory(
        title="Atelier proposé", proposed_by=council, finished=True, status=Workshop.Status.ARCHIVED
    )
    draft = WorkshopFactory(title="Atelier brouillon", status=Workshop.Status.DRAFT)
    draft.sponsors.add(council)
    WorkshopFactory(title="Atelier d'un autre conseil")

    html = client.get(council.get_absolute_url()).content.decode()

    assert "Atelier parrainé" in html
    assert f"Current phase: {PhaseKind.DEBATE.label}" in html
    assert "Atelier proposé" in html
    assert f'Proposed by <a href="{council.get_absolute_url()}">' in html
    assert "Atelier brouillon" not in html
    assert "Atelier d&#x27;un autre conseil" not in html


@pytest.mark.django_db
def test_an_unknown_council_is_a_404(client):
    assert client.get(reverse("councils:detail", args=["nulle-part"])).status_code == 404


def _fill_detail(council: Council, count: int) -> None:
    today = timezone.localdate()
    for _ in range(count):
        MandateFactory(council=council)
        MandateFactory(council=council, starts_on=today - 900 * DAY, ends_on=today - 100 * DAY)
        workshop = WorkshopFactory(proposed_by=council)
        workshop.sponsors.add(council)
        workshop.themes.add(ThemeFactory())
    council.themes.add(ThemeFactory())


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [1, 6, 20])
def test_detail_query_budget_does_not_grow_with_members_or_workshops(
    client, council, django_assert_num_queries, rows
):
    _fill_detail(council, rows)
    # 1 the council and its territory, 2 its themes, 3 its current and coming mandates with
    # their people, 4 its latest past ones, 5 its latest public workshops with territory,
    # 6 their themes, 7 their phases, 8 and 9 its coming and past meetings, 10 its first
    # documents with their current versions, 11 the trainings it recommends.
    with django_assert_num_queries(11):
        response = client.get(council.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_long_history_shows_its_latest_and_leads_to_the_rest(client, council):
    _fill_detail(council, 20)
    page = client.get(council.get_absolute_url())
    html = page.content.decode()
    assert len(page.context["members"].past) == 12
    assert reverse("councils:former_members", args=[council.slug]) in html
    assert html.count('class="card"') == 6
    assert reverse("council_workshops", args=[council.slug]) in html

    former = client.get(reverse("councils:former_members", args=[council.slug]))
    assert len(former.context["page_obj"].object_list) == 20
    workshops = client.get(reverse("council_workshops", args=[council.slug]))
    assert workshops.context["page_obj"].paginator.count == 20
    assert "Page 1 of 2" in workshops.content.decode()


@pytest.mark.django_db
def test_a_short_history_shows_everything_without_more_links(client, council):
    _fill_detail(council, 2)
    html = client.get(council.get_absolute_url()).content.decode()
    assert reverse("councils:former_members", args=[council.slug]) not in html
    assert reverse("council_workshops", args=[council.slug]) not in html


@pytest.mark.django_db
def test_detail_query_budget_for_a_president(client, council, president, django_assert_num_queries):
    _fill_detail(council, 3)
    client.force_login(president)
    # 1-11 as for anyone, 12 user (the session comes from the cache), 13 whether the visitor
    # presides the council (asked once for the "Propose a workshop", "Add a document",
    # "Recommend trainings" and "Plan a meeting" buttons), 14 whether the visitor follows it.
    # The menu's permissions are rules: no query.
    with django_assert_num_queries(14):
        response = client.get(council.get_absolute_url())
    assert "Propose a workshop" in response.content.decode()


@pytest.mark.django_db
def test_neighbourhood_of_a_council_is_named(client):
    council = CouncilFactory(
        neighbourhood=NeighbourhoodFactory(name="Les Tilleuls", slug="tilleuls-n")
    )
    html = client.get(council.get_absolute_url()).content.decode()
    assert "Les Tilleuls" in html


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [1, 20])
def test_the_pages_of_a_long_history_cost_the_same_whatever_its_length(
    client, council, django_assert_num_queries, rows
):
    _fill_detail(council, rows)
    # 1 the council, 2 the count for the paginator, 3 the page of ended mandates with people.
    with django_assert_num_queries(3):
        client.get(reverse("councils:former_members", args=[council.slug]))
    # 1 the council, 2 the count for the paginator, 3 the page of workshops with territory,
    # 4 their themes, 5 their phases.
    with django_assert_num_queries(5):
        client.get(reverse("council_workshops", args=[council.slug]))
