"""Reads for the management pages (facilitators, city staff, administrators).

Kept apart from `selectors.py`, which serves the public pages.
"""

from django.db.models import QuerySet

from ateliers.core.models import User
from ateliers.core.rules import is_city_team

from .models import Participation, Workshop


def workshops_managed_by(user: User) -> QuerySet[Workshop]:
    """Every workshop for the city team; a facilitator's own ones otherwise. Drafts included.

    Facilitators are prefetched so the per-row permission checks cost no query.
    """
    workshops = Workshop.objects.all() if is_city_team(user) else user.facilitated_workshops.all()
    return (
        workshops.select_related("neighbourhood")
        .prefetch_related("facilitators", "phases")
        .order_by("-created_at", "-pk")
    )


def workshop_for_management(slug: str) -> QuerySet[Workshop]:
    """The workshop with what the permission checks and the edit form read."""
    return Workshop.objects.filter(slug=slug).prefetch_related(
        "facilitators", "phases", "themes", "sponsors"
    )


def participations_of(workshop: Workshop) -> QuerySet[Participation]:
    return workshop.participations.select_related("user", "council").order_by("joined_at", "pk")
