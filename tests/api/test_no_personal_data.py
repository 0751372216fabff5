"""The open data never shows an e-mail address, a private registration or a named vote: every
address of the API (found from its schema), every page of every list, every CSV export and
feed, on the demo city with people marked so that their names cannot appear by chance."""

import re
from xml.sax.saxutils import escape

import pytest
from django.utils import timezone

from ateliers.core.models import User
from ateliers.core.waitlist import RegistrationStatus
from ateliers.councils.models import Mandate
from ateliers.meetings.models import MeetingRegistration
from ateliers.opinions.models import Statement, StatementStatus, Vote, Voter
from ateliers.recommendations.models import Adoption, Ballot, Support
from ateliers.trainings.models import SessionRegistration, TrainingSession
from tests.factories import MeetingFactory, UserFactory

from .walk import walk

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_city")]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def _marked(role: str):
    return UserFactory(display_name=f"Quentin Secret{role}", email=f"secret-{role}@private.test")


@pytest.fixture
def private_people(settings):
    """One person each for what must stay private, besides the demo's own."""
    settings.API_RATE_LIMIT = 100_000  # the walk makes many requests
    now = timezone.now()
    # The organiser's contact is kept for the team, not published.
    meeting = MeetingFactory(
        registration_required=True, capacity=1, contact="organiser@private.test"
    )
    registrant = _marked("Registrant")
    MeetingRegistration.objects.create(
        meeting=meeting, user=registrant, status=RegistrationStatus.REGISTERED
    )
    session = TrainingSession.objects.order_by("pk").first()
    waiting = _marked("Waitlisted")
    SessionRegistration.objects.create(
        session=session, user=waiting, status=RegistrationStatus.WAITLISTED
    )
    statement = Statement.objects.filter(status=StatementStatus.ACCEPTED).first()
    voter = _marked("Voter")
    # Written as rows: the vote service asks for a running debate phase.
    number = Voter.objects.create(
        conversation=statement.conversation, user=voter, number=10_000, created_at=now
    )
    Vote.objects.create(
        conversation=statement.conversation,
        voter=number,
        statement=statement,
        value=Vote.Value.AGREE,
        changed_at=now,
    )
    # An adopted recommendation (listed with the city's answer) supported and voted on.
    adoption = Adoption.objects.filter(recommendation__status="adopted").first()
    supporter = _marked("Supporter")
    Support.objects.create(recommendation=adoption.recommendation, user=supporter)
    balloter = _marked("Ballot")
    Ballot.objects.create(adoption=adoption, user=balloter)
    return [registrant, waiting, voter, supporter, balloter]


def _private_names(marked) -> set[str]:
    """The names of people who registered or voted, but hold no council mandate (members'
    public names are public)."""
    members = set(Mandate.objects.values_list("user__display_name", flat=True))
    private = set()
    for model in (MeetingRegistration, SessionRegistration, Voter, Support, Ballot):
        private |= set(model.objects.values_list("user__display_name", flat=True))
    return {name for name in private - members if name} | {p.display_name for p in marked}


def test_no_address_shows_an_email_a_registrant_or_a_voter(client, private_people):
    names = _private_names(private_people)
    emails = set(User.objects.values_list("email", flat=True))
    answered = walk(client)
    assert len(answered) > 20
    for address, status, body in answered:
        assert status == 200, address
        assert not EMAIL.search(body), (address, EMAIL.search(body).group())
        assert not [email for email in emails if email in body], address
        shown = [name for name in names if name in body]
        assert not shown, (address, shown)


def test_the_answers_feed_gives_the_city_s_latest_answers_first(client):
    from ateliers.townhall.models import Answer

    answers = Answer.objects.filter(recommendation__isnull=False).order_by("-answered_at", "-pk")
    assert answers.exists()

    feed = client.get("/api/v1/feeds/answers.atom").content.decode()

    titles = [a.recommendation.title for a in answers[:30]]
    positions = [feed.index(escape(title)) for title in titles]
    assert positions == sorted(positions)
