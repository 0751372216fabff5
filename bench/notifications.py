"""Benchmark of telling 10,000 followers of a workshop's neighbourhood that it is published,
on a throwaway SQLite database:

- the request's part: publishing, with the notifications' task queued in the database
  (django-tasks' database backend, as in production), not run;
- the worker's part: the fan-out (10,000 notifications and their unread counts), then the
  e-mails, one each, with Django's console backend writing to nowhere.

    python -m bench.notifications

Writes the figures to the section "Notifying 10,000 followers" of docs/performance.md.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import platform
import sys
import tempfile
import time

from bench.dossier import REPORT, write_section

FOLLOWERS = 10_000
HEADING = "## Notifying 10,000 followers"


def setup_django(folder: str) -> None:
    os.environ["ATELIERS_VAR_DIR"] = folder
    os.environ["ATELIERS_PAGE_CACHE"] = "false"
    os.environ["ATELIERS_TASKS"] = "database"
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.console.EmailBackend"
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ateliers.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def fill():
    from django.contrib.auth.hashers import make_password
    from django.contrib.contenttypes.models import ContentType

    from ateliers.core.models import Neighbourhood, Role, User
    from ateliers.notifications.models import Follow
    from ateliers.workshops.models import Workshop
    from tests.factories import WorkshopFactory

    quartier = Neighbourhood.objects.create(name="Croix-Rouge", slug="croix-rouge")
    password = make_password("bench")
    users = User.objects.bulk_create(
        User(email=f"voisin{n}@example.org", display_name=f"Voisin {n}", password=password)
        for n in range(FOLLOWERS)
    )
    kind = ContentType.objects.get_for_model(Neighbourhood)
    Follow.objects.bulk_create(
        Follow(user=user, subject_type=kind, subject_id=quartier.pk) for user in users
    )
    staff = User.objects.create(email="agente@example.org", role=Role.CITY_STAFF)
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT, neighbourhood=quartier)
    return workshop, staff


@contextlib.contextmanager
def counting_queries():
    """Count the statements run (CaptureQueriesContext keeps only the last 9,000)."""
    from django.db import connection

    counted = [0]

    def count(execute, sql, params, many, context):
        counted[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield counted


def measure(workshop, staff) -> list[tuple[str, float, int]]:
    from ateliers.activity.models import Action
    from ateliers.notifications import delivery
    from ateliers.notifications.models import Notification
    from ateliers.workshops.services.lifecycle import workshop_publish

    rows = []
    with counting_queries() as queries:
        started = time.perf_counter()
        workshop_publish(workshop=workshop, by=staff)
        elapsed = time.perf_counter() - started
    rows.append(("the request: publish, queue the task", elapsed, queries[0]))
    action = Action.objects.get(verb="workshop.published")
    with counting_queries() as queries:
        started = time.perf_counter()
        made = delivery.fan_out(action.pk)
        elapsed = time.perf_counter() - started
    rows.append(("the worker: fan-out", elapsed, queries[0]))
    assert made == FOLLOWERS == Notification.objects.count(), made
    with contextlib.redirect_stdout(io.StringIO()), counting_queries() as queries:
        started = time.perf_counter()
        sent = delivery.send_immediate(action.pk)
        elapsed = time.perf_counter() - started
    rows.append(("the worker: 10,000 e-mails", elapsed, queries[0]))
    assert sent == FOLLOWERS, sent
    return rows


def section(rows, database: str) -> str:
    lines = [
        HEADING,
        "",
        "Measured by `make bench` (bench/notifications.py), rewritten by each run: a workshop",
        f"published in a neighbourhood that {FOLLOWERS:,} people follow, on {database}. The",
        "request only queues the task (django-tasks' database backend); the worker then makes",
        "the notifications and sends one e-mail each (Django's console backend, its output",
        "thrown away: the time is ours, not a mail server's).",
        "",
        f"- Run: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores.",
        "",
        "| step | time | queries |",
        "|---|---:|---:|",
    ]
    for name, seconds, queries in rows:
        time_text = f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"
        lines.append(f"| {name} | {time_text} | {queries:,} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        workshop, staff = fill()
        rows = measure(workshop, staff)
    text = section(rows, "SQLite")
    write_section(text, REPORT, HEADING)
    print(text)
    sys.exit(0)


if __name__ == "__main__":
    main()
