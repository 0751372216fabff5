"""Each list of the API costs the same number of queries for a city with 10 rows and one with
1,000 (a page of 50 then), each query named. Rows are written in bulk: the lists are read, not
the services, here."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ateliers.councils.models import Council, Mandate
from ateliers.documents.models import Document, DocumentVersion
from ateliers.evaluations.models import Evaluation, Indicator
from ateliers.meetings.models import AgendaItem, Meeting
from ateliers.opinions.models import Conversation, MapSnapshot, Statement
from ateliers.recommendations.models import Recommendation
from ateliers.townhall.models import Answer, Milestone
from ateliers.trainings.models import Training, TrainingSession
from ateliers.workshops.models import Phase, Workshop
from ateliers.workshops.phases import PhaseKind
from tests.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def _workshops(n: int, **fields) -> list[Workshop]:
    now = timezone.now()
    neighbourhood, theme = NeighbourhoodFactory(), ThemeFactory()
    workshops = Workshop.objects.bulk_create(
        Workshop(
            kind="neighbourhood",
            title=f"Atelier {i}",
            slug=f"atelier-en-nombre-{i}",
            project="Un projet.",
            objective="Un objectif.",
            evaluation_plan="Un plan.",
            neighbourhood=neighbourhood,
            status=Workshop.Status.PUBLISHED,
            starts_at=now - 60 * DAY + i * datetime.timedelta(minutes=1),
            ends_at=now - 10 * DAY,
            published_at=now - 70 * DAY,
            **fields,
        )
        for i in range(n)
    )
    Phase.objects.bulk_create(
        Phase(
            workshop=w,
            kind=kind,
            starts_at=w.starts_at + (kind - 1) * DAY,
            ends_at=w.starts_at + kind * DAY,
        )
        for w in workshops
        for kind in PhaseKind
    )
    Workshop.themes.through.objects.bulk_create(
        Workshop.themes.through(workshop=w, theme=theme) for w in workshops
    )
    return workshops


def _councils(n: int) -> None:
    people, theme = UserFactory.create_batch(3), ThemeFactory()
    councils = Council.objects.bulk_create(
        Council(kind="citizens", name=f"Conseil {i:04}", slug=f"conseil-en-nombre-{i}")
        for i in range(n)
    )
    Mandate.objects.bulk_create(
        Mandate(council=c, user=person, starts_on=timezone.localdate() - 30 * DAY)
        for c in councils
        for person in people
    )
    Council.themes.through.objects.bulk_create(
        Council.themes.through(council=c, theme=theme) for c in councils
    )


def _meetings(n: int) -> None:
    workshop, now = WorkshopFactory(), timezone.now()
    meetings = Meeting.objects.bulk_create(
        Meeting(
            workshop=workshop,
            kind="information",
            title=f"Réunion {i}",
            starts_at=now + i * DAY,
            ends_at=now + i * DAY + 2 * datetime.timedelta(hours=1),
            place="Salle des fêtes",
        )
        for i in range(n)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=m, position=p, title=f"Point {p}") for m in meetings for p in (1, 2)
    )


def _trainings(n: int) -> None:
    now, theme = timezone.now(), ThemeFactory()
    trainings = Training.objects.bulk_create(
        Training(title=f"Formation {i}", slug=f"formation-en-nombre-{i}", summary="-", audience="-")
        for i in range(n)
    )
    TrainingSession.objects.bulk_create(
        TrainingSession(
            training=t,
            starts_at=now + d * DAY,
            ends_at=now + d * DAY + datetime.timedelta(hours=2),
            place="Médiathèque",
            capacity=10,
        )
        for t in trainings
        for d in (1, 2)
    )
    Training.themes.through.objects.bulk_create(
        Training.themes.through(training=t, theme=theme) for t in trainings
    )


def _documents(n: int) -> None:
    workshop = WorkshopFactory()
    documents = Document.objects.bulk_create(
        Document(workshop=workshop, title=f"Document {i}", category="study") for i in range(n)
    )
    DocumentVersion.objects.bulk_create(
        DocumentVersion(document=d, number=v, link=f"https://example.org/{d.pk}/{v}")
        for d in documents
        for v in (1, 2)
    )


def _conversations(n: int) -> None:
    workshop, now = WorkshopFactory(phase=PhaseKind.DEBATE), timezone.now()
    conversations = Conversation.objects.bulk_create(
        Conversation(workshop=workshop, question=f"Question {i} ?", opened_at=now - i * DAY)
        for i in range(n)
    )
    statements = Statement.objects.bulk_create(
        Statement(conversation=c, position=1, text="Oui.", status="accepted", created_at=now)
        for c in conversations
    )
    MapSnapshot.objects.bulk_create(
        MapSnapshot(
            conversation_id=s.conversation_id,
            computed_at=now,
            duration=0.1,
            result={
                "groups": [
                    {
                        "label": "A",
                        "size": 3,
                        "representative": [{"statement": s.pk, "direction": "agree"}],
                    }
                ],
                "votes": {str(s.pk): [{"agree": 100, "disagree": 0, "pass": 0, "seen": 3}]},
                "shared": [s.pk],
                "divisive": [],
            },
        )
        for s in statements
    )


def _statements(n: int) -> None:
    conversation = Conversation.objects.create(
        workshop=WorkshopFactory(phase=PhaseKind.DEBATE), question="?", opened_at=timezone.now()
    )
    Statement.objects.bulk_create(
        Statement(
            conversation=conversation,
            position=i + 1,
            text=f"Proposition {i}.",
            status="accepted",
            created_at=timezone.now(),
        )
        for i in range(n)
    )


def _recommendations(n: int) -> None:
    workshop, now = WorkshopFactory(finished=True), timezone.now()
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(
            workshop=workshop,
            title=f"Préconisation {i}",
            text="-",
            general_interest="-",
            status="adopted",
        )
        for i in range(n)
    )
    answers = Answer.objects.bulk_create(
        Answer(
            recommendation=r,
            status="accepted",
            service="Voirie",
            elected_official="Adjointe à la voirie",
            answered_at=now,
            updated_at=now,
        )
        for r in recommendations
    )
    Milestone.objects.bulk_create(
        Milestone(
            answer=a,
            title="Études",
            target_date=timezone.localdate() + 30 * DAY,
            status="planned",
            updated_at=now,
        )
        for a in answers
    )


def _evaluations(n: int) -> None:
    evaluations = Evaluation.objects.bulk_create(
        Evaluation(workshop=w, outcome="met", explanation="Oui.", published_at=timezone.now())
        for w in _workshops(n)
    )
    Indicator.objects.bulk_create(
        Indicator(evaluation=e, name="Participants", value="12") for e in evaluations
    )


# Each list: how its rows are made, and its queries by name.
BUDGETS = {
    "workshops": (_workshops, ["workshops (neighbourhood, council)", "themes", "phases"]),
    "councils": (_councils, ["councils (territory)", "themes", "current mandates (members)"]),
    "meetings": (_meetings, ["meetings (workshop, council)", "agendas"]),
    "trainings": (_trainings, ["trainings", "themes", "sessions"]),
    "documents": (_documents, ["documents (workshop, council)", "versions"]),
    "conversations": (
        _conversations,
        ["conversations (workshop, latest map's id)", "their maps", "listed statements' numbers"],
    ),
    "recommendations": (
        _recommendations,
        [
            "the page's recommendations",
            "their follow-up values (answer, hearing, deadline)",
            "workshops",
            "themes",
            "hearing bodies",
            "milestones",
        ],
    ),
    "evaluations": (_evaluations, ["evaluations (workshop)", "indicators"]),
}


def _queries(client, address: str) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(address)
    assert answer.status_code == 200
    return len(queries), answer.json()


@pytest.mark.parametrize("rows", [10, 1000])
@pytest.mark.parametrize("name", list(BUDGETS))
def test_a_list_costs_the_same_queries_for_10_and_1000_rows(client, name, rows):
    make, named = BUDGETS[name]
    make(rows)

    count, answer = _queries(client, f"/api/v1/{name}/")

    assert len(answer["items"]) == min(rows, 50)
    assert count == len(named), named


@pytest.mark.parametrize("rows", [10, 1000])
def test_a_conversation_s_statements_cost_the_same_for_10_and_1000(client, rows):
    _statements(rows)
    conversation = Conversation.objects.get()

    # The conversation (with its latest map's id), then the page of statements.
    count, answer = _queries(client, f"/api/v1/conversations/{conversation.pk}/statements/")

    assert len(answer["items"]) == min(rows, 50)
    assert count == 2


def test_a_later_page_costs_the_same_as_the_first(client):
    _workshops(120)
    first_count, first = _queries(client, "/api/v1/workshops/")
    later_count, later = _queries(client, first["next"].removeprefix("http://testserver"))

    assert first_count == later_count == 3
    assert {w["slug"] for w in first["items"]}.isdisjoint(w["slug"] for w in later["items"])
