"""A person downloads everything the platform holds about them, and deletes their account:
what they wrote stays as a deleted participant's, their votes stay counted but unlinked,
their registrations to come are cancelled and the waitlists move on."""

import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from ateliers.activity.models import Action
from ateliers.core.waitlist import RegistrationStatus
from ateliers.councils.models import Mandate
from ateliers.meetings.models import MeetingRegistration
from ateliers.meetings.services import meeting_register
from ateliers.opinions.models import Vote, Voter
from ateliers.opinions.services import vote_cast
from ateliers.recommendations.services import support_add
from ateliers.site.account_deletion import AccountKeptByTheCity, account_delete
from ateliers.trainings.services import session_register
from ateliers.workshops.models import Capacity, Participation
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.services.participation import workshop_join
from tests.factories import (
    DAY,
    ContributionFactory,
    ConversationFactory,
    MandateFactory,
    MeetingFactory,
    ParticipationFactory,
    StatementFactory,
    TrainingSessionFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.roles import person_for
from tests.townhall.followup_factories import adopted

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
DELETE = reverse("delete_account")


def unzip(content: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {
            name: archive.read(name).decode()
            if name.endswith(".txt")
            else json.loads(archive.read(name))
            for name in archive.namelist()
        }


@pytest.fixture
def resident():
    return UserFactory(email="nadia@example.org", display_name="Nadia Benali")


@pytest.fixture
def busy_resident(resident):
    """A resident who did one of each thing: joined, wrote, voted, registered, supported,
    sat on a council."""
    workshop = WorkshopFactory(phase=PhaseKind.DEBATE)
    ParticipationFactory(workshop=workshop, user=resident)
    ContributionFactory(author=resident, topic__workshop=workshop, text="Plus d'arbres rue Lagrive")
    conversation = ConversationFactory(workshop=workshop)
    statement = StatementFactory(conversation=conversation)
    vote_cast(conversation=conversation, statement_id=statement.pk, user=resident, value=1)
    meeting_register(meeting=MeetingFactory(registration_required=True, capacity=10), user=resident)
    session_register(session=TrainingSessionFactory(), user=resident)
    support_add(recommendation=adopted(), by=resident)
    MandateFactory(user=resident)
    return resident


# The download


def test_the_zip_holds_the_account_and_everything_the_person_did(client, busy_resident):
    ContributionFactory(author=UserFactory(email="autre@example.org"), text="Pas à moi")
    client.force_login(busy_resident)

    response = client.get(reverse("my_data_zip"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    files = unzip(response.content)
    assert files["account.json"]["email"] == "nadia@example.org"
    assert files["account.json"]["display_name"] == "Nadia Benali"
    assert "password" not in files["account.json"]
    for name in (
        "workshops/participation.json",
        "debate/contribution.json",
        "opinions/voter.json",
        "opinions/vote.json",
        "meetings/meetingregistration.json",
        "trainings/sessionregistration.json",
        "recommendations/support.json",
        "councils/mandate.json",
        "account/emailaddress.json",
    ):
        assert name in files, f"{name} missing from {sorted(files)}"
    assert files["debate/contribution.json"][0]["text"] == "Plus d'arbres rue Lagrive"
    assert files["opinions/vote.json"][0]["value"] == 1
    whole = json.dumps(files, ensure_ascii=False)
    assert "Pas à moi" not in whole and "autre@example.org" not in whole
    assert "README.txt" in files


def test_the_page_offers_the_download_and_the_deletion(client, resident):
    client.force_login(resident)

    page = client.get(reverse("my_data")).content.decode()

    assert reverse("my_data_zip") in page and DELETE in page


def test_a_visitor_is_asked_to_log_in(client):
    for name in ("my_data", "my_data_zip", "delete_account"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/compte/login/" in response["Location"], name


# The deletion


def test_the_person_deletes_their_account_and_is_logged_out(client, busy_resident):
    contribution = ContributionFactory(author=busy_resident, text="Un banc devant l'école")
    client.force_login(busy_resident)

    response = client.post(DELETE, {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302 and response["Location"] == reverse("home")
    account = get_user_model().objects.get(pk=busy_resident.pk)
    assert account.deleted_at is not None and not account.is_active
    assert "nadia" not in account.email and account.display_name == ""
    assert not account.emailaddress_set.exists()
    # Logged out, and the old password no longer opens the account.
    assert client.get(reverse("profile")).status_code == 302
    assert not client.login(email="nadia@example.org", password=PASSWORD)
    # What they wrote stays, under "deleted participant".
    topic = client.get(contribution.topic.get_absolute_url()).content.decode()
    assert "Un banc devant" in topic
    assert "Deleted participant" in topic
    assert "Nadia Benali" not in topic


def test_the_votes_stay_counted_but_no_longer_point_at_the_account(busy_resident):
    votes, supports = Vote.objects.count(), busy_resident.recommendation_supports.count()
    support = busy_resident.recommendation_supports.get()

    account_delete(user=busy_resident)

    assert Vote.objects.count() == votes == 1
    assert Voter.objects.filter(user=busy_resident).count() == 0
    assert Voter.objects.filter(user=None).count() == 1
    support.recommendation.refresh_from_db()
    assert support.recommendation.support_count == supports == 1


def test_registrations_to_come_are_cancelled_and_the_first_waiting_takes_the_seat(resident):
    meeting = MeetingFactory(registration_required=True, capacity=1)
    meeting_register(meeting=meeting, user=resident)
    waiting = UserFactory()
    meeting_register(meeting=meeting, user=waiting)
    past = MeetingFactory(registration_required=True, capacity=5, starts_at=timezone.now() + DAY)
    meeting_register(meeting=past, user=resident)

    later = timezone.now() + 2 * DAY
    account_delete(user=resident, now=later)

    mine = MeetingRegistration.objects.get(meeting=meeting, user=resident)
    assert mine.status == RegistrationStatus.CANCELLED
    theirs = MeetingRegistration.objects.get(meeting=meeting, user=waiting)
    assert theirs.status == RegistrationStatus.REGISTERED
    # A meeting that took place keeps its record of who registered.
    kept = MeetingRegistration.objects.get(meeting=past, user=resident)
    assert kept.status == RegistrationStatus.REGISTERED


def test_workshops_still_open_are_left_and_mandates_end_today(resident):
    open_workshop = WorkshopFactory(phase=PhaseKind.COMMUNICATION)
    workshop_join(workshop=open_workshop, user=resident, capacity=Capacity.RESIDENT)
    mandate = MandateFactory(user=resident)
    future = MandateFactory(user=resident, starts_on=timezone.localdate() + 30 * DAY)

    account_delete(user=resident)

    assert not Participation.objects.filter(workshop=open_workshop, user=resident).exists()
    open_workshop.refresh_from_db()
    assert open_workshop.participant_count == 0
    mandate.refresh_from_db()
    assert mandate.ends_on == timezone.localdate()
    assert not Mandate.objects.filter(pk=future.pk).exists()


def test_the_log_records_the_deletion_without_the_name(resident):
    account_delete(user=resident)

    action = Action.objects.get(verb="account.deleted")
    assert "Nadia" not in action.target_label


def test_a_wrong_password_or_no_confirmation_deletes_nothing(client, resident):
    client.force_login(resident)

    wrong = client.post(DELETE, {"password": "pas-le-bon", "confirm": "on"})
    unconfirmed = client.post(DELETE, {"password": PASSWORD})

    assert wrong.status_code == unconfirmed.status_code == 200
    assert "This is not your password." in wrong.content.decode()
    assert unconfirmed.context["form"].errors["confirm"]
    resident.refresh_from_db()
    assert resident.deleted_at is None and resident.is_active


def test_deleting_twice_does_the_work_once(resident):
    account_delete(user=resident)
    account_delete(user=resident)

    assert Action.objects.filter(verb="account.deleted").count() == 1


@pytest.mark.parametrize("role", ["city_staff", "administrator"])
def test_an_account_of_the_city_team_is_closed_by_an_administrator(client, role):
    person = person_for(role)
    client.force_login(person)

    assert client.get(DELETE).status_code == 403
    assert client.post(DELETE, {"password": PASSWORD, "confirm": "on"}).status_code == 403
    with pytest.raises(AccountKeptByTheCity):
        account_delete(user=person)
    person.refresh_from_db()
    assert person.deleted_at is None
