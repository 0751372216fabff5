"""Questionnaires for the tests: a finished workshop whose team opened it, answers with known
values, and the City's questionnaires for the pages that go through every form and page
(tests/hostile_pages.py, tests/test_html_validity.py), made on first use."""

from types import SimpleNamespace

from django.urls import reverse

from ateliers.core.models import Role
from ateliers.evaluations import questionnaire as service
from ateliers.evaluations.models import Questionnaire
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

# Answers whose results are known (tests/evaluations/test_questionnaire_results.py): five
# people; "understood" 5, 4, 4, 2, (none) — shares 25/50/0/25/0 %, average 3.75 → "3.8 / 5".
KNOWN_ANSWERS = [
    {
        "understood": 5,
        "could_speak": 5,
        "again": "yes",
        "age_band": "30_44",
        "first_time": True,
        "change": "Plus de réunions le soir.",
    },
    {"understood": 4, "could_speak": 4, "again": "yes", "age_band": "30_44", "first_time": True},
    {"understood": 4, "could_speak": 3, "again": "maybe", "age_band": "60_74", "first_time": False},
    {"understood": 2, "could_speak": 1, "again": "no", "change": "Des documents plus courts."},
    {"again": "yes"},
]


def url(name: str, workshop) -> str:
    return reverse(f"evaluations:{name}", args=[workshop.slug])


def opened(workshop=None, *, participants: int = 5, team=None) -> tuple[Questionnaire, list]:
    """A finished workshop's questionnaire, opened by its team, and its participants."""
    workshop = workshop or WorkshopFactory(finished=True)
    people = [ParticipationFactory(workshop=workshop).user for _ in range(participants)]
    team = team or UserFactory(role=Role.CITY_STAFF)
    return service.questionnaire_open(actor=team, workshop=workshop), people


def answer_all(questionnaire: Questionnaire, people, answers: list[dict]) -> None:
    """Each of `answers` by the next of `people`, through the service."""
    for person, given in zip(people, answers, strict=False):
        service.questionnaire_answer(user=person, questionnaire=questionnaire, answers=given)


def city_questionnaires(city) -> SimpleNamespace:
    """On the City's finished workshop, an open questionnaire the resident is invited to and
    has not answered; on another finished workshop, one with five answers (its results)."""
    if getattr(city, "_questionnaires", None) is None:
        ParticipationFactory(workshop=city.finished_workshop, user=city.resident)
        to_answer, _people = opened(city.finished_workshop, participants=2, team=city.staff)
        answered_workshop = WorkshopFactory(
            title="Des fontaines au parc",
            neighbourhood=city.finished_workshop.neighbourhood,
            finished=True,
        )
        with_results, people = opened(answered_workshop, team=city.staff)
        answer_all(with_results, people, KNOWN_ANSWERS)
        city._questionnaires = SimpleNamespace(
            to_answer=to_answer.workshop, with_results=answered_workshop
        )
    return city._questionnaires
