"""Who may do what with councils: every role × every action, through HTTP, with the
database checked after each attempt."""

import pytest
from django.urls import reverse

from ateliers.bodies.models import Body, Mandate, WorkshopProposal
from ateliers.workshops.models import Workshop
from tests.factories import MandateFactory, NeighbourhoodFactory, UserFactory

ROLES = [
    "anonymous",
    "resident",
    "council_member",
    "council_president",
    "former_president",
    "elected",
    "facilitator",
    "city_staff",
    "administrator",
]
CITY_TEAM = {"city_staff", "administrator"}
MAY_PROPOSE = CITY_TEAM | {"council_president"}


@pytest.fixture
def actor(request, body, resident, elected, facilitator, city_staff, administrator):
    """The person trying the action, or None for an anonymous visitor."""
    role = request.param
    return {
        "anonymous": None,
        "resident": resident,
        "council_member": lambda: request.getfixturevalue("member"),
        "council_president": lambda: request.getfixturevalue("president"),
        "former_president": lambda: request.getfixturevalue("former_president"),
        "elected": elected,
        "facilitator": facilitator,
        "city_staff": city_staff,
        "administrator": administrator,
    }[role]


def _login(client, actor):
    person = actor() if callable(actor) else actor
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
def proposal(body, resident):
    return WorkshopProposal.objects.create(
        body=body,
        submitted_by=resident,
        kind="ville",
        title="Des rues aux enfants",
        rationale="Les abords des écoles sont dangereux.",
        objective="Un plan de rues scolaires.",
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_propose_a_workshop(client, body, actor, request):
    role = request.node.callspec.params["actor"]
    person = _login(client, actor)
    response = client.post(
        reverse("bodies:propose", args=[body.slug]),
        {"kind": "ville", "title": "Plan vélo", "rationale": "Trop de voitures."},
    )
    if role in MAY_PROPOSE:
        assert response.status_code == 302
        assert response.url == body.get_absolute_url()
        assert WorkshopProposal.objects.filter(body=body, submitted_by=person).count() == 1
    else:
        _assert_refused(response, person)
        assert not WorkshopProposal.objects.exists()


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_see_the_proposals(client, proposal, actor, request):
    role = request.node.callspec.params["actor"]
    person = _login(client, actor)
    for url in (reverse("bodies:proposals"), reverse("bodies:proposal_review", args=[proposal.pk])):
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
    response = client.post(reverse("bodies:proposal_accept", args=[proposal.pk]))
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
    response = client.post(reverse("bodies:proposal_decline", args=[proposal.pk]))
    proposal.refresh_from_db()
    if role in CITY_TEAM:
        assert response.status_code == 302
        assert proposal.status == WorkshopProposal.Status.DECLINED
    else:
        _assert_refused(response, person)
        assert proposal.status == WorkshopProposal.Status.PENDING


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_manage_councils(client, body, actor, request):
    role = request.node.callspec.params["actor"]
    person = _login(client, actor)
    created = client.post(
        reverse("bodies:create"),
        {"kind": Body.Kind.YOUTH, "name": "Conseil des jeunes", "description": "Les 12-25 ans."},
    )
    edited = client.post(
        reverse("bodies:edit", args=[body.slug]),
        {"kind": body.kind, "name": "Conseil renommé", "neighbourhood": body.neighbourhood_id},
    )
    body.refresh_from_db()
    if role in CITY_TEAM:
        assert created.status_code == edited.status_code == 302
        assert Body.objects.filter(name="Conseil des jeunes", neighbourhood=None).exists()
        assert body.name == "Conseil renommé"
    else:
        _assert_refused(created, person)
        _assert_refused(edited, person)
        assert not Body.objects.filter(name="Conseil des jeunes").exists()
        assert body.name == "Conseil de quartier des Tilleuls"


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_manage_mandates(client, body, actor, request):
    role = request.node.callspec.params["actor"]
    newcomer = UserFactory(display_name="Nina Nouvelle")
    existing = MandateFactory(body=body, role=Mandate.Role.SECRETARY)
    person = _login(client, actor)
    added = client.post(
        reverse("bodies:mandates", args=[body.slug]),
        {"user": newcomer.pk, "role": Mandate.Role.MEMBER, "starts_on": "2026-01-01"},
    )
    edited = client.post(
        reverse("bodies:mandate_edit", args=[body.slug, existing.pk]),
        {"role": Mandate.Role.SECRETARY, "starts_on": "2024-01-01", "ends_on": "2025-12-31"},
    )
    existing.refresh_from_db()
    if role in CITY_TEAM:
        assert added.status_code == edited.status_code == 302
        assert Mandate.objects.filter(body=body, user=newcomer).exists()
        assert str(existing.ends_on) == "2025-12-31"
    else:
        _assert_refused(added, person)
        _assert_refused(edited, person)
        assert not Mandate.objects.filter(user=newcomer).exists()
        assert existing.ends_on is None
    deleted = client.post(reverse("bodies:mandate_delete", args=[body.slug, existing.pk]))
    if role in CITY_TEAM:
        assert deleted.status_code == 302
        assert not Mandate.objects.filter(pk=existing.pk).exists()
    else:
        _assert_refused(deleted, person)
        assert Mandate.objects.filter(pk=existing.pk).exists()


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_propose_button_only_for_those_who_may(client, body, actor, request):
    role = request.node.callspec.params["actor"]
    _login(client, actor)
    page = client.get(body.get_absolute_url()).content.decode()
    assert (reverse("bodies:propose", args=[body.slug]) in page) == (role in MAY_PROPOSE)
    assert (reverse("bodies:mandates", args=[body.slug]) in page) == (role in CITY_TEAM)


def test_a_president_may_propose_only_for_their_own_council(client, president):
    other = MandateFactory(body__neighbourhood=NeighbourhoodFactory()).body
    client.force_login(president)
    response = client.post(
        reverse("bodies:propose", args=[other.slug]),
        {"kind": "ville", "title": "Plan vélo", "rationale": "Trop de voitures."},
    )
    assert response.status_code == 403
    assert not WorkshopProposal.objects.exists()
