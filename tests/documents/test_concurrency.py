"""Versions of one document sent at the same instant, each on its own connection."""

import pytest

from ateliers.core.models import Role
from ateliers.documents import services
from ateliers.documents.models import Document
from tests.concurrency import run_at_once
from tests.factories import DocumentFactory, UserFactory


@pytest.mark.django_db(transaction=True)
def test_six_versions_sent_at_once_get_six_numbers():
    facilitator = UserFactory(role=Role.FACILITATOR)
    document = DocumentFactory()

    def add_version(index):
        return lambda: services.document_add_version(
            document=Document.objects.get(pk=document.pk),
            added_by=facilitator,
            link=f"https://example.org/v{index}",
        )

    outcomes = run_at_once([add_version(i) for i in range(6)], refusals=(), success="added")

    assert outcomes == ["added"] * 6
    numbers = sorted(document.versions.values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6, 7]
    document.refresh_from_db()
    assert document.version_count == 7 and document.current.number == 7
