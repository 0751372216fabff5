"""Reads for the recommendations' pages, in a fixed number of queries whatever the number of
recommendations, authors, versions and supports: supports are counted on the recommendation."""

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from ateliers.core.models import User
from ateliers.workshops.models import Workshop

from . import grounds
from .models import Recommendation, RecommendationAuthor, Support

PER_PAGE = 20


def _authors() -> Prefetch:
    return Prefetch("authors", queryset=RecommendationAuthor.objects.select_related("user"))


def _of(workshop: Workshop) -> QuerySet:
    return Recommendation.objects.filter(workshop=workshop).order_by(
        "-support_count", "created_at", "pk"
    )


def recommendations_of(workshop: Workshop, *, limit: int) -> list[Recommendation]:
    """The workshop's most supported recommendations (its page shows a few)."""
    return list(_of(workshop)[:limit])


def recommendations_page(workshop: Workshop, *, page: str | int | None) -> Page:
    return Paginator(_of(workshop).prefetch_related(_authors()), PER_PAGE).get_page(page)


def recommendation_for_page(*, pk: int) -> Recommendation:
    return (
        Recommendation.objects.select_related("workshop")
        .prefetch_related(
            "workshop__phases", "workshop__facilitators", _authors(), "versions__edited_by"
        )
        # What it builds on (grounds.py): two queries, whatever the number of links.
        .prefetch_related(*grounds.prefetches())
        .get(pk=pk)
    )


def supports(recommendation: Recommendation, user) -> bool:
    return bool(
        user.is_authenticated
        and Support.objects.filter(recommendation=recommendation, user=user).exists()
    )


def possible_coauthors(recommendation: Recommendation) -> QuerySet:
    """The workshop's participants who are not yet among its authors."""
    return (
        User.objects.filter(participations__workshop_id=recommendation.workshop_id)
        .exclude(recommendations_written__recommendation=recommendation)
        .order_by("display_name", "pk")
    )
