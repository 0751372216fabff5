"""What the trainings app shows on the workshops' and councils' pages (core/sections.py)."""

from django.utils import timezone

from ateliers.core import sections
from ateliers.core.permissions import can

from . import selectors


def _workshop_trainings(request, *, workshop, **_page):
    trainings = selectors.recommended_for_workshop(workshop, now=timezone.now())
    return {"trainings": trainings, "level": 3}


def _council_trainings(request, *, council, **_page):
    trainings = selectors.recommended_by_council(council, now=timezone.now())
    return {"trainings": trainings} if trainings else None


def _recommend_for_workshop(request, *, workshop, **_page):
    if not can(request.user, "trainings.recommend_for_workshop", workshop):
        return None
    return {"workshop": workshop}


def _recommend_for_council(request, *, council, **_page):
    if not can(request.user, "trainings.recommend_for_council", council):
        return None
    return {"council": council}


def register() -> None:
    sections.register(
        "workshop_information",
        "trainings",
        template="trainings/sections/recommended.html",
        context=_workshop_trainings,
        order=20,
    )
    sections.register(
        "workshop_actions",
        "recommend_trainings",
        template="trainings/sections/recommend_workshop.html",
        context=_recommend_for_workshop,
        order=110,
    )
    sections.register(
        "council_detail",
        "trainings",
        template="trainings/sections/council_recommended.html",
        context=_council_trainings,
        order=210,
    )
    sections.register(
        "council_actions",
        "recommend_trainings",
        template="trainings/sections/recommend_council.html",
        context=_recommend_for_council,
        order=30,
    )
