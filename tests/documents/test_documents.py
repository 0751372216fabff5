"""Adding documents, reading and downloading them, their versions, and the refusals."""

import re

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from ateliers.documents.models import Category, Document, DocumentVersion
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    PDF_BYTES,
    CouncilFactory,
    DocumentFactory,
    MandateFactory,
    WorkshopFactory,
)

from . import files

pytestmark = pytest.mark.django_db
DOCUMENT_LINK = re.compile(r'href="/documents/\d+/"')


@pytest.fixture
def workshop(facilitator):
    workshop = WorkshopFactory(phase=PhaseKind.INFORMATION, title="Place des Tilleuls")
    workshop.facilitators.add(facilitator)
    return workshop


def add_url(workshop):
    return reverse("documents:add_to_workshop", args=[workshop.slug])


def form(**values):
    return {"title": "Plan de la place", "summary": "", "category": Category.SITE_FACTS, **values}


def stored_files() -> list[str]:
    """Every file in the storage's documents folder."""

    def walk(folder):
        subfolders, names = default_storage.listdir(folder)
        found = [f"{folder}/{name}" for name in names]
        for subfolder in subfolders:
            found += walk(f"{folder}/{subfolder}")
        return found

    return walk("documents") if default_storage.exists("documents") else []


def test_a_facilitator_adds_a_pdf_that_everyone_then_reads_on_the_workshop_page(
    client, workshop, facilitator
):
    client.force_login(facilitator)

    response = client.post(
        add_url(workshop),
        form(file=files.upload("Plan de la place.pdf", files.PDF), summary="Le relevé."),
    )

    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == document.get_absolute_url()
    assert document.workshop == workshop and document.current.number == 1
    client.logout()
    page = client.get(workshop.get_absolute_url()).content.decode()
    assert "Site facts" in page and "Plan de la place" in page and "PDF" in page
    detail = client.get(document.get_absolute_url()).content.decode()
    assert "Le relevé." in detail and "Download Plan de la place.pdf" in detail


def test_the_download_is_the_file_as_an_attachment_of_its_real_type(client, workshop):
    document = DocumentFactory(workshop=workshop, pdf=True)

    response = client.get(document.current.get_download_url())

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="document.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_an_image_needs_its_text_alternative_and_is_then_shown_inline(
    client, workshop, facilitator
):
    client.force_login(facilitator)
    image = files.upload("vue.png", files.PNG, "image/png")

    refused = client.post(add_url(workshop), form(file=image))

    assert "Describe the image" in refused.content.decode()
    assert not Document.objects.exists()
    image.seek(0)
    client.post(add_url(workshop), form(file=image, alt_text="La place vue du ciel"))
    version = DocumentVersion.objects.get()
    assert version.alt_text == "La place vue du ciel"
    page = client.get(version.document.get_absolute_url()).content.decode()
    assert 'alt="La place vue du ciel"' in page
    response = client.get(version.get_download_url())
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")


def test_a_web_page_renamed_pdf_is_refused_and_nothing_is_stored(client, workshop, facilitator):
    client.force_login(facilitator)

    response = client.post(
        add_url(workshop), form(file=files.upload("budget.pdf", files.HTML, "application/pdf"))
    )

    assert response.status_code == 200
    assert "its content says otherwise" in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files() == []


