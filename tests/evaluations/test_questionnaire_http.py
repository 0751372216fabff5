"""Who may open the questionnaire and who may answer it, through HTTP, for every role at each
moment: the workshop's team opens it in the 90 days after the workshop's end; its invited
participants answer while it is open (30 days), and nobody else, ever. Nothing is written
when refused."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from ateliers.evaluations.models import EVALUATION_WINDOW_DAYS, Invitation, Questionnaire, Response
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, WorkshopFactory
from tests.roles import ROLES, WORKSHOP_MANAGERS, assert_refused, log_in, person_for

from .questionnaire_data import opened, url

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
MINUTE = datetime.timedelta(minutes=1)

# When the team tries to open it: days after the workshop's end (None: during its last phase).
OPENING_MOMENTS = {
    "presentation phase": None,
    "just after the end": 0,
    "89 days after the end": EVALUATION_WINDOW_DAYS - 1,
    "91 days after the end": EVALUATION_WINDOW_DAYS + 1,
}
OPENING_ALLOWED = {"just after the end", "89 days after the end"}


def _workshop_at(moment: str):
    if OPENING_MOMENTS[moment] is None:
        return WorkshopFactory(phase=PhaseKind.PRESENTATION), timezone.now()
    workshop = WorkshopFactory(finished=True)
    return workshop, workshop.ends_at + OPENING_MOMENTS[moment] * DAY + MINUTE


@pytest.mark.parametrize("moment", list(OPENING_MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_opening_the_questionnaire(client, role, moment):
    workshop, when = _workshop_at(moment)
    ParticipationFactory(workshop=workshop)
    person = person_for(role, workshops=[workshop])

    # Logged in then: a session opened months before would have expired.
    with time_machine.travel(when, tick=False):
        if person.is_authenticated:
            client.force_login(person)
        confirmation = client.get(url("questionnaire_open", workshop))
        opening = client.post(url("questionnaire_open", workshop))

    if role in WORKSHOP_MANAGERS and moment in OPENING_ALLOWED:
        assert confirmation.status_code == 200
        # The participant of the workshop, and the one the role added.
        invited = 2 if role == "participant" else 1
        assert f"{invited} participant" in confirmation.content.decode()
        assert opening.status_code == 302
        questionnaire = Questionnaire.objects.get()
        assert questionnaire.invited == invited == Invitation.objects.count()
        assert questionnaire.closes_at - questionnaire.opens_at == 30 * DAY
    else:
        assert_refused(confirmation, role)
        assert_refused(opening, role)
        assert not Questionnaire.objects.exists() and not Invitation.objects.exists()


ANSWERS = {"understood": "4", "again": "yes"}


@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
@pytest.mark.parametrize("role", ROLES)
def test_answering_while_open_and_not_once_closed(client, role, closed):
    workshop = WorkshopFactory(finished=True)
    person = person_for(role, workshops=[workshop])
    questionnaire, _people = opened(workshop, participants=2)
    # A minute before it closes, or the very moment it closes.
    when = questionnaire.closes_at - (0 * MINUTE if closed else MINUTE)

    with time_machine.travel(when, tick=False):
        if person.is_authenticated:
            client.force_login(person)
        page = client.get(url("questionnaire", workshop))
        answered = client.post(url("questionnaire", workshop), ANSWERS, follow=False)
        after = client.get(url("questionnaire", workshop)).content.decode()

    filled = Response.objects.filter(questionnaire=questionnaire, filled=True)
    text = page.content.decode()
    assert page.status_code == 200
    if role == "participant" and not closed:
        assert "Send my answers" in text
        assert answered.status_code == 302
        assert filled.count() == 1 and filled.get().understood == 4
        assert Invitation.objects.get(user=person).answered
        assert "Thank you: your answers are recorded anonymously." in after
        return
    assert "Send my answers" not in text
    assert not filled.exists() and not Invitation.objects.filter(answered=True).exists()
    if closed:
        assert "This questionnaire closed on" in text
    elif role == "anonymous":
        assert "to answer, if you took part in this workshop" in text
    else:
        assert "for the people who took part in the workshop when it opened" in text
    if role == "participant":
        # Invited, but too late: told so on the page, not with an error.
        assert answered.status_code == 302
        assert "This questionnaire is closed." in after
    else:
        assert_refused(answered, role)


def test_before_the_team_opens_it_the_page_says_so(client):
    workshop = WorkshopFactory(finished=True)
    log_in(client, "participant", workshops=[workshop])

    page = client.get(url("questionnaire", workshop))
    sent = client.post(url("questionnaire", workshop), ANSWERS)

    assert "The questionnaire is not open yet." in page.content.decode()
    assert sent.status_code == 302
    assert not Questionnaire.objects.exists()


def test_a_participant_who_joins_after_the_opening_is_not_invited(client):
    questionnaire, _people = opened()
    late = ParticipationFactory(workshop=questionnaire.workshop).user
    client.force_login(late)

    page = client.get(url("questionnaire", questionnaire.workshop)).content.decode()
    sent = client.post(url("questionnaire", questionnaire.workshop), ANSWERS, follow=True)

    assert "for the people who took part in the workshop when it opened" in page
    assert "for the people who took part in the workshop when it opened" in (sent.content.decode())
    assert not Response.objects.filter(filled=True).exists()


@pytest.mark.parametrize("role", ROLES)
def test_nobody_sees_a_draft_workshop_s_questionnaire_pages_but_its_team(client, role):
    from ateliers.workshops.models import Workshop

    workshop = WorkshopFactory(status=Workshop.Status.DRAFT)
    log_in(client, role, workshops=[workshop])
    for name in ("questionnaire", "results"):
        status = client.get(url(name, workshop)).status_code
        assert status == (200 if role in WORKSHOP_MANAGERS else 404), name
