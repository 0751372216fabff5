"""Reads shared by the town hall's pages: when a workshop is heard, and its answer deadline."""

from django.db.models import OuterRef, Subquery

from ateliers.workshops.models import Workshop

from .models import DEFAULT_ANSWER_MONTHS, AgendaItem, AnswerDeadline, ItemKind


def hearing_items():
    """Agenda items that hear a workshop's dossier, in sessions not cancelled, soonest first."""
    return (
        AgendaItem.objects.filter(kind=ItemKind.DOSSIER, session__cancelled=False)
        .select_related("session__body")
        .order_by("session__starts_at", "pk")
    )


def hearing_of(workshop: Workshop) -> AgendaItem | None:
    """The session where the workshop's dossier is (or was) heard: the first one scheduled."""
    return hearing_items().filter(workshop=workshop).first()


def hearing_starts_subquery(workshop_ref: str = "workshop_id") -> Subquery:
    """For an annotation: when the workshop at `workshop_ref` is first heard (or None)."""
    return Subquery(
        hearing_items().filter(workshop_id=OuterRef(workshop_ref)).values("session__starts_at")[:1]
    )


def answer_months_subquery(workshop_ref: str = "workshop_id") -> Subquery:
    """For an annotation: the workshop's own months to answer (None: the default)."""
    return Subquery(
        AnswerDeadline.objects.filter(workshop_id=OuterRef(workshop_ref)).values("months")[:1]
    )


def answer_months_of(workshop: Workshop) -> int:
    months = AnswerDeadline.objects.filter(workshop=workshop).values_list("months", flat=True)
    return next(iter(months), DEFAULT_ANSWER_MONTHS)
