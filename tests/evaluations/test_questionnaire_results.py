"""The questionnaire's results page: the counts for everyone, the charts only from five
answers on, with the shares and averages of known answers; the free answers for the
workshop's team only; the same queries for 5 answers as for 500."""

import re

import pytest
from django.utils.html import escape

from ateliers.evaluations.models import Questionnaire, Response
from ateliers.evaluations.selectors_questionnaire import results_of
from tests.factories import NeighbourhoodFactory
from tests.roles import ROLES, WORKSHOP_MANAGERS, person_for

from .questionnaire_data import KNOWN_ANSWERS, answer_all, closed, opened, url

pytestmark = pytest.mark.django_db

FREE_ANSWERS = [given["change"] for given in KNOWN_ANSWERS if "change" in given]


def read(client, workshop, role: str = "anonymous") -> str:
    person = person_for(role, workshops=[workshop])
    if person.is_authenticated:
        client.force_login(person)
    response = client.get(url("results", workshop))
    assert response.status_code == 200
    return response.content.decode()


def rows(html: str, slug: str) -> list[tuple[str, str]]:
    """The table of one chart (its text alternative), as (label, value) rows."""
    figure = re.search(rf"<figure[^>]*chart-{slug}-caption.*?</figure>", html, re.S).group(0)
    return re.findall(r'<th scope="row">(.*?)</th><td>(.*?)</td>', figure)


@pytest.fixture
def answered():
    """A questionnaire with the known answers of five of its seven invited participants."""
    questionnaire, people = opened(participants=7)
    answer_all(questionnaire, people, KNOWN_ANSWERS)
    return closed(questionnaire)


def test_four_answers_are_too_few_to_publish(client):
    questionnaire, people = opened(participants=7)
    answer_all(questionnaire, people, KNOWN_ANSWERS[:4])
    closed(questionnaire)

    for role in ("anonymous", "facilitator"):
        html = read(client, questionnaire.workshop, role)
        assert "Too few answers to publish: results show from 5 answers." in html
        assert "4 answers so far." in html
        assert re.search(r"<dt>Participants invited</dt><dd>7</dd>", html)
        assert "<figure" not in html
        # Nor the free answers, even for the team.
        assert escape(FREE_ANSWERS[0]) not in html


def test_five_answers_publish_the_shares_and_averages(client, answered):
    html = read(client, answered.workshop)

    assert "Too few answers" not in html
    assert re.search(r"<dt>Answers</dt><dd>5</dd>", html)
    # "understood": 5, 4, 4, 2 and one left unanswered: shares of the four who answered.
    assert rows(html, "rated-understood") == [
        ("Strongly disagree", "0 % (0)"),
        ("Disagree", "25 % (1)"),
        ("Neither agree nor disagree", "0 % (0)"),
        ("Agree", "50 % (2)"),
        ("Strongly agree", "25 % (1)"),
    ]
    assert "I understood the issues (4 answers)" in html
    # "could_speak": 5, 4, 3, 1 → 3.25; "understood" → 3.75: halves rounded up.
    assert rows(html, "averages") == [
        ("I understood the issues", "3.8 / 5"),
        ("I could speak and give my opinion", "3.3 / 5"),
    ]
    # Nobody rated "I was listened to": no chart of zeros, and no average.
    assert "I was listened to (0 answers)" in html
    assert rows(html, "rated-listened_to") == []
    assert rows(html, "again") == [("Yes", "60 % (3)"), ("Maybe", "20 % (1)"), ("No", "20 % (1)")]
    assert rows(html, "age")[2] == ("30 to 44", "67 % (2)")
    assert rows(html, "age")[4] == ("60 to 74", "33 % (1)")
    assert rows(html, "first-time") == [("Yes", "67 % (2)"), ("No", "33 % (1)")]
    assert answered.workshop.get_absolute_url() in html


