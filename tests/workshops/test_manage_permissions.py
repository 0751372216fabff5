"""Who may create, edit, publish, archive a workshop and see its participants: role × status.

Every case goes through HTTP and checks the database: a refusal leaves it untouched.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from ateliers.core.models import Role
from ateliers.workshops.models import Workshop
from tests.factories import UserFactory, WorkshopFactory

from .manage_data import contiguous_phases, next_month_start, workshop_form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ROLES = [
    "anonymous",
    "resident",
    "elected",
    "other_facilitator",
    "own_facilitator",
    "city_staff",
    "administrator",
]
MANAGERS = {"own_facilitator", "city_staff", "administrator"}
CREATORS = {"other_facilitator", "own_facilitator", "city_staff", "administrator"}
STATUSES = [Workshop.Status.DRAFT, Workshop.Status.PUBLISHED, Workshop.Status.ARCHIVED]


@pytest.fixture
def workshop_of(facilitator):
    """Make a workshop in a given status, run by the `facilitator` fixture."""

    def make(status):
        workshop = WorkshopFactory(status=status, title="Avant")
        workshop.facilitators.add(facilitator)
        return workshop

    return make


def log_in_as(role, client, request):
    """Log the client in as `role`; `own_facilitator` is the workshop's facilitator."""
    if role == "anonymous":
        return None
    if role == "own_facilitator":
        user = request.getfixturevalue("facilitator")
    elif role == "other_facilitator":
        user = UserFactory(role=Role.FACILITATOR)
    else:
        user = request.getfixturevalue(role)
    client.force_login(user)
    return user


def assert_turned_back(response):
    """A manager whose action the workshop's state no longer allows (someone published or
    archived it meanwhile) is told so on the management list, not shown a 403 page."""
    assert response.status_code == 302
    assert response["Location"] == reverse("workshops:manage")
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    assert texts and all("archived" in text or "not a draft" in text for text in texts)


def assert_refused(response, role):
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login") + "?next=")
    else:
        assert response.status_code == 403
        assert "Access denied" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_manage_list(client, request, role):
    log_in_as(role, client, request)

    response = client.get(reverse("workshops:manage"))

    if role in CREATORS:
        assert response.status_code == 200
    else:
        assert_refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_create(client, request, role):
    log_in_as(role, client, request)
    url = reverse("workshops:create")
    data = workshop_form_data(kind="city", phases=contiguous_phases(next_month_start()))

    page = client.get(url)
    response = client.post(url, data)

    if role in CREATORS:
        assert page.status_code == 200
        assert response.status_code == 302
        assert Workshop.objects.filter(title=data["title"]).exists()
    else:
        assert_refused(page, role)
        assert_refused(response, role)
        assert not Workshop.objects.exists()


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_edit(client, request, workshop_of, role, status):
    workshop = workshop_of(status)
    log_in_as(role, client, request)
    url = reverse("workshops:edit", args=[workshop.slug])
    phases = [(p.kind, p.starts_at, p.ends_at) for p in workshop.phases.all()]
    data = workshop_form_data(neighbourhood=workshop.neighbourhood, title="Après", phases=phases)

    page = client.get(url)
    response = client.post(url, data)

    workshop.refresh_from_db()
    if role in MANAGERS and status != Workshop.Status.ARCHIVED:
        assert page.status_code == 200
        assert response.status_code == 302
        assert workshop.title == "Après"
    elif role in MANAGERS:
        assert_turned_back(page)
        assert_turned_back(response)
        assert workshop.title == "Avant"
    else:
        assert_refused(page, role)
        assert_refused(response, role)
        assert workshop.title == "Avant"


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_publish(client, request, workshop_of, role, status):
    workshop = workshop_of(status)
    log_in_as(role, client, request)
    url = reverse("workshops:publish", args=[workshop.slug])

    page = client.get(url)
    response = client.post(url)

    workshop.refresh_from_db()
    if role in MANAGERS and status == Workshop.Status.DRAFT:
        assert page.status_code == 200
        assert response.status_code == 302
        assert workshop.status == Workshop.Status.PUBLISHED
        assert workshop.published_at is not None
    elif role in MANAGERS:
        assert_turned_back(page)
        assert_turned_back(response)
        assert workshop.status == status
        assert workshop.published_at is None
    else:
        assert_refused(page, role)
        assert_refused(response, role)
        assert workshop.status == status
        assert workshop.published_at is None


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_archive(client, request, workshop_of, role, status):
    workshop = workshop_of(status)
    log_in_as(role, client, request)
    url = reverse("workshops:archive", args=[workshop.slug])

    page = client.get(url)
    response = client.post(url)

    workshop.refresh_from_db()
    if role in MANAGERS and status != Workshop.Status.ARCHIVED:
        assert page.status_code == 200
        assert response.status_code == 302
        assert workshop.status == Workshop.Status.ARCHIVED
    elif role in MANAGERS:
        assert_turned_back(page)
        assert_turned_back(response)
        assert workshop.status == status
    else:
        assert_refused(page, role)
        assert_refused(response, role)
        assert workshop.status == status


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_view_participants(client, request, workshop_of, role, status):
    workshop = workshop_of(status)
    log_in_as(role, client, request)

    response = client.get(reverse("workshops:participants", args=[workshop.slug]))

    if role in MANAGERS:
        assert response.status_code == 200
        assert response.context["workshop"] == workshop
    else:
        assert_refused(response, role)


def test_an_unknown_workshop_is_not_found(client, city_staff):
    client.force_login(city_staff)

    assert client.get(reverse("workshops:edit", args=["nothing-here"])).status_code == 404
