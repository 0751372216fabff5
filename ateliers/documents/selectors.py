"""Reads for documents: by category for a workshop's or council's page, one with its
versions. Each in a fixed number of queries, whatever the number of documents."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django_stubs_ext import StrOrPromise

from ateliers.councils.models import Council
from ateliers.workshops.models import Workshop

from .models import Category, Document, DocumentVersion


@dataclass(frozen=True)
class CategoryGroup:
    category: str
    label: StrOrPromise
    documents: list[Document]


def documents_of(owner: Workshop | Council) -> QuerySet[Document]:
    """Every document of the workshop or council, by category then title, with its
    current version."""
    documents = Document.objects.select_related("current")
    if isinstance(owner, Workshop):
        return documents.filter(workshop=owner)
    return documents.filter(council=owner)


def grouped_by_category(documents) -> list[CategoryGroup]:
    """`documents` (ordered by category) as groups in the order of the categories."""
    by_category: dict[str, list[Document]] = {}
    for document in documents:
        by_category.setdefault(document.category, []).append(document)
    return [
        CategoryGroup(category, Category(category).label, by_category[category])
        for category in Category.values
        if category in by_category
    ]


def first_documents(owner: Workshop | Council, *, limit: int) -> tuple[list[CategoryGroup], bool]:
    """At most `limit` documents by category, and whether there are more: one query."""
    documents = list(documents_of(owner)[: limit + 1])
    return grouped_by_category(documents[:limit]), len(documents) > limit


def document_for_page(*, pk: int) -> Document:
    """The document with its owner (for the permission and the way back) and its current
    version; raises Document.DoesNotExist."""
    return Document.objects.select_related(
        "current", "workshop", "council", "workshop__proposed_by"
    ).get(pk=pk)


def versions_of(document: Document) -> QuerySet[DocumentVersion]:
    return document.versions.order_by("-number")


def version_for_download(*, document_pk: int, number: int) -> DocumentVersion:
    return DocumentVersion.objects.select_related(
        "document", "document__workshop", "document__council"
    ).get(document_id=document_pk, number=number)
