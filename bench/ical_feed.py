"""Benchmark of the city-wide iCalendar feed with 2,000 events (1,000 training sessions and
1,000 meetings), on a throwaway SQLite database: build time and queries.

    python -m bench.ical_feed

Writes the figures to docs/ical-feed.md. The goal: under 200 ms on this kind of machine.
"""

from __future__ import annotations

import datetime
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

RUNS = 9
EVENTS = 2_000
GOAL_MS = 200
REPORT = Path(__file__).resolve().parent.parent / "docs" / "ical-feed.md"


def setup_django(folder: str) -> None:
    os.environ["ATELIERS_VAR_DIR"] = folder
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ateliers.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def fill(now: datetime.datetime) -> None:
    from ateliers.councils.models import Council
    from ateliers.meetings.models import Meeting
    from ateliers.trainings.models import Training, TrainingSession

    trainings = Training.objects.bulk_create(
        Training(
            title=f"Formation {n}",
            slug=f"formation-{n}",
            summary="Ce que la formation apprend.",
            audience="Tous les habitants.",
            trainer="Organisme",
        )
        for n in range(100)
    )
    council = Council.objects.create(kind="youth", name="Conseil des jeunes", slug="jeunes")
    hour = datetime.timedelta(hours=1)
    TrainingSession.objects.bulk_create(
        TrainingSession(
            training=trainings[n % 100],
            starts_at=now + n * 3 * hour,
            ends_at=now + n * 3 * hour + 2 * hour,
            place="Maison des associations",
            address="Place de la mairie",
            capacity=20,
        )
        for n in range(EVENTS // 2)
    )
    Meeting.objects.bulk_create(
        Meeting(
            council=council,
            kind="council",
            title=f"Réunion {n}",
            description="Ordre du jour et informations pratiques.",
            starts_at=now + n * 3 * hour,
            ends_at=now + n * 3 * hour + 2 * hour,
            place="Hôtel de ville",
        )
        for n in range(EVENTS // 2)
    )


def measure() -> tuple[list[float], int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from ateliers.core.ical import calendar_of
    from ateliers.site import calendar

    timings = []
    for _run in range(RUNS):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            body = calendar_of(calendar.city_feed(now=timezone.now()), name="Villebelle")
        timings.append((time.perf_counter() - started) * 1000)
    return timings, len(queries), len(body)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        from django.utils import timezone

        fill(timezone.now())
        timings, queries, size = measure()
    median = statistics.median(timings)
    lines = [
        "# The city-wide iCalendar feed",
        "",
        "Measured by `make bench` (bench/ical_feed.py): the figures below are rewritten by each",
        f"run. The feed at `/agenda/ville.ics` with {EVENTS:,} events ({EVENTS // 2:,} training",
        f"sessions, {EVENTS // 2:,} meetings), built {RUNS} times on SQLite. Goal: under "
        f"{GOAL_MS} ms.",
        "",
        f"- Run: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores.",
        "",
        "| build time, median | min | max | queries | size | goal |",
        "|---:|---:|---:|---:|---:|---|",
        f"| {median:.0f} ms | {min(timings):.0f} ms | {max(timings):.0f} ms | {queries} | "
        f"{size / 1024:.0f} KiB | {'met' if median < GOAL_MS else 'not met'} |",
        "",
    ]
    REPORT.write_text("\n".join(lines))
    print("\n".join(lines))
    sys.exit(0)


if __name__ == "__main__":
    main()
