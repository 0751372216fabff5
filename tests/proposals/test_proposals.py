"""A council proposes a workshop; the city turns it into a draft workshop or declines it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers.proposals import services
from ateliers.proposals.models import WorkshopProposal
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind
from tests.factories import NeighbourhoodFactory, ThemeFactory

PROPOSE_DATA = {
    "kind": "neighbourhood",
    "title": "Une rue aux écoles",
    "rationale": "Les abords de l'école Jean-Jaurès sont dangereux.",
    "objective": "Un plan de rue scolaire partagé.",
}


def _propose(client, council, **changes):
    return client.post(
        reverse("proposals:create", args=[council.slug]), {**PROPOSE_DATA, **changes}
    )


@pytest.fixture
def proposal(council, president):
    theme = ThemeFactory(name="Mobilité")
    return services.proposal_create(
        council=council,
        submitted_by=president,
        kind="neighbourhood",
        title="Une rue aux écoles",
        rationale="Les abords de l'école sont dangereux.",
        objective="Un plan de rue scolaire.",
        neighbourhood=council.neighbourhood,
        themes=[theme],
    )


def test_a_president_proposes_a_workshop(client, council, president):
    theme = ThemeFactory()
    client.force_login(president)
    response = _propose(client, council, neighbourhood=council.neighbourhood_id, themes=[theme.pk])
    assert response.status_code == 302
    proposal = WorkshopProposal.objects.get()
    assert proposal.council == council
    assert proposal.submitted_by == president
    assert proposal.status == WorkshopProposal.Status.PENDING
    assert proposal.neighbourhood == council.neighbourhood
    assert list(proposal.themes.all()) == [theme]
    page = client.get(response.url).content.decode()
    assert "Your proposal was sent to the city." in page


def test_the_form_starts_with_the_councils_neighbourhood(client, council, president):
    client.force_login(president)
    html = client.get(reverse("proposals:create", args=[council.slug])).content.decode()
    assert f'<option value="{council.neighbourhood_id}" selected>' in html


def test_a_neighbourhood_workshop_without_neighbourhood_is_refused_clearly(
    client, council, president
):
    client.force_login(president)
    response = _propose(client, council, neighbourhood="")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose the neighbourhood of this neighbourhood workshop." in html
    assert 'class="form-errors"' in html
    assert not WorkshopProposal.objects.exists()


@pytest.mark.parametrize("missing", ["kind", "title", "rationale"])
def test_required_fields(client, council, president, missing):
    client.force_login(president)
    response = _propose(client, council, neighbourhood=council.neighbourhood_id, **{missing: ""})
    assert response.status_code == 200
    assert response.context["form"].errors[missing]
    assert not WorkshopProposal.objects.exists()


def test_a_city_workshop_proposal_keeps_no_neighbourhood(client, council, president):
    client.force_login(president)
    _propose(client, council, kind="city", neighbourhood=council.neighbourhood_id)
    assert WorkshopProposal.objects.get().neighbourhood is None


def test_staff_see_pending_proposals_first(client, council, city_staff):
    old_pending = WorkshopProposal.objects.create(
        council=council, kind="city", title="Ancienne en attente", rationale="."
    )
    WorkshopProposal.objects.filter(pk=old_pending.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=30)
    )
    WorkshopProposal.objects.create(
        council=council, kind="city", title="Récente refusée", rationale=".", status="declined"
    )
    WorkshopProposal.objects.create(
        council=council, kind="city", title="Récente en attente", rationale="."
    )
    client.force_login(city_staff)
    html = client.get(reverse("proposals:list")).content.decode()
    assert html.index("Récente en attente") < html.index("Ancienne en attente")
    assert html.index("Ancienne en attente") < html.index("Récente refusée")
    assert "Declined" in html and "Pending" in html


def test_the_proposals_list_is_paginated_and_has_an_empty_state(
    client, council, city_staff, settings
):
    client.force_login(city_staff)
    assert (
        "No council has proposed a workshop yet."
        in client.get(reverse("proposals:list")).content.decode()
    )
    settings.ATELIERS_PAGE_SIZE = 2
    for index in range(3):
        WorkshopProposal.objects.create(
            council=council, kind="city", title=f"P{index}", rationale="."
        )
    html = client.get(reverse("proposals:list"), {"page": 2}).content.decode()
    assert "Page 2 of 2" in html


def test_accepting_makes_a_draft_workshop_proposed_and_sponsored_by_the_council(
    client, council, proposal, city_staff
):
    client.force_login(city_staff)
    before = timezone.now()
    response = client.post(reverse("proposals:accept", args=[proposal.pk]))

    workshop = Workshop.objects.get()
    assert response.url == reverse("workshops:edit", args=[workshop.slug])
    assert workshop.status == Workshop.Status.DRAFT
    assert workshop.title == proposal.title
    assert workshop.project == proposal.rationale
    assert workshop.objective == proposal.objective
    assert workshop.kind == "neighbourhood"
    assert workshop.neighbourhood == council.neighbourhood
    assert [t.name for t in workshop.themes.all()] == ["Mobilité"]
    assert workshop.proposed_by == council
    assert list(workshop.sponsors.all()) == [council]
    assert workshop.created_by == city_staff
    # Default dates: in two weeks, for about four months, with the five phases.
    assert before + datetime.timedelta(days=13) < workshop.starts_at
    assert workshop.starts_at < before + datetime.timedelta(days=15)
    assert workshop.ends_at - workshop.starts_at == services.PROPOSAL_DURATION
    assert sorted(workshop.phases.values_list("kind", flat=True)) == list(PhaseKind)
    proposal.refresh_from_db()
    assert proposal.status == WorkshopProposal.Status.ACCEPTED
    assert proposal.workshop == workshop
    assert proposal.decided_at is not None


def test_a_proposal_is_accepted_once_only(client, proposal, city_staff, administrator):
    client.force_login(city_staff)
    client.post(reverse("proposals:accept", args=[proposal.pk]))
    client.force_login(administrator)
    response = client.post(reverse("proposals:accept", args=[proposal.pk]), follow=True)

    assert Workshop.objects.count() == 1
    assert "This proposal has already been answered" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.workshop == Workshop.objects.get()


def test_accepting_a_stale_copy_creates_nothing(proposal, city_staff):
    # Two staff members opened the same proposal; the second click comes with an old copy.
    stale_copy = WorkshopProposal.objects.get(pk=proposal.pk)
    services.proposal_accept(proposal=proposal, accepted_by=city_staff)
    with pytest.raises(services.ProposalAlreadyDecided):
        services.proposal_accept(proposal=stale_copy, accepted_by=city_staff)
    assert Workshop.objects.count() == 1


def test_a_declined_proposal_cannot_be_accepted(client, proposal, city_staff):
    client.force_login(city_staff)
    client.post(reverse("proposals:decline", args=[proposal.pk]))
    client.post(reverse("proposals:accept", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == WorkshopProposal.Status.DECLINED
    assert not Workshop.objects.exists()


def test_declining_asks_for_confirmation_first(client, proposal, city_staff):
    client.force_login(city_staff)
    confirm = client.get(reverse("proposals:decline", args=[proposal.pk]))
    assert confirm.status_code == 200
    assert "Are you sure you want to decline" in confirm.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == WorkshopProposal.Status.PENDING

    response = client.post(reverse("proposals:decline", args=[proposal.pk]), follow=True)
    proposal.refresh_from_db()
    assert proposal.status == WorkshopProposal.Status.DECLINED
    assert "The proposal was declined." in response.content.decode()
    assert not Workshop.objects.exists()


def test_a_city_proposal_becomes_a_city_workshop(client, council, city_staff):
    proposal = services.proposal_create(
        council=council,
        submitted_by=city_staff,
        kind="city",
        title="Plan climat",
        rationale="La ville a chaud.",
        neighbourhood=NeighbourhoodFactory(),
    )
    workshop = services.proposal_accept(proposal=proposal, accepted_by=city_staff)
    assert workshop.kind == "city"
    assert workshop.neighbourhood is None


@pytest.mark.parametrize("count", [1, 8])
def test_proposals_list_query_budget_does_not_grow(
    client, council, city_staff, django_assert_num_queries, count
):
    for index in range(count):
        WorkshopProposal.objects.create(
            council=council, submitted_by=city_staff, kind="city", title=f"P{index}", rationale="."
        )
    client.force_login(city_staff)
    # 1 user (the session comes from the cache), 2 count for the paginator, 3 the page of
    # proposals with their council. (Staff get "Manage" in base.html from rules, with no
    # permission query.)
    with django_assert_num_queries(3):
        response = client.get(reverse("proposals:list"))
    assert response.status_code == 200


def test_after_accepting_staff_land_on_the_workshop_to_complete_it(client, proposal, city_staff):
    client.force_login(city_staff)
    response = client.post(reverse("proposals:accept", args=[proposal.pk]), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(
        "workshops:edit", args=[Workshop.objects.get().slug]
    )
    assert "The proposal is now a draft workshop." in response.content.decode()
