"""Benchmark of a workshop's dossier for the town hall at the size of a large workshop: 2,000
participants, 50 adopted recommendations (a dissent on every third), 10 not adopted, on a
throwaway SQLite database. Times the selector (dossier_of), the page's HTML (the whole
request, the page cache off) and the PDF (WeasyPrint, tagged), each with its peak memory.

    python -m bench.dossier

"Peak (tracemalloc)" is the most Python memory the step held at once, measured in a run of
its own (tracemalloc slows what it watches); "max RSS" is the process's resident peak after
the step (resource.getrusage), which only grows. Writes the figures to the section "The
workshop's dossier" of docs/performance.md, leaving the other sections as they are.
"""

from __future__ import annotations

import datetime
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

PARTICIPANTS = 2_000
ADOPTED = 50
NOT_ADOPTED = 10
RUNS = {"selector": 9, "html": 9, "pdf": 3}
REPORT = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
HEADING = "## The workshop's dossier"


def setup_django(folder: str) -> None:
    os.environ["ATELIERS_VAR_DIR"] = folder
    os.environ["ATELIERS_PAGE_CACHE"] = "false"
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ateliers.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def fill() -> str:
    from django.utils import timezone

    from ateliers.core.models import Neighbourhood, User
    from ateliers.debate.models import Topic
    from ateliers.documents.models import Document
    from ateliers.meetings.models import Meeting
    from ateliers.recommendations.models import (
        Adoption,
        Dissent,
        Recommendation,
        RecommendationAuthor,
    )
    from ateliers.workshops.models import Capacity, Participation, Phase, Workshop
    from ateliers.workshops.phases import PhaseKind

    now = timezone.now()
    day = datetime.timedelta(days=1)
    start = now - 45 * day
    neighbourhoods = Neighbourhood.objects.bulk_create(
        Neighbourhood(name=f"Quartier {n}", slug=f"quartier-{n}") for n in range(12)
    )
    workshop = Workshop.objects.create(
        kind=Workshop.Kind.CITY,
        title="Un plan vélo pour toute la ville",
        slug="plan-velo",
        project="Le plan vélo de la ville pour les dix prochaines années.",
        objective="Des préconisations chiffrées, classées, que le conseil municipal peut voter.",
        evaluation_plan="Le nombre de kilomètres aménagés chaque année.",
        status=Workshop.Status.PUBLISHED,
        starts_at=start,
        ends_at=start + 50 * day,
        participant_count=PARTICIPANTS,
    )
    Phase.objects.bulk_create(
        Phase(
            workshop=workshop,
            kind=kind,
            starts_at=start + index * 10 * day,
            ends_at=start + (index + 1) * 10 * day,
        )
        for index, kind in enumerate(PhaseKind)
    )
    people = User.objects.bulk_create(
        User(
            email=f"p{n}@example.org",
            display_name=f"Personne {n}",
            neighbourhood=neighbourhoods[n % 12] if n % 7 else None,
        )
        for n in range(PARTICIPANTS)
    )
    capacities = [value for value, _label in Capacity.choices]
    Participation.objects.bulk_create(
        Participation(
            workshop=workshop,
            user=person,
            capacity=capacities[n % len(capacities)],
            association_name="Vélo en ville"
            if capacities[n % len(capacities)] == "association"
            else "",
        )
        for n, person in enumerate(people)
    )
    workshop.facilitators.add(people[0])
    Document.objects.bulk_create(
        Document(workshop=workshop, title=f"Étude {n}", category="study") for n in range(30)
    )
    Meeting.objects.bulk_create(
        Meeting(
            workshop=workshop,
            kind="debate",
            title=f"Réunion {n}",
            starts_at=start + n * day,
            ends_at=start + n * day + datetime.timedelta(hours=2),
            place="Hôtel de ville",
            attendee_count=40,
        )
        for n in range(12)
    )
    Topic.objects.bulk_create(
        Topic(workshop=workshop, title=f"Sujet {n}", for_count=40, against_count=25)
        for n in range(20)
    )
    paragraph = (
        "Aménager des pistes cyclables **séparées** de la circulation sur les grands axes, "
        "avec un éclairage public et un marquage au sol visibles de nuit. "
    ) * 4
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(
            workshop=workshop,
            title=f"Préconisation numéro {n} pour le plan vélo",
            text=paragraph,
            general_interest="Se déplacer à vélo en sécurité, à tout âge, dans tous les quartiers.",
            cost_note="Environ 300 000 € par kilomètre.",
            status=Recommendation.Status.ADOPTED
            if n < ADOPTED
            else Recommendation.Status.NOT_ADOPTED,
            support_count=n,
        )
        for n in range(ADOPTED + NOT_ADOPTED)
    )
    RecommendationAuthor.objects.bulk_create(
        RecommendationAuthor(recommendation=recommendation, user=people[n * 3 + k])
        for n, recommendation in enumerate(recommendations)
        for k in range(2)
    )
    adoptions = Adoption.objects.bulk_create(
        Adoption(
            recommendation=recommendation,
            method=Adoption.Method.MEETING_VOTE,
            result=Adoption.Result.ADOPTED if n < ADOPTED else Adoption.Result.NOT_ADOPTED,
            votes_for=120,
            votes_against=30 if n < ADOPTED else 140,
            abstentions=10,
            decided_at=now,
        )
        for n, recommendation in enumerate(recommendations)
    )
    Dissent.objects.bulk_create(
        Dissent(
            adoption=adoption,
            text="Ce choix oublie les rues étroites du centre.",
            held_by="Douze participants",
        )
        for n, adoption in enumerate(adoptions[:ADOPTED])
        if n % 3 == 0
    )
    return workshop.slug


