"""Creating, editing, publishing and archiving workshops on the site, and their participants."""

import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers.core.errors import InvalidInput
from ateliers.core.models import Role
from ateliers.councils.models import Council
from ateliers.workshops.models import Phase, Workshop
from ateliers.workshops.phases import PhaseKind, default_phase_bounds
from ateliers.workshops.services.lifecycle import (
    WorkshopStateError,
    phase_field_name,
    workshop_create,
    workshop_publish,
    workshop_update,
)
from tests.factories import (
    CouncilFactory,
    NeighbourhoodFactory,
    ParticipationFactory,
    ThemeFactory,
    UserFactory,
    WorkshopFactory,
)

from .manage_data import DAY, as_input, contiguous_phases, next_month_start, workshop_form_data

# The assertions read the English source strings (French: tests/test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

CREATE_URL = reverse("workshops:create")
MANAGE_URL = reverse("workshops:manage")


def add_participants(workshop, number, **kwargs):
    """Participations plus the counter the join service keeps in step with them."""
    for _ in range(number):
        ParticipationFactory(workshop=workshop, **kwargs)
    Workshop.objects.filter(pk=workshop.pk).update(
        participant_count=workshop.participations.count()
    )
    workshop.refresh_from_db()


# Creating


def test_facilitator_creates_a_draft_from_start_and_end(client, facilitator):
    neighbourhood = NeighbourhoodFactory()
    themes = [ThemeFactory(), ThemeFactory()]
    council = CouncilFactory()
    start = next_month_start()
    end = start + 60 * DAY
    client.force_login(facilitator)

    response = client.post(
        CREATE_URL,
        workshop_form_data(
            neighbourhood=neighbourhood,
            span=(start, end),
            themes=[theme.pk for theme in themes],
            sponsors=[council.pk],
            capacity="40",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == MANAGE_URL
    workshop = Workshop.objects.get()
    assert workshop.status == Workshop.Status.DRAFT
    assert workshop.published_at is None
    assert workshop.slug == "reamenager-la-place-du-marche"
    assert workshop.neighbourhood == neighbourhood
    assert workshop.capacity == 40
    assert set(workshop.themes.all()) == set(themes)
    assert list(workshop.sponsors.all()) == [council]
    # The creator, a facilitator, runs the workshop they created.
    assert list(workshop.facilitators.all()) == [facilitator]
    assert workshop.created_by == facilitator
    stored = [(p.kind, p.starts_at, p.ends_at) for p in workshop.phases.order_by("kind")]
    assert stored == default_phase_bounds(start, end)
    assert (workshop.starts_at, workshop.ends_at) == (start, end)


def test_compute_the_phases_fills_ten_editable_fields_without_saving(client, facilitator):
    start = next_month_start()
    end = start + 50 * DAY
    client.force_login(facilitator)
    # Only the dates so far: the button computes phases without asking for the rest.
    data = {"span_starts_at": as_input(start), "span_ends_at": as_input(end), "prefill": "1"}

    response = client.post(CREATE_URL, data)

    assert response.status_code == 200
    assert not Workshop.objects.exists()
    html = response.content.decode()
    assert html.count('type="datetime-local"') == 12  # the span's two + the phases' ten
    for kind, phase_start, phase_end in default_phase_bounds(start, end):
        for bound, moment in (("starts_at", phase_start), ("ends_at", phase_end)):
            name = phase_field_name(kind, bound)
            assert f'name="{name}" value="{as_input(moment)}"' in html
    assert "This field is required" not in html
    assert response.context["form"].errors == {}


def test_compute_the_phases_needs_an_end_after_the_start(client, facilitator):
    start = next_month_start()
    client.force_login(facilitator)

    response = client.post(
        CREATE_URL,
        {"span_starts_at": as_input(start), "span_ends_at": as_input(start), "prefill": "1"},
    )

    assert response.context["form"].errors["span_ends_at"] == [
        "The workshop must end after it starts."
    ]
    assert 'name="communication_starts_at" value=' not in response.content.decode()


def test_staff_creates_a_city_workshop_and_chooses_its_facilitators(client, city_staff):
    chosen = UserFactory(role=Role.FACILITATOR)
    client.force_login(city_staff)

    response = client.post(
        CREATE_URL,
        workshop_form_data(
            kind="city",
            title="Plan climat",
            phases=contiguous_phases(next_month_start()),
            facilitators=[chosen.pk],
        ),
    )

    assert response.status_code == 302
    workshop = Workshop.objects.get()
    assert workshop.kind == Workshop.Kind.CITY
    assert workshop.neighbourhood is None
    # Staff are not facilitators themselves: only the person they chose is.
    assert list(workshop.facilitators.all()) == [chosen]


def test_only_the_city_team_is_offered_the_facilitators_choice(client, facilitator, city_staff):
    client.force_login(facilitator)
    assert "facilitators" not in client.get(CREATE_URL).context["form"].fields
    client.force_login(city_staff)
    assert "facilitators" in client.get(CREATE_URL).context["form"].fields


def test_a_facilitator_cannot_smuggle_in_other_facilitators(client, facilitator):
    other = UserFactory(role=Role.FACILITATOR)
    client.force_login(facilitator)

    client.post(
        CREATE_URL,
        workshop_form_data(
            kind="city", phases=contiguous_phases(next_month_start()), facilitators=[other.pk]
        ),
    )

    assert list(Workshop.objects.get().facilitators.all()) == [facilitator]


def test_the_slug_stays_unique(client, city_staff):
    WorkshopFactory(title="Plan climat", slug="plan-climat")
    WorkshopFactory(title="Plan climat", slug="plan-climat-2")
    client.force_login(city_staff)

    client.post(
        CREATE_URL,
        workshop_form_data(
            kind="city", title="Plan climat", phases=contiguous_phases(next_month_start())
        ),
    )

    assert Workshop.objects.filter(slug="plan-climat-3").exists()


def test_a_neighbourhood_workshop_needs_its_neighbourhood(client, facilitator):
    client.force_login(facilitator)

    response = client.post(
        CREATE_URL,
        workshop_form_data(neighbourhood=None, phases=contiguous_phases(next_month_start())),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["neighbourhood"] == [
        "A neighbourhood workshop needs its neighbourhood."
    ]
    assert "A neighbourhood workshop needs its neighbourhood." in response.content.decode()
    assert not Workshop.objects.exists()
    assert not Phase.objects.exists()


def test_a_city_workshop_refuses_a_neighbourhood(client, facilitator):
    client.force_login(facilitator)

    response = client.post(
        CREATE_URL,
        workshop_form_data(
            kind="city",
            neighbourhood=NeighbourhoodFactory(),
            phases=contiguous_phases(next_month_start()),
        ),
    )

    assert "neighbourhood" in response.context["form"].errors
    assert not Workshop.objects.exists()


def test_without_dates_the_form_asks_for_them(client, facilitator):
    client.force_login(facilitator)

    response = client.post(CREATE_URL, workshop_form_data(neighbourhood=NeighbourhoodFactory()))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Workshop.objects.exists()


def test_a_council_proposal_becomes_a_draft_through_the_service(city_staff):
    council = CouncilFactory(kind=Council.Kind.YOUTH, neighbourhood=None)
    start = next_month_start()

    workshop = workshop_create(
        created_by=city_staff,
        kind="city",
        title="Des lieux pour les jeunes",
        project="Où se retrouver le soir.",
        objective="",
        evaluation_plan="",
        sponsors=[council],
        phases=default_phase_bounds(start, start + 90 * DAY),
        proposed_by=council,
    )

    assert workshop.status == Workshop.Status.DRAFT
    assert workshop.proposed_by == council
    assert workshop.phases.count() == 5
    assert not workshop.facilitators.exists()


# Editing


def test_edit_shows_the_phases_from_the_database(client, facilitator):
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT)
    workshop.facilitators.add(facilitator)
    client.force_login(facilitator)

    response = client.get(reverse("workshops:edit", args=[workshop.slug]))

    html = response.content.decode()
    for phase in workshop.phases.all():
        name = phase_field_name(phase.kind, "starts_at")
        assert f'name="{name}" value="{as_input(phase.starts_at)}"' in html
        name = phase_field_name(phase.kind, "ends_at")
        assert f'name="{name}" value="{as_input(phase.ends_at)}"' in html
    for kind in PhaseKind:
        assert str(kind.label) in html


def test_edit_saves_changes_and_keeps_the_slug(client, facilitator):
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT, title="Ancien", slug="ancien")
    workshop.facilitators.add(facilitator)
    start = next_month_start() + 5 * DAY
    client.force_login(facilitator)

    response = client.post(
        reverse("workshops:edit", args=[workshop.slug]),
        workshop_form_data(
            neighbourhood=workshop.neighbourhood,
            title="Nouveau titre",
            phases=contiguous_phases(start, days=7),
        ),
    )

    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.title == "Nouveau titre"
    assert workshop.slug == "ancien"
    assert (workshop.starts_at, workshop.ends_at) == (start, start + 35 * DAY)
    assert workshop.phases.count() == 5
    debate = workshop.phases.get(kind=PhaseKind.DEBATE)
    assert (debate.starts_at, debate.ends_at) == (start + 14 * DAY, start + 21 * DAY)
    # A facilitator editing keeps the facilitators as they were.
    assert list(workshop.facilitators.all()) == [facilitator]


def test_recomputing_the_phases_on_edit_changes_nothing_until_saved(client, facilitator):
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT)
    workshop.facilitators.add(facilitator)
    before = list(workshop.phases.values_list("kind", "starts_at", "ends_at"))
    start = next_month_start()
    data = workshop_form_data(neighbourhood=workshop.neighbourhood, span=(start, start + 20 * DAY))
    data["prefill"] = "1"
    client.force_login(facilitator)

    response = client.post(reverse("workshops:edit", args=[workshop.slug]), data)

    assert response.status_code == 200
    first = default_phase_bounds(start, start + 20 * DAY)[0]
    assert f'name="communication_ends_at" value="{as_input(first[2])}"' in response.content.decode()
    assert list(workshop.phases.values_list("kind", "starts_at", "ends_at")) == before


