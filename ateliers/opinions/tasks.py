"""The opinion map's background computation (django-tasks): enqueued after votes, at most
once per OPINION_MAP_RECOMPUTE_SECONDS per conversation (services.request_recompute)."""

import datetime

from django.utils import timezone
from django_tasks import task


@task()
def recompute_map(conversation_id: int) -> None:
    from . import services

    services.map_compute(conversation_id=conversation_id)


def enqueue_recompute(conversation_id: int, *, run_after: datetime.datetime) -> None:
    """Run the computation at `run_after`, or now when that is past or the backend cannot
    wait (the immediate backend computes within the request: only for tests, or a site
    without a worker, where the interval still holds because the claim checks it)."""
    if run_after > timezone.now() and recompute_map.get_backend().supports_defer:
        recompute_map.using(run_after=run_after).enqueue(conversation_id)
    else:
        recompute_map.enqueue(conversation_id)
