"""The questionnaire's pages as a participant and the team use them: the form and what it
says of anonymity, an answer sent twice (a double click, another tab), a form that answers
nothing or sends what no option offers, and the team opening the questionnaire."""

import re

import pytest

from ateliers.evaluations.models import Invitation, Questionnaire, Response
from ateliers.evaluations.selectors_questionnaire import results_of
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

from .questionnaire_data import KNOWN_ANSWERS, answer_all, opened, url

pytestmark = pytest.mark.django_db

ANSWERS = {"understood": "2", "fair": "5", "again": "maybe", "change": "Plus de temps."}


@pytest.fixture
def invited(client):
    questionnaire, people = opened(participants=6)
    client.force_login(people[0])
    return questionnaire, people


def test_the_form_asks_each_statement_in_a_fieldset_and_says_how_it_stays_anonymous(
    client, invited
):
    questionnaire, _people = invited
    html = client.get(url("questionnaire", questionnaire.workshop)).content.decode()

    legends = re.findall(r"<legend>(.*?)</legend>", html)
    assert legends == [
        "I understood the issues",
        "I could speak and give my opinion",
        "I was listened to",
        "The facilitation was fair",
        "The workshop influenced the result",
        "Would you take part in a workshop again?",
        "About you (optional)",
    ]
    # Five answers on each statement's scale, three to "again".
    assert len(re.findall(r'type="radio" name="understood"', html)) == 5
    assert len(re.findall(r'type="radio" name="again"', html)) == 3
    for label in ("Strongly disagree", "Neither agree nor disagree", "Strongly agree"):
        assert label in html
    for name in ("change", "age_band", "first_time", "neighbourhood"):
        assert f'name="{name}"' in html
    assert "nothing links the two" in html
    assert questionnaire.workshop.get_absolute_url() in html


def test_answering_twice_through_the_pages_counts_once(client, invited):
    questionnaire, people = invited
    answer_all(questionnaire, people[1:], KNOWN_ANSWERS)
    before = results_of(questionnaire, with_free_answers=True, now=questionnaire.closes_at)

    first = client.post(url("questionnaire", questionnaire.workshop), ANSWERS, follow=True)
    assert "Thank you: your answers are recorded anonymously." in first.content.decode()
    assert "Send my answers" not in first.content.decode()
    after_first = results_of(questionnaire, with_free_answers=True, now=questionnaire.closes_at)
    assert after_first.answered == before.answered + 1

    # The same form sent again (the back button, another tab), other answers this time.
    second = client.post(
        url("questionnaire", questionnaire.workshop), {**ANSWERS, "understood": "5"}, follow=True
    )

    assert second.status_code == 200
    text = second.content.decode()
    assert "You have already answered this questionnaire: thank you." in text
    assert "Send my answers" not in text
    again = results_of(questionnaire, with_free_answers=True, now=questionnaire.closes_at)
    assert again.answered == after_first.answered
    assert [chart.bars for chart in again.ratings] == [chart.bars for chart in after_first.ratings]
    assert list(again.free_answers) == list(after_first.free_answers)
    assert Response.objects.filter(filled=True, understood=5).count() == 1  # KNOWN_ANSWERS'
    # Coming back later: the page says it, without the form.
    later = client.get(url("questionnaire", questionnaire.workshop)).content.decode()
    assert "You have answered this questionnaire." in later
    assert "Send my answers" not in later


def test_a_double_click_gets_no_error_page(client, invited):
    questionnaire, _people = invited
    answers = [client.post(url("questionnaire", questionnaire.workshop), ANSWERS) for _ in "ab"]

    assert [answer.status_code for answer in answers] == [302, 302]
    page = client.get(answers[1]["Location"]).content.decode()
    assert "You have already answered this questionnaire: thank you." in page
    assert Response.objects.filter(filled=True).count() == 1


def test_a_form_that_answers_nothing_says_so_and_keeps_nothing(client, invited):
    questionnaire, people = invited
    sent = client.post(url("questionnaire", questionnaire.workshop), {"age_band": "30_44"})

    assert sent.status_code == 200
    text = sent.content.decode()
    assert "Please answer at least one question." in text
    assert 'value="30_44" selected' in text  # what was chosen stays chosen
    assert not Response.objects.filter(filled=True).exists()
    assert not Invitation.objects.get(user=people[0]).answered


@pytest.mark.parametrize(
    "field, value",
    [("understood", "7"), ("again", "always"), ("age_band", "200"), ("neighbourhood", "99999")],
)
def test_an_answer_no_option_offers_is_refused_on_the_form(client, invited, field, value):
    questionnaire, _people = invited
    sent = client.post(url("questionnaire", questionnaire.workshop), {**ANSWERS, field: value})

    assert sent.status_code == 200
    assert "The form could not be sent." in sent.content.decode()
    assert not Response.objects.filter(filled=True).exists()


def test_the_about_you_answers_are_kept(client, invited):
    questionnaire, _people = invited
    neighbourhood = questionnaire.workshop.neighbourhood
    client.post(
        url("questionnaire", questionnaire.workshop),
        {
            **ANSWERS,
            "age_band": "75_plus",
            "first_time": "no",
            "neighbourhood": neighbourhood.pk,
        },
    )
    kept = Response.objects.get(filled=True)
    assert (kept.understood, kept.fair, kept.again, kept.change) == (
        2,
        5,
        "maybe",
        "Plus de temps.",
    )
    assert (kept.age_band, kept.first_time, kept.neighbourhood) == ("75_plus", False, neighbourhood)


def test_the_team_confirms_then_invites_everyone(client):
    workshop = WorkshopFactory(finished=True)
    for _ in range(3):
        ParticipationFactory(workshop=workshop)
    team = UserFactory(role="facilitator")
    workshop.facilitators.add(team)
    client.force_login(team)

    confirmation = client.get(url("questionnaire_open", workshop)).content.decode()
    assert "3 participants will be invited by e-mail" in confirmation
    assert "for 30 days" in confirmation
    assert not Questionnaire.objects.exists()

    opened_page = client.post(url("questionnaire_open", workshop), follow=True)
    assert opened_page.redirect_chain[-1][0] == url("results", workshop)
    assert "3 participants are invited" in opened_page.content.decode()
    assert Questionnaire.objects.get().invited == 3

    # Sent again (a double click): said, not done twice.
    again = client.post(url("questionnaire_open", workshop), follow=True)
    assert "The questionnaire is already open." in again.content.decode()
    assert Questionnaire.objects.get().invited == Invitation.objects.count() == 3
    assert (
        "3 participants were invited"
        in client.get(url("questionnaire_open", workshop)).content.decode()
    )
