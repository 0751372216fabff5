"""`manage.py load_demo`: the demo city shows every phase, and loading it twice changes nothing."""

import io
import json
import zipfile
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from ateliers.activity.models import Action
from ateliers.core import demo as data
from ateliers.core.models import Neighbourhood, Theme, User
from ateliers.councils.models import Council, Mandate
from ateliers.debate.models import Contribution, ModerationEntry, Topic
from ateliers.documents.models import Document, DocumentVersion
from ateliers.meetings.models import Meeting, MeetingRegistration
from ateliers.opinions.models import Vote
from ateliers.proposals.models import WorkshopProposal
from ateliers.recommendations.models import Support
from ateliers.trainings.models import SessionRegistration, TrainingSession
from ateliers.workshops.models import Participation, Phase, Workshop
from ateliers.workshops.phases import PhaseKind

MODELS = [
    Action,
    Neighbourhood,
    Theme,
    User,
    EmailAddress,
    Council,
    Mandate,
    Workshop,
    Phase,
    Participation,
    WorkshopProposal,
    Document,
    DocumentVersion,
    Meeting,
    TrainingSession,
    SessionRegistration,
    Topic,
    Contribution,
    ModerationEntry,
]


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_city")]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_duplicates_nothing():
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first
    assert first["Neighbourhood"] == 8
    assert first["Theme"] == 6
    assert first["Workshop"] >= 12


def test_every_phase_has_a_published_workshop_running_now():
    published = Workshop.objects.published()
    for kind in PhaseKind:
        assert published.in_phase(kind).exists(), f"no published workshop in {kind.label}"
    assert published.upcoming().exists()
    assert published.finished().exists()
    assert Workshop.objects.filter(status=Workshop.Status.ARCHIVED).exists()
    assert Workshop.objects.filter(status=Workshop.Status.DRAFT).exists()
    assert set(Workshop.objects.values_list("kind", flat=True)) == {"neighbourhood", "city"}


def test_every_workshop_has_its_five_contiguous_phases():
    for workshop in Workshop.objects.prefetch_related("phases"):
        phases = workshop.ordered_phases
        assert [p.kind for p in phases] == list(PhaseKind)
        assert phases[0].starts_at == workshop.starts_at
        assert phases[-1].ends_at == workshop.ends_at
        for before, after in zip(phases, phases[1:], strict=False):
            assert before.ends_at == after.starts_at


def test_participant_count_matches_the_rows():
    workshops = Workshop.objects.annotate(rows=Count("participations"))
    assert any(w.rows for w in workshops)
    for workshop in workshops:
        assert workshop.participant_count == workshop.rows, workshop.slug
        assert workshop.capacity is None or workshop.rows <= workshop.capacity


def test_councils_of_every_kind_with_current_and_past_mandates():
    assert set(Council.objects.values_list("kind", flat=True)) == set(Council.Kind.values)
    # One neighbourhood council per neighbourhood, a citizens' council per priority one.
    for neighbourhood in Neighbourhood.objects.all():
        kinds = list(neighbourhood.councils.values_list("kind", flat=True))
        assert kinds.count("neighbourhood") == 1
        assert kinds.count("citizens") == (1 if neighbourhood.is_priority else 0)
    assert Neighbourhood.objects.filter(is_priority=True).count() == 2
    today = timezone.localdate()
    assert Mandate.objects.current(today).exists()
    assert Mandate.objects.past(today).exists()


def test_proposals_one_pending_one_accepted_into_a_workshop():
    assert WorkshopProposal.objects.filter(status="pending").exists()
    accepted = WorkshopProposal.objects.get(status="accepted")
    assert accepted.workshop.proposed_by == accepted.council


