"""Reads of a workshop's evaluation page and of its line on the workshop's page: the
evaluation, its indicators as rows ready to show (a published one with the values frozen at
its publication, a draft with what the platform measures today), and the measures not used
yet. Each read is a fixed number of queries, whatever the number of indicators or
participants."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django_stubs_ext import StrOrPromise

from ateliers.workshops.models import Workshop

from .indicators import measured_values
from .models import EVALUATION_WINDOW_DAYS, Evaluation, Indicator, Measure, Outcome


@dataclass(frozen=True)
class IndicatorRow:
    """One line of the indicators' table."""

    pk: int
    name: str
    target: str
    value: str
    # Measured by the platform (not typed by the team).
    measured: bool
    # The value is today's, computed for the draft: publishing freezes it.
    live: bool


def evaluation_of(workshop: Workshop) -> Evaluation | None:
    """The workshop's evaluation, draft or published (one query)."""
    return Evaluation.objects.filter(workshop=workshop).first()


def indicators_of(evaluation: Evaluation | None) -> list[Indicator]:
    """The evaluation's indicators in their order (one query; none without an evaluation)."""
    if evaluation is None:
        return []
    return list(evaluation.indicators.all())


def indicator_rows(indicators: list[Indicator], live: dict[str, str] | None) -> list[IndicatorRow]:
    """The table's rows. `live`: today's measured values (indicators.measured_values), for a
    draft; None for a published evaluation, whose measured values are those it kept."""
    return [
        IndicatorRow(
            pk=indicator.pk,
            name=indicator.name,
            target=indicator.target,
            value=live.get(indicator.measure, "")
            if live is not None and indicator.measure
            else indicator.value,
            measured=bool(indicator.measure),
            live=live is not None and bool(indicator.measure),
        )
        for indicator in indicators
    ]


def unused_measures(indicators: list[Indicator]) -> list[tuple[str, StrOrPromise]]:
    """The measures the evaluation does not use yet, as choices (each is used once)."""
    used = {indicator.measure for indicator in indicators}
    return [(value, label) for value, label in Measure.choices if value not in used]


@dataclass(frozen=True)
class EvaluationPage:
    """What the evaluation page shows: the evaluation (None: not started), its rows, whether
    it is published, and for the team the live values and what is left to add."""

    evaluation: Evaluation | None
    rows: list[IndicatorRow]
    published: bool
    show_draft: bool
    measures_left: list[tuple[str, StrOrPromise]]


def evaluation_page(workshop: Workshop, *, team: bool) -> EvaluationPage:
    """Two queries for everyone; six more for the team reading a draft (the platform's
    measures, read live)."""
    evaluation = evaluation_of(workshop)
    published = evaluation is not None and evaluation.is_published
    show_draft = team and not published
    indicators = indicators_of(evaluation) if published or show_draft else []
    live = measured_values(workshop) if show_draft else None
    return EvaluationPage(
        evaluation=evaluation,
        rows=indicator_rows(indicators, live),
        published=published,
        show_draft=show_draft,
        measures_left=unused_measures(indicators) if show_draft else [],
    )


def window_closes(workshop: Workshop) -> datetime.datetime:
    """When the team can no longer write or publish the evaluation."""
    return workshop.ends_at + datetime.timedelta(days=EVALUATION_WINDOW_DAYS)


# --- The workshop page's line ---------------------------------------------------------------


@dataclass(frozen=True)
class EvaluationLine:
    outcome: str  # an Outcome value, "" until published
    label: StrOrPromise  # its words, "" until published
    published_at: datetime.datetime | None


def evaluation_line(workshop: Workshop) -> EvaluationLine:
    """The published outcome in one line, or that the evaluation is to come (one query)."""
    row = (
        Evaluation.objects.filter(workshop=workshop, published_at__isnull=False)
        .values_list("outcome", "published_at")
        .first()
    )
    if row is None:
        return EvaluationLine("", "", None)
    outcome, published_at = row
    return EvaluationLine(outcome, Outcome(outcome).label, published_at)


def has_ended(workshop: Workshop) -> bool:
    return timezone.now() >= workshop.ends_at
