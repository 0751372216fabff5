"""Reads for a neighbourhood's page: what happens there, from every app, in a fixed number of
queries however long the neighbourhood's history."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ateliers.core.models import Neighbourhood
from ateliers.councils.models import Council
from ateliers.councils.selectors import council_list
from ateliers.townhall import selectors_followup as followup
from ateliers.workshops.models import Workshop

from . import calendar

# How much of each list the page shows before its link to the whole list.
CURRENT_WORKSHOPS = 12
PAST_WORKSHOPS = 6
NEXT_EVENTS = 5
NEXT_TRAININGS = 3
RECOMMENDATIONS = 5


def neighbourhoods_with_counts(*, now: datetime.datetime) -> QuerySet[Neighbourhood]:
    """Every neighbourhood with its running or upcoming workshops and its councils: one
    query."""
    current = Q(
        workshops__status=Workshop.Status.PUBLISHED,
        workshops__ends_at__gt=now,
    )
    return Neighbourhood.objects.annotate(
        current_workshop_count=Count("workshops", filter=current, distinct=True),
        council_count=Count("councils", distinct=True),
    ).order_by("name")


def neighbourhood_for_page(slug: str) -> Neighbourhood:
    return get_object_or_404(Neighbourhood, slug=slug)


def _workshops(neighbourhood: Neighbourhood) -> QuerySet[Workshop]:
    return Workshop.objects.published().filter(neighbourhood=neighbourhood).with_listing_data()


def current_workshops(
    neighbourhood: Neighbourhood, *, now: datetime.datetime
) -> QuerySet[Workshop]:
    """Its running workshops, then its upcoming ones, by start."""
    return _workshops(neighbourhood).filter(ends_at__gt=now).order_by("starts_at", "pk")


@dataclass(frozen=True)
class WorkshopsThere:
    current: list[Workshop]  # running, then upcoming, by start
    current_count: int
    past: list[Workshop]  # the last ones to end first
    past_count: int


def workshops_there(neighbourhood: Neighbourhood, *, now: datetime.datetime) -> WorkshopsThere:
    """Eight queries: each list, its themes and phases, and its count."""
    current = current_workshops(neighbourhood, now=now)
    past = _workshops(neighbourhood).finished(now).order_by("-ends_at", "-pk")
    return WorkshopsThere(
        current=list(current[:CURRENT_WORKSHOPS]),
        current_count=current.count(),
        past=list(past[:PAST_WORKSHOPS]),
        past_count=past.count(),
    )


def councils_there(neighbourhood: Neighbourhood, *, today: datetime.date) -> list[Council]:
    """Two queries."""
    return list(council_list(today=today).filter(neighbourhood=neighbourhood))


def next_events_there(
    neighbourhood: Neighbourhood, *, now: datetime.datetime, limit: int = NEXT_EVENTS
) -> list[calendar.Entry]:
    """The next meetings of its workshops and councils: one query."""
    filters = calendar.Filters(neighbourhood=neighbourhood.pk)
    return calendar.next_entries(filters, now=now, limit=limit)


def next_trainings(*, now: datetime.datetime) -> list[calendar.Entry]:
    """Trainings are open to the whole city: the next sessions, one query."""
    filters = calendar.Filters(kind=calendar.TRAINING)
    return calendar.next_entries(filters, now=now, limit=NEXT_TRAININGS)


@dataclass(frozen=True)
class RecommendationsThere:
    rows: list[followup.FollowupRow]  # the last adopted first
    count: int


def recommendations_there(neighbourhood: Neighbourhood) -> RecommendationsThere:
    """The adopted recommendations of its workshops with the city's answer: three queries."""
    today = timezone.localdate()
    adopted = followup.filtered({"neighbourhood": neighbourhood}, today=today)
    return RecommendationsThere(
        rows=followup.rows_of(followup.for_rows(adopted)[:RECOMMENDATIONS], today),
        count=adopted.count(),
    )
