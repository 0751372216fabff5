"""The road to the town hall on an adopted recommendation's page (core/sections.py): the
city's answer or its deadline, the progress, and a link to its follow-up. One query."""

from django.utils import timezone

from ateliers.core import sections
from ateliers.recommendations.models import Status as RecommendationStatus

from . import selectors_followup


def _road(request, *, recommendation, **_page):
    if recommendation.status != RecommendationStatus.ADOPTED:
        return None
    summary = selectors_followup.road_summary(recommendation)
    if summary is None:  # a workshop that is not public (its team reads the page)
        return None
    return {"row": selectors_followup.row_of(summary, timezone.localdate())}


def register() -> None:
    sections.register(
        "recommendation_detail",
        "townhall_road",
        template="townhall/followup/_section.html",
        context=_road,
    )
