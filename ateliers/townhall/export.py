"""The follow-up as open data (CSV and JSON): one row per adopted recommendation, streamed by
chunks so that a city's whole history never sits in memory. Public records only: no e-mail
address, no participant's name (the service and the elected official answer in the city's
name)."""

import csv
import datetime
import json
from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from ateliers.recommendations.models import Recommendation

from . import selectors_followup as followup
from .models import Milestone

CHUNK = 500

COLUMNS = [
    "id",
    "title",
    "workshop",
    "neighbourhood",
    "themes",
    "adopted_on",
    "hearing_date",
    "hearing_body",
    "due_date",
    "answer",
    "justification",
    "service",
    "elected_official",
    "answered_on",
    "overdue",
    "progress",
    "milestones",
    "last_update",
]


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _for_export(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    return (
        followup.for_rows(recommendations)
        .annotate(hearing_body=followup.hearing_body_subquery("workshop_id"))
        .prefetch_related(
            Prefetch("answer__milestones", queryset=Milestone.objects.order_by("target_date", "pk"))
        )
    )


def records(recommendations: QuerySet[Recommendation], *, today: datetime.date) -> Iterator[dict]:
    """One dict per recommendation (the JSON's objects; the CSV flattens its lists)."""
    for recommendation in _for_export(recommendations).iterator(chunk_size=CHUNK):
        row = followup.row_of(recommendation, today)
        answer = row.answer
        workshop = recommendation.workshop
        yield {
            "id": recommendation.pk,
            "title": recommendation.title,
            "workshop": workshop.title,
            "neighbourhood": workshop.neighbourhood.name if workshop.neighbourhood else None,
            "themes": [theme.name for theme in workshop.themes.all()],
            "adopted_on": _iso(row.adopted_on),
            "hearing_date": _iso(row.hearing_on),
            "hearing_body": getattr(recommendation, "hearing_body", None),
            "due_date": _iso(row.due),
            "answer": answer.status if answer else None,
            "justification": answer.justification if answer else None,
            "service": answer.service if answer else None,
            "elected_official": answer.elected_official if answer else None,
            "answered_on": _iso(followup.local_day(answer.answered_at)) if answer else None,
            "overdue": row.overdue,
            "progress": row.progress,
            "milestones": [
                {
                    "title": milestone.title,
                    "target_date": _iso(milestone.target_date),
                    "status": milestone.status,
                    "progress": milestone.progress,
                    "completed_on": _iso(milestone.completed_on),
                }
                for milestone in (answer.milestones.all() if answer else ())
            ],
            "last_update": _iso(row.last_update),
        }


class _Echo:
    """A file for csv.writer that hands back what it is given, for a streamed response."""

    def write(self, value: str) -> str:
        return value


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _milestones_cell(milestones: list[dict]) -> str:
    return " | ".join(
        f"{m['title']} ({m['status']}, {m['progress']} %, {m['target_date']})" for m in milestones
    )


def csv_lines(recommendations: QuerySet[Recommendation], *, today: datetime.date) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(COLUMNS)
    for record in records(recommendations, today=today):
        record["themes"] = ", ".join(record["themes"])
        record["milestones"] = _milestones_cell(record["milestones"])
        yield writer.writerow([_cell(record[column]) for column in COLUMNS])


def json_chunks(
    recommendations: QuerySet[Recommendation], *, today: datetime.date
) -> Iterator[str]:
    yield "["
    separator = "\n"
    for record in records(recommendations, today=today):
        yield separator + json.dumps(record, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"
