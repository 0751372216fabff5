"""What the city learns from its workshops ("Ce que la ville apprend des ateliers"): a public
page of figures over all the workshops, each chart drawn on the server with its table, and the
same figures as CSV. The figures come from selectors_city.py; here they become charts and
rows."""

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import kept_download, public_page
from ateliers.townhall.figures import Figure

from .. import selectors_city
from ..charts import BarChart, bar_chart
from ..models import MINIMUM_ANSWERS
from ..selectors_city import Average, CityView, NeighbourhoodRow, Part, Period


def _percent(part: Part) -> str:
    return f"{part.figure.percent} %"


def half_up(value: float, places: int) -> Decimal:
    """Rounded as people round (number_format alone would cut the digits off)."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def _rating(value: float) -> str:
    return f"{formats.number_format(half_up(value, 1), 1)} / 5"


def count_chart(slug: str, caption: str, label_head: str, parts: Iterable[Part]) -> BarChart:
    """The number of each part (the parts that count one at least)."""
    return bar_chart(
        slug=slug,
        caption=caption,
        label_head=label_head,
        value_head=_("Number"),
        rows=[
            (part.label, part.figure.numerator, str(part.figure.numerator))
            for part in parts
            if part.figure.numerator
        ],
    )


def share_chart(slug: str, caption: str, label_head: str, parts: list[Part]) -> BarChart:
    """Each part's share of the whole, its number beside its name; empty with no whole."""
    if not parts or not parts[0].figure.denominator:
        rows = []
    else:
        rows = [
            (f"{part.label} ({part.figure.numerator})", part.figure.percent or 0, _percent(part))
            for part in parts
        ]
    return bar_chart(
        slug=slug,
        caption=caption,
        label_head=label_head,
        value_head=_("Share"),
        rows=rows,
        largest=100,
    )


def rating_chart(slug: str, caption: str, label_head: str, averages: Iterable) -> BarChart:
    """(label, average) pairs on the scale of 1 to 5; those without an average left out."""
    return bar_chart(
        slug=slug,
        caption=caption,
        label_head=label_head,
        value_head=_("Average rating"),
        rows=[(label, value, _rating(value)) for label, value in averages if value is not None],
        largest=5,
    )


def neighbourhood_label(row: NeighbourhoodRow) -> str:
    if row.is_priority:
        return _("%(name)s (priority neighbourhood)") % {"name": row.name}
    return row.name


def period_label(period: Period) -> str:
    if period.half == 1:
        return _("January to June %(year)s") % {"year": period.year}
    if period.half == 2:
        return _("July to December %(year)s") % {"year": period.year}
    return str(period.year)


def charts_of(view: CityView) -> dict[str, BarChart]:
    workshops, answers = view.workshops, view.answers
    places = [row for row in (*view.neighbourhoods, view.whole_city) if row.workshops.numerator]
    town_hall = view.townhall
    return {
        "kinds": count_chart("kinds", _("The workshops by kind"), _("Kind"), workshops.by_kind),
        "states": count_chart("states", _("Running or finished"), _("State"), workshops.by_state),
        "neighbourhoods": bar_chart(
            slug="neighbourhoods",
            caption=_("The workshops by neighbourhood"),
            label_head=_("Neighbourhood"),
            value_head=_("Workshops"),
            rows=[
                (neighbourhood_label(row), row.workshops.numerator, str(row.workshops.numerator))
                for row in places
            ],
        ),
        "capacities": share_chart(
            "capacities",
            _("The participations by capacity"),
            _("Capacity"),
            view.participations.by_capacity,
        ),
        "ages": share_chart("ages", _("Age of those who answered"), _("Age"), answers.by_age),
        "first_time": share_chart(
            "first-time",
            _("First participation in a workshop?"),
            _("Answer"),
            answers.first_time,
        ),
        "objectives": share_chart(
            "objectives",
            _("Objectives of the workshops with a published evaluation"),
            _("Objective"),
            view.objectives.by_outcome,
        ),
        "over_time": rating_chart(
            "over-time",
            _("Average rating by year of the workshops' end")
            if view.by_year
            else _("Average rating by half-year of the workshops' end"),
            _("Workshops ended in"),
            ((period_label(period), period.average) for period in view.periods),
        ),
        "statements": rating_chart(
            "statements",
            _("Average rating of each statement, over all the workshops"),
            _("Statement"),
            ((average.label, average.value) for average in answers.ratings),
        ),
        "again": share_chart("again", _("Would take part again"), _("Answer"), answers.again),
        "town_hall": bar_chart(
            slug="town-hall",
            caption=_("The town hall's answers to the recommendations"),
            label_head=_("Figure"),
            value_head=_("Share"),
            rows=[
                (label, figure.percent, f"{figure.percent} %")
                for label, figure in (
                    (_("Answered by the deadline"), town_hall.answered_on_time),
                    (_("Accepted"), town_hall.accepted),
                    (_("Partially accepted"), town_hall.partially_accepted),
                    (_("Implemented"), town_hall.implemented),
                )
                if figure.percent is not None
            ],
            largest=100,
        ),
    }


