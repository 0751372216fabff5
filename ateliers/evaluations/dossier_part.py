"""The evaluation's part of a workshop's dossier (recommendations/dossier_parts.py), once
published: whether the objective was met, why, the indicators with their targets and the
values kept at publication, and the date. Two queries: the evaluation, its indicators (one
until it is published). Publishing changes the dossier's digest: its PDF is then out of date
and the team can make it again."""

from ateliers.workshops.models import Workshop

from .models import Evaluation


def published_evaluation(workshop: Workshop) -> dict | None:
    evaluation = Evaluation.objects.filter(workshop=workshop, published_at__isnull=False).first()
    if evaluation is None:
        return None
    return {
        "outcome": evaluation.outcome,
        "outcome_label": evaluation.Outcome(evaluation.outcome).label,
        "explanation": evaluation.explanation,
        "published_at": evaluation.published_at,
        "indicators": [
            {"name": name, "target": target, "value": value, "measured": bool(measure)}
            for name, target, value, measure in evaluation.indicators.values_list(
                "name", "target", "value", "measure"
            )
        ],
    }


def register() -> None:
    from ateliers.recommendations import dossier_parts

    dossier_parts.register(
        "evaluation",
        template="evaluations/workshop/dossier_part.html",
        context=published_evaluation,
        order=20,
    )
