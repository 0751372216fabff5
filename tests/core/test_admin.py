"""Django's admin behind the site's own door: one login (allauth's, with its rate limits),
superusers only, what the services own read-only, and hostile searches cut short."""

from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from django.contrib import admin
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import override

from ateliers.activity.models import Action
from ateliers.core.models import Role
from ateliers.councils.models import Council, Mandate
from ateliers.proposals.models import WorkshopProposal
from ateliers.proposals.services import proposal_create
from ateliers.workshops.models import Participation, Workshop
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.services.lifecycle import workshop_publish
from tests.factories import (
    CouncilFactory,
    MandateFactory,
    ParticipationFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.french import french

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
LOGIN_URL = reverse("account_login")
ADMIN_LOGIN_URL = reverse("admin:login")
ADMIN_INDEX_URL = reverse("admin:index")


def login_target(location: str) -> tuple[str, str]:
    """Where a redirect sends: (path, next)."""
    parts = urlsplit(location)
    return parts.path, parse_qs(parts.query).get("next", [""])[0]


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


# One login: the site's


def test_the_admins_login_page_sends_to_the_sites(client):
    response = client.get(ADMIN_LOGIN_URL)

    assert response.status_code == 302
    assert login_target(response["Location"]) == (LOGIN_URL, ADMIN_INDEX_URL)


def test_the_admins_login_page_keeps_where_to_go_back(client):
    changelist = reverse("admin:workshops_workshop_changelist")

    response = client.get(ADMIN_LOGIN_URL, {"next": changelist})

    assert login_target(response["Location"]) == (LOGIN_URL, changelist)


def test_the_admins_login_page_never_sends_elsewhere(client):
    response = client.get(ADMIN_LOGIN_URL, {"next": "https://ailleurs.example/"})

    assert login_target(response["Location"]) == (LOGIN_URL, ADMIN_INDEX_URL)


def test_an_anonymous_visit_of_the_admin_ends_on_the_sites_login(client):
    response = client.get(ADMIN_INDEX_URL, follow=True)

    assert response.status_code == 200
    assert login_target(response.redirect_chain[-1][0]) == (LOGIN_URL, ADMIN_INDEX_URL)
    assert "account/login.html" in [t.name for t in response.templates]


def test_the_admins_login_takes_no_password(client, superuser):
    response = client.post(ADMIN_LOGIN_URL, {"username": superuser.email, "password": PASSWORD})

    assert response.status_code == 302
    assert login_target(response["Location"])[0] == LOGIN_URL
    assert not logged_in(client)


def test_guessing_the_administrators_password_is_stopped_by_the_sites_limits(client, superuser):
    for attempt in range(25):
        client.post(LOGIN_URL, {"login": superuser.email, "password": f"essai-{attempt}"})
        # The admin's door takes no password at all.
        client.post(ADMIN_LOGIN_URL, {"username": superuser.email, "password": f"essai-{attempt}"})

    response = client.post(LOGIN_URL, {"login": superuser.email, "password": PASSWORD})

    assert not logged_in(client)
    with override("fr"):
        too_many = escape(str(DefaultAccountAdapter.error_messages["too_many_login_attempts"]))
    assert response.status_code == 429 or too_many in response.content.decode()
    assert client.get(ADMIN_INDEX_URL).status_code == 302


def test_a_superuser_logged_in_on_the_site_reaches_the_admin(client, superuser):
    client.post(LOGIN_URL, {"login": superuser.email, "password": PASSWORD})
    assert logged_in(client)

    assert client.get(ADMIN_INDEX_URL).status_code == 200
    # Already logged in, the admin's login page goes straight on.
    response = client.get(ADMIN_LOGIN_URL, {"next": reverse("admin:core_user_changelist")})
    assert response["Location"] == reverse("admin:core_user_changelist")


# Superusers only


@pytest.mark.parametrize("role", [Role.CITY_STAFF, Role.ADMINISTRATOR, Role.ELECTED])
def test_staff_accounts_that_are_not_superusers_are_refused(client, role):
    client.force_login(UserFactory(role=role, is_staff=True))

    for url in (ADMIN_INDEX_URL, reverse("admin:workshops_workshop_changelist")):
        response = client.get(url, follow=True)
        assert response.status_code == 403
        assert "403.html" in [t.name for t in response.templates]


# What the services own is read-only


def make_workshop():
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT, title="Jardin partagé")
    workshop_publish(workshop=workshop, by=None)  # an Action to show too
    return workshop


