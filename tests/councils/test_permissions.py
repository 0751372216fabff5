"""Who may do what with councils: every role × every action, through HTTP, with the
database checked after each attempt."""

import pytest
from django.urls import reverse

from ateliers.councils.models import Council, Mandate
from ateliers.proposals.models import WorkshopProposal
from ateliers.workshops.models import Workshop
from tests.factories import MandateFactory, NeighbourhoodFactory, UserFactory
from tests.roles import CITY_TEAM, ROLES, person_for

MAY_PROPOSE = CITY_TEAM | {"council_president"}


@pytest.fixture
def actor(request, council):
    """The person playing the role (tests/roles.py) for `council`; None when anonymous."""
    person = person_for(request.param, council=council)
    return person if person.is_authenticated else None


def _login(client, actor):
    person = actor
    if person is not None:
        client.force_login(person)
    return person


def _assert_refused(response, person):
    if person is None:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login") + "?next=")
    else:
        assert response.status_code == 403


@pytest.fixture
def proposal(council, resident):
    return WorkshopProposal.objects.create(
        council=council,
        submitted_by=resident,
        kind="city",
        title="Des rues aux enfants",
        rationale="Les abords des écoles sont dangereux.",
        objective="Un plan de rues scolaires.",
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_propose_a_workshop(client, council, actor, request):
    role = request.node.callspec.params["actor"]
    person = _login(client, actor)
    response = client.post(
        reverse("proposals:create", args=[council.slug]),
        {"kind": "city", "title": "Plan vélo", "rationale": "Trop de voitures."},
    )
    if role in MAY_PROPOSE:
        assert response.status_code == 302
        assert response.url == council.get_absolute_url()
        assert WorkshopProposal.objects.filter(council=council, submitted_by=person).count() == 1
    else:
        _assert_refused(response, person)
        assert not WorkshopProposal.objects.exists()


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_see_the_proposals(client, proposal, actor, request):
    role = request.node.callspec.params["actor"]
    person = _login(client, actor)
    for url in (reverse("proposals:list"), reverse("proposals:review", args=[proposal.pk])):
        response = client.get(url)
        if role in CITY_TEAM:
            assert response.status_code == 200
            assert proposal.title in response.content.decode()
        else:
            _assert_refused(response, person)


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_accept_a_proposal(client, proposal, actor, request):
    role = request.node.callspec.params["actor"]
    person = _login(client, actor)
    response = client.post(reverse("proposals:accept", args=[proposal.pk]))
    proposal.refresh_from_db()
    if role in CITY_TEAM:
        assert proposal.status == WorkshopProposal.Status.ACCEPTED
        assert response.status_code == 302
        assert response.url == reverse("workshops:edit", args=[proposal.workshop.slug])
    else:
        _assert_refused(response, person)
        assert proposal.status == WorkshopProposal.Status.PENDING
        assert not Workshop.objects.exists()


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_decline_a_proposal(client, proposal, actor, request):
    role = request.node.callspec.params["actor"]
    person = _login(client, actor)
    response = client.post(reverse("proposals:decline", args=[proposal.pk]))
    proposal.refresh_from_db()
    if role in CITY_TEAM:
        assert response.status_code == 302
        assert proposal.status == WorkshopProposal.Status.DECLINED
    else:
        _assert_refused(response, person)
        assert proposal.status == WorkshopProposal.Status.PENDING


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_manage_councils(client, council, actor, request):
    role = request.node.callspec.params["actor"]
    person = _login(client, actor)
    created = client.post(
        reverse("councils:create"),
        {"kind": Council.Kind.YOUTH, "name": "Conseil des jeunes", "description": "Les 12-25 ans."},
    )
    edited = client.post(
        reverse("councils:edit", args=[council.slug]),
        {
            "kind": council.kind,
            "name": "Conseil renommé",
            "neighbourhood": council.neighbourhood_id,
        },
    )
    council.refresh_from_db()
    if role in CITY_TEAM:
        assert created.status_code == edited.status_code == 302
        assert Council.objects.filter(name="Conseil des jeunes", neighbourhood=None).exists()
        assert council.name == "Conseil renommé"
    else:
        _assert_refused(created, person)
        _assert_refused(edited, person)
        assert not Council.objects.filter(name="Conseil des jeunes").exists()
        assert council.name == "Conseil de quartier des Tilleuls"


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_manage_mandates(client, council, actor, request):
    role = request.node.callspec.params["actor"]
    newcomer = UserFactory(display_name="Nina Nouvelle")
    existing = MandateFactory(council=council, role=Mandate.Role.SECRETARY)
    person = _login(client, actor)
    added = client.post(
        reverse("councils:mandates", args=[council.slug]),
        {"user": newcomer.pk, "role": Mandate.Role.MEMBER, "starts_on": "2026-01-01"},
    )
    edited = client.post(
        reverse("councils:mandate_edit", args=[council.slug, existing.pk]),
        {"role": Mandate.Role.SECRETARY, "starts_on": "2024-01-01", "ends_on": "2025-12-31"},
    )
    existing.refresh_from_db()
    if role in CITY_TEAM:
        assert added.status_code == edited.status_code == 302
        assert Mandate.objects.filter(council=council, user=newcomer).exists()
        assert str(existing.ends_on) == "2025-12-31"
    else:
        _assert_refused(added, person)
        _assert_refused(edited, person)
        assert not Mandate.objects.filter(user=newcomer).exists()
        assert existing.ends_on is None
    deleted = client.post(reverse("councils:mandate_delete", args=[council.slug, existing.pk]))
    if role in CITY_TEAM:
        assert deleted.status_code == 302
        assert not Mandate.objects.filter(pk=existing.pk).exists()
    else:
        _assert_refused(deleted, person)
        assert Mandate.objects.filter(pk=existing.pk).exists()


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_propose_button_only_for_those_who_may(client, council, actor, request):
    role = request.node.callspec.params["actor"]
    _login(client, actor)
    page = client.get(council.get_absolute_url()).content.decode()
    assert (reverse("proposals:create", args=[council.slug]) in page) == (role in MAY_PROPOSE)
    assert (reverse("councils:mandates", args=[council.slug]) in page) == (role in CITY_TEAM)


def test_a_president_may_propose_only_for_their_own_council(client, president):
    other = MandateFactory(council__neighbourhood=NeighbourhoodFactory()).council
    client.force_login(president)
    response = client.post(
        reverse("proposals:create", args=[other.slug]),
        {"kind": "city", "title": "Plan vélo", "rationale": "Trop de voitures."},
    )
    assert response.status_code == 403
    assert not WorkshopProposal.objects.exists()
