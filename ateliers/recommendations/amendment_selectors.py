"""Reads for the amendments and versions of a recommendation, in a fixed number of queries
whatever their number: the recommendation's page shows at most ON_PAGE amendments (pending
ones first, then the latest), the amendments' page shows them all, PER_PAGE at a time."""

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    IntegerField,
    Prefetch,
    QuerySet,
    Value,
    When,
    prefetch_related_objects,
)

from .diff import diff_html
from .models import Amendment, AmendmentStatus, Recommendation

# A draft gets a handful of amendments; beyond this the page links to all of them.
ON_PAGE = 10
PER_PAGE = 20


def _ordered() -> QuerySet:
    return (
        Amendment.objects.select_related("author", "answered_by")
        .annotate(
            pending_first=Case(
                When(status=AmendmentStatus.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("pending_first", "-created_at", "-pk")
    )


def with_differences(recommendation: Recommendation, amendments) -> list[Amendment]:
    """The amendments, each with `difference`: its text compared with the version it amended
    (read from the recommendation's prefetched versions)."""
    texts = {version.number: version.text for version in recommendation.versions.all()}
    listed = list(amendments)
    for amendment in listed:
        base = texts.get(amendment.base_version, recommendation.text)
        amendment.difference = diff_html(base, amendment.text)
        amendment.recommendation = recommendation
    return listed


def amendments_for_page(recommendation: Recommendation) -> tuple[list[Amendment], bool]:
    """At most ON_PAGE amendments for the recommendation's page, and whether there are more
    (one query: one more row is read to know)."""
    prefetch_related_objects(
        [recommendation],
        Prefetch("amendments", queryset=_ordered()[: ON_PAGE + 1], to_attr="amendments_shown"),
    )
    shown: list[Amendment] = recommendation.amendments_shown  # type: ignore[attr-defined]
    return with_differences(recommendation, shown[:ON_PAGE]), len(shown) > ON_PAGE


def amendments_page(recommendation: Recommendation, *, page: str | int | None) -> Page:
    listing = Paginator(_ordered().filter(recommendation=recommendation), PER_PAGE).get_page(page)
    listing.object_list = with_differences(recommendation, listing.object_list)
    return listing


def amendment_for_page(*, pk: int) -> Amendment:
    return (
        Amendment.objects.select_related("author", "recommendation__workshop")
        .prefetch_related(
            "recommendation__workshop__phases",
            "recommendation__workshop__facilitators",
            "recommendation__authors",
            "recommendation__versions",
        )
        .get(pk=pk)
    )
