"""Who may create, edit, publish, archive a workshop and see its participants: role × status.

Every case goes through HTTP and checks the database: a refusal leaves it untouched.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from ateliers.workshops.models import Workshop
from tests.factories import WorkshopFactory
from tests.roles import CITY_TEAM, FACILITATORS, ROLES, WORKSHOP_MANAGERS, person_for

from .manage_data import contiguous_phases, next_month_start, workshop_form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

MANAGERS = WORKSHOP_MANAGERS
CREATORS = CITY_TEAM | FACILITATORS
STATUSES = [Workshop.Status.DRAFT, Workshop.Status.PUBLISHED, Workshop.Status.ARCHIVED]


@pytest.fixture
def workshop_of():
    """Make a workshop in a given status (its facilitator and participant are cast later)."""

    def make(status):
        return WorkshopFactory(status=status, title="Avant")

    return make


def log_in_as(role, client, workshop=None):
    """Log the client in as `role` (tests/roles.py): for `workshop`, the facilitator runs it
    and the participant takes part."""
    person = person_for(role, workshops=[workshop] if workshop else [])
    if person.is_authenticated:
        client.force_login(person)
    return person


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
def test_manage_list(client, role):
    log_in_as(role, client)

    response = client.get(reverse("workshops:manage"))

    if role in CREATORS:
        assert response.status_code == 200
    else:
        assert_refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_create(client, role):
    log_in_as(role, client)
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
def test_edit(client, workshop_of, role, status):
    workshop = workshop_of(status)
    log_in_as(role, client, workshop)
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
def test_publish(client, workshop_of, role, status):
    workshop = workshop_of(status)
    log_in_as(role, client, workshop)
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
def test_archive(client, workshop_of, role, status):
    workshop = workshop_of(status)
    log_in_as(role, client, workshop)
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
def test_view_participants(client, workshop_of, role, status):
    workshop = workshop_of(status)
    log_in_as(role, client, workshop)

    response = client.get(reverse("workshops:participants", args=[workshop.slug]))

    if role in MANAGERS:
        assert response.status_code == 200
        assert response.context["workshop"] == workshop
    else:
        assert_refused(response, role)


def test_an_unknown_workshop_is_not_found(client, city_staff):
    client.force_login(city_staff)

    assert client.get(reverse("workshops:edit", args=["nothing-here"])).status_code == 404
