"""What the meetings app shows on the workshops' and councils' pages (core/sections.py)."""

from django.utils import timezone

from ateliers.core import sections
from ateliers.core.permissions import can

from . import selectors

# How many coming and past meetings a page lists.
SHOWN_ON_A_PAGE = 6


def _meetings(request, *, workshop=None, council=None, **_page):
    coming, past = selectors.coming_and_past(
        workshop or council, now=timezone.now(), limit=SHOWN_ON_A_PAGE
    )
    return {"coming": coming, "past": past, "workshop": workshop, "council": council}


def _plan_for_workshop(request, *, workshop, **_page):
    if not can(request.user, "meetings.plan_workshop_meeting", workshop):
        return None
    return {"workshop": workshop}


def _plan_for_council(request, *, council, **_page):
    if not can(request.user, "meetings.plan_council_meeting", council):
        return None
    return {"council": council}


def register() -> None:
    sections.register(
        "workshop_meetings",
        "meetings",
        template="meetings/sections/meetings.html",
        context=_meetings,
    )
    sections.register(
        "workshop_actions",
        "plan_meeting",
        template="meetings/sections/plan_workshop.html",
        context=_plan_for_workshop,
        order=120,
    )
    sections.register(
        "council_detail",
        "meetings",
        template="meetings/sections/meetings.html",
        context=_meetings,
        order=150,
    )
    sections.register(
        "council_actions",
        "plan_meeting",
        template="meetings/sections/plan_council.html",
        context=_plan_for_council,
        order=40,
    )
