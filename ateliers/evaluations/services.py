"""Writes of the facilitators' evaluation: the objective met or not and why, the indicators,
the publication that dates it and freezes it (with the platform's measured values)."""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import Collected, InvalidInput, StateChanged
from ateliers.core.models import User
from ateliers.recommendations.services import checked_text
from ateliers.workshops.models import Workshop

from .models import Evaluation, Indicator, Measure, Outcome

MAX_TEXT = 10_000


class AlreadyPublished(StateChanged):
    default_message = _("This evaluation is published: it no longer changes.")


def _editable(workshop: Workshop) -> Evaluation:
    """The workshop's evaluation, locked, made if missing; refused once published."""
    evaluation, _created = Evaluation.objects.get_or_create(workshop=workshop)
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.is_published:
        raise AlreadyPublished()
    return evaluation


def evaluation_save(
    *, actor: User, workshop: Workshop, outcome: str, explanation: str
) -> Evaluation:
    """Write (or rewrite) the evaluation: both may stay empty until it is published."""
    errors = Collected()
    if outcome and outcome not in Outcome.values:
        errors.add("outcome", _("Please choose whether the objective was met."))
    explanation = checked_text(errors, explanation, field="explanation", longest=MAX_TEXT)
    errors.raise_if_any()
    with transaction.atomic():
        evaluation = _editable(workshop)
        evaluation.outcome = outcome
        evaluation.explanation = explanation
        evaluation.written_by = actor
        evaluation.save()
        record(
            actor=actor,
            verb="evaluations.saved",
            target=workshop,
            data={"title": workshop.title},
        )
    return evaluation


def indicator_add(
    *,
    actor: User,
    workshop: Workshop,
    name: str = "",
    target: str = "",
    value: str = "",
    measure: str = "",
) -> Indicator:
    """An indicator typed by the team (name and value), or one the platform measures
    (`measure`: its name is the measure's unless given; its value is computed)."""
    errors = Collected()
    if measure and measure not in Measure.values:
        errors.add("measure", _("Please choose what the platform measures."))
    if measure and not name:
        name = str(Measure(measure).label)
    name = checked_text(
        errors, name, field="name", longest=160, missing=_("Please name the indicator.")
    )
    target = checked_text(errors, target, field="target", longest=80)
    value = "" if measure else checked_text(errors, value, field="value", longest=80)
    errors.raise_if_any()
    with transaction.atomic():
        evaluation = _editable(workshop)
        last = evaluation.indicators.aggregate(last=Max("position"))["last"] or 0
        try:
            with transaction.atomic():
                indicator = Indicator.objects.create(
                    evaluation=evaluation,
                    name=name,
                    target=target,
                    value=value,
                    measure=measure,
                    position=last + 1,
                )
        except IntegrityError:
            raise InvalidInput(
                _("This measure is already one of the indicators."), field="measure"
            ) from None
        record(
            actor=actor,
            verb="evaluations.indicator_added",
            target=workshop,
            data={"title": workshop.title, "indicator": name},
        )
    return indicator


def indicator_remove(*, actor: User, indicator: Indicator) -> None:
    with transaction.atomic():
        evaluation = _editable(indicator.evaluation.workshop)
        if indicator.evaluation_id != evaluation.pk:
            raise StateChanged()
        name = indicator.name
        indicator.delete()
        record(
            actor=actor,
            verb="evaluations.indicator_removed",
            target=evaluation.workshop,
            data={"title": evaluation.workshop.title, "indicator": name},
        )


def evaluation_publish(*, actor: User, workshop: Workshop) -> Evaluation:
    """Publish the evaluation: dated, frozen, the platform's values written into its
    measured indicators as they are today."""
    from .indicators import measured_values

    with transaction.atomic():
        evaluation = _editable(workshop)
        errors = Collected()
        if not evaluation.outcome:
            errors.add("outcome", _("Please say whether the objective was met."))
        if not evaluation.explanation:
            errors.add("explanation", _("Please explain the result."))
        errors.raise_if_any()
        values = measured_values(workshop)
        for indicator in evaluation.indicators.exclude(measure=""):
            indicator.value = values.get(indicator.measure, "")
            indicator.save(update_fields=["value"])
        evaluation.published_at = timezone.now()
        evaluation.save(update_fields=["published_at", "updated_at"])
        record(
            actor=actor,
            verb="evaluations.published",
            target=workshop,
            data={"title": workshop.title, "outcome": evaluation.outcome},
            public=True,
        )
    return evaluation
