"""Reads for the councils' pages, each in a fixed number of queries."""

import datetime

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from ateliers.workshops.models import Workshop

from .models import Body, Mandate, WorkshopProposal, current_mandate_q


def body_list(*, today: datetime.date) -> QuerySet[Body]:
    """Councils ordered by kind then name, with their territory, themes and the number of
    people holding a current mandate."""
    return (
        Body.objects.select_related("neighbourhood")
        .prefetch_related("themes")
        .annotate(
            current_member_count=Count(
                "mandates__user",
                filter=current_mandate_q(today, "mandates__"),
                distinct=True,
            )
        )
        .order_by("kind", "name")
    )


def body_names() -> QuerySet[Body]:
    """Just enough of every council to link to it, by kind then name (the home page)."""
    return Body.objects.order_by("kind", "name").only("kind", "name", "slug")


def group_by_kind(bodies) -> list[tuple[str, str, list[Body]]]:
    """[(kind, its label, its councils)] for the five kinds, in the order of Body.Kind."""
    groups: dict[str, list[Body]] = {value: [] for value in Body.Kind.values}
    for body in bodies:
        groups[body.kind].append(body)
    return [(value, Body.Kind(value).label, items) for value, items in groups.items()]


def body_for_page(*, slug: str) -> Body:
    return Body.objects.select_related("neighbourhood").prefetch_related("themes").get(slug=slug)


def body_mandates(*, body: Body, today: datetime.date) -> dict[str, list[Mandate]]:
    """The council's mandates in one query, split into current, upcoming and past."""
    split: dict[str, list[Mandate]] = {"current": [], "upcoming": [], "past": []}
    role_order = {role: index for index, role in enumerate(Mandate.Role.values)}
    mandates = Mandate.objects.filter(body=body).select_related("user")
    for mandate in mandates:
        if mandate.is_current(today):
            split["current"].append(mandate)
        elif mandate.starts_on > today:
            split["upcoming"].append(mandate)
        else:
            split["past"].append(mandate)
    # Current members: the president first, then by role, then by name.
    split["current"].sort(key=lambda m: (role_order[m.role], str(m.user.public_name)))
    return split


def body_public_workshops(*, body: Body) -> QuerySet[Workshop]:
    """Workshops the council sponsors or proposed, as the public may see them (no drafts)."""
    return (
        Workshop.objects.filter(Q(sponsors=body) | Q(proposed_by=body))
        .filter(status__in=[Workshop.Status.PUBLISHED, Workshop.Status.ARCHIVED])
        .distinct()
        .with_listing_data()
        .order_by("-starts_at", "pk")
    )


def proposal_list() -> QuerySet[WorkshopProposal]:
    """Every proposal, pending ones first, then the most recent."""
    return (
        WorkshopProposal.objects.select_related("body", "submitted_by", "workshop")
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
        WorkshopProposal.objects.select_related("body", "submitted_by", "neighbourhood", "workshop")
        .prefetch_related("themes")
        .get(pk=pk)
    )


def body_all_mandates(*, body: Body) -> QuerySet[Mandate]:
    """For the management page: every mandate, the most recent first."""
    return Mandate.objects.filter(body=body).select_related("user").order_by("-starts_on", "pk")
