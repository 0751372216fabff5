"""The councils' submissions: the town hall team records them, answers them and follows them
with milestones; everyone reads the list and each one's road."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers.townhall.models import AgendaItem, Answer, CouncilSubmission, Milestone, Session
from tests.factories import CouncilFactory
from tests.roles import CITY_TEAM, ROLES, assert_refused, log_in

from .followup_factories import a_body, answered, milestone, submission

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize("role", ROLES)
def test_the_town_hall_team_records_answers_and_follows_a_submission(client, role):
    council = CouncilFactory(name="Conseil des jeunes")
    log_in(client, role, council=council)

    created = client.post(
        reverse("townhall:submission_create"),
        {
            "council": council.pk,
            "kind": "opinion",
            "title": "Un skatepark",
            "text": "Au bord du canal.",
            "answer_months": "4",
        },
    )
    if role not in CITY_TEAM:
        assert_refused(created, role)
        assert not CouncilSubmission.objects.exists()
        sent = submission(council)
    else:
        sent = CouncilSubmission.objects.get()
        assert created.status_code == 302 and created["Location"] == sent.get_absolute_url()
        assert (sent.kind, sent.answer_months) == ("opinion", 4)

    given = client.post(
        reverse("townhall:answer_submission", args=[sent.pk]),
        {"status": "accepted", "service": "Sports", "elected_official": "Adjoint aux sports"},
    )
    added = client.post(
        reverse("townhall:submission_milestone_add", args=[sent.pk]),
        {"title": "Concertation", "target_date": "2026-12-01"},
    )
    if role in CITY_TEAM:
        assert given.status_code == added.status_code == 302
        assert Answer.objects.get().submission == sent
        assert Milestone.objects.get().title == "Concertation"
    else:
        assert_refused(given, role)
        assert_refused(added, role)
        assert not Answer.objects.exists() and not Milestone.objects.exists()


def test_the_list_shows_the_submissions_and_their_answers(client):
    answered(submission=submission(title="Des bancs"), status=Answer.Status.REJECTED)
    submission(title="Un jardin partagé")

    page = client.get(reverse("townhall:submissions")).content.decode()

    assert "Des bancs" in page and "Rejected" in page
    assert "Un jardin partagé" in page and "Awaiting the city" in page


def test_a_submissions_road_from_the_agenda_to_its_milestones(client):
    sent = submission(title="Des bancs", answer_months=2)
    session = Session.objects.create(
        body=a_body(), starts_at=timezone.now() - 5 * DAY, place="Mairie"
    )
    AgendaItem.objects.create(
        session=session, position=1, kind="submission", title=sent.title, submission=sent
    )
    later = Session.objects.create(
        body=a_body("Conseil municipal"), starts_at=timezone.now() + 20 * DAY, place="Mairie"
    )
    AgendaItem.objects.create(
        session=later, position=1, kind="submission", title=sent.title, submission=sent
    )
    milestone(answered(submission=sent), title="Commande des bancs", progress=20)

    page = client.get(sent.get_absolute_url()).content.decode()

    for text in (
        "Proposal sent to the town hall",
        "Heard by Commission cadre de vie",
        "Next:</span> heard by Conseil municipal",
        "The city's answer: Accepted",
        "Milestone: Commande des bancs",
    ):
        assert text in page


def test_a_submission_without_hearing_says_what_comes_next(client):
    sent = submission(answer_months=2)

    page = client.get(sent.get_absolute_url()).content.decode()

    assert "Not scheduled yet" in page
    assert "Due 2 months after the hearing." in page
