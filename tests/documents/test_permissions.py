"""Who may add documents and versions, through the pages: role × the workshop's moment.

A refusal changes nothing in the database; organisers of another workshop or another
council are refused like anyone else."""

import pytest
from django.urls import reverse

from ateliers.documents.models import Category, Document, DocumentVersion
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind
from tests.factories import CouncilFactory, DocumentFactory, WorkshopFactory
from tests.roles import CITY_TEAM, ROLES, WORKSHOP_MANAGERS, assert_refused, log_in

pytestmark = pytest.mark.django_db

# The workshop's moments: (status, factory arguments), and whether its team may add then.
MOMENTS = {
    "draft, before the start": (Workshop.Status.DRAFT, {"upcoming": True}, True),
    "information phase": (Workshop.Status.PUBLISHED, {"phase": PhaseKind.INFORMATION}, True),
    "presentation phase": (Workshop.Status.PUBLISHED, {"phase": PhaseKind.PRESENTATION}, True),
    "finished": (Workshop.Status.PUBLISHED, {"finished": True}, False),
    "archived": (Workshop.Status.ARCHIVED, {"phase": PhaseKind.DEBATE}, False),
}
COUNCIL_EDITORS = CITY_TEAM | {"council_president"}


def link_form(title="Étude"):
    return {"title": title, "category": Category.STUDY, "link": "https://example.org/etude"}


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_adding_to_a_workshop(client, role, moment):
    status, when, open_then = MOMENTS[moment]
    workshop = WorkshopFactory(status=status, **when)
    log_in(client, role, workshops=[workshop])
    url = reverse("documents:add_to_workshop", args=[workshop.slug])

    page = client.get(url)
    response = client.post(url, link_form())

    if role in WORKSHOP_MANAGERS and open_then:
        assert page.status_code == 200
        assert response.status_code == 302
        assert Document.objects.filter(workshop=workshop).count() == 1
    else:
        assert_refused(page, role)
        assert_refused(response, role)
        assert not Document.objects.exists()


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_adding_a_version_to_a_workshops_document(client, role, moment):
    status, when, open_then = MOMENTS[moment]
    workshop = WorkshopFactory(status=status, **when)
    document = DocumentFactory(workshop=workshop)
    log_in(client, role, workshops=[workshop])
    url = reverse("documents:add_version", args=[document.pk])

    response = client.post(url, {"link": "https://example.org/v2"})

    if role in WORKSHOP_MANAGERS and open_then:
        assert response.status_code == 302
        assert DocumentVersion.objects.filter(document=document).count() == 2
    else:
        assert_refused(response, role)
        assert DocumentVersion.objects.filter(document=document).count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_adding_to_a_council_and_versions_of_its_documents(client, role):
    council = CouncilFactory()
    document = DocumentFactory(council=council, workshop=None)
    log_in(client, role, council=council)

    added = client.post(reverse("documents:add_to_council", args=[council.slug]), link_form())
    versioned = client.post(
        reverse("documents:add_version", args=[document.pk]), {"link": "https://ex.org/v2"}
    )
    edited = client.post(
        reverse("documents:edit", args=[document.pk]),
        {"title": "Changé", "category": Category.MINUTES},
    )

    if role in COUNCIL_EDITORS:
        assert [added.status_code, versioned.status_code, edited.status_code] == [302] * 3
        assert Document.objects.filter(council=council).count() == 2
    else:
        for response in (added, versioned, edited):
            assert_refused(response, role)
        assert Document.objects.filter(council=council).count() == 1
        assert DocumentVersion.objects.count() == 1
        document.refresh_from_db()
        assert document.title != "Changé"


@pytest.mark.parametrize("role", ROLES)
def test_a_published_workshops_documents_are_public(client, role):
    workshop = WorkshopFactory(phase=PhaseKind.INFORMATION)
    document = DocumentFactory(workshop=workshop, pdf=True)
    log_in(client, role, workshops=[workshop])

    assert client.get(document.get_absolute_url()).status_code == 200
    assert client.get(document.current.get_download_url()).status_code == 200