def timed(step, runs: int) -> tuple[list[float], object]:
    timings, result = [], None
    for _run in range(runs):
        started = time.perf_counter()
        result = step()
        timings.append((time.perf_counter() - started) * 1000)
    return timings, result


def peak_mib(step) -> float:
    tracemalloc.start()
    step()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class QueryCounter:
    """Counts queries as they run (a test client's request empties connection.queries)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(slug: str) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from ateliers.recommendations.dossier import dossier_of
    from ateliers.recommendations.dossier_pdf import render_pdf
    from ateliers.workshops.selectors import workshop_for_page

    client = Client(HTTP_HOST="localhost")
    url = f"/preconisations/atelier/{slug}/dossier/"

    def select():
        return dossier_of(workshop_for_page(slug=slug))

    def html():
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return response.content

    data = select()

    def pdf():
        return render_pdf(data, made_at=timezone.now())

    rows = []
    for name, step, what in (
        ("selector", select, "dossier_of, its workshop read"),
        ("html", html, "the page, the whole request"),
        ("pdf", pdf, "WeasyPrint, PDF/UA-1"),
    ):
        step()  # warm: templates compiled, fonts found
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            step()
        timings, result = timed(step, RUNS[name])
        row = {
            "name": name,
            "what": what,
            "median": statistics.median(timings),
            "max": max(timings),
            "runs": RUNS[name],
            "queries": counter.count,
            "peak": peak_mib(step),
            "rss": max_rss_mib(),
        }
        if name == "html":
            row["size"] = f"{len(result) / 1024:.0f} KiB"
        elif name == "pdf":
            content, pages = result
            row["size"] = f"{len(content) / 1024:.0f} KiB, {pages} pages"
        else:
            row["size"] = ""
        rows.append(row)
    return rows


def section(rows: list[dict]) -> str:
    lines = [
        HEADING,
        "",
        "Measured by `make bench` (bench/dossier.py), rewritten by each run: a city workshop "
        f"with {PARTICIPANTS:,} participants, {ADOPTED} adopted recommendations (a dissent on "
        f"every third) and {NOT_ADOPTED} not adopted, 30 documents, 12 meetings, 20 debate "
        "topics, on SQLite. Peak (tracemalloc): the most Python memory the step held, in a run "
        "of its own; max RSS: the process's resident peak after the step. WeasyPrint draws "
        "with Pango and cairo, whose memory tracemalloc does not see: for the PDF, the growth "
        "of the max RSS is the better measure. The PDF is made by the task worker, never in a "
        "web request.",
        "",
        f"- Run: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores.",
        "",
        "| step | median | max | runs | queries | peak (tracemalloc) | max RSS | output |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['name']}: {row['what']} | {row['median']:.0f} ms | {row['max']:.0f} ms | "
            f"{row['runs']} | {row['queries']} | {row['peak']:.1f} MiB | {row['rss']:.0f} MiB | "
            f"{row['size']} |"
        )
    return "\n".join(lines) + "\n"


def section_of(path: Path) -> str:
    """The dossier's section as `path` holds it ("" when absent): bench/loadtest.py, which
    rewrites the whole report, keeps it."""
    old = path.read_text() if path.exists() else ""
    start = old.find(HEADING)
    if start == -1:
        return ""
    end = old.find("\n## ", start + len(HEADING))
    return "\n" + (old[start : end + 1] if end != -1 else old[start:])


def write_section(text: str, path: Path = REPORT, heading: str = HEADING) -> None:
    """Put `text` in place of the section under `heading` of `path` (at its end when absent),
    leaving the other sections as they are."""
    old = path.read_text() if path.exists() else ""
    start = old.find(heading)
    if start == -1:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + len(heading))
        new = old[:start] + text + (old[end:] if end != -1 else "")
    path.write_text(new)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        slug = fill()
        rows = measure(slug)
    text = section(rows)
    write_section(text)
    print(text)
    sys.exit(0)


if __name__ == "__main__":
    main()
