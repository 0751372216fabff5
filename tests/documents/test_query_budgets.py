"""The documents' pages read the same number of queries for 3 documents as for 40."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.workshops.phases import PhaseKind
from tests.factories import CouncilFactory, DocumentFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def workshop():
    return WorkshopFactory(phase=PhaseKind.INFORMATION)


def test_document_page_budget(client, workshop, django_assert_num_queries):
    document = DocumentFactory(workshop=workshop, pdf=True)

    # 1 the document with its workshop and current version, 2 its versions.
    with django_assert_num_queries(2):
        client.get(document.get_absolute_url())


def test_download_budget(client, workshop, django_assert_num_queries):
    document = DocumentFactory(workshop=workshop, pdf=True)

    # 1 the version with its document and workshop.
    with django_assert_num_queries(1):
        client.get(document.current.get_download_url())


@pytest.mark.parametrize(
    "page",
    ["workshop page", "workshop's documents", "council page", "council's documents"],
)
def test_pages_do_not_grow_with_the_documents(client, settings, page):
    settings.ATELIERS_PAGE_SIZE = 50
    workshop = WorkshopFactory(phase=PhaseKind.INFORMATION)
    council = CouncilFactory()
    url = {
        "workshop page": workshop.get_absolute_url(),
        "workshop's documents": reverse("documents:of_workshop", args=[workshop.slug]),
        "council page": council.get_absolute_url(),
        "council's documents": reverse("documents:of_council", args=[council.slug]),
    }[page]

    def add(number):
        for index in range(number):
            DocumentFactory(workshop=workshop, pdf=index % 2 == 0)
            DocumentFactory(council=council, workshop=None)

    client.get(url)  # once first: a process's first page also reads the content types
    add(3)
    few = queries(client, url)
    add(37)
    assert queries(client, url) == few
