"""The city's figures on the follow-up: how many recommendations it answered by their deadline,
accepted, and implemented. Counted in the database, in one query, over the recommendations the
follow-up shows (its filters applied), whatever their number (selectors_followup.py says how a
deadline is compared there)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from ateliers.recommendations.models import Recommendation

from . import selectors_followup as followup
from .models import COMMITTING, AnswerStatus


@dataclass(frozen=True)
class Figure:
    numerator: int
    denominator: int

    @property
    def percent(self) -> int | None:
        """The share in whole percents (None when there is nothing to count)."""
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator)


@dataclass(frozen=True)
class CityFigures:
    # Among the recommendations heard whose deadline has passed or that were answered: those
    # answered on or before their deadline.
    answered_on_time: Figure
    # Among the answered ones: accepted, and partially accepted (shown apart).
    accepted: Figure
    partially_accepted: Figure
    # Among the accepted or partially accepted: all their milestones done (one at least).
    implemented: Figure


def city_figures(recommendations: QuerySet[Recommendation], *, today: datetime.date) -> CityFigures:
    """The figures of `recommendations`, a queryset from selectors_followup.followed()."""
    counted = recommendations.order_by().aggregate(
        due_or_answered=Count(
            "pk",
            filter=followup.heard() & (followup.deadline_passed(today) | followup.answered()),
        ),
        on_time=Count("pk", filter=followup.answered_on_time()),
        answered=Count("pk", filter=followup.answered()),
        accepted=Count("pk", filter=Q(answer__status=AnswerStatus.ACCEPTED)),
        partially=Count("pk", filter=Q(answer__status=AnswerStatus.PARTIALLY_ACCEPTED)),
        committing=Count("pk", filter=Q(answer__status__in=COMMITTING)),
        implemented=Count("pk", filter=followup.implemented()),
    )
    return CityFigures(
        answered_on_time=Figure(counted["on_time"], counted["due_or_answered"]),
        accepted=Figure(counted["accepted"], counted["answered"]),
        partially_accepted=Figure(counted["partially"], counted["answered"]),
        implemented=Figure(counted["implemented"], counted["committing"]),
    )
