"""The five phases of every workshop, declared once, in order.

Each phase says what happens in it and how long it lasts by default. Which actions a phase
allows is not written here: each app declares its own (workshops/features.py).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class PhaseKind(models.IntegerChoices):
    COMMUNICATION = 1, _("Communication")
    INFORMATION = 2, _("Information and training")
    DEBATE = 3, _("Debate")
    RECOMMENDATIONS = 4, _("Recommendations")
    PRESENTATION = 5, _("Presentation to the town hall")


@dataclass(frozen=True)
class PhaseType:
    kind: PhaseKind
    summary: str
    # Share of the workshop's duration the phase gets when dates are pre-filled.
    default_weight: int = 1


PHASE_TYPES: dict[PhaseKind, PhaseType] = {
    PhaseKind.COMMUNICATION: PhaseType(
        PhaseKind.COMMUNICATION,
        _(
            "The call for participants is published: anyone interested joins the workshop "
            "and says in which capacity they take part. Councils and followers are told."
        ),
        default_weight=2,
    ),
    PhaseKind.INFORMATION: PhaseType(
        PhaseKind.INFORMATION,
        _(
            "Documents, site facts, budgets and constraints are shared; trainings bring "
            "participants up to speed on the technical questions."
        ),
        default_weight=2,
    ),
    PhaseKind.DEBATE: PhaseType(
        PhaseKind.DEBATE,
        _(
            "Participants discuss, with arguments for and against, in meetings and online, "
            "and map their opinions to find what they share."
        ),
        default_weight=3,
    ),
    PhaseKind.RECOMMENDATIONS: PhaseType(
        PhaseKind.RECOMMENDATIONS,
        _(
            "Participants draft, amend and support recommendations, then adopt them "
            "together; each says which general interest it serves."
        ),
        default_weight=2,
    ),
    PhaseKind.PRESENTATION: PhaseType(
        PhaseKind.PRESENTATION,
        _(
            "The adopted recommendations are presented to elected officials and city staff "
            "before the municipal council, with the workshop's delegates."
        ),
        default_weight=1,
    ),
}


def default_phase_bounds(
    starts_at: datetime, ends_at: datetime
) -> list[tuple[PhaseKind, datetime, datetime]]:
    """Split [starts_at, ends_at) into the five phases by their default weights.

    Boundaries are rounded to the hour so the pre-filled form reads cleanly.
    """
    total_weight = sum(t.default_weight for t in PHASE_TYPES.values())
    span = ends_at - starts_at
    bounds = []
    cursor = starts_at
    elapsed_weight = 0
    for kind, phase_type in PHASE_TYPES.items():
        elapsed_weight += phase_type.default_weight
        if kind == PhaseKind.PRESENTATION:
            end = ends_at
        else:
            end = starts_at + span * elapsed_weight / total_weight
            end = end.replace(minute=0, second=0, microsecond=0)
            if end <= cursor:
                end = cursor + timedelta(hours=1)
        bounds.append((kind, cursor, end))
        cursor = end
    return bounds
