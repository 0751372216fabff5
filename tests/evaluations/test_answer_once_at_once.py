"""The same person answering many times at the same instant answers once, and ten people at
once fill ten slots (PostgreSQL or SQLite)."""

import pytest

from ateliers.evaluations import questionnaire
from ateliers.evaluations.models import Invitation, Questionnaire, Response
from tests.concurrency import run_at_once
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _opened(participants):
    workshop = WorkshopFactory(finished=True)
    people = [ParticipationFactory(workshop=workshop).user for _ in range(participants)]
    opened = questionnaire.questionnaire_open(
        actor=UserFactory(role="city_staff"), workshop=workshop
    )
    return opened, people


def _answer(opened, person, rating):
    return lambda: questionnaire.questionnaire_answer(
        user=person,
        questionnaire=Questionnaire.objects.get(pk=opened.pk),
        answers={"understood": rating},
    )


def test_the_same_person_answering_ten_times_at_once_answers_once():
    opened, (person, *_others) = _opened(3)
    outcomes = run_at_once(
        [_answer(opened, person, 1 + n % 5) for n in range(10)],
        refusals=(questionnaire.AlreadyAnswered,),
        success="answered",
    )
    assert sorted(outcomes) == ["AlreadyAnswered"] * 9 + ["answered"]
    assert Response.objects.filter(questionnaire=opened, filled=True).count() == 1


def test_ten_people_answering_at_once_fill_ten_slots():
    opened, people = _opened(10)
    outcomes = run_at_once(
        [_answer(opened, person, 3) for person in people],
        refusals=(),
        success="answered",
    )
    assert outcomes == ["answered"] * 10
    assert Response.objects.filter(questionnaire=opened, filled=True).count() == 10
    assert Invitation.objects.filter(questionnaire=opened, answered=True).count() == 10