def test_capacity_cannot_go_below_the_participants(client, facilitator):
    workshop = WorkshopFactory(capacity=10)
    workshop.facilitators.add(facilitator)
    add_participants(workshop, 3)
    client.force_login(facilitator)

    response = client.post(
        reverse("workshops:edit", args=[workshop.slug]),
        workshop_form_data(
            neighbourhood=workshop.neighbourhood,
            title="Changé",
            capacity="2",
            phases=[(p.kind, p.starts_at, p.ends_at) for p in workshop.phases.all()],
        ),
    )

    assert response.context["form"].errors["capacity"] == [
        "3 people already take part: the capacity cannot be lower than that."
    ]
    workshop.refresh_from_db()
    assert (workshop.capacity, workshop.title) == (10, workshop.title)
    assert workshop.title != "Changé"


def test_capacity_check_reads_the_count_at_write_time(facilitator):
    """People who joined while the form was open still count."""
    workshop = WorkshopFactory(capacity=10)
    stale = Workshop.objects.get(pk=workshop.pk)  # read before anyone joined
    add_participants(workshop, 3)
    phases = [(p.kind, p.starts_at, p.ends_at) for p in workshop.phases.all()]

    with pytest.raises(InvalidInput) as raised:
        workshop_update(
            workshop=stale,
            by=facilitator,
            kind=stale.kind,
            title="Changé",
            project=stale.project,
            objective=stale.objective,
            evaluation_plan=stale.evaluation_plan,
            neighbourhood=stale.neighbourhood,
            themes=[],
            capacity=2,
            sponsors=[],
            phases=phases,
        )

    assert "capacity" in raised.value.errors
    workshop.refresh_from_db()
    assert (workshop.capacity, workshop.participant_count) == (10, 3)


