"""Public pages of documents: one document with its versions, the list of a workshop's or a
council's documents, and the download of a file."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import TIMELESS_PAGE_TTL, public_page
from ateliers.core.permissions import can
from ateliers.councils.views.manage import council_by_slug
from ateliers.workshops.views.loaders import visible_workshop

from .. import selectors
from ..models import Document, DocumentVersion


def _visible_document(request, pk: int) -> Document:
    try:
        document = selectors.document_for_page(pk=pk)
    except Document.DoesNotExist:
        raise Http404 from None
    if not can(request.user, "documents.view_document", document):
        raise Http404
    return document


@public_page(ttl=TIMELESS_PAGE_TTL)
@require_safe
def document_detail(request, pk: int):
    document = _visible_document(request, pk)
    return render(
        request,
        "documents/detail.html",
        {
            "document": document,
            "owner": document.owner,
            "versions": list(selectors.versions_of(document)),
            "can_change": can(request.user, "documents.change_document", document),
            "nav": "workshops" if document.workshop_id else "councils",
        },
    )


def _owner_list(request, owner, *, can_add: bool, add_url: str, nav: str):
    page_obj = Paginator(selectors.documents_of(owner), settings.ATELIERS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "documents/list.html",
        {
            "owner": owner,
            "page_obj": page_obj,
            "groups": selectors.grouped_by_category(page_obj.object_list),
            "can_add": can_add,
            "add_url": add_url,
            "querystring_without_page": "",
            "nav": nav,
        },
    )


@public_page(params={"page"}, ttl=TIMELESS_PAGE_TTL)
@require_safe
def workshop_documents(request, slug: str):
    workshop = visible_workshop(request, slug)
    return _owner_list(
        request,
        workshop,
        can_add=can(request.user, "documents.add_workshop_document", workshop),
        add_url="documents:add_to_workshop",
        nav="workshops",
    )


@public_page(params={"page"}, ttl=TIMELESS_PAGE_TTL)
@require_safe
def council_documents(request, slug: str):
    council = council_by_slug(slug)
    return _owner_list(
        request,
        council,
        can_add=can(request.user, "documents.add_council_document", council),
        add_url="documents:add_to_council",
        nav="councils",
    )


@require_safe
def version_download(request, pk: int, number: int):
    """The file of one version, as it was sent: images are shown, anything else is
    downloaded (never opened by the browser as a page), with the type read from its content."""
    try:
        version = selectors.version_for_download(document_pk=pk, number=number)
    except DocumentVersion.DoesNotExist:
        raise Http404 from None
    if not version.file or not can(request.user, "documents.view_document", version.document):
        raise Http404
    try:
        stream = version.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        stream,
        content_type=version.content_type,
        as_attachment=not version.is_image,
        filename=version.filename,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Opened on its own, the file may run nothing and load nothing.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response
