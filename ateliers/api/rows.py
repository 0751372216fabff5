"""Each listed object as the plain values the API gives: one function per list, shared by
the JSON endpoints and the CSV exports, so that both always hold the same fields. They read
what the selectors prefetched and make no query of their own."""

import datetime

from django.urls import reverse

from ateliers.councils.models import Council
from ateliers.documents.models import Document
from ateliers.evaluations.models import Evaluation
from ateliers.meetings.models import Meeting
from ateliers.opinions.models import Conversation, MapSnapshot, Statement
from ateliers.trainings.models import Training
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind


def _url(request, path: str) -> str:
    return request.build_absolute_uri(path)


def _names(related) -> list[str]:
    return [each.name for each in related.all()]


def workshop(request, workshop: Workshop, *, now: datetime.datetime) -> dict:
    current = workshop.phase_at(now)
    return {
        "slug": workshop.slug,
        "title": workshop.title,
        "kind": workshop.kind,
        "status": workshop.status,
        "url": _url(request, workshop.get_absolute_url()),
        "project": workshop.project,
        "objective": workshop.objective,
        "neighbourhood": workshop.neighbourhood.name if workshop.neighbourhood else None,
        "themes": _names(workshop.themes),
        "proposed_by": workshop.proposed_by.name if workshop.proposed_by else None,
        "starts_at": workshop.starts_at,
        "ends_at": workshop.ends_at,
        "published_at": workshop.published_at,
        "capacity": workshop.capacity,
        "participant_count": workshop.participant_count,
        "current_phase": PhaseKind(current.kind).name.lower() if current else None,
        "phases": [
            {
                "kind": PhaseKind(phase.kind).name.lower(),
                "name": str(PhaseKind(phase.kind).label),
                "starts_at": phase.starts_at,
                "ends_at": phase.ends_at,
            }
            for phase in workshop.ordered_phases
        ],
    }


def council(request, council: Council) -> dict:
    return {
        "slug": council.slug,
        "name": council.name,
        "kind": council.kind,
        "url": _url(request, council.get_absolute_url()),
        "description": council.description,
        "neighbourhood": council.neighbourhood.name if council.neighbourhood else None,
        "themes": _names(council.themes),
        # Public names only: the council's page shows them, never an address.
        "members": [
            {
                "name": str(mandate.user.public_name),
                "role": mandate.role,
                "since": mandate.starts_on,
                "until": mandate.ends_on,
            }
            for mandate in council.current_mandates  # prefetched by selectors.councils
        ],
    }


def _owner(request, item: Meeting | Document) -> dict:
    if item.workshop_id:
        return {
            "type": "workshop",
            "slug": item.workshop.slug,
            "name": item.workshop.title,
            "url": _url(request, item.workshop.get_absolute_url()),
        }
    return {
        "type": "council",
        "slug": item.council.slug,
        "name": item.council.name,
        "url": _url(request, item.council.get_absolute_url()),
    }


def meeting(request, meeting: Meeting) -> dict:
    return {
        "id": meeting.pk,
        "title": meeting.title,
        "kind": meeting.kind,
        "url": _url(request, meeting.get_absolute_url()),
        "organiser": _owner(request, meeting),
        "description": meeting.description,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "address": meeting.address,
        "accessibility": meeting.accessibility,
        "online_link": meeting.online_link,
        "agenda": [item.title for item in meeting.agenda.all()],
        "registration_required": meeting.registration_required,
        "capacity": meeting.capacity,
        "seats_left": meeting.seats_left,
        "cancelled": meeting.is_cancelled,
        "minutes": meeting.minutes,
        "attendee_count": meeting.attendee_count,
    }


def training(request, training: Training) -> dict:
    return {
        "slug": training.slug,
        "title": training.title,
        "url": _url(request, training.get_absolute_url()),
        "summary": training.summary,
        "audience": training.audience,
        "trainer": training.trainer,
        "prerequisites": training.prerequisites,
        "themes": _names(training.themes),
        "sessions": [
            {
                "id": session.pk,
                "url": _url(request, session.get_absolute_url()),
                "starts_at": session.starts_at,
                "ends_at": session.ends_at,
                "place": session.place,
                "address": session.address,
                "accessibility": session.accessibility,
                "online_link": session.online_link,
                "capacity": session.capacity,
                "seats_left": session.seats_left,
                "cancelled": session.is_cancelled,
            }
            for session in training.sessions.all()
        ],
    }


