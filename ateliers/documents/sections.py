"""What the documents app shows on the workshops' and councils' pages (core/sections.py)."""

from ateliers.core import sections
from ateliers.core.permissions import can

from . import selectors

# How many documents a workshop's or council's page lists before "all the documents".
SHOWN_ON_A_PAGE = 20


def _workshop_documents(request, *, workshop, **_page):
    groups, more = selectors.first_documents(workshop, limit=SHOWN_ON_A_PAGE)
    return {"workshop": workshop, "groups": groups, "more": more}


def _council_documents(request, *, council, **_page):
    groups, more = selectors.first_documents(council, limit=SHOWN_ON_A_PAGE)
    return {"council": council, "groups": groups, "more": more}


def _add_to_workshop(request, *, workshop, **_page):
    if not can(request.user, "documents.add_workshop_document", workshop):
        return None
    return {"workshop": workshop}


def _add_to_council(request, *, council, **_page):
    if not can(request.user, "documents.add_council_document", council):
        return None
    return {"council": council}


def register() -> None:
    sections.register(
        "workshop_information",
        "documents",
        template="documents/sections/workshop_documents.html",
        context=_workshop_documents,
        order=10,
    )
    sections.register(
        "workshop_actions",
        "add_document",
        template="documents/sections/add_to_workshop.html",
        context=_add_to_workshop,
    )
    sections.register(
        "council_detail",
        "documents",
        template="documents/sections/council_documents.html",
        context=_council_documents,
        order=200,
    )
    sections.register(
        "council_actions",
        "add_document",
        template="documents/sections/add_to_council.html",
        context=_add_to_council,
        order=20,
    )
