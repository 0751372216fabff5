"""Reads for the councils' pages, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django_stubs_ext import StrOrPromise

from ateliers.core.models import User

from .models import Council, Mandate

# How many councils of each kind the councils page shows before "all the N councils".
COUNCILS_PER_KIND = 12


def council_list(*, today: datetime.date) -> QuerySet[Council]:
    """Councils ordered by kind then name, with their territory, themes and the number of
    people holding a current mandate."""
    members = (
        Mandate.objects.current(today)
        .filter(council=OuterRef("pk"))
        .order_by()
        .values("council")
        .annotate(number=Count("user", distinct=True))
        .values("number")
    )
    return (
        Council.objects.select_related("neighbourhood")
        .prefetch_related("themes")
        .annotate(current_member_count=Coalesce(Subquery(members), 0))
        .order_by("kind", "name")
    )


@dataclass(frozen=True)
class KindOfCouncil:
    kind: str
    label: StrOrPromise
    count: int
    # The first councils of the kind, when the page shows them.
    councils: tuple[Council, ...] = ()

    @property
    def more(self) -> bool:
        return self.count > len(self.councils)


def council_kinds() -> list[KindOfCouncil]:
    """The five kinds in order, with how many councils each has: one query."""
    counts = dict(Council.objects.order_by().values_list("kind").annotate(number=Count("pk")))
    return [
        KindOfCouncil(value, label, counts.get(value, 0)) for value, label in Council.Kind.choices
    ]


def council_sections(*, today: datetime.date) -> list[KindOfCouncil]:
    """Each kind with its first councils (COUNCILS_PER_KIND), in three queries whatever the
    number of councils: the counts, the councils ranked within their kind, their themes."""
    ranked = council_list(today=today).annotate(
        rank=Window(RowNumber(), partition_by=F("kind"), order_by=F("name").asc())
    )
    first: dict[str, list[Council]] = {}
    for council in ranked.filter(rank__lte=COUNCILS_PER_KIND):
        first.setdefault(council.kind, []).append(council)
    return [
        KindOfCouncil(kind.kind, kind.label, kind.count, tuple(first.get(kind.kind, ())))
        for kind in council_kinds()
    ]


def council_for_page(*, slug: str) -> Council:
    """The council and its territory; its themes are read by the page's fragment, when it
    is not kept."""
    return Council.objects.select_related("neighbourhood").get(slug=slug)


# How many former members the council's page shows before "all the former members".
FORMER_MEMBERS_SHOWN = 12


@dataclass(frozen=True)
class CouncilMembers:
    current: list[Mandate]
    upcoming: list[Mandate]
    # The most recently ended, FORMER_MEMBERS_SHOWN at most; `more_past` when there are more.
    past: list[Mandate]
    more_past: bool


def council_mandates(*, council: Council, today: datetime.date) -> CouncilMembers:
    """The current and upcoming mandates, and the latest past ones: two queries, whatever
    the council's history."""
    role_order = {role: index for index, role in enumerate(Mandate.Role.values)}
    mandates = Mandate.objects.filter(council=council).select_related("user")
    running = list(mandates.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today)))
    current = sorted(
        (m for m in running if m.starts_on <= today),
        # The president first, then by role, then by name.
        key=lambda m: (role_order[m.role], str(m.user.public_name)),
    )
    upcoming = sorted((m for m in running if m.starts_on > today), key=lambda m: m.starts_on)
    past = list(
        mandates.filter(ends_on__lt=today).order_by("-ends_on", "pk")[: FORMER_MEMBERS_SHOWN + 1]
    )
    return CouncilMembers(
        current, upcoming, past[:FORMER_MEMBERS_SHOWN], len(past) > FORMER_MEMBERS_SHOWN
    )


def former_mandates(*, council: Council, today: datetime.date) -> QuerySet[Mandate]:
    """Every ended mandate of the council, the most recently ended first."""
    return (
        Mandate.objects.filter(council=council, ends_on__lt=today)
        .select_related("user")
        .order_by("-ends_on", "pk")
    )


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