# Publishing and archiving


def test_publishing_twice_publishes_once(city_staff):
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT)
    first_tab, second_tab = (Workshop.objects.get(pk=workshop.pk) for _ in range(2))

    workshop_publish(workshop=first_tab, by=city_staff)
    with pytest.raises(WorkshopStateError):
        workshop_publish(workshop=second_tab, by=city_staff)

    workshop.refresh_from_db()
    assert workshop.published_at == first_tab.published_at


def test_publish_asks_for_confirmation_then_publishes(client, facilitator):
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT)
    workshop.facilitators.add(facilitator)
    client.force_login(facilitator)
    url = reverse("workshops:publish", args=[workshop.slug])

    confirmation = client.get(url)
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.DRAFT
    assert b'method="post"' in confirmation.content

    response = client.post(url)

    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.PUBLISHED
    assert workshop.published_at is not None
    assert abs(workshop.published_at - timezone.now()) < DAY


def test_a_draft_without_evaluation_plan_cannot_be_published(client, city_staff):
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT, evaluation_plan="")
    client.force_login(city_staff)
    url = reverse("workshops:publish", args=[workshop.slug])

    assert "no planned evaluation" in client.get(url).content.decode()
    client.post(url)

    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.DRAFT


def test_archive_asks_for_confirmation_then_archives(client, city_staff):
    workshop = WorkshopFactory()
    client.force_login(city_staff)
    url = reverse("workshops:archive", args=[workshop.slug])

    assert "Are you sure?" in client.get(url).content.decode()
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.PUBLISHED

    client.post(url)

    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.ARCHIVED


# The management list


