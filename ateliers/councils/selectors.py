"""Reads for the councils' pages, each in a fixed number of queries."""

import datetime

from django.db.models import Count, Q, QuerySet
from django_stubs_ext import StrOrPromise

from ateliers.core.models import User

from .models import Council, Mandate, current_mandate_q


def council_list(*, today: datetime.date) -> QuerySet[Council]:
    """Councils ordered by kind then name, with their territory, themes and the number of
    people holding a current mandate."""
    return (
        Council.objects.select_related("neighbourhood")
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


def council_names() -> QuerySet[Council]:
    """Just enough of every council to link to it, by kind then name (the home page)."""
    return Council.objects.order_by("kind", "name").only("kind", "name", "slug")


def group_by_kind(councils) -> list[tuple[str, StrOrPromise, list[Council]]]:
    """[(kind, its label, its councils)] for the five kinds, in the order of Council.Kind."""
    groups: dict[str, list[Council]] = {value: [] for value in Council.Kind.values}
    for council in councils:
        groups[council.kind].append(council)
    return [(value, Council.Kind(value).label, items) for value, items in groups.items()]


def council_for_page(*, slug: str) -> Council:
    return Council.objects.select_related("neighbourhood").prefetch_related("themes").get(slug=slug)


def council_mandates(*, council: Council, today: datetime.date) -> dict[str, list[Mandate]]:
    """The council's mandates in one query, split into current, upcoming and past."""
    split: dict[str, list[Mandate]] = {"current": [], "upcoming": [], "past": []}
    role_order = {role: index for index, role in enumerate(Mandate.Role.values)}
    mandates = Mandate.objects.filter(council=council).select_related("user")
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


def council_all_mandates(*, council: Council) -> QuerySet[Mandate]:
    """For the management page: every mandate, the most recent first."""
    return (
        Mandate.objects.filter(council=council).select_related("user").order_by("-starts_on", "pk")
    )


PEOPLE_FOUND_LIMIT = 20


def people_matching(query: str, *, limit: int = PEOPLE_FOUND_LIMIT) -> list[User]:
    """Active accounts whose display name contains `query`, or whose e-mail address is
    exactly `query` (staff often know it), by name; at most `limit`."""
    query = query.strip()
    if len(query) < 2:
        return []
    people = User.objects.filter(is_active=True).filter(
        Q(display_name__icontains=query) | Q(email__iexact=query)
    )
    return list(people.select_related("neighbourhood").order_by("display_name", "pk")[:limit])