def make_proposal():
    council = CouncilFactory()
    return proposal_create(
        council=council,
        submitted_by=UserFactory(),
        kind="city",
        title="Une proposition",
        rationale="Parce que.",
    )


# (model, how to make one, a field the change form would post)
SERVICE_OWNED = [
    (Workshop, make_workshop, {"title": "Changé", "status": "archived"}),
    (Participation, ParticipationFactory, {"capacity": "elected"}),
    (Council, CouncilFactory, {"name": "Changé", "kind": "youth"}),
    (Mandate, MandateFactory, {"role": "president", "starts_on": "2001-01-01"}),
    (WorkshopProposal, make_proposal, {"title": "Changé", "status": "accepted"}),
    (Action, lambda: make_workshop() and Action.objects.get(), {"verb": "workshop.archived"}),
]


def _row(model, pk) -> dict:
    return model.objects.filter(pk=pk).values().get()


@pytest.mark.parametrize(
    ("model", "make", "change"), SERVICE_OWNED, ids=[m._meta.model_name for m, *_ in SERVICE_OWNED]
)
def test_service_owned_rows_are_shown_but_never_changed_in_the_admin(
    client, superuser, model, make, change
):
    obj = make()
    before = _row(model, obj.pk)
    client.force_login(superuser)
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"

    page = client.get(reverse(f"{name}_change", args=[obj.pk]))
    assert page.status_code == 200
    assert escape(str(obj)) in page.content.decode()
    assert 'name="_save"' not in page.content.decode()

    assert client.post(reverse(f"{name}_change", args=[obj.pk]), change).status_code == 403
    assert client.post(reverse(f"{name}_delete", args=[obj.pk]), {"post": "yes"}).status_code == 403
    assert client.get(reverse(f"{name}_add")).status_code == 403
    assert client.post(reverse(f"{name}_add"), change).status_code == 403
    assert _row(model, obj.pk) == before
    assert model.objects.count() == 1


def test_a_draft_cannot_be_published_through_the_admin(client, superuser):
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT)
    phases = list(workshop.phases.order_by("kind").values_list("pk", "starts_at", "ends_at"))
    client.force_login(superuser)
    url = reverse("admin:workshops_workshop_change", args=[workshop.pk])
    data = {
        "kind": workshop.kind,
        "title": workshop.title,
        "slug": workshop.slug,
        "status": Workshop.Status.PUBLISHED,
        "published_at_0": "2026-01-01",
        "published_at_1": "10:00",
        "phases-TOTAL_FORMS": "5",
        "phases-INITIAL_FORMS": "5",
    }
    for index, (pk, _start, _end) in enumerate(phases):
        data[f"phases-{index}-id"] = pk
        data[f"phases-{index}-starts_at_0"] = "2030-01-01"
        data[f"phases-{index}-starts_at_1"] = "00:00"

    response = client.post(url, data)

    assert response.status_code == 403
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.DRAFT
    assert workshop.published_at is None
    assert list(workshop.phases.order_by("kind").values_list("pk", "starts_at", "ends_at")) == (
        phases
    )
    assert not Action.objects.exists()
    # Its page in the admin still shows the five phases.
    page = client.get(url).content.decode()
    for kind in PhaseKind:
        assert french(kind.label) in page


# Hostile searches


CHANGELISTS = [
    f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
    for model in admin.site._registry
]


@pytest.mark.parametrize("url_name", CHANGELISTS)
def test_a_huge_search_is_cut_to_200_characters(client, superuser, url_name):
    client.force_login(superuser)
    url = reverse(url_name)
    search = "mot " * 15_000  # 60,000 characters

    response = client.get(url, {"q": search, "o": "1"})

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == url
    query = parse_qs(location.query, keep_blank_values=True)
    assert query["q"] == [search[:200]]
    assert query["o"] == ["1"]  # the rest of the page's state is kept
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert french("The search was shortened to its first %(count)s characters.", count=200) in (
        page.content.decode()
    )


def test_a_200_character_search_runs_as_it_is(client, superuser):
    client.force_login(superuser)
    WorkshopFactory(title="Jardin partagé")

    response = client.get(reverse("admin:workshops_workshop_changelist"), {"q": "jardin" * 33})

    assert response.status_code == 200
