"""The workshop a page of another app is about, found from its address: the meetings',
documents', debate's and recommendations' pages of a workshop load it here."""

from django.http import Http404

from ateliers.core.permissions import can

from ..models import Workshop
from ..selectors import workshop_for_page


def workshop_by_slug(slug: str) -> Workshop:
    """The workshop (with its phases and facilitators, which the rules read), or 404: for
    `@allowed(..., load=workshop_by_slug)`, which then asks the rules."""
    workshop = workshop_for_page(slug=slug)
    if workshop is None:
        raise Http404
    return workshop


def visible_workshop(request, slug: str) -> Workshop:
    """The workshop, or 404 when the person may not see it (a draft, for the public)."""
    workshop = workshop_by_slug(slug)
    if not can(request.user, "workshops.view_workshop", workshop):
        raise Http404
    return workshop
