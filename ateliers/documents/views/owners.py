"""The workshop or council a document page is about, found from its address."""

from django.http import Http404

from ateliers.core.permissions import can
from ateliers.workshops import selectors as workshops
from ateliers.workshops.models import Workshop


def visible_workshop(request, slug: str) -> Workshop:
    """The workshop (with its phases and facilitators, which the rules read), or 404 when the
    person may not see it."""
    workshop = workshops.workshop_for_page(slug=slug)
    if workshop is None or not can(request.user, "workshops.view_workshop", workshop):
        raise Http404
    return workshop