@public_page
@require_safe
def city(request):
    now = timezone.now()
    view = selectors_city.city_view(now=now, today=timezone.localdate(now))
    return render(
        request,
        "evaluations/city/page.html",
        {
            "city": view,
            "charts": charts_of(view),
            "minimum": MINIMUM_ANSWERS,
            "nav": "evaluations",
        },
    )


# --- The CSV: section, label, value, count, total ---------------------------------------------

COLUMNS = ["section", "label", "value", "count", "total"]


def _shares(section: str, parts: Iterable[Part]) -> Iterator[list]:
    for part in parts:
        figure = part.figure
        yield [section, part.key, figure.percent, figure.numerator, figure.denominator]


def _number(section: str, label: str, number: int, total: int | None = None) -> list:
    return [section, label, number, number, total]


def _average(value: float | None) -> str | None:
    return None if value is None else str(half_up(value, 2))


def _averages(section: str, averages: Iterable[Average]) -> Iterator[list]:
    for average in averages:
        yield [section, average.key, _average(average.value), average.count, None]


def _places(view: CityView) -> Iterator[list]:
    """The workshops of each neighbourhood (its section says whether it is a priority one),
    then their participations; the whole city's workshops after the neighbourhoods'."""
    for what in ("workshops", "participations"):
        for row in view.neighbourhoods:
            kind = "priority_neighbourhood" if row.is_priority else "neighbourhood"
            figure = getattr(row, what)
            yield [f"{what}_by_{kind}", row.name, figure.percent, *_pair(figure)]
        figure = getattr(view.whole_city, what)
        yield [f"{what}_of_the_whole_city", "whole_city", figure.percent, *_pair(figure)]


def _pair(figure: Figure) -> tuple[int, int]:
    return figure.numerator, figure.denominator


def _count_of(figure: Figure) -> tuple[int, int, int]:
    """A number out of a whole: the number is the value."""
    return figure.numerator, figure.numerator, figure.denominator


def csv_rows(view: CityView) -> Iterator[list]:
    """The page's figures, one per row: `value` is what the page shows (a number, a share in
    percent, an average from 1 to 5), `count` and `total` what it is computed from. What the
    answers say comes from the questionnaires with MINIMUM_ANSWERS answers at least, as on
    the page."""
    workshops, participations, answers = view.workshops, view.participations, view.answers
    yield _number("workshops", "started", workshops.total)
    yield from _shares("workshops_by_kind", workshops.by_kind)
    yield from _shares("workshops_by_state", workshops.by_state)
    yield [
        "workshops_in_priority_neighbourhoods",
        "priority_neighbourhood",
        workshops.in_priority.percent,
        *_pair(workshops.in_priority),
    ]
    yield from _places(view)
    yield _number("participations", "all", participations.total)
    yield _number("people", "all", participations.people)
    yield from _shares("participations_by_capacity", participations.by_capacity)
    yield _number("questionnaires", "closed", answers.questionnaires)
    detailed = Figure(answers.detailed_questionnaires, answers.questionnaires)
    yield ["questionnaires", "detailed", *_count_of(detailed)]
    yield ["questionnaire_answers", "answered", *_count_of(answers.rate)]
    detailed = Figure(answers.detailed, answers.answered)
    yield ["questionnaire_answers", "detailed", *_count_of(detailed)]
    if answers.enough:
        yield from _shares("answers_by_age_band", answers.by_age)
        yield from _shares("answers_by_first_participation", answers.first_time)
        yield [
            "answers_from_priority_neighbourhoods",
            "priority_neighbourhood",
            answers.from_priority.percent,
            *_pair(answers.from_priority),
        ]
        yield from _shares("would_take_part_again", answers.again)
        yield from _averages("average_rating", answers.ratings)
    section = "average_rating_by_year" if view.by_year else "average_rating_by_half_year"
    for period in view.periods:
        yield [section, period.key, _average(period.average), period.answers, None]
    objectives = view.objectives
    yield ["published_evaluations", "finished_workshops", *_count_of(objectives.evaluated)]
    yield from _shares("objectives", objectives.by_outcome)
    for key, figure in (
        ("answered_on_time", view.townhall.answered_on_time),
        ("accepted", view.townhall.accepted),
        ("partially_accepted", view.townhall.partially_accepted),
        ("implemented", view.townhall.implemented),
    ):
        yield ["town_hall", key, figure.percent, *_pair(figure)]


def _cell(value) -> str:
    return "" if value is None else str(value)


@require_safe
@kept_download
def city_csv(request):
    now = timezone.now()
    view = selectors_city.city_view(now=now, today=timezone.localdate(now))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows([_cell(value) for value in row] for row in csv_rows(view))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ville-ateliers.csv"'
    return response
