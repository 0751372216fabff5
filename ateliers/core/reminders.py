"""Tasks to run later: the reminder the day before a session or a meeting.

The database's queue (django-tasks-db) keeps a task until its time; the worker runs it then.
A backend that cannot wait (the immediate one, in tests or on a site without a worker)
sends no reminder rather than sending it at once.
"""

import datetime

from django.utils import timezone

# How long before the start the reminder goes.
AHEAD = datetime.timedelta(days=1)


def enqueue_at(task, *args, run_after: datetime.datetime):
    """Enqueue `task(*args)` to run at `run_after`; None when that is past or the backend
    cannot wait."""
    if run_after <= timezone.now() or not task.get_backend().supports_defer:
        return None
    return task.using(run_after=run_after).enqueue(*args)


def due(starts_at: datetime.datetime, now: datetime.datetime) -> bool:
    """Whether a reminder run at `now` is still worth sending for an event at `starts_at`
    (a worker that was stopped for two days sends no stale reminder)."""
    return now < starts_at <= now + AHEAD + datetime.timedelta(hours=12)
