"""The proposals' buttons on the councils' pages (see core/sections.py)."""

from ateliers.core import sections
from ateliers.core.permissions import can


def _propose_button(request, *, council, **_page):
    if not can(request.user, "proposals.propose_workshop", council):
        return None
    return {"council": council}


def _review_button(request, **_page):
    return {} if can(request.user, "proposals.review_proposals") else None


def register() -> None:
    sections.register(
        "council_actions",
        "propose",
        template="proposals/sections/propose_button.html",
        context=_propose_button,
        order=10,
    )
    sections.register(
        "council_list_actions",
        "review",
        template="proposals/sections/review_button.html",
        context=_review_button,
    )