def test_the_neighbourhoods_of_those_who_said(client):
    questionnaire, people = opened(participants=6)
    centre, gare = NeighbourhoodFactory(name="Centre-ville"), NeighbourhoodFactory(name="Gare")
    answer_all(
        questionnaire,
        people,
        [{"again": "yes", "neighbourhood": place} for place in (gare, centre, gare, None, gare)],
    )
    closed(questionnaire)
    assert rows(read(client, questionnaire.workshop), "neighbourhood") == [
        ("Gare", "75 % (3)"),
        ("Centre-ville", "25 % (1)"),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_the_free_answers_are_for_the_workshop_s_team_only(client, answered, role):
    html = read(client, answered.workshop, role)

    shown = [escape(text) in html for text in FREE_ANSWERS]
    if role in WORKSHOP_MANAGERS:
        assert shown == [True, True]
        assert "What should change" in html
    else:  # the public, the participants, an elected official…
        assert shown == [False, False]
        assert "What should change" not in html
    assert "Strongly agree" in html  # the rest is public


def test_before_the_questionnaire_opens_the_page_says_so(client):
    questionnaire, _people = opened(participants=1)
    workshop = questionnaire.workshop
    Questionnaire.objects.all().delete()

    html = read(client, workshop, "facilitator")
    assert "The participants have not been invited to the questionnaire yet." in html
    assert url("questionnaire_open", workshop) in html


def _answers(questionnaire, count: int) -> None:
    """`count` answers, written straight into the slots (the service's path is tested
    elsewhere; here only the reading's cost matters)."""
    Response.objects.filter(questionnaire=questionnaire).delete()
    Response.objects.bulk_create(
        Response(
            questionnaire=questionnaire,
            filled=True,
            understood=1 + n % 5,
            again="yes",
            age_band="30_44",
            first_time=n % 2 == 0,
            neighbourhood=questionnaire.workshop.neighbourhood,
            change=f"Réponse {n}",
        )
        for n in range(count)
    )


@pytest.mark.parametrize("role", ["anonymous", "facilitator"])
def test_the_same_queries_for_five_answers_and_for_five_hundred(
    client, django_assert_num_queries, role
):
    small, _people = opened(participants=1)
    large, _people = opened(participants=1)
    _answers(small, 5)
    _answers(large, 500)
    small, large = closed(small), closed(large)
    person = person_for(role, workshops=[small.workshop, large.workshop])
    if person.is_authenticated:
        client.force_login(person)
    # 1-3 the workshop, its phases, its facilitators; 4 the questionnaire; 5 every count in
    # one aggregate; 6 the neighbourhoods. The team: before them, 1 the session's user;
    # after, 7 the free answers' count, 8 their page of 50.
    budget = 6 if role == "anonymous" else 9
    for questionnaire in (small, large):
        with django_assert_num_queries(budget):
            html = client.get(url("results", questionnaire.workshop)).content.decode()
        assert "Too few answers" not in html
    assert html.count("<li>Réponse") == (50 if role == "facilitator" else 0)
    assert rows(html, "rated-understood")[0] == ("Strongly disagree", "20 % (100)")


def test_the_results_read_from_the_selector_match_the_page(answered):
    results = results_of(answered, with_free_answers=False)
    assert results.published and results.answered == 5 and results.invited == 7
    assert results.free_answers is None
    assert [bar.value for bar in results.averages.bars] == [3.8, 3.3]


def test_nothing_is_published_while_answers_still_come_in(client):
    """Comparing the results before and after a known person answers would tell what they
    answered: they wait for the questionnaire to close."""
    questionnaire, people = opened(participants=7)
    answer_all(questionnaire, people, KNOWN_ANSWERS)

    html = read(client, questionnaire.workshop)

    assert "published when the questionnaire closes" in html
    assert "5 answers so far" in html
    assert "rated-understood" not in html
    closed(questionnaire)
    assert "rated-understood" in read(client, questionnaire.workshop)
