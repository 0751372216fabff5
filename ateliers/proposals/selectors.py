"""Reads for the city's review of workshop proposals."""

from django.db.models import Case, IntegerField, QuerySet, Value, When

from .models import WorkshopProposal


def proposal_list() -> QuerySet[WorkshopProposal]:
    """Every proposal, pending ones first, then the most recent."""
    return (
        WorkshopProposal.objects.select_related("council", "submitted_by", "workshop")
        .annotate(
            pending_first=Case(
                When(status=WorkshopProposal.Status.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("pending_first", "-submitted_at", "-pk")
    )


def proposal_for_review(*, pk: int) -> WorkshopProposal:
    return (
        WorkshopProposal.objects.select_related(
            "council", "submitted_by", "neighbourhood", "workshop"
        )
        .prefetch_related("themes")
        .get(pk=pk)
    )