@pytest.mark.parametrize("account", data.ACCOUNTS, ids=lambda a: a["key"])
def test_demo_accounts_can_log_in(client, account):
    response = client.post(
        "/compte/login/", {"login": account["email"], "password": data.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    user = User.objects.get(email=account["email"])
    assert user.role == account["role"]


def test_the_administrator_can_use_django_admin(client):
    admin = User.objects.get(email=f"admin@{data.DEMO_DOMAIN}")
    assert admin.is_staff and admin.is_superuser
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200


def test_command_prints_the_logins():
    out = StringIO()
    call_command("load_demo", stdout=out)
    printed = out.getvalue()
    assert data.DEMO_PASSWORD in printed
    for account in data.ACCOUNTS:
        assert account["email"] in printed


def test_the_city_is_built_through_the_services_and_its_log_says_so():
    """The demo exercises the code people use: each workshop was created, published and
    joined through the services, which logged every step."""
    staff = User.objects.get(email=f"agente@{data.DEMO_DOMAIN}")
    published = Workshop.objects.exclude(status=Workshop.Status.DRAFT)
    for workshop in published:
        verbs = set(
            Action.objects.filter(target_id=workshop.pk, target_type__model="workshop").values_list(
                "verb", flat=True
            )
        )
        assert {"workshop.created", "workshop.published"} <= verbs, workshop
        assert ("workshop.joined" in verbs) == (workshop.participant_count > 0), workshop
    assert Action.objects.filter(verb="workshop.archived").count() == 1
    assert Action.objects.filter(verb="workshop.joined").count() == Participation.objects.count()
    assert Action.objects.filter(verb="mandate.created").count() == Mandate.objects.count()
    assert Action.objects.filter(verb="proposal.accepted", actor=staff).count() == 1


def test_documents_of_every_kind_each_readable(client):
    documents = Document.objects.select_related("current")
    kinds = {document.current.content_type or "link" for document in documents}
    assert {"application/pdf", "image/png", "text/csv", "link"} <= kinds
    assert documents.filter(version_count__gte=2).exists()
    assert documents.filter(council__isnull=False).exists()
    for version in DocumentVersion.objects.exclude(file=""):
        response = client.get(version.get_download_url())
        assert response.status_code == 200, version
        assert response["Content-Type"] == version.content_type


def test_meetings_of_every_kind_and_the_past_ones_have_their_minutes():
    assert set(Meeting.objects.values_list("kind", flat=True)) == set(Meeting.Kind.values)
    past = Meeting.objects.filter(ends_at__lt=timezone.now())
    assert past.exists() and not past.filter(closed_at__isnull=True).exists()
    assert Meeting.objects.filter(ends_at__gt=timezone.now(), registration_required=True).exists()


def test_a_full_training_session_with_a_waitlist_and_a_past_one_with_certificates():
    assert SessionRegistration.objects.filter(status="waitlisted").exists()
    assert SessionRegistration.objects.filter(attended=True).exists()


def test_a_debate_with_every_kind_of_contribution_and_a_hidden_one_in_its_log(client):
    topics = Topic.objects.all()
    kinds = set(Contribution.objects.filter(topic__in=topics).values_list("kind", flat=True))
    hidden = Contribution.objects.get(moderation=Contribution.Moderation.HIDDEN)

    assert kinds == {"for", "against", "question", "remark", ""}  # "": replies
    assert topics.exclude(synthesis="").exists() and topics.filter(closed_at__isnull=False).exists()
    log = client.get(f"/debat/atelier/{hidden.topic.workshop.slug}/moderation/").content.decode()
    assert hidden.moderation_reason.replace("'", "&#x27;") in log


# A demo resident's data download (site/account_views.py) holds all they did.


@pytest.mark.parametrize("email", ["amina@villebelle.example", "louis@villebelle.example"])
def test_a_demo_resident_personal_data_zip_holds_all_they_did(client, email):
    person = User.objects.get(email=email)
    client.force_login(person)

    with zipfile.ZipFile(io.BytesIO(client.get(reverse("my_data_zip")).content)) as archive:
        files = {
            name: json.loads(archive.read(name))
            for name in archive.namelist()
            if name.endswith(".json")
        }

    expected = {
        "workshops/participation.json": Participation.objects.filter(user=person),
        "debate/contribution.json": Contribution.objects.filter(author=person),
        "opinions/vote.json": Vote.objects.filter(voter__user=person),
        "meetings/meetingregistration.json": MeetingRegistration.objects.filter(user=person),
        "trainings/sessionregistration.json": SessionRegistration.objects.filter(user=person),
        "councils/mandate.json": Mandate.objects.filter(user=person),
        "recommendations/support.json": Support.objects.filter(user=person),
    }
    done = {name: set(rows.values_list("pk", flat=True)) for name, rows in expected.items()}
    # The demo gives her something of most kinds: the test would prove little otherwise.
    assert sum(1 for pks in done.values() if pks) >= 2, done
    for name, pks in done.items():
        assert {row["id"] for row in files.get(name, [])} == pks, name
    assert files["account.json"]["email"] == email


def test_the_demo_resident_follows_and_has_news():
    from ateliers.notifications.models import Follow, Notification

    alice = User.objects.get(email="habitante@villebelle.example")
    assert Follow.objects.filter(user=alice).count() >= 2
    assert Notification.objects.filter(recipient=alice).exists()
    assert (
        alice.unread_notifications
        == Notification.objects.filter(recipient=alice, read_at=None).count()
    )
