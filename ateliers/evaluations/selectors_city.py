"""What the city learns from its workshops: every figure of the public page "Ce que la ville
apprend des ateliers" and of its CSV, counted in the database in a fixed number of queries
(eight) whatever the number of workshops, participants or answers.

The workshops counted are those the public can see (published or archived) that have
started.

The questionnaires' answers are counted over all the workshops only, never one by one, and
only once a questionnaire has closed: figures that moved with each answer would let someone
who saw a person answer learn what they answered. What they said (age, ratings…) is counted
only from the questionnaires with MINIMUM_ANSWERS answers at least, the threshold of a
workshop's own results: when a questionnaire with a single answer closed, the city's figures
would otherwise move by exactly that person's answer. The others count in the number of
answers only.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Count,
    Field,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from ateliers.core.models import Neighbourhood
from ateliers.townhall import figures as townhall_figures
from ateliers.townhall import selectors_followup as followup
from ateliers.townhall.figures import CityFigures, Figure
from ateliers.workshops.models import Capacity, Participation, Workshop

from .models import (
    MINIMUM_ANSWERS,
    RATED,
    Again,
    AgeBand,
    Evaluation,
    Outcome,
    Questionnaire,
    Response,
)

VISIBLE = followup.VISIBLE
# Beyond this many half-years of answers, the satisfaction over time is shown by year.
MOST_HALF_YEARS = 10
NOT_SAID = "not_said"


@dataclass(frozen=True)
class Part:
    """One row of a breakdown: its key (the CSV's label), its name, its share of the whole."""

    key: str
    label: str
    figure: Figure


@dataclass(frozen=True)
class Average:
    """An average rating from 1 to 5 (None when nothing was rated)."""

    key: str
    label: str
    total: int
    count: int

    @property
    def value(self) -> float | None:
        return self.total / self.count if self.count else None


@dataclass(frozen=True)
class WorkshopsRan:
    total: int
    by_kind: list[Part]
    by_state: list[Part]
    in_priority: Figure


@dataclass(frozen=True)
class NeighbourhoodRow:
    name: str
    is_priority: bool
    workshops: Figure
    participations: Figure


@dataclass(frozen=True)
class Participations:
    total: int
    people: int
    by_capacity: list[Part]
    # Participations in the workshops of the whole city (no neighbourhood).
    whole_city: int


@dataclass(frozen=True)
class Answers:
    # Over all the closed questionnaires.
    answered: int
    invited: int
    questionnaires: int
    # The closed questionnaires with MINIMUM_ANSWERS answers at least, and their answers:
    # the whole of every share and average below.
    detailed_questionnaires: int
    detailed: int
    by_age: list[Part]
    first_time: list[Part]
    again: list[Part]
    ratings: list[Average]
    # Among those who named their neighbourhood: those living in a priority one.
    from_priority: Figure

    @property
    def enough(self) -> bool:
        return self.detailed >= MINIMUM_ANSWERS

    @property
    def rate(self) -> Figure:
        return Figure(self.answered, self.invited)


@dataclass(frozen=True)
class Period:
    """The (detailed) answers to the questionnaires of the workshops that ended in a
    half-year (half 1 or 2) or a year (half None)."""

    year: int
    half: int | None
    answers: int
    total: int
    count: int

    @property
    def key(self) -> str:
        return f"{self.year}-H{self.half}" if self.half else str(self.year)

    @property
    def average(self) -> float | None:
        """The average of all the ratings given (the five statements together)."""
        return self.total / self.count if self.count else None


@dataclass(frozen=True)
class Objectives:
    # Published evaluations among the finished workshops.
    evaluated: Figure
    by_outcome: list[Part]


@dataclass(frozen=True)
class CityView:
    workshops: WorkshopsRan
    neighbourhoods: list[NeighbourhoodRow]
    # The workshops of the whole city, as a row beside the neighbourhoods.
    whole_city: NeighbourhoodRow
    participations: Participations
    answers: Answers
    periods: list[Period]
    by_year: bool
    objectives: Objectives
    townhall: CityFigures


def ran(now: datetime.datetime) -> QuerySet[Workshop]:
    """The workshops the city counts: public, started."""
    return Workshop.objects.filter(status__in=VISIBLE, starts_at__lte=now).order_by()


def _counted(prefix: str, now: datetime.datetime) -> Q:
    """`ran` seen from a related model through `prefix` ("workshops__", "workshop__")."""
    return Q(**{f"{prefix}status__in": VISIBLE, f"{prefix}starts_at__lte": now})


def _parts(counted: dict, keys: Iterable[tuple[str, str, object]], total: int) -> list[Part]:
    """Parts from an aggregate's `counted[name]` for each (name, key, label)."""
    return [Part(key, str(label), Figure(counted[name], total)) for name, key, label in keys]


def _workshops(now: datetime.datetime) -> WorkshopsRan:
    counted = ran(now).aggregate(
        total=Count("pk"),
        **{f"kind_{kind}": Count("pk", filter=Q(kind=kind)) for kind in Workshop.Kind.values},
        running=Count("pk", filter=Q(ends_at__gt=now)),
        finished=Count("pk", filter=Q(ends_at__lte=now)),
        priority=Count("pk", filter=Q(neighbourhood__is_priority=True)),
    )
    total = counted["total"]
    return WorkshopsRan(
        total=total,
        by_kind=_parts(
            counted, ((f"kind_{kind}", kind, kind.label) for kind in Workshop.Kind), total
        ),
        by_state=_parts(
            counted,
            (
                ("running", "running", _("Running")),
                ("finished", "finished", _("Finished")),
            ),
            total,
        ),
        in_priority=Figure(counted["priority"], total),
    )


def _participations(now: datetime.datetime) -> Participations:
    counted = (
        Participation.objects.filter(_counted("workshop__", now))
        .order_by()
        .aggregate(
            total=Count("pk"),
            people=Count("user", distinct=True),
            whole_city=Count("pk", filter=Q(workshop__neighbourhood__isnull=True)),
            **{capacity: Count("pk", filter=Q(capacity=capacity)) for capacity in Capacity.values},
        )
    )
    total = counted["total"]
    return Participations(
        total=total,
        people=counted["people"],
        by_capacity=_parts(
            counted, ((capacity, capacity, capacity.label) for capacity in Capacity), total
        ),
        whole_city=counted["whole_city"],
    )


def _neighbourhoods(
    now: datetime.datetime, workshops: WorkshopsRan, participations: Participations
) -> tuple[list[NeighbourhoodRow], NeighbourhoodRow]:
    """Every neighbourhood, with or without workshops (a neighbourhood left out is a finding
    too), and the whole city's workshops (those without a neighbourhood)."""
    counted = _counted("workshops__", now)
    rows = Neighbourhood.objects.annotate(
        ran=Count("workshops", filter=counted, distinct=True),
        # One joined row per participation: the count needs no `distinct`.
        took_part=Count("workshops__participations", filter=counted),
    ).order_by("name")
    neighbourhoods = [
        NeighbourhoodRow(
            name=row.name,
            is_priority=row.is_priority,
            workshops=Figure(row.ran, workshops.total),
            participations=Figure(row.took_part, participations.total),
        )
        for row in rows
    ]
    # A workshop of the whole city has no neighbourhood (the model's constraint); one of a
    # neighbourhood always has one.
    city_workshops = next(part for part in workshops.by_kind if part.key == Workshop.Kind.CITY)
    whole_city = NeighbourhoodRow(
        name=str(_("The whole city")),
        is_priority=False,
        workshops=city_workshops.figure,
        participations=Figure(participations.whole_city, participations.total),
    )
    return neighbourhoods, whole_city


def closed_questionnaires(now: datetime.datetime) -> QuerySet[Questionnaire]:
    """The closed questionnaires of public workshops, each with its number of answers."""
    return (
        Questionnaire.objects.filter(closes_at__lte=now, workshop__status__in=VISIBLE)
        .annotate(
            answered=Subquery(
                Response.objects.filter(questionnaire=OuterRef("pk"), filled=True)
                .order_by()
                .values("questionnaire")
                .annotate(count=Count("pk"))
                .values("count")[:1],
                output_field=IntegerField(),
            )
        )
        .order_by()
    )


def with_enough_answers() -> Q:
    """Of closed_questionnaires(): those whose answers may be told apart from their number."""
    return Q(answered__gte=MINIMUM_ANSWERS)


def detailed_answers(now: datetime.datetime) -> QuerySet[Response]:
    """The answers whose content is counted: those of the closed questionnaires with
    MINIMUM_ANSWERS answers at least."""
    detailed = closed_questionnaires(now).filter(with_enough_answers()).values("pk")
    return Response.objects.filter(filled=True, questionnaire__in=detailed).order_by()


def _ratings_sums() -> dict:
    return {
        **{f"sum_{name}": Sum(name) for name in RATED},
        **{f"count_{name}": Count(name) for name in RATED},
    }


def _label_of(rated: str) -> str:
    """The statement a participant rated, as the questionnaire asks it."""
    field = Response._meta.get_field(rated)
    assert isinstance(field, Field)
    return str(field.verbose_name)


def _answers(now: datetime.datetime) -> Answers:
    counted = detailed_answers(now).aggregate(
        detailed=Count("pk"),
        **{f"age_{band}": Count("pk", filter=Q(age_band=band)) for band in AgeBand.values},
        age_unsaid=Count("pk", filter=Q(age_band="")),
        first_yes=Count("pk", filter=Q(first_time=True)),
        first_no=Count("pk", filter=Q(first_time=False)),
        first_unsaid=Count("pk", filter=Q(first_time__isnull=True)),
        **{f"again_{value}": Count("pk", filter=Q(again=value)) for value in Again.values},
        again_unsaid=Count("pk", filter=Q(again="")),
        named=Count("pk", filter=Q(neighbourhood__isnull=False)),
        priority=Count("pk", filter=Q(neighbourhood__is_priority=True)),
        **_ratings_sums(),
    )
    closed = closed_questionnaires(now).aggregate(
        questionnaires=Count("pk"),
        invited=Sum("invited"),
        answers=Sum("answered"),
        detailed=Count("pk", filter=with_enough_answers()),
    )
    detailed = counted["detailed"]
    not_said = (NOT_SAID, _("Not said"))
    labels = {name: _label_of(name) for name in RATED}
    return Answers(
        answered=closed["answers"] or 0,
        invited=closed["invited"] or 0,
        questionnaires=closed["questionnaires"],
        detailed_questionnaires=closed["detailed"],
        detailed=detailed,
        by_age=_parts(
            counted,
            [(f"age_{band}", band, band.label) for band in AgeBand] + [("age_unsaid", *not_said)],
            detailed,
        ),
        first_time=_parts(
            counted,
            (
                ("first_yes", "yes", _("Their first participation")),
                ("first_no", "no", _("Had taken part before")),
                ("first_unsaid", *not_said),
            ),
            detailed,
        ),
        again=_parts(
            counted,
            [(f"again_{value}", value, value.label) for value in Again]
            + [("again_unsaid", *not_said)],
            detailed,
        ),
        ratings=[
            Average(name, labels[name], counted[f"sum_{name}"] or 0, counted[f"count_{name}"])
            for name in RATED
        ],
        from_priority=Figure(counted["priority"], counted["named"]),
    )


def _rated_totals(row: Mapping[str, Any]) -> tuple[int, int]:
    """The sum and the number of all the ratings of an aggregate's row."""
    return (
        sum(row[f"sum_{name}"] or 0 for name in RATED),
        sum(row[f"count_{name}"] for name in RATED),
    )


def _periods(now: datetime.datetime) -> tuple[list[Period], bool]:
    """The answers by half-year of their workshop's end (in the city's time zone), or by year
    when the half-years would be too many to read."""
    ended = "questionnaire__workshop__ends_at"
    rows = list(
        detailed_answers(now)
        .annotate(
            year=ExtractYear(ended),
            half=Case(
                When(Q(**{f"{ended}__month__lte": 6}), then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            ),
        )
        .values("year", "half")
        .annotate(answers=Count("pk"), **_ratings_sums())
        .order_by("year", "half")
    )
    halves = [Period(row["year"], row["half"], row["answers"], *_rated_totals(row)) for row in rows]
    if len(halves) <= MOST_HALF_YEARS:
        return halves, False
    years: dict[int, Period] = {}
    for half in halves:
        known = years.get(half.year)
        years[half.year] = (
            Period(half.year, None, half.answers, half.total, half.count)
            if known is None
            else Period(
                half.year,
                None,
                known.answers + half.answers,
                known.total + half.total,
                known.count + half.count,
            )
        )
    return list(years.values()), True


def _objectives(workshops: WorkshopsRan) -> Objectives:
    counted = (
        Evaluation.objects.filter(published_at__isnull=False, workshop__status__in=VISIBLE)
        .order_by()
        .aggregate(
            published=Count("pk"),
            **{outcome: Count("pk", filter=Q(outcome=outcome)) for outcome in Outcome.values},
        )
    )
    finished = next(part for part in workshops.by_state if part.key == "finished")
    published = counted["published"]
    return Objectives(
        evaluated=Figure(published, finished.figure.numerator),
        by_outcome=_parts(
            counted, ((outcome, outcome, outcome.label) for outcome in Outcome), published
        ),
    )


def city_view(*, now: datetime.datetime, today: datetime.date) -> CityView:
    """Every figure of the page, in eight queries (see each part)."""
    workshops = _workshops(now)
    participations = _participations(now)
    neighbourhoods, whole_city = _neighbourhoods(now, workshops, participations)
    periods, by_year = _periods(now)
    return CityView(
        workshops=workshops,
        neighbourhoods=neighbourhoods,
        whole_city=whole_city,
        participations=participations,
        answers=_answers(now),
        periods=periods,
        by_year=by_year,
        objectives=_objectives(workshops),
        townhall=townhall_figures.city_figures(followup.followed(), today=today),
    )
