"""What each list of the API shows, and what it never shows: the public pages' rows only."""

import datetime

import pytest
from django.utils import timezone

from ateliers.councils.models import Mandate
from ateliers.evaluations.models import Evaluation, Indicator
from ateliers.opinions.models import Statement
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    CouncilFactory,
    DocumentFactory,
    MandateFactory,
    MeetingFactory,
    StatementFactory,
    TrainingSessionFactory,
    UserFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def items(client, name: str) -> list[dict]:
    response = client.get(f"/api/v1/{name}/")
    assert response.status_code == 200
    return response.json()["items"]


def test_workshops_are_the_published_and_archived_ones_with_their_phases(client):
    running = WorkshopFactory(title="La place", phase=PhaseKind.DEBATE)
    WorkshopFactory(title="Archivé", status=Workshop.Status.ARCHIVED, finished=True)
    WorkshopFactory(title="Brouillon", status=Workshop.Status.DRAFT)

    listed = items(client, "workshops")

    assert {w["title"] for w in listed} == {"La place", "Archivé"}
    place = next(w for w in listed if w["slug"] == running.slug)
    assert place["current_phase"] == "debate"
    assert [p["kind"] for p in place["phases"]] == [
        "communication",
        "information",
        "debate",
        "recommendations",
        "presentation",
    ]
    assert place["phases"][0]["name"] == "Communication"
    assert place["neighbourhood"] == running.neighbourhood.name
    assert place["url"].endswith(f"/ateliers/{running.slug}/")


def test_a_draft_workshop_is_not_found(client):
    draft = WorkshopFactory(status=Workshop.Status.DRAFT)
    published = WorkshopFactory()

    assert client.get(f"/api/v1/workshops/{draft.slug}/").status_code == 404
    answer = client.get(f"/api/v1/workshops/{published.slug}/")
    assert answer.status_code == 200
    assert answer.json()["title"] == published.title


def test_councils_show_current_members_by_public_name_and_role(client):
    council = CouncilFactory(name="Conseil des Tilleuls")
    president = MandateFactory(
        council=council, role=Mandate.Role.PRESIDENT, user=UserFactory(display_name="Ana Rossi")
    )
    MandateFactory(
        council=council,
        user=UserFactory(display_name="Ancien Membre"),
        starts_on=timezone.localdate() - 800 * DAY,
        ends_on=timezone.localdate() - 400 * DAY,
    )
    MandateFactory(council=council, user=UserFactory(display_name=""))

    (listed,) = items(client, "councils")

    assert listed["name"] == "Conseil des Tilleuls"
    assert sorted((m["name"], m["role"]) for m in listed["members"]) == [
        ("Ana Rossi", "president"),
        ("Anonymous participant", "member"),
    ]
    assert president.user.email not in str(listed)


def test_meetings_of_a_draft_workshop_are_not_listed(client):
    MeetingFactory(title="Réunion publique", registration_required=True, capacity=30)
    MeetingFactory(title="Réunion du conseil", workshop=None, council=CouncilFactory())
    MeetingFactory(title="Réunion secrète", workshop=WorkshopFactory(status=Workshop.Status.DRAFT))

    listed = items(client, "meetings")

    assert {m["title"] for m in listed} == {"Réunion publique", "Réunion du conseil"}
    public = next(m for m in listed if m["title"] == "Réunion publique")
    assert public["seats_left"] == 30
    assert public["organiser"]["type"] == "workshop"


def test_trainings_list_their_sessions_and_seats_left(client):
    session = TrainingSessionFactory(capacity=12, registered_count=5)

    (training,) = items(client, "trainings")

    assert training["title"] == session.training.title
    (listed,) = training["sessions"]
    assert (listed["capacity"], listed["seats_left"], listed["cancelled"]) == (12, 7, False)


def test_documents_give_their_versions_metadata_and_download_address(client):
    document = DocumentFactory(pdf=True, title="Plan de la place")
    DocumentFactory(workshop=WorkshopFactory(status=Workshop.Status.DRAFT), title="Brouillon")

    (listed,) = items(client, "documents")

    assert listed["title"] == "Plan de la place"
    (version,) = listed["versions"]
    assert version["file_name"] == "document.pdf"
    assert version["size"] == document.current.size
    assert version["download_url"].endswith(f"/documents/{document.pk}/versions/1/")
    # A file's download address serves its content.
    assert client.get(version["download_url"]).status_code == 200


def test_only_published_evaluations_are_listed(client):
    published = Evaluation.objects.create(
        workshop=WorkshopFactory(finished=True),
        outcome="met",
        explanation="Atteint.",
        published_at=timezone.now(),
    )
    Indicator.objects.create(evaluation=published, name="Participants", target="50", value="61")
    Evaluation.objects.create(workshop=WorkshopFactory(finished=True), outcome="", explanation="")

    (listed,) = items(client, "evaluations")

    assert listed["outcome"] == "met"
    assert listed["indicators"] == [
        {"name": "Participants", "target": "50", "value": "61", "measured_by_platform": False}
    ]


def test_a_conversation_lists_its_accepted_statements_with_their_counts(client):
    statement = StatementFactory(text="Plus d'arbres.", agree_count=4, disagree_count=1)
    StatementFactory(conversation=statement.conversation, status=Statement.Status.REJECTED)
    StatementFactory(
        conversation__workshop=WorkshopFactory(status=Workshop.Status.DRAFT, phase=PhaseKind.DEBATE)
    )

    (conversation,) = items(client, "conversations")
    statements = items(client, f"conversations/{conversation['id']}/statements")

    assert conversation["map"] is None  # not computed yet
    assert statements == [
        {"number": 1, "text": "Plus d'arbres.", "seed": True, "agree": 4, "disagree": 1, "pass": 0}
    ]
