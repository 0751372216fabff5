"""Questionnaires for the tests: a finished workshop whose team opened it, answers with known
values, and the City's questionnaires for the pages that go through every form and page
(tests/hostile_pages.py, tests/test_html_validity.py), made on first use."""

import datetime
from types import SimpleNamespace

from django.db.models import F
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


def closed(questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire, its 30 days over: results are published only then."""
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        opens_at=F("opens_at") - datetime.timedelta(days=31),
        closes_at=F("closes_at") - datetime.timedelta(days=31),
    )
    questionnaire.refresh_from_db()
    return questionnaire


def answer_all(questionnaire: Questionnaire, people, answers: list[dict]) -> None:
    """Each of `answers` by the next of `people`, through the service."""
    for person, given in zip(people, answers, strict=False):
        service.questionnaire_answer(user=person, questionnaire=questionnaire, answers=given)


def city_questionnaires(city) -> SimpleNamespace:
    """On the City's finished workshop, an open questionnaire the resident is invited to and
    has not answered; on another finished workshop, one with five answers (its results); a
    third finished workshop whose team has not opened it yet."""
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
        not_opened = WorkshopFactory(title="Un square pour les chiens", finished=True)
        ParticipationFactory(workshop=not_opened)
        city._questionnaires = SimpleNamespace(
            to_answer=to_answer.workshop, with_results=answered_workshop, not_opened=not_opened
        )
    return city._questionnaires


# For tests/test_hostile_input.py: the questionnaire's form with valid answers, and its page.


def _valid_answers(city) -> dict:
    return {
        "understood": "4",
        "could_speak": "5",
        "listened_to": "3",
        "fair": "4",
        "influence": "2",
        "again": "yes",
        "change": "Des réunions le soir.",
        "age_band": "30_44",
        "first_time": "yes",
        "neighbourhood": city.finished_workshop.neighbourhood.pk,
    }


def questionnaire_form_uses(FormUse, no_arguments) -> dict:  # noqa: N803 - the class given
    from ateliers.evaluations.forms_questionnaire import QuestionnaireForm

    return {QuestionnaireForm: [FormUse("questionnaire", no_arguments, _valid_answers)]}


def questionnaire_form_pages(FormPage, answers_of, fields_of) -> list:  # noqa: N803
    from ateliers.evaluations.forms_questionnaire import QuestionnaireForm

    return [
        FormPage(
            "questionnaire",
            "resident",
            lambda c: url("questionnaire", city_questionnaires(c).to_answer),
            answers_of(QuestionnaireForm),
            fields_of(QuestionnaireForm),
            form=QuestionnaireForm,
        )
    ]


def questionnaire_html_pages(Page) -> list:  # noqa: N803 - the class given
    """For tests/test_html_validity.py: the questionnaire's pages, for who sees each."""

    def of(name: str, which: str):
        return lambda c: url(name, getattr(city_questionnaires(c), which))

    return [
        Page("questionnaire-form", "resident", of("questionnaire", "to_answer")),
        Page(
            "questionnaire-form-errors",
            "resident",
            of("questionnaire", "to_answer"),
            data=lambda c: {"understood": "9", "age_band": "30_44"},
        ),
        Page("questionnaire-visitor", None, of("questionnaire", "to_answer")),
        Page("questionnaire-not-invited", "staff", of("questionnaire", "to_answer")),
        Page("questionnaire-not-open", "staff", of("questionnaire", "not_opened")),
        Page("questionnaire-open", "staff", of("questionnaire_open", "not_opened")),
        Page("questionnaire-already-open", "staff", of("questionnaire_open", "to_answer")),
        Page("questionnaire-results-too-few", None, of("results", "to_answer")),
        Page("questionnaire-results-not-open", None, of("results", "not_opened")),
        Page("questionnaire-results", None, of("results", "with_results")),
        Page("questionnaire-results-team", "staff", of("results", "with_results")),
    ]