def document(request, document: Document) -> dict:
    versions = list(document.versions.all())
    return {
        "id": document.pk,
        "title": document.title,
        "category": document.category,
        "url": _url(request, document.get_absolute_url()),
        "summary": document.summary,
        "owner": _owner(request, document),
        "updated_at": document.updated_at,
        "versions": [
            {
                "number": version.number,
                "added_at": version.created_at,
                "note": version.note,
                "file_name": version.filename,
                "content_type": version.content_type,
                "size": version.size,
                "is_link": version.is_link,
                "download_url": _url(request, version.get_download_url()),
            }
            for version in versions
        ],
    }


def conversation(
    request, conversation: Conversation, snapshot: MapSnapshot | None, positions: dict[int, int]
) -> dict:
    """`positions`: the statements' numbers by primary key, for those the map lists."""
    return {
        "id": conversation.pk,
        "question": conversation.question,
        "description": conversation.description,
        "url": _url(request, conversation.get_absolute_url()),
        "results_url": _url(request, reverse("opinions:results", args=[conversation.pk])),
        "workshop": conversation.workshop.slug,
        "opened_at": conversation.opened_at,
        "map": _map(snapshot, positions) if snapshot is not None else None,
    }


def _map(snapshot: MapSnapshot, positions: dict[int, int]) -> dict:
    """What the results page shows of the last computation: the groups, their size and the
    statements that set each apart, as shares of the group's votes (never a person's)."""
    data = snapshot.result
    votes = data.get("votes", {})
    groups = []
    for index, group in enumerate(data.get("groups", [])):
        representative = []
        for rep in group.get("representative", []):
            if rep["statement"] not in positions:  # rejected since the computation
                continue
            counts = votes.get(str(rep["statement"]), [])
            own = counts[index] if index < len(counts) else {}
            representative.append(
                {
                    "statement": positions[rep["statement"]],
                    "direction": rep["direction"],
                    "agree_percent": own.get("agree"),
                    "disagree_percent": own.get("disagree"),
                    "pass_percent": own.get("pass"),
                    "seen": own.get("seen"),
                }
            )
        groups.append(
            {"label": group["label"], "size": group["size"], "representative": representative}
        )
    return {
        "computed_at": snapshot.computed_at,
        "participants": snapshot.n_participants,
        "votes": snapshot.n_votes,
        "groups": groups,
        "shared": [positions[pk] for pk in data.get("shared", []) if pk in positions],
        "divisive": [positions[pk] for pk in data.get("divisive", []) if pk in positions],
    }


def listed_statements(snapshot: MapSnapshot) -> set[int]:
    data = snapshot.result
    return (
        {rep["statement"] for group in data.get("groups", []) for rep in group["representative"]}
        | set(data.get("shared", []))
        | set(data.get("divisive", []))
    )


def statement(statement: Statement) -> dict:
    return {
        "number": statement.position,
        "text": statement.text,
        "seed": statement.is_seed,
        "agree": statement.agree_count,
        "disagree": statement.disagree_count,
        "pass": statement.pass_count,
    }


def evaluation(request, evaluation: Evaluation) -> dict:
    return {
        "id": evaluation.pk,
        "workshop": evaluation.workshop.slug,
        "url": _url(request, reverse("evaluations:workshop", args=[evaluation.workshop.slug])),
        "outcome": evaluation.outcome,
        "explanation": evaluation.explanation,
        "published_at": evaluation.published_at,
        "indicators": [
            {
                "name": indicator.name,
                "target": indicator.target,
                "value": indicator.value,
                "measured_by_platform": bool(indicator.measure),
            }
            for indicator in evaluation.indicators.all()
        ],
    }


def recommendation(request, record: dict) -> dict:
    """A row of the follow-up's export (townhall/export.py), with its address."""
    return {
        **record,
        "url": _url(request, reverse("townhall:followup_recommendation", args=[record["id"]])),
    }
