"""The start of each phase of a published workshop, logged when it comes (its followers are
told of it through the log: ateliers/notifications). Phases change with time alone, so each
start is a task queued for its moment when the workshop is published or its dates change."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from ateliers.activity.models import Action
from ateliers.activity.services import record
from ateliers.core.reminders import enqueue_at


def schedule_phase_starts(workshop) -> None:
    """Queue a task for the start of each phase still to come, once the transaction commits.
    A task whose phase moved finds it not started yet, and does nothing."""
    for phase in workshop.phases.all():
        if phase.starts_at > timezone.now():
            phase_id, starts_at = phase.pk, phase.starts_at
            transaction.on_commit(
                lambda phase_id=phase_id, starts_at=starts_at: enqueue_at(
                    phase_started, phase_id, run_after=starts_at
                )
            )


@task()
def phase_started(phase_id: int) -> None:
    from .models import Phase, Workshop

    with transaction.atomic():
        phase = (
            Phase.objects.select_for_update()
            .select_related("workshop")
            .filter(pk=phase_id, workshop__status=Workshop.Status.PUBLISHED)
            .first()
        )
        if phase is None or phase.starts_at > timezone.now():
            return
        already = Action.objects.filter(
            verb="workshop.phase_started", target_id=phase.workshop_id, data__phase=phase.kind
        ).exists()
        if not already:
            record(
                actor=None,
                verb="workshop.phase_started",
                target=phase.workshop,
                data={"phase": phase.kind},
                public=True,
            )
