"""What the recommendations add to a workshop's page (core/sections.py): the most supported,
once there are any or once the recommendations phase has come."""

from django.utils import timezone

from ateliers.core import sections
from ateliers.workshops.phases import PhaseKind

from . import selectors

SHOWN_ON_THE_PAGE = 6


def _recommendations(request, *, workshop, **_page):
    recommendations = selectors.recommendations_of(workshop, limit=SHOWN_ON_THE_PAGE)
    phase = next((p for p in workshop.ordered_phases if p.kind == PhaseKind.RECOMMENDATIONS), None)
    if not recommendations and (phase is None or timezone.now() < phase.starts_at):
        return None  # nothing to show before the recommendations phase
    return {"workshop": workshop, "recommendations": recommendations}


def register() -> None:
    sections.register(
        "workshop_recommendations",
        "recommendations",
        template="recommendations/sections/recommendations.html",
        context=_recommendations,
    )