def test_a_file_over_the_limit_is_refused_before_it_is_stored(
    client, workshop, facilitator, settings
):
    settings.ATELIERS_DOCUMENT_MAX_BYTES = 100
    client.force_login(facilitator)

    response = client.post(add_url(workshop), form(file=files.upload("plan.pdf", files.PDF)))

    assert "the limit is 100\xa0bytes" in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files() == []


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({}, "Choose a file to send, or give a link."),
        (
            {"link": "https://example.org/a", "file": files.upload("p.pdf", files.PDF)},
            "Give a file or a link, not both.",
        ),
        ({"link": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"link": "ftp://example.org/plan.pdf"}, "starting with https://"),
        ({"link": "https://example.org/a", "title": ""}, "This field is required."),
        ({"link": "https://example.org/a", "category": "secret"}, "Select a valid choice."),
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(
    client, workshop, facilitator, values, message
):
    client.force_login(facilitator)

    response = client.post(add_url(workshop), form(**values))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_a_link_document_leads_to_its_address(client, workshop, facilitator):
    client.force_login(facilitator)

    client.post(add_url(workshop), form(link="https://example.org/comptages"))

    document = Document.objects.get()
    page = client.get(document.get_absolute_url()).content.decode()
    assert 'href="https://example.org/comptages" rel="noopener noreferrer nofollow"' in page


def test_a_new_version_becomes_current_and_the_first_stays_downloadable(
    client, workshop, facilitator
):
    document = DocumentFactory(workshop=workshop, pdf=True)
    first = document.current
    client.force_login(facilitator)
    second_pdf = files.upload("plan-v2.pdf", files.PDF)

    response = client.post(
        reverse("documents:add_version", args=[document.pk]),
        {"file": second_pdf, "note": "Les cotes corrigées"},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.current.number == 2 and document.version_count == 2
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Les cotes corrigées" in page and "plan-v2.pdf" in page and "document.pdf" in page
    assert client.get(first.get_download_url()).status_code == 200


def test_details_change_without_a_new_version(client, workshop, facilitator):
    document = DocumentFactory(workshop=workshop)
    client.force_login(facilitator)

    client.post(
        reverse("documents:edit", args=[document.pk]),
        {"title": "Budget voté", "summary": "Voté en juin.", "category": Category.BUDGET},
    )

    document.refresh_from_db()
    assert (document.title, document.category, document.version_count) == (
        "Budget voté",
        Category.BUDGET,
        1,
    )


def test_the_workshop_history_says_a_document_was_added(client, workshop, facilitator):
    client.force_login(facilitator)
    client.post(add_url(workshop), form(link="https://example.org/plan"))

    history = client.get(reverse("workshops:history", args=[workshop.slug])).content.decode()

    assert "added the document “Plan de la place”" in history


def test_a_drafts_documents_are_hidden_from_the_public(client, facilitator):
    draft = WorkshopFactory(status="draft")
    document = DocumentFactory(workshop=draft, pdf=True)

    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.get(document.current.get_download_url()).status_code == 404
    assert client.get(reverse("documents:of_workshop", args=[draft.slug])).status_code == 404


def test_a_councils_president_adds_minutes_shown_on_the_council_page(client, resident):
    council = CouncilFactory()
    MandateFactory(council=council, user=resident, role="president")
    client.force_login(resident)

    response = client.post(
        reverse("documents:add_to_council", args=[council.slug]),
        form(title="Compte rendu de mars", category=Category.MINUTES, link="https://ex.org/cr"),
    )

    assert response.status_code == 302
    page = client.get(council.get_absolute_url()).content.decode()
    assert "Compte rendu de mars" in page and "Minutes" in page


def test_the_documents_page_is_paginated_and_has_an_empty_state(client, workshop, settings):
    settings.ATELIERS_PAGE_SIZE = 3
    url = reverse("documents:of_workshop", args=[workshop.slug])

    assert "No document has been shared yet." in client.get(url).content.decode()
    for _ in range(4):
        DocumentFactory(workshop=workshop)
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert len(DOCUMENT_LINK.findall(first)) == 3
    assert len(DOCUMENT_LINK.findall(second)) == 1
    assert "?page=2" in first


def test_the_workshop_page_lists_a_limited_number_and_links_to_all(client, workshop, settings):
    from ateliers.documents import sections

    for _ in range(sections.SHOWN_ON_A_PAGE + 1):
        DocumentFactory(workshop=workshop)

    page = client.get(workshop.get_absolute_url()).content.decode()

    assert "All the documents of the workshop" in page