def test_a_facilitator_sees_their_own_workshops_drafts_included(client, facilitator):
    draft = WorkshopFactory(status=Workshop.Status.DRAFT, title="Mon brouillon")
    published = WorkshopFactory(title="Mon atelier publié")
    someone_elses = WorkshopFactory(title="L'atelier d'une autre")
    draft.facilitators.add(facilitator)
    published.facilitators.add(facilitator)
    someone_elses.facilitators.add(UserFactory(role=Role.FACILITATOR))
    client.force_login(facilitator)

    response = client.get(MANAGE_URL)

    assert set(response.context["workshops"]) == {draft, published}
    html = response.content.decode()
    assert "Mon brouillon" in html
    assert "L&#x27;atelier d&#x27;une autre" not in html
    # A draft offers publishing; a published workshop does not.
    assert reverse("workshops:publish", args=[draft.slug]) in html
    assert reverse("workshops:publish", args=[published.slug]) not in html
    assert reverse("workshops:create") in html


def test_staff_see_every_workshop(client, city_staff):
    workshops = {WorkshopFactory(), WorkshopFactory(status=Workshop.Status.DRAFT)}
    client.force_login(city_staff)

    assert set(client.get(MANAGE_URL).context["workshops"]) == workshops


def test_the_management_list_has_an_empty_state(client, facilitator):
    client.force_login(facilitator)

    response = client.get(MANAGE_URL)

    assert "You have no workshop to manage yet." in response.content.decode()


def test_the_management_list_is_paginated(client, city_staff, settings):
    settings.ATELIERS_PAGE_SIZE = 2
    for _ in range(5):
        WorkshopFactory()
    client.force_login(city_staff)

    assert len(client.get(MANAGE_URL).context["workshops"]) == 2
    assert len(client.get(MANAGE_URL, {"page": 3}).context["workshops"]) == 1


@pytest.mark.parametrize("rows", [1, 8])
def test_management_list_query_budget(client, django_assert_num_queries, facilitator, rows):
    for _ in range(rows):
        workshop = WorkshopFactory(status=Workshop.Status.DRAFT)
        workshop.facilitators.add(facilitator)
        workshop.themes.add(ThemeFactory())
    client.force_login(facilitator)

    # 1 user (the session comes from the cache), 2 count for the paginator, 3 workshops
    # with neighbourhoods, 4 their facilitators, 5 their phases. The same for 1 row or 8.
    with django_assert_num_queries(5):
        response = client.get(MANAGE_URL)
    assert len(response.context["workshops"]) == rows


# Participants


def test_participants_page_lists_capacities_and_counts(client, facilitator):
    workshop = WorkshopFactory(capacity=30)
    workshop.facilitators.add(facilitator)
    council = CouncilFactory(name="Conseil des jeunes")
    add_participants(workshop, 2)
    add_participants(workshop, 1, capacity="association", association_name="Les Amis du Marché")
    add_participants(workshop, 1, capacity="council_member", council=council)
    client.force_login(facilitator)

    response = client.get(reverse("workshops:participants", args=[workshop.slug]))

    html = response.content.decode()
    counts = dict(response.context["counts"])
    assert counts["Resident"] == 2
    assert counts["Association"] == 1
    assert counts["Council member"] == 1
    assert counts["Expert"] == 0
    assert "Les Amis du Marché" in html
    assert "Conseil des jeunes" in html
    assert "4 participants, for 30 places." in html
    assert '<th scope="col">' in html


def test_participants_page_has_an_empty_state(client, city_staff):
    workshop = WorkshopFactory()
    client.force_login(city_staff)

    response = client.get(reverse("workshops:participants", args=[workshop.slug]))

    assert "Nobody has joined this workshop yet." in response.content.decode()


@pytest.mark.parametrize("rows", [1, 9])
def test_participants_query_budget(client, django_assert_num_queries, city_staff, rows):
    workshop = WorkshopFactory()
    add_participants(workshop, rows, capacity="council_member", council=CouncilFactory())
    client.force_login(city_staff)
    url = reverse("workshops:participants", args=[workshop.slug])

    # 1 user (the session comes from the cache), 2 workshop, 3-6 its facilitators, phases,
    # themes, sponsors (prefetched for every management page), 7 count for the paginator,
    # 8 the page of participations with people and councils, 9 counts per capacity.
    with django_assert_num_queries(9):
        response = client.get(url)
    assert len(response.context["participations"]) == rows


# The Django admin


def test_admin_lists_and_shows_workshops_and_participations(admin_client):
    workshop = WorkshopFactory()
    add_participants(workshop, 1)

    for url in (
        reverse("admin:workshops_workshop_changelist"),
        reverse("admin:workshops_workshop_change", args=[workshop.pk]),
        reverse("admin:workshops_participation_changelist"),
    ):
        assert admin_client.get(url).status_code == 200
    html = admin_client.get(reverse("admin:workshops_workshop_change", args=[workshop.pk]))
    assert b"phases-TOTAL_FORMS" in html.content
